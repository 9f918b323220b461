import assert from 'node:assert/strict';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { SavedRequestsDialog } from '../../dialogs/saved-requests-dialog.js';
import {
  accommodationRequestsProperty,
  type SavedAccommodationRequest,
} from '../../src/accommodations/saved-requests.js';
import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import {
  type DialogCase,
  type HarnessDeps,
  runDialogCase,
  type Step,
  storedUserState,
} from '../support/dialog-case.js';
import { SafetyGateHost } from '../support/safety-gate-host.js';
import { accommodationContent, recorder, requestsOf, seedRequests } from './support.js';

const { strings } = testContent();
const say = (key: StringKey) => strings.text(key);

/** A transcript of the saved-request browser as data, with what is still saved after it. */
interface SavedCase extends DialogCase {
  /** Requests saved before the conversation starts: the first at work, the others at school. */
  seed: number;
  /** The settings of the requests still saved at the end, newest first. */
  left: readonly string[];
  /** The browser runs under the safety gate, as in the bot. */
  gated?: boolean;
}

const list: Step = ['my requests', ['accommodationSaved.askWhich']];
const opened: Step[1] = ['accommodationSaved.shown', 'accommodationSaved.askAction'];

// Two seeded requests are listed newest first: 1 is the one at school, 2 the one at work.
const cases: SavedCase[] = [
  {
    name: 'open one, copy it as text, delete it (confirmed), then close the list',
    seed: 2,
    steps: [
      list,
      ['1', opened],
      [say('accommodationSaved.actionText'), ['accommodationCard.title', 'accommodationSaved.askAction']],
      [say('accommodationSaved.actionDelete'), ['accommodationSaved.confirmDelete']],
      [say('accommodationSaved.deleteYes'), ['accommodationSaved.deleted', 'accommodationSaved.askWhich']],
      [say('accommodationSaved.done'), ['accommodationSaved.closed']],
    ],
    left: ['work'],
  },
  {
    name: '"No, keep it" keeps it',
    seed: 1,
    steps: [
      list,
      ['1', opened],
      [say('accommodationSaved.actionDelete'), ['accommodationSaved.confirmDelete']],
      [say('accommodationSaved.deleteNo'), ['accommodationSaved.kept', 'accommodationSaved.askAction']],
    ],
    left: ['work'],
  },
  {
    name: 'deleting the only one ends the list',
    seed: 1,
    steps: [
      list,
      ['1', opened],
      [say('accommodationSaved.actionDelete'), ['accommodationSaved.confirmDelete']],
      [say('accommodationSaved.deleteYes'), ['accommodationSaved.deleted']],
    ],
    left: [],
  },
  {
    name: 'none yet is said plainly',
    seed: 0,
    steps: [['my requests', ['accommodationSaved.none']]],
    left: [],
  },
  {
    name: '"the second one" opens the second; "delete it", "yes" deletes that one',
    seed: 2,
    steps: [
      list,
      ['the second one', opened],
      ['delete it', ['accommodationSaved.confirmDelete']],
      ['yes', ['accommodationSaved.deleted', 'accommodationSaved.askWhich']],
    ],
    left: ['school'],
  },
  {
    name: '"delete 2" at the list names the request, then asks before deleting it',
    seed: 2,
    steps: [
      list,
      ['delete 2', ['accommodationSaved.aboutToDelete', 'accommodationSaved.confirmDelete']],
      ['yes', ['accommodationSaved.deleted', 'accommodationSaved.askWhich']],
    ],
    left: ['school'],
  },
  {
    name: '"back" at a request lists them again; "back" at the list closes it, nothing deleted',
    seed: 2,
    steps: [
      list,
      ['1', opened],
      ['back', ['accommodationSaved.askWhich']],
      ['back', ['accommodationSaved.closed']],
    ],
    left: ['school', 'work'],
  },
  {
    name: 'a typo of a button still picks it ("delte it"); "idk" at the question deletes nothing',
    seed: 1,
    steps: [
      list,
      ['1', opened],
      ['delte it', ['accommodationSaved.confirmDelete']],
      ['idk', ['accommodationSaved.kept', 'accommodationSaved.askAction']],
    ],
    left: ['work'],
  },
  {
    name: 'words that are no pick are asked again, then left kindly; nothing deleted',
    seed: 2,
    steps: [
      list,
      ['purple', ['accommodationSaved.askWhichAgain']],
      ['banana', ['accommodationSaved.closed']],
    ],
    left: ['school', 'work'],
  },
  {
    name: 'help says what the bot does, then asks which again',
    seed: 2,
    steps: [list, ['help', ['help.short', 'accommodationSaved.askWhich']]],
    left: ['school', 'work'],
  },
  {
    name: 'a crisis at the confirm gets the crisis reply; "Go back" asks again, and nothing was deleted',
    seed: 1,
    gated: true,
    steps: [
      list,
      ['1', opened],
      [say('accommodationSaved.actionDelete'), ['accommodationSaved.confirmDelete']],
      ['I want to kill myself', ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt']],
      [say('safety.goBack'), ['safety.backAgain', 'accommodationSaved.confirmDelete']],
    ],
    left: ['work'],
  },
];

describe('saved-request browser (transcripts)', () => {
  for (const c of cases)
    it(c.name, async () => {
      let given: DialogDeps | undefined;
      const make = (deps: HarnessDeps) => {
        given = deps;
        const browser = new SavedRequestsDialog(deps, {
          requests: requestsOf(deps),
          content: accommodationContent(),
        });
        return c.gated ? new SafetyGateHost(deps, browser) : browser;
      };
      const { deps } = await runDialogCase(make, c.steps, undefined, [
        recorder().middleware,
        seedRequests(c.seed, () => given),
      ]);
      const user = await storedUserState(deps.storage);
      const store = user?.[accommodationRequestsProperty.name] as
        | { requests?: SavedAccommodationRequest[] }
        | undefined;
      assert.deepEqual(
        [...(store?.requests ?? [])]
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .map((request) => request.answers.setting),
        c.left,
      );
    });
});
