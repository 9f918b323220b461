import assert from 'node:assert/strict';
import { MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog } from '../../dialogs/practice-dialog.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { openUserProperties } from '../../src/user-properties.js';
import { type Reply, runDialogCase, type Step } from '../support/dialog-case.js';

// Tenth people run (group A, Marcus): his saved request named "my supervisor mike", yet the scene
// played "Pat", and "pat?? its MIKE. coach me" was not heard; the feedback twice coached "an early
// finish one day a week", the scene's goal, though he asked to start at 11.
const content = loadPracticeContent();
const supervisor = content.scenarios.find((s) => s.id === 'supervisor-meetings') ?? assert.fail('supervisor');
const asMike = supervisor.counterpart.replace(supervisor.name, 'Mike');
const opening = (counterpart: string): Reply => [
  'practice.counterpartSays',
  { counterpart, line: supervisor.opening },
];
const request = 'start at 11am on tuesdays and thursdays instead of 7am';
// His request is no thing ("start ..."), so the examples say "this", never the scene's goal (the
// feedback is one message: its example is looked for in it).
const feedback: Reply[] = [
  'practice.stopped',
  ['practiceExamples.inWriting', { ask: 'this' }],
  'practice.nextPrompt',
];

const makePractice = (deps: DialogDeps) =>
  new PracticeDialog(deps, {
    content,
    clock: () => new Date('2026-12-08T15:00:00Z'),
    history: openUserProperties(new UserState(new MemoryStorage())).practiceHistory,
  });

const cases: Array<{ name: string; options: object; steps: Step[] }> = [
  {
    name: 'Marcus c1: his saved request to "my supervisor mike" plays Mike, and the feedback is on his request',
    options: { fromRequest: { counterparts: ['my supervisor mike', 'Work'], request } },
    steps: [
      [
        'practice saying it to mike',
        ['practice.intro', ['practice.scene', { counterpart: asMike }], 'practice.askMode'],
      ],
      ['feedback at the end', [opening(asMike)]],
      ['hey mike got a sec? could i come in at 11 those days', ['practice.counterpartSays']],
      ['stop', feedback],
    ],
  },
  {
    name: 'Marcus c2: "pat?? its MIKE. coach me" at the coaching question plays Mike and starts the scene',
    options: { fromRequest: { counterparts: ['Work', 'Your supervisor'], request } },
    steps: [
      [
        'practice saying it',
        ['practice.intro', ['practice.scene', { counterpart: supervisor.counterpart }], 'practice.askMode'],
      ],
      ['pat?? its MIKE. coach me', ['practice.renamed', opening(asMike)]],
    ],
  },
];

describe('practice: the tenth people run (Marcus)', () => {
  for (const test of cases)
    it(test.name, () => runDialogCase(makePractice, test.steps, test.options).then(() => undefined));
});
