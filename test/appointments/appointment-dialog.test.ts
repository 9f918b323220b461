import assert from 'node:assert/strict';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { z } from 'zod';
import type { AppointmentDialogOptions } from '../../dialogs/appointment-dialog.js';
import { reminderIds } from '../../src/appointments/reminders.js';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { type DialogCase, makeDialogDeps, runDialogCase, type Step } from '../support/dialog-case.js';
import { appointmentHarness, clock, PLAN_ID, savedPlans, testRecognizer } from './harness.js';

/** Say "hi" to open the dialog with nothing known: the intro, then the first question. */
const open: Step = ['hi', ['appointment.intro', 'appointment.askType']];

/** Answers from the kind of appointment up to the last question, for cases that start there. */
const toGoal: Step[] = [
  open,
  ['my counselor', ['appointment.askWhen']],
  [
    'next Tuesday at 3',
    [['appointment.whenNoted', { when: 'Tuesday, May 13 at 3:00 PM' }], 'appointment.askGoal'],
  ],
];
const goalToEnd: Step[] = [
  ['a referral to a peer group', ['appointment.askQuestions']],
  ['the main problem one', ['appointment.questionAdded', 'appointment.questionsSoFar']],
  ['Can we meet in the afternoons?', ['appointment.questionAdded', 'appointment.questionsSoFar']],
  ['done', ['appointment.askTopQuestions']],
  ['2', ['appointment.topNoted', 'appointment.askBarriers']],
  [
    'Getting there',
    [['appointment.barrierTips', { barrier: 'getting there' }], 'appointment.askBarriersMore'],
  ],
  ["That's all", ['appointment.askBring']],
  ['my lease, a pen', ['appointment.bringAdded', 'appointment.askSupport']],
  ['yes', ['appointment.askShare']],
  ['Nothing', ['appointment.askTalk']],
  ['say it back', ['appointment.talkSay', 'appointment.askTalkMore']],
  ['done', ['appointment.review', 'appointment.askReview']],
  ['Save it', ['appointment.saved', 'appointment.askReminder']],
];

interface AppointmentCase extends DialogCase {
  /** Begin as the router would: with the recognition of the first message. */
  prefilled?: boolean;
  /** Whether the dialog is over after the last step. */
  ended: boolean;
}

let recognizer: WayfinderRecognizer;
const recognized = (text: string): AppointmentDialogOptions => ({
  recognition: recognizer.recognizeNow(text, { now: clock() }).recognition,
});

const cases = (): AppointmentCase[] => [
  {
    name: 'full path: every question, the plan card, a reminder the day before and a check-in, then done',
    steps: [
      ...toGoal,
      ...goalToEnd,
      ['The day before', [['appointment.checkReminder', { at: 'Monday, May 12 at 3:00 PM' }]]],
      ['yes', [['appointment.reminderSet', { at: 'Monday, May 12 at 3:00 PM' }], 'appointment.askFollowUp']],
      ['Yes, check in', [['appointment.checkFollowUp', { at: 'Tuesday, May 13 at 6:00 PM' }]]],
      [
        "Yes, that's right",
        [['appointment.followUpSet', { at: 'Tuesday, May 13 at 6:00 PM' }], 'appointment.askNext'],
      ],
      ["I'm done", ['appointment.finished']],
    ],
    ended: true,
  },
  {
    name: 'prefilled: kind and date from the first message are noted, not asked again',
    prefilled: true,
    steps: [
      [
        'I see my counselor next Tuesday at 3',
        [
          ['appointment.noted', { facts: 'Counselor/therapist, Tuesday, May 13 at 3:00 PM' }],
          'appointment.askGoal',
        ],
      ],
    ],
    ended: false,
  },
  {
    name: 'prefilled: "the 12th in the morning" is read as that morning',
    prefilled: true,
    steps: [
      [
        'I have my caseworker on the 12th in the morning',
        [
          ['appointment.noted', { facts: 'Caseworker, Monday, May 12, 8:00 AM to 12:00 PM' }],
          'appointment.askGoal',
        ],
      ],
    ],
    ended: false,
  },
  {
    name: 'prefilled: a date that has passed is checked first, then the kind is asked',
    prefilled: true,
    steps: [
      ['my appointment was last Monday', ['appointment.intro', 'appointment.askWhenPast']],
      ["That's right", ['appointment.askType']],
      ['Housing', ['appointment.askGoal']],
    ],
    ended: false,
  },
  {
    name: 'a past date gets a gentle check; "Another date" asks again',
    steps: [
      open,
      ['Housing', ['appointment.askWhen']],
      ['last Monday', [['appointment.askWhenPast', { when: 'Monday, April 28' }]]],
      ['Another date', ['appointment.askAnotherDate', 'appointment.askWhen']],
      [
        'Friday at 2pm',
        [['appointment.whenNoted', { when: 'Friday, May 9 at 2:00 PM' }], 'appointment.askGoal'],
      ],
    ],
    ended: false,
  },
  {
    name: 'a past date: "That\'s right" keeps it, and no reminder is offered at the end',
    steps: [
      open,
      ['benefits office', ['appointment.askWhen']],
      ['last Monday', ['appointment.askWhenPast']],
      ["That's right", ['appointment.askGoal']],
      ['skip', ['appointment.askQuestions']],
      ['done', ['appointment.askBarriers']],
      ['nothing', ['appointment.askBring']],
      ['nothing else', ['appointment.askSupport']],
      ['no', ['appointment.askShare']],
      ["I'll decide there", ['appointment.askTalk']],
      ['none', ['appointment.review', 'appointment.askReview']],
      ['Save it', ['appointment.saved', 'appointment.askNext']],
    ],
    ended: false,
  },
  {
    name: '"not sure yet" is fine: no date, and no reminder offered',
    steps: [open, ['court', ['appointment.askWhen']], ['not sure yet', ['appointment.askGoal']]],
    ended: false,
  },
  {
    name: 'changing an answer: "back" returns to the date, which is replaced',
    steps: [
      ...toGoal,
      ['back', ['appointment.askWhen']],
      [
        'May 20 at 10:30',
        [['appointment.whenNoted', { when: 'Tuesday, May 20 at 10:30 AM' }], 'appointment.askGoal'],
      ],
    ],
    ended: false,
  },
  {
    name: 'changing an answer after saving: the goal is shown, replaced, and the plan saved again',
    steps: [
      ...toGoal,
      ...goalToEnd,
      ['No reminder', ['appointment.askFollowUp']],
      ['No, thanks', ['appointment.noReminders', 'appointment.askNext']],
      ['Change an answer', ['appointment.askChange']],
      ['What I want', [['appointment.currentAnswer', { answer: 'a referral to a peer group' }]]],
      ['a list of groups near me', ['appointment.review', 'appointment.askReview']],
      ['looks good', ['appointment.updated', 'appointment.askNext']],
    ],
    ended: false,
  },
  {
    name: 'the review, typed: "perfect" saves it',
    steps: [
      ...toGoal,
      ...goalToEnd.slice(0, -1),
      ['perfect', ['appointment.saved', 'appointment.askReminder']],
    ],
    ended: false,
  },
  {
    name: 'the review, typed: "yes" saves it',
    steps: [...toGoal, ...goalToEnd.slice(0, -1), ['yes', ['appointment.saved', 'appointment.askReminder']]],
    ended: false,
  },
  {
    name: 'the review: "change the date" asks the date again, then the plan is shown again, and saved',
    steps: [
      ...toGoal,
      ...goalToEnd.slice(0, -1),
      ['change the date', ['appointment.askWhen']],
      [
        'May 20 at 10:30',
        [
          ['appointment.whenNoted', { when: 'Tuesday, May 20 at 10:30 AM' }],
          'appointment.review',
          'appointment.askReview',
        ],
      ],
      ['save', ['appointment.saved', 'appointment.askReminder']],
    ],
    ended: false,
  },
  {
    name: 'the review: "no" asks which part; the goal is changed, shown again, then "looks good" saves',
    steps: [
      ...toGoal,
      ...goalToEnd.slice(0, -1),
      ['no', ['appointment.askChange']],
      ['What I want', [['appointment.currentAnswer', { answer: 'a referral to a peer group' }]]],
      ['a list of groups near me', ['appointment.review', 'appointment.askReview']],
      ['looks good', ['appointment.saved', 'appointment.askReminder']],
    ],
    ended: false,
  },
  {
    name: 'the review: "wait" and the button "Change something" ask which part; "back" there stays',
    steps: [
      ...toGoal,
      ...goalToEnd.slice(0, -1),
      ['wait', ['appointment.askChange']],
      ['back', ['answers.nothingBefore', 'appointment.askChange']],
      ['Date and time', ['appointment.askWhen']],
      ['May 20 at 10:30', ['appointment.whenNoted', 'appointment.review', 'appointment.askReview']],
      ['Change something', ['appointment.askChange']],
      ['My questions', ['appointment.questionsSoFar']],
    ],
    ended: false,
  },
  {
    name: 'the review: a part named outright, "change what I want", asks that question again',
    steps: [
      ...toGoal,
      ...goalToEnd.slice(0, -1),
      ['change what I want', [['appointment.currentAnswer', { answer: 'a referral to a peer group' }]]],
    ],
    ended: false,
  },
  {
    name: 'the review: "idk", a side question and a number are not a yes (asked again); a typo of "save it" saves',
    steps: [
      ...toGoal,
      ...goalToEnd.slice(0, -1),
      ['idk', [['answers.retry', {}, 0]]],
      ['what does the card mean?', ['answers.stuck']],
      ['3', [['answers.retry', {}, 1]]],
      ['saev it', ['appointment.saved', 'appointment.askReminder']],
    ],
    ended: false,
  },
  {
    name: 'cancel mid-way leaves the dialog and saves nothing',
    steps: [...toGoal, ['cancel', ['interruptions.cancelled']]],
    ended: true,
  },
  {
    name: 'help mid-way explains, then asks the same question again',
    steps: [...toGoal, ['help', ['help.short', 'appointment.askGoal']]],
    ended: false,
  },
  {
    name: 'answers that make no sense: re-asked differently, then skip offered, and skip works',
    steps: [
      open,
      ['asdfgh', [['appointment.askTypeAgain', {}, 0]]],
      ['qwerty', [['appointment.offerSkip', {}, 0]]],
      ['Skip', ['appointment.askWhen']],
      ['purple', [['appointment.askWhenAgain', {}, 0]]],
    ],
    ended: false,
  },
  {
    name: 'an unclear yes/no about a support person is re-asked; a plain "maybe" works',
    steps: [
      open,
      ['primary care', ['appointment.askWhen']],
      ['not sure', ['appointment.askGoal']],
      ['skip', ['appointment.askQuestions']],
      ['done', ['appointment.askBarriers']],
      ['nothing', ['appointment.askBring']],
      ['nothing else', ['appointment.askSupport']],
      ['banana', [['appointment.askSupportAgain', {}, 0]]],
      ['maybe', ['appointment.askShare']],
    ],
    ended: false,
  },
  {
    // A person playing the bot typed "listo" (Spanish: done) and her questions were cleared.
    name: '"listo" after a question is done, never "Clear the list"',
    steps: [
      open,
      ['primary care', ['appointment.askWhen']],
      ['not sure', ['appointment.askGoal']],
      ['skip', ['appointment.askQuestions']],
      [
        'do I need new pay stubs or the old ones?',
        ['appointment.questionAdded', 'appointment.questionsSoFar'],
      ],
      ['listo', ['appointment.askBarriers']],
    ],
    ended: false,
  },
  {
    name: 'worries in the person\'s own words get practical tips; "back" at the first question says so',
    steps: [
      open,
      ['back', ['answers.nothingBefore', 'appointment.askType']],
      ['employment', ['appointment.askWhen']],
      ['not sure', ['appointment.askGoal']],
      ['skip', ['appointment.askQuestions']],
      ['done', ['appointment.askBarriers']],
      ['my boss might not let me leave early', ['appointment.ownBarrierTips', 'appointment.askBarriersMore']],
    ],
    ended: false,
  },
];

describe('AppointmentDialog transcripts', () => {
  before(() => {
    recognizer = testRecognizer();
  });

  it('cases are data', () => assert.ok(cases().length >= 10));

  for (const [index, name] of cases().map((c, i) => [i, c.name] as const)) {
    it(name, async () => {
      const testCase = cases()[index];
      assert.ok(testCase);
      const first = testCase.steps[0]?.[0];
      const options = testCase.prefilled && typeof first === 'string' ? recognized(first) : undefined;
      const { make } = appointmentHarness(recognizer);
      const { client } = await runDialogCase(make, testCase.steps, options);
      assert.equal(client.dialogTurnResult.status !== DialogTurnStatus.waiting, testCase.ended);
    });
  }

  it("the full path saves the plan in user state, in the person's words, and schedules both messages", async () => {
    const [full] = cases();
    assert.ok(full);
    const { make, scheduler } = appointmentHarness(recognizer);
    const { deps, client } = await runDialogCase(make, full.steps);
    assert.deepEqual(client.dialogTurnResult.result, { planId: PLAN_ID });
    const [plan] = await savedPlans(deps.storage);
    assert.ok(plan);
    assert.equal(plan.type, 'counselor');
    assert.equal(plan.when?.start, '2025-05-13T20:00:00.000Z');
    assert.equal(plan.goal, 'a referral to a peer group');
    assert.deepEqual(plan.questions, ['Can we meet in the afternoons?', 'What is my main problem?']);
    assert.equal(plan.topCount, 1);
    assert.deepEqual(plan.barriers, [{ id: 'transport' }]);
    assert.ok(plan.bring.includes('my lease') && plan.bring.includes('a pen'));
    assert.equal(plan.support, 'yes');
    assert.deepEqual(plan.share, { id: 'nothing' });
    assert.deepEqual(plan.talk, [{ id: 'teachBack' }]);
    assert.deepEqual(plan.reminders, {
      reminderAt: '2025-05-12T20:00:00.000Z',
      followUpAt: '2025-05-13T23:00:00.000Z',
    });
    const ids = reminderIds(PLAN_ID);
    const reminder = await scheduler.get(ids.reminder);
    const followUp = await scheduler.get(ids.followUp);
    assert.equal(reminder?.status === 'pending' && reminder.dueAt, '2025-05-12T20:00:00.000Z');
    assert.equal(followUp?.status === 'pending' && followUp.dueAt, '2025-05-13T23:00:00.000Z');
    assert.equal(reminder?.status === 'pending' && reminder.reference.activityId, undefined);
  });

  it('sends the plan as an Adaptive Card 1.5 with a text fallback', async () => {
    const { make } = appointmentHarness(recognizer);
    const { client } = await runDialogCase(make, [...toGoal, ...goalToEnd.slice(0, -2)]);
    const reply = await client.sendActivity('done');
    const card = reply.attachments?.[0];
    assert.equal(card?.contentType, 'application/vnd.microsoft.card.adaptive');
    const content = z.object({ version: z.string(), fallbackText: z.string() }).parse(card?.content);
    assert.equal(content.version, '1.5');
    assert.ok(content.fallbackText?.includes('a referral to a peer group'));
  });

  it('"Send it as text" sends the plan as plain text to copy', async () => {
    const { make } = appointmentHarness(recognizer);
    const { client } = await runDialogCase(make, [
      ...toGoal,
      ...goalToEnd,
      ['No reminder', ['appointment.askFollowUp']],
      ['No, thanks', ['appointment.noReminders', 'appointment.askNext']],
    ]);
    const reply = await client.sendActivity('Send it as text');
    assert.equal(reply.textFormat, 'plain');
    assert.ok(reply.text?.includes('a referral to a peer group'));
  });

  it('at the review nothing is saved or scheduled; "Save it" saves it, then reminders are offered', async () => {
    const { make, scheduler } = appointmentHarness(recognizer);
    const { deps, client } = await runDialogCase(make, [...toGoal, ...goalToEnd.slice(0, -1)]);
    assert.deepEqual(await savedPlans(deps.storage), []);
    assert.equal(await scheduler.get(reminderIds(PLAN_ID).reminder), undefined);
    await client.sendActivity('Save it');
    const [plan] = await savedPlans(deps.storage);
    assert.equal(plan?.goal, 'a referral to a peer group');
    assert.equal(await scheduler.get(reminderIds(PLAN_ID).reminder), undefined, 'no reminder before its yes');
  });

  it('cancel mid-way saves no plan and schedules nothing', async () => {
    const { make, scheduler } = appointmentHarness(recognizer);
    const { deps } = await runDialogCase(make, [...toGoal, ['cancel', ['interruptions.cancelled']]]);
    assert.deepEqual(await savedPlans(deps.storage), []);
    assert.equal(await scheduler.get(reminderIds(PLAN_ID).reminder), undefined);
  });

  it('"Practice my opening" suggests a line built from the goal and ends for the caller to route', async () => {
    const { make } = appointmentHarness(recognizer);
    const { client } = await runDialogCase(make, [
      ...toGoal,
      ...goalToEnd,
      ['No reminder', ['appointment.askFollowUp']],
      ['No, thanks', ['appointment.noReminders', 'appointment.askNext']],
      ['practice my opening', ['appointment.openingLine']],
    ]);
    assert.deepEqual(client.dialogTurnResult.result, { planId: PLAN_ID, next: 'practice' });
  });

  it('shows buttons (suggested actions) on Web Chat, whatever the label length', async () => {
    const { make } = appointmentHarness(recognizer);
    const client = new DialogTestClient('webchat', make(makeDialogDeps()));
    await client.sendActivity('hi');
    const question = client.getNextReply();
    assert.equal(question?.suggestedActions?.actions.length, 9);
  });
});
