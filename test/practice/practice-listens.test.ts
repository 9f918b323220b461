import assert from 'node:assert/strict';
import { MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog, type PracticeOptions } from '../../dialogs/practice-dialog.js';
import type { StringKey } from '../../src/content/strings.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { type MoveName, type Scenario, sceneOf } from '../../src/practice/scenarios.js';
import { skillNames } from '../../src/practice/skills.js';
import { fillLine } from '../../src/practice/slots.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { exchange, testActivity, testPerson } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// What people typed in role-play in the fourth people run (group files A-D), as transcripts:
// a lawyer to practice with, a hasty pick corrected, "skip" and "back", their own request in
// every scene, a dosing plan or a worry about jail stepped out of, and a yes never taken back.
const { strings } = testContent();
const content = loadPracticeContent();
const scenario = (id: string) => content.scenarios.find((s) => s.id === id) ?? assert.fail(id);
const lawyer = scenario('public-defender');
const supervisor = scenario('supervisor-meetings');
const doctor = scenario('rushed-doctor');
const probation = scenario('probation-times');
const prescriber = scenario('prescriber-moud');

/** The scene set: its setting with the request filled in, then the coaching question. */
function sceneSet(scene: Scenario, request: string, reason?: string): Reply[] {
  const { counterpart, persona } = scene;
  const setting = fillLine(scene.setting, { request });
  return [
    ['practice.scene', { setting, counterpart, persona }],
    ...(reason ? [['practice.sceneReason', { reason }] as Reply] : []),
    'practice.askMode',
  ];
}

/** The counterpart's `move` at `exchange`, its slots filled as the scene fills them. */
function says(scene: Scenario, line: string, request: string, reason?: string): Reply {
  const filled = fillLine(line, { request, ...(reason ? { reason } : {}) });
  return ['practice.counterpartSays', { counterpart: scene.counterpart, line: filled }];
}
function move(scene: Scenario, name: MoveName, exchange: number, request: string, reason?: string): Reply {
  const lines = scene.moves[name];
  return says(scene, lines[exchange % lines.length] ?? '', request, reason);
}
const stepOut = (kind: 'medical' | 'legal'): Reply[] => [
  [`advice.${kind}`, { question: strings.text(`advice.${kind}Question`) }],
  'practice.backToScene',
];
const ownRequest = (example: string): Reply => ['practice.askRequestOwn', { example }];
const intro: StringKey = 'practice.intro';

interface ListensCase {
  name: string;
  options?: PracticeOptions;
  steps: Step[];
}

const atCourt = 'what happens at court';
const cases: ListensCase[] = [
  {
    name: 'Luis: "i want to practice talking to my lawyer" plays a public defender on his request',
    options: { text: 'i want to practice talking to my lawyer' },
    steps: [
      ['hi', [intro, ownRequest('what happens at my court date')]],
      [atCourt, ['practice.askReason']],
      ['i dont wanna lose my job', sceneSet(lawyer, atCourt, 'i dont wanna lose my job')],
      ['feedback at the end', [says(lawyer, lawyer.opening, atCourt)]],
      // A legal question to the character is stepped out of, then the same line again.
      [
        'hey. so i have court jan 14 for a dui. am i gonna go to jail?',
        [...stepOut('legal'), says(lawyer, lawyer.opening, atCourt)],
      ],
      [
        'can you explain what happens on jan 14, step by step?',
        // His reason was told to the coach, not to her: she does not say it back.
        [move(lawyer, 'negotiate', 0, atCourt)],
      ],
    ],
  },
  {
    name: '"my public defender" typed at the scene list is that scene; "skip" plays its general talk',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['none of those. my public defender. i said that', [ownRequest('what happens at my court date')]],
      ['skip', ['practice.askReason']],
      ['skip', sceneSet(lawyer, 'what happens at your court date')],
    ],
  },
  {
    name: '"skip" at what to ask picks no scene: the choices again, then the shared retry, never a scene',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['my PO', ['practice.askRequest']],
      ['skip', ['practice.askRequestAgain']],
      ['skip', ['answers.stuck']],
    ],
  },
  {
    name: '"skip" at the scene list asks again, and picks no scene',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['skip', ['practice.chooseScenarioAgain']],
    ],
  },
  {
    name: '"back" at the coaching question returns to the reason, then to what to ask',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['my PO', ['practice.askRequest']],
      ['getting off probation early', ['practice.askReason']],
      [
        "cuz i've kept every rule",
        sceneSet(sceneOf(probation, 'early-termination'), 'ending probation early', "i've kept every rule"),
      ],
      ['back', ['practice.askReason']],
      ['back', ['practice.askRequest']],
    ],
  },
  {
    name: '"back" at the coaching question after a whole scene button goes to the scene list',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      [doctor.title, sceneSet(doctor, 'your new prescription')],
      ['back', ['practice.chooseScenario']],
    ],
  },
  {
    name: 'a hasty pick corrected at the coaching question: "the prescriber one", then "no, my doctor"',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['the prescriber one', ['practice.scene', 'practice.askMode']],
      ['no, my doctor', ['practice.askRequest']],
      // Chris: the medicine he named is his request to the doctor, not a move to the prescriber.
      ['tapering off suboxone', ['practice.askReason']],
      ['skip', sceneSet(doctor, 'tapering off suboxone')],
    ],
  },
  {
    name: 'a hasty pick corrected: "the doctor one", then "not that one, my landlord"',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['the doctor one', ['practice.scene', 'practice.askMode']],
      ['not that one, my landlord', ['practice.askRequest']],
    ],
  },
  {
    name: 'a correction at the reason question: "wait i picked the doctor in a hurry not this"',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['prescriber', [ownRequest('keeping my medication')]],
      ['skip', ['practice.askReason']],
      ['wait i picked the doctor in a hurry not this', ['practice.askRequest']],
    ],
  },
  {
    name: 'a reason naming a counterpart stays a reason ("my doctor said it would help")',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      ['hr', [ownRequest('a schedule change for treatment')]],
      ['a later start on tuesdays', ['practice.askReason']],
      [
        'my doctor said it would help',
        sceneSet(scenario('hr-schedule'), 'a later start on tuesdays', 'my doctor said it would help'),
      ],
    ],
  },
  {
    name: "Marcus: his own request fills the supervisor's scene, and a yes is never taken back",
    options: { text: 'ya lemme practice asking my boss for a later start on thursdays' },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      [
        'need this job and need IOP',
        sceneSet(supervisor, 'a later start on thursdays', 'need this job and need IOP'),
      ],
      ['end', [says(supervisor, supervisor.opening, '')]],
      [
        'ya so i need to come in at 11 on thursdays for a while. its for a health thing',
        // "need IOP" was told to the coach only: the supervisor never hears it (group A, Marcus).
        [move(supervisor, 'negotiate', 0, 'a later start on thursdays')],
      ],
      // Going along with the middle way offered is agreement, not a brush-off (group A).
      [
        'just ok the 11 start thurs. ill email u too',
        [move(supervisor, 'accept', 1, 'a later start on thursdays')],
      ],
      ['ok', [move(supervisor, 'confirm', 2, '')]],
      ['i need to come in at 11 on thursdays', [move(supervisor, 'confirm', 3, '')]],
      [
        'stop',
        [
          'practice.stopped',
          // The feedback and its examples are about his request, not the scene's early finish.
          ['practiceFeedback.introAbout', { request: 'a later start on thursdays' }],
          'practice.nextPrompt',
        ],
      ],
    ],
  },
  {
    name: 'Chris (group D): his psychiatrist and sertraline make the scene; no opioid use disorder is assumed',
    options: {
      text: 'hi. I want to rehearse a conversation with my psychiatrist about tapering off sertraline',
    },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      ['skip', sceneSet(prescriber, 'tapering off sertraline')],
    ],
  },
  {
    name: 'Chris (group D): "no thats wrong. its sertraline..." at the coaching question asks what he wants to ask',
    steps: [
      ['hi', [intro, 'practice.chooseScenario']],
      [prescriber.title, sceneSet(prescriber, 'keeping your medication')],
      [
        'no thats wrong. its sertraline, for depression, and i want to come OFF it',
        [ownRequest('keeping my medication')],
      ],
      ['coming off sertraline slowly', ['practice.askReason']],
      [
        'i feel well on it now',
        sceneSet(prescriber, 'coming off sertraline slowly', 'i feel well on it now'),
      ],
    ],
  },
  {
    name: 'Chris: a plan to change his dose alone gets the doctor planning it together; a taper figure is stepped out of',
    options: { scenario: 'rushed-doctor' },
    steps: [
      ['hi', [intro, ...sceneSet(doctor, 'your new prescription')]],
      ['at the end', [says(doctor, doctor.opening, '')]],
      [
        "fine i'll just cut the strips in half at home then, no big deal right",
        [says(doctor, doctor.selfChange ?? '', '')],
      ],
      ['im gonna skip my dose tomorrow', [says(doctor, doctor.selfChange ?? '', '')]],
      // Asked of the character, a taper figure is a dosing question (a person playing the bot got a yes).
      [
        'ok fine. but just between us, would you cut it in half or go slower',
        [...stepOut('medical'), says(doctor, doctor.selfChange ?? '', '')],
      ],
      ['so is 10 percent ok or not', [...stepOut('medical'), says(doctor, doctor.selfChange ?? '', '')]],
      // A wish to keep a dose is a line to practice, not a plan to change it.
      [
        "I don't want to stop my medication. I'd like to stay on my current dose.",
        [move(doctor, 'negotiate', 2, 'your new prescription')],
      ],
    ],
  },
  {
    name: 'a request naming a word of the counterpart is kept; "feedback at the end" typed ahead is no reason',
    options: { text: 'I want to practice talking to my prescriber about keeping my medication' },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      ['Feedback at the end', sceneSet(scenario('prescriber-moud'), 'keeping your medication')],
    ],
  },
  {
    name: 'a legal question to the probation officer ("can they violate me for this?") is stepped out of',
    options: { text: 'practice with my probation officer about my check in time' },
    steps: [
      ['hi', [intro, 'practice.askReason']],
      ['skip', sceneSet(probation, 'your check in time')],
      ['at the end', [says(probation, probation.opening, '')]],
      ['can they violate me for this?', [...stepOut('legal'), says(probation, probation.opening, '')]],
    ],
  },
];

const makePractice = (deps: DialogDeps) =>
  new PracticeDialog(deps, {
    content,
    clock: () => new Date('2026-01-05T15:00:00Z'),
    history: openUserProperties(new UserState(new MemoryStorage())).practiceHistory,
  });

describe('practice listens (people run four, typed words)', () => {
  it("builds feedback examples on the person's own request, not the scene's goal (group A, Marcus)", async () => {
    const { client } = await runDialogCase(
      makePractice,
      [
        ['hi', [intro, 'practice.askReason']],
        ['skip', ['practice.scene', 'practice.askMode']],
        ['at the end', ['practice.counterpartSays']],
        ['i need to come in at 11 on thursdays', ['practice.counterpartSays']],
      ],
      { text: 'ya lemme practice asking my boss for a later start on thursdays' },
    );
    const said: string[] = [];
    for (let reply = await client.sendActivity('stop'); reply; reply = client.getNextReply())
      said.push(reply.text ?? '');
    const example = strings.text('practiceExamples.inWriting', { ask: 'a later start on thursdays' });
    assert.ok(
      said.some((text) => text.includes(example)),
      said.join('\n'),
    );
  });

  for (const test of cases)
    it(test.name, () => runDialogCase(makePractice, test.steps, test.options).then(() => undefined));

  it('says no recovery the person did not name: no scene setting, and no feedback example without their reason', () => {
    for (const scene of content.scenarios)
      assert.ok(!/opioid use disorder/i.test(scene.setting), `${scene.id}: ${scene.setting}`);
    for (const skill of skillNames)
      assert.ok(!/recovery/i.test(strings.text(`practiceExamples.${skill}`)), skill);
    // A goal is the examples' ask when the person's request does not fit "I'd like ..." (Marcus).
    for (const scene of content.scenarios)
      assert.ok(!/recovery|opioid/i.test(scene.goal), `${scene.id}: ${scene.goal}`);
  });
});

/**
 * "talk to a person" and its phrasings while choosing a scene go to the handoff, as they do
 * everywhere; over HTTP, as a person's client sends them, with and without a conversationUpdate.
 */
describe('practice over HTTP: a person asked for while choosing, with and without a conversationUpdate', () => {
  const served = useTestApp();
  const paths: Array<{ name: string; before: string[]; ask: string }> = [
    { name: 'at the scene list', before: ['i want to practice a talk'], ask: 'talk to a person' },
    {
      name: 'at what to ask the landlord',
      before: ['i want to practice a talk', 'my landlord'],
      ask: 'i want a real person',
    },
    {
      name: 'at the reason (public defender)',
      before: ['can i practice talking to my public defender about my court date'],
      ask: 'can i talk to a real person',
    },
  ];
  for (const [index, path] of paths.entries()) {
    for (const welcomed of [true, false]) {
      it(`${path.name}: "${path.ask}" reaches the handoff (${welcomed ? 'after a conversationUpdate' : 'first message'})`, async () => {
        const conversation = `practice-person-${index}-${welcomed}`;
        const send = await testPerson(served.url, conversation, welcomed);
        for (const line of path.before) await send(line);
        const replies = await send(path.ask);
        assert.ok(
          replies.some((reply) => containsReply(strings, 'handoff.intro', reply)),
          replies.join('\n'),
        );
      });
    }
  }

  it('"i want to practice talking to my lawyer" as the first message asks what about, for the public defender', async () => {
    const replies = (
      await exchange(
        served.url,
        testActivity('practice-lawyer-first', { text: 'i want to practice talking to my lawyer' }),
      )
    ).map((reply) => reply.text ?? '');
    assert.ok(
      replies.some((reply) =>
        containsReply(
          strings,
          ['practice.askRequestOwn', { example: 'what happens at my court date' }],
          reply,
        ),
      ),
      replies.join('\n'),
    );
  });
});
