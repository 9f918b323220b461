import assert from 'node:assert/strict';
import { reminderIds } from '../../src/appointments/reminders.js';
import { type DialogCase, runDialogCase, type Step } from '../support/dialog-case.js';
import { at, dueAt, goalToSaved, itPlaysCases, monday, PLAN_ID, savedPlans, toWhen } from './harness.js';

/** From hello to the saved plan of an appointment said as `when`, every other question left out. */
const planFor = (type: string, when: string, noted: string): Step[] => [
  ['hi', ['appointment.intro', 'appointment.askType']],
  [type, ['appointment.askWhen']],
  [when, [['appointment.whenNoted', { when: noted }], 'appointment.askGoal']],
  ...goalToSaved,
];
const caseworker = planFor('Caseworker', 'tuesday december 15 at 9am', 'Tuesday, December 15 at 9:00 AM');
const lateCounselor = planFor('my counselor', 'dec 15 at 11pm', 'Tuesday, December 15 at 11:00 PM');

const remindAt = (when: string): Step[] => [
  ['yes', [['appointment.reminderSet', at(when)], 'appointment.askFollowUp']],
];

interface ReminderCase extends DialogCase {
  /** What was scheduled at the end: the reminder's and the check-in's instants (UTC). */
  scheduled?: { reminder?: string; followUp?: string };
}

const cases = (): ReminderCase[] => [
  {
    name: 'the report in the issue: "the night before at 8pm" is Monday December 14, confirmed, then saved',
    steps: [
      ...caseworker,
      ['the night before at 8pm', [['appointment.checkReminder', at('Monday, December 14 at 8:00 PM')]]],
      ...remindAt('Monday, December 14 at 8:00 PM'),
      ['yes', [['appointment.checkFollowUp', at('Tuesday, December 15 at 12:00 PM')]]],
      ['yep', [['appointment.followUpSet', at('Tuesday, December 15 at 12:00 PM')], 'appointment.askNext']],
    ],
    scheduled: { reminder: '2026-12-15T01:00:00.000Z', followUp: '2026-12-15T17:00:00.000Z' },
  },
  {
    name: 'an hour that could be AM or PM is asked back; "no, 8am" keeps the day and takes 8 AM',
    steps: [
      ...caseworker,
      ['At a time I choose', ['appointment.askReminderTime']],
      ['dec 14 at 8', [['appointment.checkAmbiguous', at('Monday, December 14 at 8:00 PM')]]],
      ['no, 8am', [['appointment.checkReminder', at('Monday, December 14 at 8:00 AM')]]],
      ...remindAt('Monday, December 14 at 8:00 AM'),
      ['No, thanks', ['appointment.remindersOffHint', 'appointment.askNext']],
    ],
    scheduled: { reminder: '2026-12-14T13:00:00.000Z' },
  },
  {
    name: '"no" at the check asks for the time again; the button\'s words with a typo pick it; nothing is kept before a yes',
    steps: [
      ...caseworker,
      ['The day before', [['appointment.checkReminder', at('Monday, December 14 at 9:00 AM')]]],
      ['nope', ['appointment.timeNotRight', 'appointment.askReminderTime']],
      ['2 hours before', [['appointment.checkReminder', at('Tuesday, December 15 at 7:00 AM')]]],
      [
        'yes thats rihgt',
        [['appointment.reminderSet', at('Tuesday, December 15 at 7:00 AM')], 'appointment.askFollowUp'],
      ],
      ['no', ['appointment.remindersOffHint', 'appointment.askNext']],
    ],
    scheduled: { reminder: '2026-12-15T12:00:00.000Z' },
  },
  {
    name: 'a yes, then thanks with "today" in it, is a yes (a person playing the bot was told "today" had passed); a yes then a time is the time',
    steps: [
      ...caseworker,
      ['The day before', [['appointment.checkReminder', at('Monday, December 14 at 9:00 AM')]]],
      ['Yes. But make it 8am', [['appointment.checkReminder', at('Monday, December 14 at 8:00 AM')]]],
      [
        "Yes, that's right. Thank you so much for your help today.",
        [['appointment.reminderSet', at('Monday, December 14 at 8:00 AM')], 'appointment.askFollowUp'],
      ],
      ['no', ['appointment.remindersOffHint', 'appointment.askNext']],
    ],
    scheduled: { reminder: '2026-12-14T13:00:00.000Z' },
  },
  {
    name: 'typed at the reminder question: "yes" is the day before, and is still checked',
    steps: [
      ...caseworker,
      ['yes please', [['appointment.checkReminder', at('Monday, December 14 at 9:00 AM')]]],
      ...remindAt('Monday, December 14 at 9:00 AM'),
    ],
  },
  {
    name: 'a time that has passed, and one after the appointment, are explained and asked again',
    steps: [
      ...caseworker,
      [
        'yesterday at 5pm',
        [['appointment.timePassed', at('Sunday, December 6 at 5:00 PM')], 'appointment.askReminderTime'],
      ],
      [
        'dec 16',
        [
          [
            'appointment.reminderTooLate',
            { at: 'Wednesday, December 16', when: 'Tuesday, December 15 at 9:00 AM' },
          ],
          'appointment.askReminderTime',
        ],
      ],
      ['the nite befor at 7', [['appointment.checkReminder', at('Monday, December 14 at 7:00 PM')]]],
    ],
  },
  {
    name: 'at the check: "idk", a side question and a typo are asked again; "back" returns to the reminder question',
    steps: [
      ...caseworker,
      ['the night before', [['appointment.checkReminder', at('Monday, December 14 at 8:00 PM')]]],
      ['idk', [['appointment.checkTimeAgain', {}, 0]]],
      ['will it come as a text to my phone?', [['appointment.offerSkip', {}, 0]]],
      ['back', ['appointment.askReminder']],
      ['No reminder', ['appointment.askFollowUp']],
    ],
  },
  {
    name: 'a late counselor visit: the check-in waits for the morning, and the person is told why',
    steps: [
      ...lateCounselor,
      ['No reminder', ['appointment.askFollowUp']],
      ['Yes, check in', [['appointment.quietMoved', { from: '9:00 PM', until: '8:00 AM' }]]],
    ],
  },
  {
    name: 'a late counselor visit: the check-in asked for "3 hours after" is the person\'s choice, at 2 AM',
    steps: [
      ...lateCounselor,
      ['No reminder', ['appointment.askFollowUp']],
      ['3 hours after', [['appointment.checkFollowUp', at('Wednesday, December 16 at 2:00 AM')]]],
      ['no', ['appointment.timeNotRight', 'appointment.askFollowUpTime']],
      ['the next morning at 10', [['appointment.checkFollowUp', at('Wednesday, December 16 at 10:00 AM')]]],
      [
        "Yes, that's right",
        [['appointment.followUpSet', at('Wednesday, December 16 at 10:00 AM')], 'appointment.askNext'],
      ],
    ],
    scheduled: { followUp: '2026-12-16T15:00:00.000Z' },
  },
  {
    name: 'a check-in before the appointment is over is explained and asked again',
    steps: [
      ...lateCounselor,
      ['No reminder', ['appointment.askFollowUp']],
      [
        'that evening',
        [
          [
            'appointment.followUpTooSoon',
            { at: 'Tuesday, December 15 at 6:00 PM', when: 'Tuesday, December 15 at 11:00 PM' },
          ],
          'appointment.askFollowUpTime',
        ],
      ],
    ],
  },
  {
    name: 'an appointment that may mean another day is asked back: "next wensday morning" said on a Monday',
    steps: [
      ...toWhen,
      [
        'next wensday morning',
        [['appointment.askWhenCheck', { when: 'Wednesday, December 16, 8:00 AM to 12:00 PM' }]],
      ],
      ['no', ['appointment.askDateExact', 'appointment.askWhen']],
      [
        'dec 9 in the morning',
        [
          ['appointment.whenNoted', { when: 'Wednesday, December 9, 8:00 AM to 12:00 PM' }],
          'appointment.askGoal',
        ],
      ],
    ],
  },
  {
    name: 'an appointment asked back: "yes" keeps it, typed; the day said another way replaces it',
    steps: [
      ...toWhen,
      ['next tuesday at 9', [['appointment.askWhenCheck', { when: 'Tuesday, December 15 at 9:00 AM' }]]],
      ['hmm', [['appointment.askWhenCheckAgain', { when: 'Tuesday, December 15 at 9:00 AM' }, 0]]],
      ['yeah', ['appointment.askGoal']],
    ],
  },
  {
    name: 'an appointment asked back, typed: "back" returns to the date question, "another date please" is the second button, "that\'s right" keeps it',
    steps: [
      ...toWhen,
      ['next tuesday at 9', ['appointment.askWhenCheck']],
      ['back', ['appointment.askWhen']],
      ['next tuesday at 9', ['appointment.askWhenCheck']],
      ['another date please', ['appointment.askDateExact', 'appointment.askWhen']],
      ['next tuesday at 9', ['appointment.askWhenCheck']],
      ["that's right", ['appointment.askGoal']],
    ],
  },
  {
    name: 'a time check, typed: "another time" is the No button; "sure" is yes',
    steps: [
      ...caseworker,
      ['monday at 6pm', [['appointment.checkReminder', at('Monday, December 14 at 6:00 PM')]]],
      ['another time', ['appointment.timeNotRight', 'appointment.askReminderTime']],
      ['sunday at 6pm', [['appointment.checkReminder', at('Sunday, December 13 at 6:00 PM')]]],
      [
        'sure',
        [['appointment.reminderSet', at('Sunday, December 13 at 6:00 PM')], 'appointment.askFollowUp'],
      ],
    ],
  },
  {
    name: 'an appointment asked back: a new date typed instead is taken',
    steps: [
      ...toWhen,
      ['next tuesday at 9', ['appointment.askWhenCheck']],
      [
        'the 8th at 9',
        [['appointment.whenNoted', { when: 'Tuesday, December 8 at 9:00 AM' }], 'appointment.askGoal'],
      ],
    ],
  },
];

describe('Reminders and check-ins: read against the appointment, confirmed before they are kept', () => {
  const harness = itPlaysCases(cases, monday, async (testCase, { scheduler, storage }) => {
    if (!testCase.scheduled) return;
    const ids = reminderIds(PLAN_ID);
    assert.equal(await dueAt(scheduler, ids.reminder), testCase.scheduled.reminder);
    assert.equal(await dueAt(scheduler, ids.followUp), testCase.scheduled.followUp);
    const [plan] = await savedPlans(storage);
    assert.equal(plan?.reminders?.reminderAt, testCase.scheduled.reminder);
    assert.equal(plan?.reminders?.followUpAt, testCase.scheduled.followUp);
  });

  it('nothing is saved or scheduled before the yes: a reminder left at its check is not kept', async () => {
    const { make, scheduler } = harness();
    const { deps } = await runDialogCase(make, [
      ...caseworker,
      ['the night before at 8', [['appointment.checkReminder', at('Monday, December 14 at 8:00 PM')]]],
    ]);
    assert.equal(await scheduler.get(reminderIds(PLAN_ID).reminder), undefined);
    const [plan] = await savedPlans(deps.storage);
    assert.equal(plan?.reminders, undefined);
  });

  it("a reminder the person timed in quiet hours is filed to go out then; the bot's own picks are not", async () => {
    const { make, scheduler } = harness();
    await runDialogCase(make, [
      ...caseworker,
      ['the night before at 11pm', [['appointment.checkReminder', at('Monday, December 14 at 11:00 PM')]]],
      ...remindAt('Monday, December 14 at 11:00 PM'),
    ]);
    const item = await scheduler.get(reminderIds(PLAN_ID).reminder);
    assert.ok(item?.status === 'pending');
    assert.equal(item.dueAt, '2026-12-15T04:00:00.000Z');
    assert.equal(item.anyHour, true);
    assert.equal(item.timezone, 'America/New_York');
  });
});
