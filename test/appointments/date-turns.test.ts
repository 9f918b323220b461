import assert from 'node:assert/strict';
import { reminderIds } from '../../src/appointments/reminders.js';
import type { DialogCase, Reply } from '../support/dialog-case.js';
import { at, dueAt, goalToSaved, itPlaysCases, monday, PLAN_ID, savedPlans, toWhen } from './harness.js';

const noted = (when: string): Reply => ['appointment.whenNoted', { when }];
const changed = (when: string): Reply => ['appointment.dateChanged', { when }];

interface DateCase extends DialogCase {
  /** The saved plan's date: its wall time and precision. */
  when?: { local: string; precision: string } | 'none';
  /** The reminder scheduled at the end (UTC). */
  reminder?: string;
}

const cases = (): DateCase[] => [
  {
    name: '"sorry i meant wednesday" at a later question keeps 3 pm; "actually 4pm" keeps the day; "2 hours before" then works',
    steps: [
      ...toWhen,
      ['tuesday at 3', [noted('Tuesday, December 8 at 3:00 PM'), 'appointment.askGoal']],
      ['sorry i meant wednesday', [changed('Wednesday, December 9 at 3:00 PM'), 'appointment.askGoal']],
      ['actually 4pm', [changed('Wednesday, December 9 at 4:00 PM'), 'appointment.askGoal']],
      ...goalToSaved,
      ['2 hours before', [['appointment.checkReminder', at('Wednesday, December 9 at 2:00 PM')]]],
      [
        'yes',
        [['appointment.reminderSet', at('Wednesday, December 9 at 2:00 PM')], 'appointment.askFollowUp'],
      ],
    ],
    when: { local: '2026-12-09T16:00:00', precision: 'time' },
    reminder: '2026-12-09T19:00:00.000Z',
  },
  {
    name: 'a correction at a list question ("no wait, thursday") changes the date, not the list; "by friday" is a goal',
    steps: [
      ...toWhen,
      ['tuesday at 3', [noted('Tuesday, December 8 at 3:00 PM'), 'appointment.askGoal']],
      ['by friday', ['appointment.askQuestions']],
      ['no wait, thursday', [changed('Thursday, December 10 at 3:00 PM'), 'appointment.askQuestions']],
      ['done', ['appointment.askBarriers']],
    ],
  },
  {
    name: 'a correction at the review shows the plan again, unsaved, with the new date',
    steps: [
      ...toWhen,
      ['tuesday at 3', [noted('Tuesday, December 8 at 3:00 PM'), 'appointment.askGoal']],
      ...goalToSaved.slice(0, -1),
      [
        'oops i meant thrusday',
        [changed('Thursday, December 10 at 3:00 PM'), 'appointment.review', 'appointment.askReview'],
      ],
      ['looks good', ['appointment.saved', 'appointment.askReminder']],
      ['the night before at 8', [['appointment.checkReminder', at('Wednesday, December 9 at 8:00 PM')]]],
      [
        'yep',
        [['appointment.reminderSet', at('Wednesday, December 9 at 8:00 PM')], 'appointment.askFollowUp'],
      ],
    ],
    when: { local: '2026-12-10T15:00:00', precision: 'time' },
    reminder: '2026-12-10T01:00:00.000Z',
  },
  {
    name: '"next month" is asked back ("Which day in January?"); "15" is January 15, then its time',
    steps: [
      ...toWhen,
      ['next month', [['appointment.askWhichDayInMonth', { month: 'January' }]]],
      ['15', [['appointment.askWhenTime', { day: 'Friday, January 15, 2027' }]]],
      ['2:30', [noted('Friday, January 15, 2027 at 2:30 PM'), 'appointment.askGoal']],
    ],
  },
  {
    name: '"sometime in january", then "tuesday": the first Tuesday, checked; then "not sure yet" for the time keeps the day',
    steps: [
      ...toWhen,
      ['sometime in january', [['appointment.askWhichDayInMonth', { month: 'January' }]]],
      ['tuesday', [['appointment.askWhenCheck', { when: 'Tuesday, January 5, 2027' }]]],
      ['yes', [['appointment.askWhenTime', { day: 'Tuesday, January 5, 2027' }]]],
      ['not sure yet', [noted('Tuesday, January 5, 2027'), 'appointment.askGoal']],
    ],
  },
  {
    name: '"next week" is asked back between its days; "wensday" is the Wednesday in it; "idk" at "which day" leaves the date open',
    steps: [
      ...toWhen,
      [
        'next week',
        [['appointment.askWhichDay', { span: 'between Monday, December 14 and Sunday, December 20' }]],
      ],
      ['wensday', [['appointment.askWhenTime', { day: 'Wednesday, December 16' }]]],
      ['back', ['appointment.askWhen']],
      ['in a couple weeks', ['appointment.askWhichDay']],
      ['idk', ['appointment.askGoal']],
      ...goalToSaved.slice(0, -1),
      ['Save it', ['appointment.saved', 'appointment.askNext']],
    ],
    when: 'none',
  },
  {
    name: '"in a couple of weeks" is asked back; "the 21st at 10am" is taken',
    steps: [
      ...toWhen,
      ['in a couple of weeks', ['appointment.askWhichDay']],
      ['the 21st at 10am', [noted('Monday, December 21 at 10:00 AM'), 'appointment.askGoal']],
    ],
  },
  {
    name: '"friday" alone asks the time once; "idk" keeps the day; "2 hours before" says so and offers that morning',
    steps: [
      ...toWhen,
      ['friday', [['appointment.askWhenTime', { day: 'Friday, December 11' }]]],
      ['idk', [noted('Friday, December 11'), 'appointment.askGoal']],
      ...goalToSaved,
      [
        '2 hours before',
        [
          ['appointment.needsTimeReminder', { when: 'Friday, December 11' }],
          ['appointment.checkReminder', at('Friday, December 11 at 9:00 AM')],
        ],
      ],
      ['ok', [['appointment.reminderSet', at('Friday, December 11 at 9:00 AM')], 'appointment.askFollowUp']],
      ['yes', [['appointment.checkFollowUp', at('Friday, December 11 at 6:00 PM')]]],
    ],
    when: { local: '2026-12-11T00:00:00', precision: 'day' },
    reminder: '2026-12-11T14:00:00.000Z',
  },
  {
    name: '"skip" at "What time on Friday?" keeps Friday; the same day again is not a time',
    steps: [
      ...toWhen,
      ['thrusday', [['appointment.askWhenTime', { day: 'Thursday, December 10' }]]],
      ['thursday', [['appointment.askWhenTimeAgain', {}, 0]]],
      ['skip', ['appointment.askGoal']],
      ...goalToSaved,
      ['no reminder', ['appointment.askFollowUp']],
    ],
    when: { local: '2026-12-10T00:00:00', precision: 'day' },
  },
  {
    name: 'a day then its time typed in other words: "at 8" on a Friday is 8 AM, "the 12th in the morning" is kept as a morning',
    steps: [
      ...toWhen,
      ['friday', ['appointment.askWhenTime']],
      ['at 8', [noted('Friday, December 11 at 8:00 AM'), 'appointment.askGoal']],
      [
        'sorry, the 12th in the morning',
        [changed('Saturday, December 12, 8:00 AM to 12:00 PM'), 'appointment.askGoal'],
      ],
    ],
  },
];

describe('Dates as people type them: corrections, a day with no time, a span asked back', () => {
  itPlaysCases(cases, monday, async (testCase, { scheduler, storage }) => {
    const [plan] = await savedPlans(storage);
    if (testCase.when === 'none') assert.equal(plan?.when, undefined);
    else if (testCase.when) {
      assert.equal(plan?.when?.local, testCase.when.local);
      assert.equal(plan?.when?.precision, testCase.when.precision);
    }
    if (testCase.reminder) {
      assert.equal(await dueAt(scheduler, reminderIds(PLAN_ID).reminder), testCase.reminder);
    }
  });
});
