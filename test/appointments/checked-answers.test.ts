import assert from 'node:assert/strict';
import type { AppointmentPlan } from '../../src/appointments/plan.js';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { testContent } from '../support/content.js';
import { type DialogCase, runDialogCase, type Step } from '../support/dialog-case.js';
import { appointmentHarness, savedPlans, testRecognizer } from './harness.js';

const { strings } = testContent();
const say = strings.text.bind(strings);

/** From the start to the goal question. */
const toGoal: Step[] = [
  ['hi', ['appointment.intro', 'appointment.askType']],
  ['my counselor', ['appointment.askWhen']],
  ['not sure yet', ['appointment.askGoal']],
];
/** One question, then the rest with plain answers, to the saved plan. */
const questionsToEnd: Step[] = [
  ['what are the side effects?', ['appointment.questionAdded', 'appointment.questionsSoFar']],
  ['done', ['appointment.askBarriers']],
];
const barriersToEnd: Step[] = [
  ["That's all", ['appointment.askBring']],
  ['nothing else', ['appointment.askSupport']],
  ['no', ['appointment.askShare']],
  ['Nothing', ['appointment.askTalk']],
  ['done', ['appointment.review', 'appointment.askReview']],
  ['Save it', ['appointment.saved', 'appointment.askNext']],
];

/** A case, and what the saved plan must hold. */
interface CheckedCase extends DialogCase {
  plan: (plan: AppointmentPlan) => void;
}

const upset = 'answers.upset' as const;
const cases: CheckedCase[] = [
  {
    name: 'goal: "idk" and "yea" are no goal; the question comes again with an example, then a goal is kept',
    steps: [
      ...toGoal,
      ['idk', ['appointment.askGoalAgain']],
      ['yea', ['appointment.offerSkip']],
      ['a refill', ['appointment.askQuestions']],
      ...questionsToEnd,
      ...barriersToEnd,
    ],
    plan: (plan) => assert.equal(plan.goal, 'a refill'),
  },
  {
    name: 'goal: "this is useless" gets a sorry, the way to a person and the question with an example; never a goal',
    steps: [
      ...toGoal,
      ['this is useless', [upset, 'appointment.askGoalAgain']],
      ['ugh', [upset, 'appointment.offerSkip']],
      ['a clear next step', ['appointment.askQuestions']],
      ...questionsToEnd,
      ...barriersToEnd,
    ],
    plan: (plan) => assert.equal(plan.goal, 'a clear next step'),
  },
  {
    name: 'goal: a side question is said not to be kept, and the goal question comes again',
    steps: [
      ...toGoal,
      ['how long is the visit usually', ['answers.sideQuestion', 'appointment.askGoalAgain']],
      ['a letter for work', ['appointment.askQuestions']],
      ...questionsToEnd,
      ...barriersToEnd,
    ],
    plan: (plan) => assert.equal(plan.goal, 'a letter for work'),
  },
  {
    name: 'a correction at the next question changes the goal, said back, and the open question stays',
    steps: [
      ...toGoal,
      ['a refil', ['appointment.askQuestions']],
      [
        'no I meant a new prescription',
        [['answers.corrected', { answer: 'a new prescription' }], 'appointment.askQuestions'],
      ],
      ...questionsToEnd,
      ...barriersToEnd,
    ],
    plan: (plan) => assert.equal(plan.goal, 'a new prescription'),
  },
  {
    name: 'questions: a correction replaces the last question, not the goal',
    steps: [
      ...toGoal,
      ['a refill', ['appointment.askQuestions']],
      ['side efects', ['appointment.questionAdded', 'appointment.questionsSoFar']],
      [
        'no i meant what are the side effects',
        [['answers.corrected', { answer: 'what are the side effects' }], 'appointment.questionsSoFar'],
      ],
      ['done', ['appointment.askBarriers']],
      ...barriersToEnd,
    ],
    plan: (plan) => {
      assert.equal(plan.goal, 'a refill');
      assert.deepEqual(plan.questions, ['what are the side effects']);
    },
  },
  {
    name: 'barriers: "1 is fine" is the first barrier shown (its tips), not the words "1 is fine"',
    steps: [
      ...toGoal,
      ['a refill', ['appointment.askQuestions']],
      ...questionsToEnd,
      ['1 is fine', ['appointment.barrierTips', 'appointment.askBarriersMore']],
      ...barriersToEnd,
    ],
    plan: (plan) => {
      assert.equal(plan.barriers.length, 1);
      assert.ok(plan.barriers[0] && 'id' in plan.barriers[0], JSON.stringify(plan.barriers));
    },
  },
  {
    name: 'bring, share, how it is explained: "ok", "what" and "you dont understand" are never kept',
    steps: [
      ...toGoal,
      ['a refill', ['appointment.askQuestions']],
      ...questionsToEnd,
      ["That's all", ['appointment.askBring']],
      ['ok', ['appointment.askBringAgain']],
      ['my pill bottles', ['appointment.bringAdded', 'appointment.askSupport']],
      ['no', ['appointment.askShare']],
      ['what', ['appointment.askShareAgain']],
      ['Nothing', ['appointment.askTalk']],
      ['you dont understand', [upset, 'appointment.askTalkAgain']],
      ['done', ['appointment.review', 'appointment.askReview']],
      ['Save it', ['appointment.saved', 'appointment.askNext']],
    ],
    plan: (plan) => {
      assert.equal(plan.bring.at(-1), 'my pill bottles');
      assert.ok(!plan.bring.includes('ok'));
      assert.deepEqual(plan.talk, []);
      assert.ok(plan.share && 'id' in plan.share, JSON.stringify(plan.share));
    },
  },
];

describe('Appointment answers are checked before they go into the plan', () => {
  let recognizer: WayfinderRecognizer;
  before(() => {
    recognizer = testRecognizer();
  });

  for (const c of cases) {
    it(c.name, async () => {
      const { make } = appointmentHarness(recognizer);
      const { deps } = await runDialogCase(make, c.steps);
      const [plan] = await savedPlans(deps.storage);
      assert.ok(plan, 'a plan was saved');
      c.plan(plan);
      // Nothing that is no content reached the plan in any field.
      const kept = JSON.stringify(plan);
      for (const never of ['idk', 'yea', 'this is useless', 'ugh', 'how long', '1 is fine', 'you dont'])
        assert.ok(!kept.includes(never), `"${never}" is in the plan: ${kept}`);
      assert.ok(!kept.includes(say('answers.sideQuestion')));
    });
  }
});
