/**
 * The date table: how people write appointment times, reminders and check-ins, each with the
 * wall-clock time it must mean. Every row is read in two zones (New York and Madrid, whose clocks
 * change on different days), so the expected instant is that wall time in each zone. The scenes
 * sit on both sides of daylight-saving changes: the US fall-back (November 1 2026), the US
 * spring-forward (March 8 2026), and Madrid's fall-back (October 25 2026).
 *
 * Expected values: "2026-12-14T20:00" (a time), "day:2026-12-14" (a whole day),
 * "range:2026-12-16T08:00" (a part of a day, by its start), or why nothing can be kept: "none"
 * (no date in the words), "past", "notBefore" (a reminder at or after the appointment),
 * "notAfter" (a check-in before it is over). Flags: `ask` (another reading fits as well: the bot
 * asks), `quiet` (the bot's own pick was moved out of quiet hours).
 */
export interface Row {
  say: string;
  /** The same in both zones, or per zone where their clocks change on different days. */
  means: string | PerZone;
  ask?: true;
  quiet?: true;
}

/** Appointment times read at `now` (a wall time in the person's zone). */
export interface WhenScene {
  name: string;
  now: string;
  rows: Row[];
}

/** Reminders or check-ins for an appointment at `appointment` (a wall time), read at `now`. */
export interface MessageScene {
  name: string;
  now: string;
  kind: 'reminder' | 'followUp';
  appointment: string;
  /** The time the bot offers on its own (the day before, or the check-in after "yes"). */
  offered?: string;
  offeredQuiet?: true;
  rows: Row[];
}

/** Expected values that differ by zone: counted in hours across one zone's clock change. */
export interface PerZone {
  newYork: string;
  madrid: string;
}

const row = (say: string, means: Row['means'], flags: Partial<Pick<Row, 'ask' | 'quiet'>> = {}): Row => ({
  say,
  means,
  ...flags,
});
const ask = { ask: true } as const;
const quiet = { quiet: true } as const;

/** Monday December 7 2026, 10 AM: the day of the report in the issue. */
const monday = '2026-12-07T10:00';

export const whenScenes: WhenScene[] = [
  {
    name: 'appointment times, said on Monday December 7 2026 at 10 AM',
    now: monday,
    rows: [
      row('tuesday december 15 at 9am', '2026-12-15T09:00'),
      row('Tuesday, December 15 at 9:00 AM', '2026-12-15T09:00'),
      row('dec 15 at 9', '2026-12-15T09:00'),
      row('dec 15 at 3', '2026-12-15T15:00'),
      row('12/15 at 3', '2026-12-15T15:00'),
      row('12/15/2026 9am', '2026-12-15T09:00'),
      row('15 dec at 10am', '2026-12-15T10:00'),
      row('decemeber 15 at 9am', '2026-12-15T09:00'),
      row('decmber 15', 'day:2026-12-15'),
      row('febuary 3', 'day:2027-02-03'),
      row('feburary 3 at 2pm', '2027-02-03T14:00'),
      row('janurary 12 at 11', '2027-01-12T11:00'),
      row('septmber 4 at 10', '2027-09-04T10:00'),
      row('jul 4 at 1', '2027-07-04T13:00'),
      row('january 5 at 10am', '2027-01-05T10:00'),
      row('march 9 at 10am', '2027-03-09T10:00'),
      row('next wensday morning', 'range:2026-12-16T08:00', ask),
      row('next wednesday', 'day:2026-12-16', ask),
      row('next wed', 'day:2026-12-16', ask),
      row('next tuesday at 3pm', '2026-12-15T15:00', ask),
      row('next Tuesday at 3', '2026-12-15T15:00', ask),
      row('next sat', 'day:2026-12-19', ask),
      row('next monday', 'day:2026-12-14'),
      row('monday', 'day:2026-12-14', ask),
      row('monday at 3', '2026-12-07T15:00', ask),
      row('wensday', 'day:2026-12-09'),
      row('wednsday at 2', '2026-12-09T14:00'),
      row('wendsday at 10am', '2026-12-09T10:00'),
      row('thurs at 3', '2026-12-10T15:00'),
      row('thurs', 'day:2026-12-10'),
      row('tues at 11', '2026-12-08T11:00'),
      row('tuesday at 8', '2026-12-08T08:00'),
      row('thursday at 8', '2026-12-10T08:00'),
      row('friday at 7', '2026-12-11T07:00'),
      row('friday at 6', '2026-12-11T18:00'),
      row('this friday', 'day:2026-12-11'),
      row('this friday at noon', '2026-12-11T12:00'),
      row('friday afternoon', 'range:2026-12-11T12:00'),
      row('sat', 'day:2026-12-12'),
      row('sun morning', 'range:2026-12-13T08:00'),
      row('the following tuesday', 'day:2026-12-15'),
      row('the 12th in the morning', 'range:2026-12-12T08:00'),
      row('the 12th at 9', '2026-12-12T09:00'),
      row('the 12th at 6', '2026-12-12T18:00'),
      row('on the 14th', 'day:2026-12-14'),
      row('the 14th at 2:30', '2026-12-14T14:30'),
      row('the 15th at 11pm', '2026-12-15T23:00'),
      row('tmrw', 'day:2026-12-08'),
      row('tmrw at 10', '2026-12-08T10:00'),
      row('tomorow at 4pm', '2026-12-08T16:00'),
      row('noon tomorrow', '2026-12-08T12:00'),
      row('tomorrow at noon', '2026-12-08T12:00'),
      row('8 p.m. tomorrow', '2026-12-08T20:00'),
      row('day after tomorrow', 'day:2026-12-09'),
      row('day after tomorrow at 9', '2026-12-09T09:00'),
      row('in 3 days', 'day:2026-12-10'),
      row('in 2 weeks', 'day:2026-12-21'),
      row('in two weeks', 'day:2026-12-21'),
      row('2 weeks from today', 'day:2026-12-21'),
      row('a week from today', 'day:2026-12-14'),
      row('dec 14 at 8pm', '2026-12-14T20:00'),
      row('12/14 8pm', '2026-12-14T20:00'),
      row('14 dec', 'day:2026-12-14'),
      row('14 dec at 1', '2026-12-14T13:00'),
      row('at 3', '2026-12-07T15:00'),
      row('at 9', '2026-12-08T09:00'),
      row('tonight at 8', '2026-12-07T20:00'),
      row('8 at night', '2026-12-07T20:00'),
      row('8 in the evening', '2026-12-07T20:00'),
      row('whenever', 'none'),
      row('idk', 'none'),
    ],
  },
  {
    name: 'appointment times said on Sunday December 6 2026, when some weeks start',
    now: '2026-12-06T10:00',
    rows: [
      row('next tuesday', 'day:2026-12-08', ask),
      row('next sunday', 'day:2026-12-13'),
      row('this tuesday at 2', '2026-12-08T14:00'),
      row('tuesday at 2', '2026-12-08T14:00'),
    ],
  },
  {
    name: 'appointment times around the US fall-back, said on Friday October 30 2026',
    now: '2026-10-30T10:00',
    rows: [
      row('sunday at 10', '2026-11-01T10:00'),
      row('sunday at 1:30', '2026-11-01T13:30'),
      row('nov 1 at 1:30am', '2026-11-01T01:30'),
      row('nov 2 at 9', '2026-11-02T09:00'),
      row('the 2nd at 3', '2026-11-02T15:00'),
      row('monday morning', 'range:2026-11-02T08:00'),
      row('tomorrow at 9am', '2026-10-31T09:00'),
      row('tmrw at 4', '2026-10-31T16:00'),
      row('next tuesday', 'day:2026-11-03'),
    ],
  },
  {
    name: 'appointment times around the US spring-forward, said on Thursday March 5 2026',
    now: '2026-03-05T10:00',
    rows: [
      row('monday at 9', '2026-03-09T09:00'),
      row('sunday at 10', '2026-03-08T10:00'),
      row('sat at 2', '2026-03-07T14:00'),
      row('march 9 at 10am', '2026-03-09T10:00'),
      row('tmrw at 3', '2026-03-06T15:00'),
      row('next monday', 'day:2026-03-09'),
      row('in 2 weeks', 'day:2026-03-19'),
    ],
  },
  {
    name: "appointment times around Madrid's fall-back, said on Thursday October 22 2026",
    now: '2026-10-22T10:00',
    rows: [
      row('sunday at 10', '2026-10-25T10:00'),
      row('saturday at 10', '2026-10-24T10:00'),
      row('monday at 9', '2026-10-26T09:00'),
    ],
  },
];

export const messageScenes: MessageScene[] = [
  {
    name: 'reminders for a caseworker on Tuesday December 15 at 9 AM, set on Monday December 7',
    now: monday,
    kind: 'reminder',
    appointment: '2026-12-15T09:00',
    offered: '2026-12-14T09:00',
    rows: [
      row('the night before at 8', '2026-12-14T20:00'),
      row('the night before at 8pm', '2026-12-14T20:00'),
      row('night before 8pm', '2026-12-14T20:00'),
      row('8pm the night before', '2026-12-14T20:00'),
      row('the night before', '2026-12-14T20:00'),
      row('the nite before', '2026-12-14T20:00'),
      row('the evening before', '2026-12-14T18:00'),
      row('the evening before at 7', '2026-12-14T19:00'),
      row('the day before', '2026-12-14T09:00'),
      row('the day before at noon', '2026-12-14T12:00'),
      row('the day before at 8', '2026-12-14T20:00', ask),
      row('the day before at 6', '2026-12-14T18:00'),
      row('the day before at 7am', '2026-12-14T07:00'),
      row('the morning before', '2026-12-14T09:00'),
      row('the afternoon before', '2026-12-14T13:00'),
      row('the day prior at 5pm', '2026-12-14T17:00'),
      row('a day before', '2026-12-14T09:00'),
      row('2 days before', '2026-12-13T09:00'),
      row('2 days before at noon', '2026-12-13T12:00'),
      row('a week before', '2026-12-08T09:00'),
      row('2 hours before', '2026-12-15T07:00'),
      row('an hour before', '2026-12-15T08:00'),
      row('1 hour before', '2026-12-15T08:00'),
      row('30 min before', '2026-12-15T08:30'),
      row('45 minutes before', '2026-12-15T08:15'),
      row('half an hour before', '2026-12-15T08:30'),
      row('90 minutes before', '2026-12-15T07:30'),
      row('2 hrs before', '2026-12-15T07:00'),
      row('2 hours', '2026-12-15T07:00'),
      row('that morning', '2026-12-15T08:00'),
      row('the morning of', '2026-12-15T08:00'),
      row('the morning of at 7', '2026-12-15T07:00'),
      row('that morning at 7:30', '2026-12-15T07:30'),
      row('that day at 8', '2026-12-15T08:00'),
      row('the same day at 8', '2026-12-15T08:00'),
      row('the day of at 6', '2026-12-15T06:00'),
      row('dec 14 at 8pm', '2026-12-14T20:00'),
      row('dec 14 at 8', '2026-12-14T20:00', ask),
      row('12/14 8pm', '2026-12-14T20:00'),
      row('12/14 at 6:30pm', '2026-12-14T18:30'),
      row('14 dec', '2026-12-14T09:00'),
      row('dec 14', '2026-12-14T09:00'),
      row('decemeber 14 at 7pm', '2026-12-14T19:00'),
      row('monday', '2026-12-14T09:00'),
      row('monday at 8', '2026-12-14T20:00', ask),
      row('monday night', '2026-12-14T20:00'),
      row('monday evening at 6', '2026-12-14T18:00'),
      row('sunday', '2026-12-13T09:00'),
      row('sun at 2', '2026-12-13T14:00'),
      row('friday', '2026-12-11T09:00'),
      row('this friday at 5pm', '2026-12-11T17:00'),
      row('wensday at noon', '2026-12-09T12:00'),
      row('thurs at 4', '2026-12-10T16:00'),
      row('tmrw at 6pm', '2026-12-08T18:00'),
      row('tomorrow morning', '2026-12-08T09:00'),
      row('tonight', '2026-12-07T20:00'),
      row('tonight at 9', '2026-12-07T21:00'),
      row('in 2 hours', '2026-12-07T12:00'),
      row('the 14th at 8pm', '2026-12-14T20:00'),
      row('the 14th in the morning', '2026-12-14T09:00'),
      row('on the 13th', '2026-12-13T09:00'),
      row('yesterday at 5pm', 'past'),
      row('this morning', 'past'),
      row('the day after', 'notBefore'),
      row('dec 16', 'notBefore'),
      row('next wednesday at noon', 'notBefore'),
      row('an hour after', 'notBefore'),
      row('that evening', 'notBefore'),
      row('whenever', 'none'),
      row('sure', 'none'),
    ],
  },
  {
    name: 'reminders for a counselor on Tuesday December 15 at 11 PM',
    now: monday,
    kind: 'reminder',
    appointment: '2026-12-15T23:00',
    offered: '2026-12-14T20:00',
    offeredQuiet: true,
    rows: [
      row('the day before', '2026-12-14T20:00', quiet),
      row('the night before', '2026-12-14T20:00'),
      row('that morning', '2026-12-15T09:00'),
      row('an hour before', '2026-12-15T22:00'),
      row('the day before at 11pm', '2026-12-14T23:00'),
    ],
  },
  {
    name: 'reminders for a prescriber on Tuesday December 15 at 7 AM',
    now: monday,
    kind: 'reminder',
    appointment: '2026-12-15T07:00',
    offered: '2026-12-14T08:00',
    offeredQuiet: true,
    rows: [
      row('the day before', '2026-12-14T08:00', quiet),
      row('that morning', '2026-12-14T20:00', quiet),
      row('the morning of at 6', '2026-12-15T06:00'),
      row('the night before at 9', '2026-12-14T21:00'),
    ],
  },
  {
    name: 'check-ins after a counselor on Tuesday December 15 at 11 PM',
    now: monday,
    kind: 'followUp',
    appointment: '2026-12-15T23:00',
    offered: '2026-12-16T08:00',
    offeredQuiet: true,
    rows: [
      row('the next morning', '2026-12-16T09:00'),
      row('the morning after', '2026-12-16T09:00'),
      row('the next day at noon', '2026-12-16T12:00'),
      row('the day after at 10', '2026-12-16T10:00'),
      row('the day after', '2026-12-16T10:00'),
      row('the next afternoon', '2026-12-16T13:00'),
      row('wednesday at 10', '2026-12-16T10:00'),
      row('wednesday', '2026-12-16T10:00'),
      row('dec 16 at 9am', '2026-12-16T09:00'),
      row('12/16 at 5pm', '2026-12-16T17:00'),
      row('thursday evening', '2026-12-17T18:00'),
      row('3 hours after', '2026-12-16T02:00'),
      row('an hour after', '2026-12-16T00:00'),
      row('that evening', 'notAfter'),
      row('tomorrow', 'notAfter'),
      row('the night before', 'notAfter'),
      row('yesterday', 'past'),
    ],
  },
  {
    name: 'check-ins after a caseworker on Tuesday December 15 at 9 AM',
    now: monday,
    kind: 'followUp',
    appointment: '2026-12-15T09:00',
    offered: '2026-12-15T12:00',
    rows: [
      row('that afternoon', '2026-12-15T13:00'),
      row('that evening', '2026-12-15T18:00'),
      row('later that day', '2026-12-15T12:00'),
      row('2 hours after', '2026-12-15T11:00'),
      row('the same day at 4', '2026-12-15T16:00'),
      row('tuesday at 5', '2026-12-15T17:00'),
    ],
  },
  {
    name: 'reminders for Sunday November 1 at 10 AM, the day the US clocks fall back',
    now: '2026-10-30T10:00',
    kind: 'reminder',
    appointment: '2026-11-01T10:00',
    offered: '2026-10-31T10:00',
    rows: [
      row('the day before', '2026-10-31T10:00'),
      row('24 hours before', '2026-10-31T10:00'),
      // New York gains an hour that night; Madrid changed its clocks a week before.
      row('12 hours before', { newYork: '2026-10-31T23:00', madrid: '2026-10-31T22:00' }),
      row('the night before', '2026-10-31T20:00'),
      row('the night before at 9', '2026-10-31T21:00'),
      row('that morning', '2026-11-01T09:00'),
      row('2 hours before', '2026-11-01T08:00'),
      row('3 hours before', '2026-11-01T07:00'),
      row('saturday at 8', '2026-10-31T20:00', ask),
      row('saturday at 6pm', '2026-10-31T18:00'),
      row('the day before at noon', '2026-10-31T12:00'),
    ],
  },
  {
    name: 'a check-in after a counselor on Saturday October 31 at 11 PM, across the US fall-back',
    now: '2026-10-30T10:00',
    kind: 'followUp',
    appointment: '2026-10-31T23:00',
    offered: '2026-11-01T08:00',
    offeredQuiet: true,
    rows: [row('the next morning', '2026-11-01T09:00'), row('sunday at noon', '2026-11-01T12:00')],
  },
  {
    name: 'reminders for Monday March 9 at 9 AM, the day after the US clocks spring forward',
    now: '2026-03-05T10:00',
    kind: 'reminder',
    appointment: '2026-03-09T09:00',
    offered: '2026-03-08T09:00',
    rows: [
      row('the day before', '2026-03-08T09:00'),
      row('the night before at 8', '2026-03-08T20:00'),
      row('2 days before', '2026-03-07T09:00'),
      row('24 hours before', '2026-03-08T09:00'),
      row('36 hours before', { newYork: '2026-03-07T20:00', madrid: '2026-03-07T21:00' }),
      row('friday at 6pm', '2026-03-06T18:00'),
      row('sunday morning', '2026-03-08T09:00'),
    ],
  },
  {
    name: 'reminders for Sunday March 8 at 10 AM, the day the US clocks spring forward',
    now: '2026-03-05T10:00',
    kind: 'reminder',
    appointment: '2026-03-08T10:00',
    offered: '2026-03-07T10:00',
    rows: [
      row('the day before', '2026-03-07T10:00'),
      row('2 hours before', '2026-03-08T08:00'),
      row('9 hours before', { newYork: '2026-03-08T00:00', madrid: '2026-03-08T01:00' }),
      row('that morning', '2026-03-08T09:00'),
    ],
  },
  {
    name: 'a check-in after Saturday March 7 at 11 PM, across the US spring-forward',
    now: '2026-03-05T10:00',
    kind: 'followUp',
    appointment: '2026-03-07T23:00',
    offered: '2026-03-08T08:00',
    offeredQuiet: true,
    rows: [row('the next morning', '2026-03-08T09:00')],
  },
  {
    name: "reminders for Monday October 26 at 9 AM, the day after Madrid's clocks fall back",
    now: '2026-10-22T10:00',
    kind: 'reminder',
    appointment: '2026-10-26T09:00',
    offered: '2026-10-25T09:00',
    rows: [
      row('the day before', '2026-10-25T09:00'),
      row('the night before', '2026-10-25T20:00'),
      row('saturday at noon', '2026-10-24T12:00'),
      row('30 hours before', '2026-10-25T03:00'),
    ],
  },
  {
    name: "a check-in after Saturday October 24 at 11 PM, across Madrid's fall-back",
    now: '2026-10-22T10:00',
    kind: 'followUp',
    appointment: '2026-10-24T23:00',
    offered: '2026-10-25T08:00',
    offeredQuiet: true,
    rows: [row('the next morning', '2026-10-25T09:00')],
  },
];
