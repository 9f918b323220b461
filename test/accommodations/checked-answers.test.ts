import assert from 'node:assert/strict';
import type { SavedAccommodationRequest } from '../../src/accommodations/saved-requests.js';
import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { type DialogCase, runDialogCase, type Step, storedUserState } from '../support/dialog-case.js';
import { lastCardText, makeAccommodation, recorder } from './support.js';

const { strings } = testContent();
const say = (key: StringKey) => strings.text(key);

/** Work, anxiety: up to the idea question. */
const toIdea: Step[] = [
  ['hi', ['accommodation.intro', 'accommodation.askSetting']],
  [say('accommodationSettings.work'), ['accommodation.askBarrier']],
  [say('accommodationBarriers.anxiety'), ['accommodation.askIdea']],
];
/** From the format question to "what next?". */
const formatToEnd: Step[] = [
  [say('accommodation.email'), ['accommodation.askStart']],
  [say('accommodation.asap'), ['accommodation.askDisclosure']],
  [
    say('accommodationDisclosure.general'),
    ['accommodationBrief.heading', 'accommodation.ready', 'accommodation.askReview'],
  ],
  [say('accommodation.reviewSave'), ['accommodation.saved', 'accommodation.askNext']],
];
const whoTip: Step[1][number] = 'accommodation.whoTip';

/** A case, and what the saved request (and the letter's text) must hold. */
interface CheckedCase extends DialogCase {
  check: (saved: SavedAccommodationRequest, letter: string) => void;
}

const cases: CheckedCase[] = [
  {
    name: 'idea: "this is useless" gets a sorry, the way to a person and the choices again; the letter never says it',
    steps: [
      ...toIdea,
      ['this is useless', ['answers.upset']],
      ['the quieter one', ['accommodation.askWho']],
      [say('accommodation.someoneElse'), ['accommodation.askOwnWho']],
      ['the office manager', [whoTip, 'accommodation.askFormat']],
      ...formatToEnd,
    ],
    check: (saved, letter) => {
      assert.deepEqual(saved.answers.idea, { id: 'quietSpace' });
      assert.ok(!letter.includes('useless'));
    },
  },
  {
    name: 'idea: "yea" and "idk" are no change to ask for: asked again with an example, then an offer to skip',
    steps: [
      ...toIdea,
      ['yea', ['accommodation.askIdeaAgain']],
      ['idk', ['accommodation.offerSkip']],
      ['1 is fine', ['accommodation.askWho']],
      [say('accommodation.someoneElse'), ['accommodation.askOwnWho']],
      ['my boss', [whoTip, 'accommodation.askFormat']],
      ...formatToEnd,
    ],
    check: (saved, letter) => {
      assert.ok('id' in saved.answers.idea, JSON.stringify(saved.answers.idea));
      for (const never of ['yea', 'idk', '1 is fine']) assert.ok(!letter.includes(never), never);
    },
  },
  {
    name: 'barrier in own words: "ok" is no barrier, and a side question is said not to be kept',
    steps: [
      ['hi', ['accommodation.intro', 'accommodation.askSetting']],
      [say('accommodationSettings.work'), ['accommodation.askBarrier']],
      [say('accommodationBarriers.other'), ['accommodation.askOwnBarrier']],
      ['ok', ['accommodation.askBarrierAgain']],
      ['can they see my records', ['answers.sideQuestion']],
      ['my bus gets in at 9:15', ['accommodation.askIdea']],
      ['1', ['accommodation.askWho']],
      [say('accommodation.someoneElse'), ['accommodation.askOwnWho']],
      ['my boss', [whoTip, 'accommodation.askFormat']],
      ...formatToEnd,
    ],
    check: (saved) => {
      // Its words are kept only where the person shares specifics; the barrier is read from them.
      assert.equal(saved.answers.barrier.id, 'travel');
    },
  },
  {
    name: 'format: "no, I meant a letter" right after choosing email changes the format, at the question after',
    steps: [
      ...toIdea,
      ['1', ['accommodation.askWho']],
      [say('accommodation.someoneElse'), ['accommodation.askOwnWho']],
      ['my boss', [whoTip, 'accommodation.askFormat']],
      [say('accommodation.email'), ['accommodation.askStart']],
      ['no, I meant letter', [['answers.corrected', { answer: 'letter' }], 'accommodation.askStart']],
      [say('accommodation.asap'), ['accommodation.askDisclosure']],
      [
        say('accommodationDisclosure.general'),
        ['accommodationBrief.heading', 'accommodation.ready', 'accommodation.askReview'],
      ],
      [say('accommodation.reviewSave'), ['accommodation.saved', 'accommodation.askNext']],
    ],
    check: (saved) => {
      assert.equal(saved.answers.format, 'letter');
      assert.deepEqual(saved.answers.who, { own: 'my boss' });
    },
  },
  {
    name: 'who: "its the med doc not primary" at the next question changes who to ask, said back',
    steps: [
      ...toIdea,
      ['1', ['accommodation.askWho']],
      [say('accommodation.someoneElse'), ['accommodation.askOwnWho']],
      ['primary', [whoTip, 'accommodation.askFormat']],
      [
        'its the med doc not primary',
        [['answers.corrected', { answer: 'the med doc' }], 'accommodation.askFormat'],
      ],
      ...formatToEnd,
    ],
    check: (saved) => {
      assert.deepEqual(saved.answers.who, { own: 'the med doc' });
    },
  },
];

describe('Accommodation answers are checked before they go into a letter', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { middleware, sent } = recorder();
      const { deps } = await runDialogCase(makeAccommodation(), c.steps, {}, [middleware]);
      const user = await storedUserState(deps.storage);
      const requests = (user?.accommodationRequests as { requests?: SavedAccommodationRequest[] } | undefined)
        ?.requests;
      const saved = requests?.[0];
      assert.ok(saved, `a request was saved: ${JSON.stringify(user)}`);
      c.check(saved, lastCardText(sent));
    });
  }
});
