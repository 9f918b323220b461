import assert from 'node:assert/strict';
import { MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog } from '../../dialogs/practice-dialog.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { sceneOf } from '../../src/practice/scenarios.js';
import { fillLine } from '../../src/practice/slots.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { type Reply, runDialogCase, type Step } from '../support/dialog-case.js';

// Tenth people run (group A, Marcus): his saved request named "my supervisor mike", yet the scene
// played "Pat", and "pat?? its MIKE. coach me" was not heard; the feedback twice coached "an early
// finish one day a week", the scene's goal, though he asked to start at 11; and "make mike ask me
// what the appointments are for" got "That's what we said.".
const content = loadPracticeContent();
const supervisor = content.scenarios.find((s) => s.id === 'supervisor-meetings') ?? assert.fail('supervisor');
const asMike = supervisor.counterpart.replace(supervisor.name, 'Mike');
const opening = (counterpart: string): Reply => [
  'practice.counterpartSays',
  { counterpart, line: supervisor.opening },
];
// "make mike ask me what the appointments are for": the question he wants to rehearse, asked.
const nosy = (counterpart: string): Reply[] => [
  'practice.nosyCoach',
  ['practice.counterpartSays', { counterpart, line: testContent().strings.text('practice.nosyLine') }],
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
      ['ok make mike ask me what the appointments are for', nosy(asMike)],
      ['thats not what i said. i want to practice if he asks WHAT the appointments are', nosy(asMike)],
      ['stop', feedback],
    ],
  },
  {
    name: 'Marcus c2: "pat?? its MIKE. coach me" at the coaching question plays Mike; "(be nosy)" has him ask',
    options: { fromRequest: { counterparts: ['Work', 'Your supervisor'], request } },
    steps: [
      [
        'practice saying it',
        ['practice.intro', ['practice.scene', { counterpart: supervisor.counterpart }], 'practice.askMode'],
      ],
      ['pat?? its MIKE. coach me', ['practice.renamed', opening(asMike)]],
      [
        'hey, i need to start at 11 on tue and thu for my appointments. ill make up the hours',
        // The middle way is his own: Mike agrees, never asks him to make up the time.
        [
          'practiceFeedback.coachNoticed',
          [
            'practice.counterpartSays',
            { counterpart: asMike, line: fillLine(supervisor.moves.accept[0] ?? '', { request }) },
          ],
        ],
      ],
      ['what are the appointments for though? (be nosy)', nosy(asMike)],
    ],
  },
];

// Group D, Ava: "5 but its not an application, ... its about the rent and my dog" played the
// general scene, "You applied for an apartment", and the landlord said "Oh, the application".
const landlord = content.scenarios.find((s) => s.id === 'landlord-application') ?? assert.fail('landlord');
const rent = sceneOf(landlord, 'rent-plan');
const reason = 'i dont want to get evicted while im in treatment';
cases.push({
  name: 'Ava: "5 but its not an application, ... the rent and my dog" plays the rent, named first',
  options: {},
  steps: [
    ['hi', ['practice.intro', 'practice.chooseScenario']],
    [
      '5 but its not an application, i already live there, its about the rent and my dog',
      ['practice.askReason'],
    ],
    [
      reason,
      [
        ['practice.scene', { setting: rent.setting, counterpart: rent.counterpart, persona: rent.persona }],
        ['practice.sceneReason', { reason }],
        'practice.askMode',
      ],
    ],
    ['coach me', [['practice.counterpartSays', { counterpart: rent.counterpart, line: rent.opening }]]],
  ],
});

describe('practice: the tenth people run (Marcus, Ava)', () => {
  for (const test of cases)
    it(test.name, () => runDialogCase(makePractice, test.steps, test.options).then(() => undefined));
});
