import assert from 'node:assert/strict';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import type { SafetyDialogOptions } from '../../dialogs/safety-dialog.js';
import { createWayfinderRecognizer, type WayfinderRecognizer } from '../../src/language/intents/index.js';
import type { FeatureIntent } from '../../src/language/routing.js';
import { type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { GatedSafety, type GateSetup, switchRecorder } from '../support/gated-safety.js';
import { realRecognition } from '../support/scripted-recognition.js';

const danger: SafetyDialogOptions = { level: 'danger', explicit: true, overdose: false };
const hint: SafetyDialogOptions = { level: 'danger', explicit: false, overdose: false };
const overdose: SafetyDialogOptions = { level: 'danger', explicit: true, overdose: true };
const concern: SafetyDialogOptions = { level: 'concern', explicit: true, overdose: false };

// Messages whose finding each case sets (what the gate will say once it hears them).
const OD = 'he took too much and wont wake up';
const HINT = 'i just want it all to stop';
const DANGER = 'i want to die';
const CONCERN = 'work has been so much lately';
const flags: Record<string, SafetyDialogOptions> = {
  [OD]: overdose,
  [HINT]: hint,
  [DANGER]: danger,
  [CONCERN]: concern,
};

const round = (n: number): Reply => ['safety.choicePrompt', {}, n];
const crisisReply: Reply[] = ['safety.dangerIntro', 'crisis.intro', round(0)];
const overdoseReply: Reply[] = ['safety.overdoseNow', round(0)];
const concernReply: Reply[] = [['safety.concernIntro', {}, CONCERN.length]];
const again = (n: number): Reply => ['safety.overdoseAgain', {}, n];
const short = (n: number): Reply => ['safety.overdoseShort', {}, n];
const paused: Step = ['hi', ['nickname.ask']];

interface SafetyCase {
  name: string;
  setup?: GateSetup;
  steps: Step[];
  /** Whether the dialog is over after the last step (back with nothing paused, menu, a switch). */
  ended: boolean;
  /** The topic the last message started (the bot starts it from the menu). */
  switchedTo?: FeatureIntent;
}

const overdoseCases: SafetyCase[] = [
  {
    name: 'an overdose gets 911 and the overdose steps at once, never the check-in',
    steps: [[OD, overdoseReply]],
    ended: false,
  },
  {
    name: 'a veiled overdose (not explicit) gets the overdose reply at once, not "are you thinking about hurting yourself?"',
    setup: { flags: { 'used more than usual and can barely stay awake': { ...overdose, explicit: false } } },
    steps: [['used more than usual and can barely stay awake', overdoseReply]],
    ended: false,
  },
  {
    name: 'an overdose the gate rated only concern still gets the overdose reply',
    setup: { flags: { 'took too much idk': { level: 'concern', explicit: false, overdose: true } } },
    steps: [['took too much idk', overdoseReply]],
    ended: false,
  },
  {
    name: 'having naloxone and asking what to do, as a first message: the overdose reply (the real gate)',
    setup: {},
    steps: [["my friend took too much and won't wake up, i have narcan what do i do", overdoseReply]],
    ended: false,
  },
  {
    name: '"no, it\'s not on purpose" after an overdose gets the essentials in one line, never "I\'m glad you\'re safe"',
    steps: [
      [OD, overdoseReply],
      ["no, it's not on purpose", [short(0), round(1)]],
    ],
    ended: false,
  },
  {
    name: 'after an overdose, the steps again only when asked for ("what do i do", "help", "steps"), in new words; other words get one line',
    steps: [
      [OD, overdoseReply],
      ['what do i do', [again(0), round(1)]],
      ['help', [again(1), round(2)]],
      ["he's still not waking up", ['safety.noResponse', round(3)]],
      ['i already gave narcan', [short(3), round(4)]],
      ['ok', [short(4), round(5)]],
      ['steps again', [again(5), round(6)]],
    ],
    ended: false,
  },
  {
    name: 'inside a guided conversation: the overdose reply, then "Go back" asks the paused question again',
    setup: { paused: true },
    steps: [paused, [OD, overdoseReply], ['Go back', ['safety.backAgain', 'nickname.ask']]],
    ended: false,
  },
  {
    name: 'after an overdose reply a request is still carried out (safety came first)',
    steps: [
      [OD, overdoseReply],
      ['find a group', []],
    ],
    ended: true,
    switchedTo: 'peerGroup',
  },
  {
    name: '"menu" after an overdose reply still leaves for the menu',
    steps: [
      [OD, overdoseReply],
      ['menu', ['interruptions.toMenu']],
    ],
    ended: true,
  },
];

const dangerCases: SafetyCase[] = [
  {
    name: 'explicit danger mid-conversation: the crisis reply at once; "Go back" asks the paused question again',
    setup: { paused: true },
    steps: [paused, [DANGER, crisisReply], ['Go back', ['safety.backAgain', 'nickname.ask']]],
    ended: false,
  },
  {
    name: 'a second danger message gets a shorter reply, a third another one: never the same words',
    steps: [
      [DANGER, crisisReply],
      ['i want to kill myself', [['safety.dangerAgain', {}, 0], round(1)]],
      ['i want to end my life', [['safety.dangerAgain', {}, 1], round(2)]],
    ],
    ended: false,
  },
  {
    name: 'concern after a danger reply stays with the crisis: the shorter crisis reply',
    steps: [
      [DANGER, crisisReply],
      [CONCERN, [['safety.dangerAgain', {}, 0], round(1)]],
    ],
    ended: false,
  },
  {
    name: 'free text after a danger reply gets a kind word and the buttons again, in new words each time',
    steps: [
      [DANGER, crisisReply],
      ['ok', [['safety.stillHere', {}, 0], round(1)]],
      ['what do i do', [['safety.stillHere', {}, 1], round(2)]],
    ],
    ended: false,
  },
  {
    name: 'the buttons in the person\'s words: "the numbers", then "back"',
    steps: [
      [DANGER, crisisReply],
      ['the numbers', ['crisis.intro', round(1)]],
      ['back', ['safety.backAgain']],
    ],
    ended: true,
  },
  {
    name: '"talk to a person", typed: the lines that answer now, then a peer specialist',
    steps: [
      [DANGER, crisisReply],
      ['i want to talk to a real person', ['safety.talkToPersonAnswer', 'handoff.intro']],
    ],
    ended: true,
  },
  {
    name: 'help helps and asks again in other words; "cancel" goes back',
    setup: { paused: true },
    steps: [
      paused,
      [DANGER, crisisReply],
      ['help', ['help.short', round(1)]],
      ['cancel', ['safety.backAgain', 'nickname.ask']],
    ],
    ended: false,
  },
  {
    name: 'a request after a danger reply is carried out: "help me get ready for my appointment"',
    steps: [
      [DANGER, crisisReply],
      ['help me get ready for my appointment', []],
    ],
    ended: true,
    switchedTo: 'appointment',
  },
];

/** Answers to the check-in that are not a clear "no": each gets the crisis reply. */
const unsafeAnswers = [
  'yes',
  'yeah',
  'idk',
  'i dont know',
  'maybe',
  'kind of',
  'not sure',
  '...',
  'whatever',
  '?',
  '🙂',
  '',
  ' ',
  'hmm',
  'help',
  'menu',
  'cancel',
  'no idea',
  'no but sometimes',
  'not really',
  'im not ok',
  'no im not safe',
  'find a group',
  '2',
  'i want to die',
  'no?',
  'never mind',
  'sí',
  'no sé',
];

/** Clear answers of "no": each is thanked, the door left open, and the paused question asked again. */
const safeAnswers = [
  'no',
  'No',
  "No, I'm safe",
  "i'm safe",
  'im ok',
  'no im ok just tired',
  'nope',
  "nah i'm good",
  'not at all',
  'no. just tired',
  'Estoy a salvo',
  'no, para nada',
];

const checkInCases: SafetyCase[] = [
  ...unsafeAnswers.map(
    (answer): SafetyCase => ({
      name: `a hint, then ${JSON.stringify(answer)}: the safe reading, the crisis reply`,
      steps: [
        [HINT, ['safety.confirm']],
        [answer, crisisReply],
      ],
      ended: false,
    }),
  ),
  ...safeAnswers.map(
    (answer): SafetyCase => ({
      name: `a hint, then ${JSON.stringify(answer)}: thanks, 988 any time, and back to the paused question`,
      setup: { paused: true },
      steps: [paused, [HINT, ['safety.confirm']], [answer, ['safety.safeThanks', 'nickname.ask']]],
      ended: false,
    }),
  ),
  {
    name: 'a clear "no" with words only the learned layer finds risky: the answer stands',
    setup: { paused: true },
    steps: [
      paused,
      [HINT, ['safety.confirm']],
      ['no, im safe. i just mean its hard to understand them', ['safety.safeThanks', 'nickname.ask']],
    ],
    ended: false,
  },
  {
    name: 'a "no" beside words a rule flags (letters written to the kids): the crisis reply',
    steps: [
      [HINT, ['safety.confirm']],
      ['no im fine, i already wrote the letters to my kids', crisisReply],
    ],
    ended: false,
  },
  {
    name: 'a hint while a concern reply is open gets the check-in',
    steps: [
      [CONCERN, concernReply],
      [HINT, ['safety.confirm']],
    ],
    ended: false,
  },
  {
    name: 'a hint after a crisis reply gets the shorter crisis reply, not the check-in',
    steps: [
      [DANGER, crisisReply],
      [HINT, [['safety.dangerAgain', {}, 0], round(1)]],
    ],
    ended: false,
  },
];

const concernCases: SafetyCase[] = [
  {
    name: 'concern: acknowledged once with a person offered; "Keep going" asks the paused question again',
    setup: { paused: true },
    steps: [paused, [CONCERN, concernReply], ['Keep going', ['safety.backAgain', 'nickname.ask']]],
    ended: false,
  },
  {
    name: 'free text after a concern reply: a brief word, then the paused question, never "I\'m still here"',
    setup: { paused: true },
    steps: [
      paused,
      [CONCERN, concernReply],
      ['yeah its been a rough week', ['safety.concernNoted', 'nickname.ask']],
    ],
    ended: false,
  },
  {
    name: 'free text after a concern reply, nothing paused: a brief word, and it closes (the bot shows the menu)',
    steps: [
      [CONCERN, concernReply],
      ['idk', ['safety.concernNoted']],
    ],
    ended: true,
  },
  {
    name: 'a second concern in a row gets a shorter, different reply; a third another one',
    setup: { flags: { 'so tired all the time': concern, 'everything is too much': concern } },
    steps: [
      [CONCERN, concernReply],
      ['so tired all the time', [['safety.concernAgain', {}, 0]]],
      ['everything is too much', [['safety.concernAgain', {}, 1]]],
    ],
    ended: false,
  },
  {
    name: 'concern, then a worry only the learned layer calls danger: concern again (the shorter reply), not the check-in',
    setup: { flags: { "I already said, focus. I can't focus": { ...hint, learnedOnly: true } } },
    steps: [
      [CONCERN, concernReply],
      ["I already said, focus. I can't focus", [['safety.concernAgain', {}, 0]]],
    ],
    ended: false,
  },
  {
    name: 'concern, then danger: the crisis reply',
    steps: [
      [CONCERN, concernReply],
      [DANGER, crisisReply],
    ],
    ended: false,
  },
  ...['yes', 'sure', 'talk to a persn', 'Talk to a person', 'a person'].map(
    (answer): SafetyCase => ({
      name: `"would it help to talk with a person?" answered ${JSON.stringify(answer)}: a person`,
      steps: [
        [CONCERN, concernReply],
        [answer, ['safety.talkToPersonAnswer', 'handoff.intro']],
      ],
      ended: true,
    }),
  ),
  ...['no', 'nope', 'no thanks', 'keep going', 'kep going', 'back', 'the keep going one'].map(
    (answer): SafetyCase => ({
      name: `the concern reply answered ${JSON.stringify(answer)}: back to the paused question`,
      setup: { paused: true },
      steps: [paused, [CONCERN, concernReply], [answer, ['safety.backAgain', 'nickname.ask']]],
      ended: false,
    }),
  ),
  ...['what is 988?', 'idk'].map(
    (answer): SafetyCase => ({
      name: `the concern reply answered ${JSON.stringify(answer)} (a side question, unsure): a brief word, back`,
      setup: { paused: true },
      steps: [paused, [CONCERN, concernReply], [answer, ['safety.concernNoted', 'nickname.ask']]],
      ended: false,
    }),
  ),
  ...(
    [
      ['find a group', 'peerGroup'],
      ['help me get ready for my appointment', 'appointment'],
      ['I need an accommodation at work', 'accommodation'],
      ['can we practice a conversation', 'practice'],
    ] as const
  ).map(
    ([request, intent]): SafetyCase => ({
      name: `a request right after a concern reply is carried out at once: ${JSON.stringify(request)}`,
      steps: [
        [CONCERN, concernReply],
        [request, []],
      ],
      ended: true,
      switchedTo: intent,
    }),
  ),
  {
    name: 'asking for the conversation the concern reply paused (accommodation) takes it up again, answers kept',
    setup: { paused: true },
    steps: [
      paused,
      [CONCERN, concernReply],
      ['I need an accommodation at work', ['safety.backAgain', 'nickname.ask']],
    ],
    ended: false,
  },
  {
    name: '"help" after a concern reply: the help, then the paused question',
    setup: { paused: true },
    steps: [paused, [CONCERN, concernReply], ['help', ['help.short', 'nickname.ask']]],
    ended: false,
  },
  {
    name: '"help" after a concern reply with nothing paused: it closes, and the menu that starts gives the help',
    steps: [
      [CONCERN, concernReply],
      ['help', []],
    ],
    ended: true,
  },
  {
    name: '"menu" after a concern reply goes to the menu',
    setup: { paused: true },
    steps: [paused, [CONCERN, concernReply], ['menu', ['interruptions.toMenu']]],
    ended: true,
  },
  {
    name: '"start over" (cancel) after a concern reply goes back to the paused question',
    setup: { paused: true },
    steps: [paused, [CONCERN, concernReply], ['start over', ['safety.backAgain', 'nickname.ask']]],
    ended: false,
  },
];

describe('SafetyDialog transcripts', function () {
  // The recognizer is trained once for this suite (about a second).
  this.timeout(30_000);
  let recognizer: WayfinderRecognizer;
  before(() => {
    recognizer = createWayfinderRecognizer();
  });

  const groups: [string, SafetyCase[]][] = [
    ['overdose', overdoseCases],
    ['danger', dangerCases],
    ['the check-in after a hint of danger', checkInCases],
    ['concern', concernCases],
  ];
  for (const [group, cases] of groups) {
    describe(group, () => {
      for (const testCase of cases) {
        it(testCase.name, async () => {
          const { switched, middleware } = switchRecorder();
          const setup = { ...testCase.setup, flags: { ...flags, ...testCase.setup?.flags } };
          const { client } = await runDialogCase(
            (deps) => new GatedSafety(deps, setup),
            testCase.steps,
            undefined,
            [realRecognition(recognizer), middleware],
          );
          const over = client.dialogTurnResult.status !== DialogTurnStatus.waiting;
          assert.equal(over, testCase.ended, 'ended');
          assert.equal(switched.at(-1), testCase.switchedTo, 'switched to');
        });
      }
    });
  }
});
