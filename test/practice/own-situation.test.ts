import assert from 'node:assert/strict';
import { MemoryStorage, UserState } from 'botbuilder';
import type { DialogTestClient } from 'botbuilder-testing';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog, type PracticeOptions } from '../../dialogs/practice-dialog.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { type Scenario, type Situation, sceneOf } from '../../src/practice/scenarios.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 19, deliverable 6: the three people who were given someone else's scene, as transcripts.
const { strings } = testContent();
const content = loadPracticeContent();

interface Role {
  scenario: Scenario;
  situation: Situation;
}
function role(scenarioId: string, situationId: string): Role {
  const scenario = content.scenarios.find((s) => s.id === scenarioId) ?? assert.fail(scenarioId);
  const situation = scenario.situations?.find((s) => s.id === situationId) ?? assert.fail(situationId);
  return { scenario, situation };
}
const probation = role('probation-times', 'early-termination');
const school = role('school-disability-office', 'exam-time');
const landlord = role('landlord-application', 'support-animal');

/** The scene's setting line and, when given, the person's reason shown back. */
function sceneSet({ scenario, situation }: Role, reason?: string): Reply[] {
  const { setting, counterpart, persona } = sceneOf(scenario, situation.id);
  return [
    ['practice.scene', { setting, counterpart, persona }],
    ...(reason ? [['practice.sceneReason', { reason }] as Reply] : []),
    'practice.askMode',
  ];
}

interface OwnSituationCase {
  name: string;
  role: Role;
  options?: PracticeOptions;
  /** Up to the coaching question. */
  steps: Step[];
  /** What the person says in the scene (the last is "stop"). */
  lines: string[];
  /**
   * Words the counterpart must say back: the request in the opening, and a reason said in the
   * scene in a later line. A reason told only to the coach is never said back (group A, Marcus).
   */
  opening?: string;
  reasonBack?: string;
  /** The feedback names what they asked for (their words, else the scene's goal), and uses their reason. */
  feedback: Reply[];
}

const firstProbation =
  "can i practice asking my PO about getting off probation early because i've done 18 months clean";
const firstSchool =
  'i want to practice asking the disability office at my college for extra time on exams because of my ADHD';
const firstLandlord =
  'can we practice me asking my landlord about an emotional support animal since my dog helps me with panic attacks';

const cases: OwnSituationCase[] = [
  {
    name: 'probation officer: counterpart, request and reason all in the first message',
    role: probation,
    options: { text: firstProbation },
    steps: [['hi', ['practice.intro', ...sceneSet(probation, "i've done 18 months clean")]]],
    lines: ['ok', "I'd like you to ask for an early end to my probation.", 'idk', 'stop'],
    opening: 'getting off probation early',
    feedback: [
      ['practiceFeedback.introAbout', { request: 'getting off probation early' }],
      ['practiceFeedback.benefitWhy', { reason: "i've done 18 months clean" }],
    ],
  },
  {
    name: 'probation officer: nothing said first; "my PO", a number, "back", their words, a reason',
    role: probation,
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      ['my PO', ['practice.askRequest']],
      ['1', ['practice.askReason']],
      ['back', ['practice.askRequest']],
      ['getting off probation early', ['practice.askReason']],
      ["cuz i've kept every rule for a year", sceneSet(probation, "i've kept every rule for a year")],
    ],
    lines: ['um', "Can I have a review for early termination? cuz i've kept every rule for a year", 'stop'],
    opening: 'getting off probation early',
    reasonBack: "You mentioned you've kept every rule for a year.",
    feedback: [['practiceFeedback.introAbout', { request: 'getting off probation early' }]],
  },
  {
    name: 'school disability office: all in the first message ("because of my ADHD")',
    role: school,
    options: { text: firstSchool },
    steps: [['hi', ['practice.intro', ...sceneSet(school, 'my ADHD')]]],
    lines: ['hi', 'Can I have extra time on my exams?', 'what do you need?', 'stop'],
    opening: 'extra time on exams',
    feedback: [['practiceFeedback.introAbout', { request: 'extra time on exams' }]],
  },
  {
    name: 'school disability office: nothing said first; a typo in the request, "idk" for the reason',
    role: school,
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      ['disability services', ['practice.askRequest']],
      ['Extra time on exmas', ['practice.askReason']],
      ['idk', sceneSet(school)],
    ],
    lines: ['ok', 'I need extra time on my exams.', '2', 'stop'],
    opening: school.situation.label,
    feedback: [['practiceFeedback.introFor', { goal: school.situation.goal }]],
  },
  {
    name: 'landlord and an assistance animal: all in the first message ("since ...")',
    role: landlord,
    options: { text: firstLandlord },
    steps: [['hi', ['practice.intro', ...sceneSet(landlord, 'my dog helps me with panic attacks')]]],
    lines: [
      'ok',
      "I'd like to keep my dog with me in the apartment, since my dog helps me with panic attacks.",
      'stop',
    ],
    opening: 'an emotional support animal',
    reasonBack: 'You mentioned your dog helps you with panic attacks.',
    feedback: [['practiceFeedback.introAbout', { request: 'an emotional support animal' }]],
  },
  {
    name: 'landlord and an assistance animal: a side question, "the animal one", then frustration',
    role: landlord,
    steps: [
      ['hi', ['practice.intro', 'practice.chooseScenario']],
      ['landlord', ['practice.askRequest']],
      ['what do you mean by that', ['practice.askRequestAgain']],
      ['the animal one', ['practice.askReason']],
      ['ugh this is useless', ['answers.upset', ...sceneSet(landlord)]],
    ],
    lines: ['fine', 'I need to keep my cat, please.', 'why not?', 'stop'],
    opening: landlord.situation.label,
    feedback: [['practiceFeedback.introFor', { goal: landlord.situation.goal }]],
  },
];

const makePractice = (deps: DialogDeps) =>
  new PracticeDialog(deps, {
    content,
    clock: () => new Date('2026-01-05T15:00:00Z'),
    history: openUserProperties(new UserState(new MemoryStorage())).practiceHistory,
  });

/** Says each line and returns every reply, in order (the scene, coaching, the feedback). */
async function play(client: DialogTestClient, lines: readonly string[]): Promise<string[]> {
  const said: string[] = [];
  for (const line of ['at the end', ...lines]) {
    for (let reply = await client.sendActivity(line); reply; reply = client.getNextReply())
      said.push(reply.text ?? '');
  }
  return said;
}

describe("practice from the person's own situation (transcripts per role)", () => {
  for (const test of cases) {
    it(test.name, async () => {
      const { client } = await runDialogCase(makePractice, test.steps, test.options);
      const said = await play(client, test.lines);
      const { scenario, situation } = test.role;
      const counterpart = said.filter((text) =>
        containsReply(strings, ['practice.counterpartSays', { counterpart: scenario.counterpart }], text),
      );
      assert.ok(counterpart.length >= test.lines.length, said.join('\n'));
      // Every line the counterpart says keeps to what the person asked about.
      for (const line of counterpart)
        assert.ok(
          situation.topic.some((word) => line.toLowerCase().includes(word)),
          `off topic: ${line}`,
        );
      if (test.opening) assert.ok(counterpart[0]?.includes(test.opening), counterpart[0]);
      if (test.reasonBack)
        assert.ok(
          counterpart.some((line) => line.includes(test.reasonBack ?? '')),
          counterpart.join('\n'),
        );
      else
        assert.ok(
          counterpart.every((line) => !line.includes('You mentioned')),
          counterpart.join('\n'),
        );
      for (const reply of test.feedback)
        assert.ok(
          said.some((text) => containsReply(strings, reply, text)),
          said.join('\n'),
        );
    });
  }
});

describe("practice over HTTP from the person's own situation, with no conversationUpdate", () => {
  const served = useTestApp();

  it('"i want to ask my PO about getting off probation early because ..." sets that scene, keeps to it and keeps the reason to the coach', async () => {
    const send = async (text: string) =>
      (await exchange(served.url, testActivity('practice-probation-early', { text }))).map(
        (reply) => reply.text ?? '',
      );
    // The first message of the conversation: no conversationUpdate, no "hi".
    const replies = await send(firstProbation);
    const { setting } = sceneOf(probation.scenario, probation.situation.id);
    assert.ok(
      replies.some((reply) => reply.includes(setting)),
      replies.join('\n'),
    );
    const [opening = ''] = await send('feedback at the end');
    assert.ok(containsReply(strings, 'practice.counterpartSays', opening), opening);
    assert.ok(opening.includes('getting off probation early'), opening);
    // The reason was told to the coach, not to the officer: the officer does not know it.
    const [next = ''] = await send("I'd like you to ask for early termination of my probation.");
    assert.ok(containsReply(strings, 'practice.counterpartSays', next), next);
    assert.ok(!next.includes('18 months'), next);
  });
});
