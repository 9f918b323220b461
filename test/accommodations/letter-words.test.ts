import assert from 'node:assert/strict';
import { RequestBuilder } from '../../src/accommodations/letter.js';
import type { RequestAnswers } from '../../src/accommodations/model.js';
import type { SavedAccommodationRequest } from '../../src/accommodations/saved-requests.js';
import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { runDialogCase, type Step, storedUserState } from '../support/dialog-case.js';
import { accommodationContent, lastCardText, makeAccommodation, recorder, TODAY } from './support.js';

const { strings } = testContent();
const say = (key: StringKey) => strings.text(key);
const builder = new RequestBuilder(strings, accommodationContent());

/** A landlord letter asking for `own`, sent to `who`, at a general level. */
function request(own: string, who = 'my landlord', more: Partial<RequestAnswers> = {}): RequestAnswers {
  return {
    setting: 'housing',
    barrier: { id: 'anxiety' },
    idea: { own },
    who: { own: who },
    format: 'letter',
    start: { asap: true },
    disclosure: 'general',
    ...more,
  };
}

/** [typed, as the letter says it]: words people typed in the fifth run, and texting shorthand. */
const rows: [typed: string, written: string][] = [
  ['suport anmal dog', 'support animal dog'],
  ['dog liv wit me', 'dog live with me'],
  ['emoshnal suport anmal', 'emotional support animal'],
  ['dog for my nervs. emotional support animal', 'dog for my nerves. emotional support animal'],
  ['can u pls let me keep my dog bc she helps', 'can you please let me keep my dog because she helps'],
  ['a quiet unit w/ no shared walls', 'a quiet unit with no shared walls'],
  ['later start on thurs', 'later start on Thursday'],
  ['i dont want to move', "I don't want to move"],
  // The change itself, without the chat around it (Ava, group D).
  ['none of those really, i need extensions on assignment deadlines', 'extensions on assignment deadlines'],
  ['i need to start at 10 on thursdays', 'I need to start at 10 on thursdays'],
  // Marcus (group A, eighth run): his typo never reaches his boss.
  ['start at 11am insted of 7am on thursdays', 'start at 11am instead of 7am on thursdays'],
];

/** Words the list does not know, names and medications: as typed. */
const untouched = [
  'keep Biscuit, my ESA, in my unit',
  'time off for my suboxone clinic visits',
  'use the sure-start parking bay',
  'a unit on the ground floor',
];

describe('a letter says what the person typed, spelled as a letter to a landlord or employer needs', () => {
  for (const [typed, written] of rows)
    it(`"${typed}" is written "${written}"`, () => {
      const built = builder.build(request(typed), TODAY);
      const letter = built.letter.join('\n');
      assert.ok(letter.includes(written), letter);
      assert.deepEqual(built.answers.idea, { own: written });
      assert.ok(built.spoken.includes(written), built.spoken);
    });

  for (const typed of untouched)
    it(`"${typed}" is kept as typed (no word on the list)`, () => {
      // Recovery shared, so a medication named may be in the letter at all.
      const shared = request(typed, 'my landlord', { disclosure: 'specifics', condition: 'recovery' });
      assert.ok(builder.build(shared, TODAY).letter.join('\n').includes(typed));
    });

  it('who to send it to is spelled out too, and a name stays as typed ("supervsr mike")', () => {
    const built = builder.build(request('a later start', 'supervsr mike'), TODAY);
    assert.deepEqual(built.answers.who, { own: 'supervisor mike' });
    assert.ok(built.nextSteps.some((step) => step.includes('supervisor mike')));
  });
});

describe('the review shows the letter with the words written out, and that letter is saved (Pat, group D)', () => {
  const steps: Step[] = [
    ['landlrd leter', ['accommodation.intro', 'accommodation.askSetting']],
    [say('accommodationSettings.housing'), ['accommodation.askBarrier']],
    [say('accommodationBarriers.anxiety'), ['accommodation.askIdea']],
    [say('accommodation.somethingElse'), ['accommodation.askOwnIdea']],
    ['suport anmal dog', ['accommodation.askWho']],
    ['1', ['accommodation.whoTip', 'accommodation.askFormat']],
    ['leter', ['accommodation.askStart']],
    ['now', ['accommodation.askDisclosure']],
    ['2', ['accommodationBrief.heading', 'accommodation.ready', 'accommodation.askReview']],
    ['save', ['accommodation.saved', 'accommodation.askNext']],
  ];

  it('the letter shown says "support animal dog", never "suport anmal", and the saved request says it too', async () => {
    const { middleware, sent } = recorder();
    const { deps } = await runDialogCase(makeAccommodation(), steps, {}, [middleware]);
    const shown = lastCardText(sent);
    assert.ok(shown.includes('support animal dog'), shown);
    assert.ok(!/suport|anmal/.test(shown), shown);
    const user = await storedUserState(deps.storage);
    const saved = (user?.accommodationRequests as { requests?: SavedAccommodationRequest[] } | undefined)
      ?.requests?.[0];
    assert.deepEqual(saved?.answers.idea, { own: 'support animal dog' });
  });
});
