import assert from 'node:assert/strict';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { SafetyDialog, type SafetyDialogOptions } from '../../dialogs/safety-dialog.js';
import { type Reply, runDialogCase, type Step } from '../support/dialog-case.js';

const makeSafety = (deps: ConstructorParameters<typeof SafetyDialog>[0]) => new SafetyDialog(deps);
const danger: SafetyDialogOptions = { level: 'danger', explicit: true, overdose: false };
const hint: SafetyDialogOptions = { level: 'danger', explicit: false, overdose: false };
const crisisReply: Reply[] = ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt'];

interface SafetyCase {
  name: string;
  options: SafetyDialogOptions;
  steps: Step[];
  /** Whether the dialog is over after the last step (it went back or to the menu). */
  ended: boolean;
}

const cases: SafetyCase[] = [
  {
    name: 'explicit danger: the crisis reply at once, then "Go back" ends it',
    options: danger,
    steps: [
      ['I want to die', crisisReply],
      ['Go back', ['safety.backAgain']],
    ],
    ended: true,
  },
  {
    name: 'overdose: the overdose step',
    options: { ...danger, overdose: true },
    steps: [['he is not breathing', ['safety.stepOverdose', 'crisis.intro', 'safety.choicePrompt']]],
    ended: false,
  },
  {
    name: 'a hint: asks first; "no" thanks and offers the choices',
    options: hint,
    steps: [
      ['nobody would miss me', ['safety.confirm']],
      ['no', ['safety.safeThanks', 'safety.choicePrompt']],
    ],
    ended: false,
  },
  {
    name: 'a hint: an unclear answer is taken as yes (safety first)',
    options: hint,
    steps: [
      ['nobody would miss me', ['safety.confirm']],
      ['i dont know', crisisReply],
    ],
    ended: false,
  },
  {
    name: 'concern: gentle words, no emergency wording',
    options: { level: 'concern', explicit: true, overdose: false },
    steps: [['i feel hopeless', [['safety.concernIntro', {}, 15], 'safety.choicePrompt']]],
    ended: false,
  },
  {
    name: 'the choices: the lines, free text, then the menu ends it',
    options: danger,
    steps: [
      ['I want to die', crisisReply],
      ['Crisis lines', ['crisis.intro', 'safety.choicePrompt']],
      ['ok', [['safety.stillHere', {}, 1], 'safety.choicePrompt']],
      ['ok', [['safety.stillHere', {}, 2], 'safety.choicePrompt']],
      ['Menu', ['interruptions.toMenu']],
    ],
    ended: true,
  },
  {
    name: 'help re-asks the choices; cancel goes back',
    options: danger,
    steps: [
      ['I want to die', crisisReply],
      ['help', ['help.summary', 'safety.choicePrompt']],
      ['cancel', ['safety.backAgain']],
    ],
    ended: true,
  },
];

describe('SafetyDialog transcripts', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const { client } = await runDialogCase(makeSafety, testCase.steps, testCase.options);
      const over = client.dialogTurnResult.status !== DialogTurnStatus.waiting;
      assert.equal(over, testCase.ended);
    });
  }
});
