import assert from 'node:assert/strict';
import { AutoSaveStateMiddleware, MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog, type PracticeOptions, type PracticeResult } from '../../dialogs/practice-dialog.js';
import type { StringKey } from '../../src/content/strings.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import type { MoveName, Scenario } from '../../src/practice/scenarios.js';
import { fillLine } from '../../src/practice/slots.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { type Reply, runDialogCase, type Step, storedUserState } from '../support/dialog-case.js';
import { SafetyGateHost } from '../support/safety-gate-host.js';

const { strings } = testContent();
const content = loadPracticeContent();
const doctor = content.scenarios.find((s) => s.id === 'rushed-doctor') as Scenario;
const fixedNow = new Date('2026-01-05T15:00:00Z');

/**
 * Runs a case over a user state of its own (saved each turn, as the bot does), so the stored
 * practice history can be checked afterwards.
 */
async function runPractice(steps: readonly Step[], options: PracticeOptions = {}, host?: 'safety') {
  const storage = new MemoryStorage();
  const userState = new UserState(storage);
  const history = openUserProperties(userState).practiceHistory;
  const makePractice = (deps: DialogDeps) =>
    new PracticeDialog(deps, { content, clock: () => fixedNow, history });
  const makeDialog = (deps: DialogDeps) =>
    host === 'safety' ? new SafetyGateHost(deps, makePractice(deps)) : makePractice(deps);
  const run = await runDialogCase(makeDialog, steps, options, [new AutoSaveStateMiddleware(userState)]);
  return { ...run, storage };
}

/**
 * The counterpart saying `line` (the doctor's move `move` at exchange `index`, or the opening),
 * its request slot filled with the scene's label as the doctor says it.
 */
const says = (line: string, reason?: string): Reply => [
  'practice.counterpartSays',
  {
    counterpart: doctor.counterpart,
    line: fillLine(line, { request: 'your new prescription', ...(reason ? { reason } : {}) }),
  },
];
/** `reason`: one the person said in the scene, as the counterpart says it back. */
const move = (name: MoveName, index: number, reason?: string): Reply =>
  says(doctor.moves[name][index % doctor.moves[name].length] ?? '', reason);
const skill = (name: StringKey): string => strings.text(name);

/** Choosing the doctor scene with coaching at the end (or as you go), up to the opening line. */
function start(mode: 'practiceChoices.atEnd' | 'practiceChoices.asYouGo'): Step[] {
  return [
    ['hi', ['practice.intro', 'practice.chooseScenario']],
    [doctor.title, ['practice.scene', 'practice.askMode']],
    [strings.text(mode), [says(doctor.opening)]],
  ];
}
const afterFeedback: Reply[] = ['practice.nextPrompt'];

interface PracticeCase {
  name: string;
  steps: Step[];
  options?: PracticeOptions;
  result?: PracticeResult;
  /** Run under a stand-in for the bot's safety gate. */
  host?: 'safety';
}

const cases: PracticeCase[] = [
  {
    name: 'a crisis mid-scene pauses the role-play for the safety reply; "Go back" resumes the same line',
    host: 'safety',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['I want to kill myself', ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt']],
      [strings.text('safety.goBack'), ['safety.backAgain', says(doctor.opening)]],
      ['stop', ['practice.stopped', ...afterFeedback]],
    ],
  },
  {
    name: 'a vague ask is brushed off, then the counterpart asks what exactly is needed',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['um, could you maybe do something', [move('brushOff', 0)]],
      ['I guess', [move('askSpecific', 1)]],
    ],
  },
  {
    name: 'a specific request is negotiated, agreed, and asking for it in writing ends the scene with feedback',
    steps: [
      ...start('practiceChoices.atEnd'),
      ["I'd like two minutes to go over the new prescription.", [move('negotiate', 0)]],
      ['How about the nurse calls me this afternoon instead?', [move('accept', 1)]],
      [
        'Could you put that in writing for me?',
        [
          move('inWriting', 2),
          'practice.sceneEnded',
          ['practiceFeedback.wentWell', { skill: skill('practiceSkills.specificRequest') }],
          ...afterFeedback,
        ],
      ],
      [strings.text('practiceChoices.finished'), ['practice.done']],
    ],
    result: { done: true },
  },
  {
    name: '"stop" mid-way ends the scene with feedback, not a cancel',
    steps: [
      ...start('practiceChoices.atEnd'),
      // Said in the scene, so the doctor knows it.
      [
        'I need Fridays off so that I can get to my group.',
        [move('negotiate', 0, 'you can get to your group')],
      ],
      ['stop', ['practice.stopped', 'practiceFeedback.introFor', ...afterFeedback]],
      ['done', ['practice.done']],
    ],
    result: { done: true },
  },
  {
    name: '"stop" before saying anything in the scene gives no feedback (nothing to give)',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['stop the role-play', ['practice.stopped', ...afterFeedback]],
    ],
  },
  {
    name: 'coaching as you go notices a skill, or suggests one with an example, before the reply',
    steps: [
      ...start('practiceChoices.asYouGo'),
      [
        'okay',
        [['practiceFeedback.coachTry', { tip: skill('practiceTry.specificRequest') }], move('brushOff', 0)],
      ],
      [
        'Can I have two minutes on the prescription?',
        [
          ['practiceFeedback.coachNoticed', { skill: skill('practiceSkills.specificRequest') }],
          move('negotiate', 1),
        ],
      ],
    ],
  },
  {
    name: 'coaching at the end gives no tips during the scene',
    steps: [...start('practiceChoices.atEnd'), ['okay', [move('brushOff', 0)]]],
  },
  {
    name: 'help in the scene explains, then the counterpart says the same line again',
    steps: [...start('practiceChoices.atEnd'), ['help', ['help.short', says(doctor.opening)]]],
  },
  {
    name: 'help at the scene choice explains, then asks again',
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      ['help', ['help.short', 'practice.chooseScenario']],
    ],
  },
  {
    name: 'cancel at the coaching question leaves practice',
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      [doctor.title, ['practice.scene', 'practice.askMode']],
      ['cancel', ['interruptions.cancelled']],
    ],
    result: { left: 'cancel' },
  },
  {
    name: 'cancel in the scene leaves without feedback',
    steps: [...start('practiceChoices.atEnd'), ['cancel', ['interruptions.cancelled']]],
    result: { left: 'cancel' },
  },
  {
    name: 'an unclear scene choice is asked again in other words',
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      ['purple', ['practice.chooseScenarioAgain']],
      ['1', ['practice.scene', 'practice.askMode']],
    ],
  },
  {
    name: 'a scenario named in the begin options skips the choice',
    steps: [['hi', ['practice.intro', 'practice.scene', 'practice.askMode']]],
    options: { scenario: 'rushed-doctor' },
  },
  {
    name: 'a scene named in the first message ("practice with my landlord") skips the choice',
    steps: [['hi', ['practice.intro', 'practice.askRequest']]],
    options: { text: 'can I practice talking to my landlord?' },
  },
  {
    name: 'a first message naming no scene (or two) asks which',
    steps: [['hi', ['practice.intro', 'practice.chooseScenario']]],
    options: { text: 'practice with my doctor or my landlord' },
  },
  {
    name: 'a keyword answers the scene choice, then what they want to ask ("skip" picks no scene) and why',
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      ['probation', ['practice.askRequest']],
      // Group B (Luis): "skip" here played the check-in scene he never chose.
      ['skip', ['practice.askRequestAgain']],
      ['my check in time', ['practice.askReason']],
      ['skip', ['practice.scene', 'practice.askMode']],
    ],
  },
  {
    name: 'an unclear answer to the coaching question is asked again in other words, without the scene again',
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      [doctor.title, ['practice.scene', 'practice.askMode']],
      ['purple', ['practice.askModeAgain']],
      ['as I go', [says(doctor.opening)]],
    ],
  },
  {
    name: 'an unclear answer after feedback is asked again, then a second one finishes kindly',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['stop', ['practice.stopped', ...afterFeedback]],
      ['purple', ['practice.nextPromptAgain']],
      ['purple', ['practice.done']],
    ],
    result: { done: true },
  },
  {
    name: 'an unknown scenario in the begin options says so and offers the choice',
    steps: [['hi', ['practice.intro', 'practice.unknownScenario', 'practice.chooseScenario']]],
    options: { scenario: 'no-such-scene' },
  },
  {
    name: 'talking with a peer after feedback hands off',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['stop', ['practice.stopped', ...afterFeedback]],
      [strings.text('practiceChoices.peer'), []],
    ],
    result: { next: 'handoff' },
  },
  {
    name: 'after two practices with a specific request, the progress line says so',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['I need Fridays off for my group.', [move('negotiate', 0)]],
      ['stop', ['practice.stopped', 'practiceFeedback.introFor', ...afterFeedback]],
      // The same scene again (group D, Ava: "practice again" showed the whole list).
      [strings.text('practiceChoices.again'), ['practice.againSame', 'practice.scene', 'practice.askMode']],
      [strings.text('practiceChoices.atEnd'), [says(doctor.opening)]],
      ['Can I have two minutes on the prescription?', [move('negotiate', 0)]],
      [
        'stop',
        [
          'practice.stopped',
          'practiceFeedback.introFor',
          [
            'practiceFeedback.progress',
            { skill: skill('practiceSkills.specificRequest'), count: 2, total: 2 },
          ],
          ...afterFeedback,
        ],
      ],
    ],
  },
];

/**
 * Group D (Chris): dosing and medical questions typed in a scene, to the character or to the bot.
 * Each gets the coach's decline with the fixed example question (never their words, which may be
 * "i was asking YOU"), then the scene goes on from the counterpart's last line.
 */
const dosingQuestions = [
  '(out of character) wait would splitting it actually work? should i just start taking half in the morning and half at 2?',
  'Two minutes now please. Could splitting it into two doses help, or going up?',
  'should i ask for 24mg instead of 16? whats normal',
  'wait no i was asking YOU. is 24mg too much? what dose should i ask for',
  'Can I double my dose if I miss one?',
  'should i just stop taking my suboxone?',
  'is it safe to taper fast?',
  'How much methadone should I take?',
];
const declined = (kind: 'medical' | 'legal'): Reply[] => [
  [`advice.${kind}`, { question: strings.text(`advice.${kind}Question`) }],
  'practice.backToScene',
];
for (const question of dosingQuestions) {
  cases.push({
    name: `a dosing question in the scene is declined, not played: ${JSON.stringify(question)}`,
    steps: [
      ...start('practiceChoices.asYouGo'),
      [question, [...declined('medical'), says(doctor.opening)]],
      // Not counted as a line: stopping now leaves nothing to give feedback on.
      ['stop', ['practice.stopped', ...afterFeedback]],
    ],
  });
}
const stops = ['stop. how did i do?', 'Stop how did I do', 'pause', 'end', 'can we stop', 'Okay, stop.'];
for (const stop of stops) {
  cases.push({
    name: `${JSON.stringify(stop)} ends the scene with feedback`,
    steps: [
      ...start('practiceChoices.atEnd'),
      ['I need Fridays off for my group.', [move('negotiate', 0)]],
      [stop, ['practice.stopped', 'practiceFeedback.introFor', ...afterFeedback]],
    ],
  });
}
cases.push(
  {
    name: 'after a move, a dosing question replays that move, and the doctor never agrees to a dose',
    steps: [
      ...start('practiceChoices.atEnd'),
      ["I'd like two minutes about my dose.", [move('negotiate', 0)]],
      ['Could I go up to 24mg?', [...declined('medical'), move('negotiate', 0)]],
      ['Two minutes now, please.', [move('accept', 1)]],
    ],
  },
  {
    name: 'a dosing question after the scene is declined, never taken as "finished"',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['stop', ['practice.stopped', ...afterFeedback]],
      [
        'ok but for real, should i split my dose? you never answered',
        [declined('medical')[0] as Reply, 'practice.nextPrompt'],
      ],
      ['should i split my buprenorphine dose', [declined('medical')[0] as Reply, 'practice.nextPrompt']],
      [strings.text('practiceChoices.finished'), ['practice.done']],
    ],
    result: { done: true },
  },
  {
    name: 'a legal question in a scene is declined the same way',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['can they evict me for this?', [...declined('legal'), says(doctor.opening)]],
    ],
  },
  {
    name: 'a dosing question with "stop" is declined, then the scene ends',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['I need Fridays off for my group.', [move('negotiate', 0)]],
      [
        'stop. should i split my dose?',
        [declined('medical')[0] as Reply, 'practice.stopped', 'practiceFeedback.introFor', ...afterFeedback],
      ],
    ],
  },
  {
    name: '"stop" inside a line to the character, "idk" and a number are lines, not a stop',
    steps: [
      ...start('practiceChoices.atEnd'),
      ['Please stop rushing me.', [move('brushOff', 0)]],
      ['idk', [move('askSpecific', 1)]],
      ['2', [move('brushOff', 2)]],
    ],
  },
);

describe('PracticeDialog', () => {
  for (const { name, steps, options, result, host } of cases) {
    it(name, async () => {
      const { client } = await runPractice(steps, options, host);
      if (result) assert.deepEqual(client.dialogTurnResult.result, result);
    });
  }

  it('saves a finished practice as skill names only, with the date', async () => {
    const { storage } = await runPractice([
      ...start('practiceChoices.atEnd'),
      ['I need Fridays off for my group.', [move('negotiate', 0)]],
      ['stop', ['practice.stopped', 'practiceFeedback.introFor', ...afterFeedback]],
    ]);
    const stored = await storedUserState(storage);
    assert.deepEqual(stored?.practiceHistory, {
      version: 1,
      sessions: [{ scenario: 'rushed-doctor', at: fixedNow.toISOString(), skills: ['specificRequest'] }],
    });
  });
});
