import assert from 'node:assert/strict';
import type { AppointmentPlan } from '../../src/appointments/plan.js';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { runDialogCase, type Step } from '../support/dialog-case.js';
import { appointmentHarness, savedPlans, testRecognizer } from './harness.js';

/** Up to the questions, then the person's turns there; the plan as saved is checked after. */
interface AsideCase {
  name: string;
  steps: readonly Step[];
  check?: (plan: AppointmentPlan) => void;
}

const toQuestions: Step[] = [
  ['hi', ['appointment.intro', 'appointment.askType']],
  ['my prescriber', ['appointment.askWhen']],
  ['next Tuesday at 3', ['appointment.whenNoted', 'appointment.askGoal']],
  ['talk about side effects', ['appointment.askQuestions']],
];
const added = (text: string): Step => [text, ['appointment.questionAdded', 'appointment.questionsSoFar']];
const twoQuestions: Step[] = [
  ...toQuestions,
  added('Could splitting my dose help with the sleepiness?'),
  added('Is the sweating normal with methadone?'),
];
/** From the barriers question to the plan saved. */
const toSaved: Step[] = [
  ['nothing', ['appointment.askBring']],
  ['nothing else', ['appointment.askSupport']],
  ['yes', ['appointment.askShare']],
  ['Nothing', ['appointment.askTalk']],
  ['done', ['appointment.review', 'appointment.askReview']],
  ['Save it', ['appointment.saved', 'appointment.askReminder']],
];

/** Issue 19, fifth run: what people typed at the plan's questions, read for what they meant. */
const cases: AsideCase[] = [
  {
    name: '"Thank you. I would also like to ask whether ..." keeps the question without the thank you',
    steps: [
      ...toQuestions,
      added('Thank you. I would also like to ask whether the sweating is normal with methadone.'),
      ['done', ['appointment.askBarriers']],
      ...toSaved,
    ],
    check: (plan) =>
      assert.deepEqual(plan.questions, [
        'I would also like to ask whether the sweating is normal with methadone.',
      ]),
  },
  {
    name: '"I think that is all of my questions." is done, not a question',
    steps: [...twoQuestions, ['I think that is all of my questions.', ['appointment.askTopQuestions']]],
  },
  {
    name: '"No, that is not a question. I am done." is done, not a question',
    steps: [...twoQuestions, ['No, that is not a question. I am done.', ['appointment.askTopQuestions']]],
  },
  {
    name: '"Please remove numbers 2 and 3." removes them',
    steps: [
      ...twoQuestions,
      added('When should I take it?'),
      ['Please remove numbers 2 and 3.', ['appointment.questionsRemoved', 'appointment.questionsSoFar']],
      ['done', ['appointment.askBarriers']],
      ...toSaved,
    ],
    check: (plan) => assert.deepEqual(plan.questions, ['Could splitting my dose help with the sleepiness?']),
  },
  {
    name: '"Can I fix the second question?" takes it out to type again; it is not saved as a question',
    steps: [
      ...twoQuestions,
      [
        "Oh, I didn't mean for the thank you to be part of it. Can I fix the second question?",
        ['appointment.questionToFix', 'appointment.questionsSoFar'],
      ],
      added('Is the sweating normal?'),
      ['done', ['appointment.askTopQuestions']],
      ['The order is fine as it is.', ['appointment.askBarriers']],
      ...toSaved,
    ],
    check: (plan) =>
      assert.deepEqual(plan.questions, [
        'Could splitting my dose help with the sleepiness?',
        'Is the sweating normal?',
      ]),
  },
  {
    name: '"this is confusing" at the questions is heard, not saved',
    steps: [...toQuestions, ['this is confusing', ['answers.upset', 'appointment.askQuestionsAgain']]],
  },
  {
    name: '"1, 2. Please leave out 3 and 4, they were mistakes." ranks two and leaves out two',
    steps: [
      ...twoQuestions,
      added('the pharmacy one'),
      added('my sister'),
      ['done', ['appointment.askTopQuestions']],
      [
        '1, 2. Please leave out 3 and 4, they were mistakes.',
        ['appointment.topNoted', 'appointment.askBarriers'],
      ],
      ...toSaved,
    ],
    check: (plan) => {
      assert.equal(plan.questions.length, 2);
      assert.equal(plan.topCount, 2);
    },
  },
  {
    name: '"I will go alone." at the support question is "No, I\'ll go alone"',
    steps: [
      ...toQuestions,
      ['done', ['appointment.askBarriers']],
      ['nothing', ['appointment.askBring']],
      ['nothing else', ['appointment.askSupport']],
      ['I will go alone.', ['appointment.askShare']],
    ],
  },
  {
    name: '"no it is the 15th" at the goal changes the date, then the goal is asked again',
    steps: [
      ['hi', ['appointment.intro', 'appointment.askType']],
      ['my caseworker', ['appointment.askWhen']],
      ['may 14 at 9 in the morning', ['appointment.whenNoted', 'appointment.askGoal']],
      ['no it is the 15th', ['appointment.dateChanged', 'appointment.askGoal']],
      ['wait no, is the 16th. I look at the letter', ['appointment.dateChanged', 'appointment.askGoal']],
    ],
  },
];

describe('appointment plan: what people meant, not their asides (issue 19, fifth run)', () => {
  let recognizer: WayfinderRecognizer;
  before(() => {
    recognizer = testRecognizer();
  });
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const { make } = appointmentHarness(recognizer);
      const { deps } = await runDialogCase(make, testCase.steps);
      if (!testCase.check) return;
      const [plan] = await savedPlans(deps.storage);
      assert.ok(plan, 'a plan was saved');
      testCase.check(plan);
    });
  }
});
