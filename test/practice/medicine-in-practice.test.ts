import assert from 'node:assert/strict';
import { MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog, type PracticeOptions } from '../../dialogs/practice-dialog.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { type Scenario, sceneOf } from '../../src/practice/scenarios.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { testPerson } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// A medicine changed without the prescriber, in role-play (sixth people run, group D, Chris; group
// A, Dee): never praised, a prescriber plans it together, a change made or feeling unwell after
// one is said out of the role at once, and asking the prescriber about the dose is rehearsed.
const { strings } = testContent();
const content = loadPracticeContent();
const scenario = (id: string) => content.scenarios.find((s) => s.id === id) ?? assert.fail(id);
const prescriber = scenario('prescriber-moud');
const sideEffects = sceneOf(scenario('rushed-doctor'), 'side-effects');
const supervisor = scenario('supervisor-meetings');
const says = (scene: Scenario, line: string): Reply => [
  'practice.counterpartSays',
  { counterpart: scene.counterpart, line },
];
/** Any line of the counterpart's (the move is the move picker's, tested in moves.test.ts). */
const answers = (scene: Scenario): Reply => ['practice.counterpartSays', { counterpart: scene.counterpart }];
const plansTogether = (scene: Scenario) => says(scene, scene.selfChange ?? assert.fail(scene.id));
const intro = 'practice.intro';
const coachMedicine: Reply = [
  'practiceFeedback.coachMedicineChange',
  { question: strings.text('advice.medicalQuestion') },
];
const taper = 'I want to practice talking to my prescriber about tapering off my medication';
const stopAlone = 'what if i just stop taking it on my own, would that be so bad';

const makePractice = (deps: DialogDeps) =>
  new PracticeDialog(deps, {
    content,
    clock: () => new Date('2026-12-07T15:00:00Z'),
    history: openUserProperties(new UserState(new MemoryStorage())).practiceHistory,
  });

interface MedicineCase {
  name: string;
  options: PracticeOptions;
  steps: Step[];
}

const cases: MedicineCase[] = [
  {
    name: 'Chris: "what if i just stop taking it on my own" is not praised; the prescriber plans it together',
    options: { text: taper },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      ['skip', ['practice.scene', 'practice.askMode']],
      ['Coach me', ['practice.counterpartSays']],
      [stopAlone, [coachMedicine, plansTogether(prescriber)]],
    ],
  },
  {
    name: 'Chris: "I already started cutting my pills in half" is said out of the role, then the prescriber answers',
    options: { text: taper },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      ['skip', ['practice.scene', 'practice.askMode']],
      ['feedback at the end', ['practice.counterpartSays']],
      [
        'Honestly I already started cutting my pills in half last week. Is that ok or should I go back up?',
        ['practice.medicineMade', plansTogether(prescriber)],
      ],
    ],
  },
  {
    name: 'Chris: "dizzy and zappy since I cut it. Anyway. stop." gets the unwell line, then the stop and feedback',
    options: { text: taper },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      ['skip', ['practice.scene', 'practice.askMode']],
      ['feedback at the end', ['practice.counterpartSays']],
      [
        "I've been feeling kinda dizzy and zappy since I cut it. Anyway. stop.",
        ['practice.medicineUnwell', 'practice.stopped', 'practice.nextPrompt'],
      ],
    ],
  },
  {
    name: "Dee: asking the doctor about splitting her dose, and the bot's own suggested question, are rehearsed, not declined",
    options: { text: 'I would like to practise what I will say to my doctor about side effects' },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      [
        'I want to feel more like myself during the day.',
        ['practice.scene', 'practice.sceneReason', 'practice.askMode'],
      ],
      ['Coach me as I go, please.', ['practice.counterpartSays']],
      [
        'Since my dose went up I feel very sleepy in the afternoons, and I sweat a lot at night. I would like to ask if splitting my dose could help.',
        ['practiceFeedback.coachNoticed', answers(sideEffects)],
      ],
      [
        'I feel very sleepy in the afternoons and I sweat a lot at night. Can we talk about my dose and what we could change?',
        ['practiceFeedback.coachNoticed', answers(sideEffects)],
      ],
      [strings.text('advice.medicalQuestion'), ['practiceFeedback.coachTry', answers(sideEffects)]],
    ],
  },
  {
    name: 'a taper figure asked of the prescriber is still stepped out of ("Can I drop to 20 this week?")',
    options: { text: taper },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      ['skip', ['practice.scene', 'practice.askMode']],
      ['feedback at the end', ['practice.counterpartSays']],
      [
        "Sure. But while we wait, how much should I cut it by? I'm on 40mg of paroxetine. Can I drop to 20 this week?",
        [
          ['advice.medical', { question: strings.text('advice.medicalQuestion') }],
          'practice.backToScene',
          'practice.counterpartSays',
        ],
      ],
    ],
  },
  {
    name: 'a counterpart who prescribes nothing steps out for "what if i just stop taking my meds on my own"',
    options: { scenario: supervisor.id },
    steps: [
      ['hi', [intro, 'practice.scene', 'practice.askMode']],
      ['at the end', [says(supervisor, supervisor.opening)]],
      [
        'what if i just stop taking my meds on my own so i dont need the time',
        ['practice.medicineProposed', 'practice.backToScene', says(supervisor, supervisor.opening)],
      ],
    ],
  },
];

describe('practice: a medicine changed without the prescriber (people run six, typed words)', () => {
  for (const test of cases)
    it(test.name, () => runDialogCase(makePractice, test.steps, test.options).then(() => undefined));

  it('the feedback names "stop taking it on my own" kindly as a question for the prescriber, and praises nothing in it', async () => {
    const { client } = await runDialogCase(
      makePractice,
      [
        ['hi', [intro, 'practice.askReason']],
        ['skip', ['practice.scene', 'practice.askMode']],
        ['feedback at the end', ['practice.counterpartSays']],
        [stopAlone, [plansTogether(prescriber)]],
      ],
      { text: taper },
    );
    const said: string[] = [];
    for (let reply = await client.sendActivity('stop'); reply; reply = client.getNextReply())
      said.push(reply.text ?? '');
    const feedback = said.join('\n');
    assert.ok(
      containsReply(strings, ['practiceFeedback.medicineChange', { quote: stopAlone }], feedback),
      feedback,
    );
    assert.ok(!feedback.includes(strings.text('practiceSkills.negotiates')), feedback);
  });
});

/**
 * "...since I cut it. Anyway. stop. delete my data" over HTTP, as Chris's client sent it, with and
 * without a conversationUpdate: the unwell line with 911/988, the scene stopped, and the bot's own
 * delete question; "no" keeps everything and goes on to what next.
 */
describe('practice over HTTP: symptoms after a change and "delete my data" in one line are both heard', () => {
  const served = useTestApp();
  for (const welcomed of [true, false]) {
    it(`both parts are answered (${welcomed ? 'after a conversationUpdate' : 'first message'})`, async () => {
      const conversation = `practice-medicine-delete-${welcomed}`;
      const send = await testPerson(served.url, conversation, welcomed);
      await send(taper);
      await send('skip');
      await send('feedback at the end');
      const replies = (
        await send("I've been feeling kinda dizzy and zappy since I cut it. Anyway. stop. delete my data")
      ).join('\n');
      for (const key of [
        'practice.medicineUnwell',
        'practice.medicineSafety',
        'practice.stopped',
        'data.confirmDelete',
      ] as const)
        assert.ok(containsReply(strings, key, replies), `${key} in ${replies}`);
      const kept = (await send('no')).join('\n');
      assert.ok(containsReply(strings, 'data.keptData', kept), kept);
      assert.ok(containsReply(strings, 'practice.nextPrompt', kept), kept);
    });
  }
});
