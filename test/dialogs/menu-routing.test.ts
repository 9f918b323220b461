import assert from 'node:assert/strict';
import {
  type DialogTurnResult,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { InterruptibleDialog } from '../../dialogs/interruptible-dialog.js';
import { MainDialog } from '../../dialogs/main-dialog.js';
import type { FeatureIntent } from '../../src/language/routing.js';
import { type DialogCase, runDialogCase } from '../support/dialog-case.js';
import { type Scripted, scriptedRecognition } from '../support/scripted-recognition.js';

/** A stand-in guided conversation: asks one question (the nickname prompt's words) and ends. */
class StandInFeature extends InterruptibleDialog {
  protected override readonly feature: FeatureIntent = 'peerGroup';
  constructor(deps: DialogDeps) {
    super('standInPeerGroup', deps);
    this.addDialog(new TextPrompt('standInAsk')).addDialog(
      new WaterfallDialog('standInSteps', [
        async (step: WaterfallStepContext): Promise<DialogTurnResult> =>
          step.prompt('standInAsk', { prompt: deps.strings.text('nickname.ask') }),
        async (step: WaterfallStepContext): Promise<DialogTurnResult> => step.endDialog(),
      ]),
    );
    this.initialDialogId = 'standInSteps';
  }
}

/** A stand-in that ends at once, asking for a peer group next (as the appointment dialog can). */
class AsksForGroups extends InterruptibleDialog {
  protected override readonly feature: FeatureIntent = 'appointment';
  constructor(deps: DialogDeps) {
    super('standInAppointment', deps);
    this.addDialog(
      new WaterfallDialog('standInNext', [
        async (step: WaterfallStepContext): Promise<DialogTurnResult> =>
          step.endDialog({ next: 'peerGroup' }),
      ]),
    );
    this.initialDialogId = 'standInNext';
  }
}

const makeMain = (deps: DialogDeps) =>
  new MainDialog(deps, { peerGroup: new StandInFeature(deps), appointment: new AsksForGroups(deps) });

const script: Record<string, Scripted> = {
  'find me an NA meeting near me': ['peerGroup', 0.93],
  'maybe some kind of group thing': ['peerGroup', 0.55],
  'prep for my doctor': ['appointment', 0.9],
  'role play with my boss': ['practice', 0.9],
  'stuff with people': ['help', 0.3, ['peerGroup', 0.25]],
  'something about groups or doctors': ['peerGroup', 0.35, ['appointment', 0.3]],
  'hey there': ['greeting', 0.97],
  'blah blah': ['none', 0.8],
  'actually can you find me a group instead': ['peerGroup', 0.92],
  'a group maybe': ['peerGroup', 0.65],
  'my friend goes to a group': ['peerGroup', 0.5],
};

const cases: DialogCase[] = [
  {
    name: 'a sure free-text request starts that conversation',
    steps: [
      ['hello', ['menu.prompt']],
      ['find me an NA meeting near me', ['nickname.ask']],
    ],
  },
  {
    name: 'a fairly sure request is checked first; yes starts it',
    steps: [
      ['hello', ['menu.prompt']],
      ['maybe some kind of group thing', [['routing.confirm', { feature: 'Find a peer support group' }]]],
      ['yes', ['nickname.ask']],
    ],
  },
  {
    name: 'a checked request answered "no" owns the wrong guess and goes back to the menu',
    steps: [
      ['hello', ['menu.prompt']],
      ['maybe some kind of group thing', ['routing.confirm']],
      ['no', ['routing.guessWrong', 'menu.promptAgain']],
    ],
  },
  {
    name: 'an unsure request offers the two likeliest, and one can be picked',
    steps: [
      ['hello', ['menu.prompt']],
      ['something about groups or doctors', ['routing.twoOptions']],
      ['Find a peer support group', ['nickname.ask']],
    ],
  },
  {
    name: 'an unsure request with one likely topic is checked',
    steps: [
      ['hello', ['menu.prompt']],
      ['stuff with people', ['routing.confirm']],
    ],
  },
  {
    name: 'a conversation that does not exist yet is named honestly, then the menu again',
    steps: [
      ['hello', ['menu.prompt']],
      [
        'role play with my boss',
        [['routing.notYet', { feature: 'Practice a conversation' }], 'menu.promptAgain'],
      ],
    ],
  },
  {
    name: 'a conversation that ends by asking for another starts it',
    steps: [
      ['hello', ['menu.prompt']],
      ['prep for my doctor', ['nickname.ask']],
    ],
  },
  {
    name: 'a greeting is answered and the menu offered again',
    steps: [
      ['hello', ['menu.prompt']],
      ['hey there', ['smallTalk.greeting', 'menu.promptAgain']],
    ],
  },
  {
    name: 'text that is nothing recognizable gets the retry, not a guess',
    steps: [
      ['hello', ['menu.prompt']],
      ['blah blah', ['fallback.notUnderstood']],
    ],
  },
  {
    name: 'mid-dialog: a fairly sure other topic is offered as a switch; "no" re-asks the open question',
    steps: [
      ['hello', ['menu.prompt']],
      ['Choose a nickname', ['nickname.ask']],
      ['a group maybe', ['routing.switchConfirm']],
      ['No, keep going', ['nickname.ask']],
      ['Robin', [['nickname.saved', { name: 'Robin' }], 'menu.promptAgain']],
    ],
  },
  {
    // A person playing the bot typed this and was told "Sorry, I didn't catch that".
    name: 'mid-dialog: "Could we finish the plan first, and then talk about a person?" at the switch question keeps going',
    steps: [
      ['hello', ['menu.prompt']],
      ['Choose a nickname', ['nickname.ask']],
      ['a group maybe', ['routing.switchConfirm']],
      ['Could we finish the plan first, and then talk about a person?', ['nickname.ask']],
    ],
  },
  {
    name: 'mid-dialog: an unsure other topic is taken as the answer',
    steps: [
      ['hello', ['menu.prompt']],
      ['Choose a nickname', ['nickname.ask']],
      [
        'my friend goes to a group',
        [['nickname.saved', { name: 'my friend goes to a group' }], 'menu.promptAgain'],
      ],
    ],
  },
  {
    name: 'inside a conversation, asking for that same conversation is not a switch',
    steps: [
      ['hello', ['menu.prompt']],
      ['find me an NA meeting near me', ['nickname.ask']],
      ['a group maybe', ['menu.promptAgain']],
    ],
  },
];

describe('menu routing from free text', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      await runDialogCase(makeMain, testCase.steps, undefined, [scriptedRecognition(script)]);
    });
  }

  it('mid-dialog: a sure switch with "actually" closes every dialog for the new topic', async () => {
    const { client } = await runDialogCase(
      makeMain,
      [
        ['hello', ['menu.prompt']],
        ['Choose a nickname', ['nickname.ask']],
      ],
      undefined,
      [scriptedRecognition(script)],
    );
    const reply = await client.sendActivity('actually can you find me a group instead');
    assert.equal(reply, undefined, 'the bot starts the new topic; the dialog itself says nothing');
    assert.equal(client.dialogContext.stack.length, 0);
  });
});
