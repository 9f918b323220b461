import { MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog, type PracticeOptions } from '../../dialogs/practice-dialog.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { openUserProperties } from '../../src/user-properties.js';
import { runDialogCase, type Step } from '../support/dialog-case.js';

// Group D (Pat, sixth people run) reads one or two words at a time: "what" and "to hard" got the
// same question again. At each practice question they get it in one plain line, then its choices.
const content = loadPracticeContent();
const makePractice = (deps: DialogDeps) =>
  new PracticeDialog(deps, {
    content,
    clock: () => new Date('2026-12-07T15:00:00Z'),
    history: openUserProperties(new UserState(new MemoryStorage())).practiceHistory,
  });

const cases: Array<{ name: string; options?: PracticeOptions; steps: Step[] }> = [
  {
    name: '"what" at the scene list, then "to hard", each get the plain line and the list again',
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      ['what', ['practice.plainChoose', 'practice.chooseScenario']],
      ['to hard', ['practice.plainChoose', 'practice.chooseScenario']],
      ['landlrd', ['practice.askRequest']],
      ['what?', ['practice.plainRequest', 'practice.askRequest']],
    ],
  },
  {
    name: '"huh" at the reason and "what" at the coaching question are made plain, and the answer after is taken',
    options: { text: 'practice with my landlord about my dog' },
    steps: [
      ['hi', ['practice.intro', 'practice.askReason']],
      ['huh', ['practice.plainReason', 'practice.askReason']],
      ['he help me', ['practice.scene', 'practice.sceneReason', 'practice.askMode']],
      ['what', ['practice.plainMode', 'practice.askMode']],
      ['after', ['practice.counterpartSays']],
      // In the scene, a word is a line to the character, never a question about the bot's.
      ['what', ['practice.counterpartSays']],
    ],
  },
];

describe('practice: a plain version of the question for "what" and "to hard" (people run six, Pat)', () => {
  for (const test of cases)
    it(test.name, () => runDialogCase(makePractice, test.steps, test.options).then(() => undefined));
});
