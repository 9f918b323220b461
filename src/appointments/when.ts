import { z } from 'zod';
import { sayClock, sayDay, sayMoment } from '../content/say-date.js';
import type { Strings } from '../content/strings.js';
import type { DateTimeEntity, Reading } from '../language/intents/datetime-entities.js';
import {
  addDays,
  fixedZone,
  formatWallTime,
  instantAt,
  parseWallTime,
  type WallTime,
  wallTimeAt,
  type Zone,
  zoneNamed,
} from '../language/intents/time-zone.js';

const wallPattern = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

/**
 * When an appointment is: the instant (for comparing and scheduling) and the person's wall clock
 * (for saying it back), with how precise the answer was: a time, a whole day, or a range ("the
 * 12th in the morning", "next week").
 */
export const appointmentTimeSchema = z.object({
  start: z.iso.datetime(),
  local: wallPattern,
  end: z.iso.datetime().optional(),
  endLocal: wallPattern.optional(),
  precision: z.enum(['time', 'day', 'range']),
  timezone: z.string().min(1).max(64),
});
export type AppointmentTime = z.output<typeof appointmentTimeSchema>;

/** Re-reads part of a message for dates (the recognizer, bound to the person's zone and now). */
export type FindDates = (text: string) => readonly DateTimeEntity[];

/**
 * An appointment time as read, and whether another reading was as likely ("next Wednesday" said
 * on a Monday may mean the day after tomorrow), so the dialog asks before keeping it.
 */
export interface WhenReading {
  time: AppointmentTime;
  unsure: boolean;
}

export const hasDate = (e: DateTimeEntity) =>
  e.value !== undefined && ['date', 'datetime', 'daterange', 'datetimerange'].includes(e.kind);
export const hasClock = (e: DateTimeEntity) =>
  e.value !== undefined && (e.kind === 'time' || e.kind === 'timerange');
/**
 * "the 12th": the recognizer reads "on the 12th" alone, but not beside "in the morning" or "at 9",
 * nor without "on"; so it is re-read alone, as "on the 12th".
 */
export const ordinalDay = /\b(?:on\s+)?the\s+(\d{1,2}(?:st|nd|rd|th))\b/i;

/**
 * Understands when an appointment is from what the recognizer found in `text`: a date and a time
 * named apart are joined ("the 12th" + "in the morning"), a duration counts from now ("in two
 * weeks"), and an hour that could be AM or PM is read as office hours ("at 3" is 3 PM, "at 9" is
 * 9 AM). Undefined when there is no date or time in it.
 */
export function readWhen(
  text: string,
  found: readonly DateTimeEntity[],
  findDates: FindDates,
  now: Date,
): WhenReading | undefined {
  let clock = found.find(hasClock);
  let date = found.find(hasDate);
  const ordinal = ordinalDay.exec(text);
  if (!date && ordinal) {
    date = findDates(`on the ${ordinal[1]}`).find(hasDate);
    clock ??= findDates(text.replace(ordinal[0], ' ')).find(hasClock);
  }
  const sure = (time: AppointmentTime | undefined) => time && { time, unsure: false };
  if (date) {
    const unsure = nextOfTwo(date, now) || weekdayToday(date, now);
    const ahead = thisComing(date, now) ? weekLater(officeHours(date, now)) : officeHours(date, now);
    const day = unsure && weekdayToday(date, now) && date.kind === 'date' ? weekLater(date) : ahead;
    const time = clock && date.kind === 'date' ? join(day, officeHours(clock, now)) : fromEntity(day);
    return time && { time, unsure };
  }
  if (clock) return sure(fromEntity(officeHours(clock, now)));
  const duration = found.find((e) => e.kind === 'duration' && e.durationSeconds);
  const zone = zoneNamed(found[0]?.timezone);
  if (duration?.durationSeconds && zone) {
    return sure(dayOf(new Date(now.getTime() + duration.durationSeconds * 1000), zone));
  }
  return undefined;
}

/** The person's calendar day at `now` in the entity's zone, as "2025-05-08". */
function todayOf(e: DateTimeEntity, now: Date): string | undefined {
  const zone = zoneNamed(e.timezone);
  return zone && formatWallTime(wallTimeAt(now, zone)).slice(0, 10);
}

/**
 * "next Wednesday" said on a Monday: the recognizer reads the Wednesday of next week, but many
 * people mean the one in two days. True when the words say "next" and that weekday a week
 * earlier is still ahead; or, said on a Sunday, when it read the coming one (for whom the week
 * starts on Sunday, "next Tuesday" is the one after).
 */
function nextOfTwo(e: DateTimeEntity, now: Date): boolean {
  const today = todayOf(e, now);
  if (!e.value || !today || !/\bnext\b/i.test(e.text)) return false;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.timex.slice(0, 10))) return false;
  const day = parseWallTime(e.value.local);
  const weekEarlier = formatWallTime(addDays(day, -7)).slice(0, 10);
  const sunday = new Date(`${today}T12:00:00Z`).getUTCDay() === 0;
  return weekEarlier > today || (sunday && weekEarlier < today);
}

/** "Monday" said on a Monday: today, or a week from today? */
function weekdayToday(e: DateTimeEntity, now: Date): boolean {
  return /WXX-\d/.test(e.timex) && e.value?.local.slice(0, 10) === todayOf(e, now);
}

/**
 * "this Tuesday" said on a Sunday: the recognizer reads the Tuesday of the week now ending, days
 * ago; people mean the coming one.
 */
function thisComing(e: DateTimeEntity, now: Date): boolean {
  const today = todayOf(e, now);
  const day = e.value?.local.slice(0, 10);
  return Boolean(
    today && day && /\bthis\b/i.test(e.text) && /^\d{4}-\d{2}-\d{2}/.test(e.timex) && day < today,
  );
}

/** The same reading a week later ("Monday" said on a Monday, with no time: most mean next week's). */
function weekLater(e: DateTimeEntity): DateTimeEntity {
  const zone = zoneNamed(e.timezone);
  if (!e.value || !zone) return e;
  const later = (local: string) => {
    const wall = addDays(parseWallTime(local), 7);
    return { iso: instantAt(wall, zone).toISOString(), local: formatWallTime(wall) };
  };
  return { ...e, value: later(e.value.local), ...(e.endValue ? { endValue: later(e.endValue.local) } : {}) };
}

function at(wall: WallTime, zone: Zone): { iso: string; local: string } {
  return { iso: instantAt(wall, zone).toISOString(), local: formatWallTime(wall) };
}

function fromEntity(e: DateTimeEntity): AppointmentTime | undefined {
  if (!e.value) return undefined;
  const base = { start: e.value.iso, local: e.value.local, timezone: e.timezone };
  if (e.kind === 'date') {
    const zone = zoneNamed(e.timezone);
    return zone ? dayOf(new Date(e.value.iso), zone) : { ...base, precision: 'day' };
  }
  if (e.endValue) return { ...base, end: e.endValue.iso, endLocal: e.endValue.local, precision: 'range' };
  return { ...base, precision: 'time' };
}

/** The whole local day around `instant`. */
function dayOf(instant: Date, zone: Zone): AppointmentTime {
  const wall = { ...wallTimeAt(instant, zone), hour: 0, minute: 0, second: 0 };
  const start = at(wall, zone);
  const end = at(addDays(wall, 1), zone);
  return {
    start: start.iso,
    local: start.local,
    end: end.iso,
    endLocal: end.local,
    precision: 'day',
    timezone: zone.name,
  };
}

/** A date's day with a time's clock (or a part of the day's start and end). */
function join(date: DateTimeEntity, clock: DateTimeEntity): AppointmentTime | undefined {
  const zone = zoneNamed(date.timezone);
  if (!zone || !date.value || !clock.value) return fromEntity(date);
  const day = parseWallTime(date.value.local);
  const onDay = (local: string) =>
    at({ ...parseWallTime(local), year: day.year, month: day.month, day: day.day }, zone);
  const start = onDay(clock.value.local);
  const end = clock.endValue ? onDay(clock.endValue.local) : undefined;
  return {
    start: start.iso,
    local: start.local,
    ...(end
      ? { end: end.iso, endLocal: end.local, precision: 'range' as const }
      : { precision: 'time' as const }),
    timezone: zone.name,
  };
}

/**
 * An hour the person left unclear ("at 9", "at 3") is read as office hours, 7 AM to 8 PM:
 * appointments are rarely at 9 PM or 3 AM. Of those readings the next one to come is taken ("at
 * 9" said at 10 AM is tomorrow's 9 AM, not tonight's 9 PM). Clear hours ("9pm") are kept.
 */
function officeHours(e: DateTimeEntity, now: Date): DateTimeEntity {
  if (!e.hourAmbiguous || !e.readings) return e;
  const office = e.readings.filter((r) => {
    const hour = r.value && parseWallTime(r.value.local).hour;
    return hour !== undefined && hour >= 7 && hour < 20;
  });
  const time = (r: Reading) => Date.parse(r.value?.iso ?? '');
  const upcoming = office.filter((r) => time(r) >= now.getTime()).sort((a, b) => time(a) - time(b));
  const best = upcoming[0] ?? office[0];
  return best ? { ...e, value: best.value, endValue: best.endValue } : e;
}

/** When the appointment is over, as far as the answer says. */
export function endOf(time: AppointmentTime): number {
  return Date.parse(time.end ?? time.start);
}

/** True when the appointment is already over (a time that passed, or a day or range that ended). */
export function isPast(time: AppointmentTime, now: Date): boolean {
  return endOf(time) <= now.getTime();
}

/** The last moment a reminder still makes sense: the start of a time, midday of a day or range. */
export function reminderDeadline(time: AppointmentTime): Date {
  if (time.precision === 'time') return new Date(time.start);
  const zone = zoneNamed(time.timezone);
  const wall = parseWallTime(time.local);
  return zone ? instantAt({ ...wall, hour: 12 }, zone) : new Date(Date.parse(time.start) + 12 * 3_600_000);
}

/** The zone an appointment was read in (UTC if its name is unknown here). */
export function zoneOf(time: AppointmentTime): Zone {
  return zoneNamed(time.timezone) ?? fixedZone(0);
}

/**
 * Says `time` the person's way, in their zone: "Tuesday, May 13 at 3:00 PM", "Monday, May 12,
 * 8:00 AM to 12:00 PM", "between Monday, May 12 and Sunday, May 18". The year is added when it
 * is not this year.
 */
export function formatWhen(time: AppointmentTime, strings: Strings, now: Date): string {
  const thisYear = wallTimeAt(now, zoneOf(time)).year;
  const wall = parseWallTime(time.local);
  const date = (day: WallTime) => sayDay(day, strings.locale, { year: day.year !== thisYear });
  if (time.precision === 'time') return sayMoment(wall, strings, thisYear);
  if (time.precision === 'day' || !time.endLocal) return date(wall);
  const end = parseWallTime(time.endLocal);
  if (
    endOf(time) - Date.parse(time.start) <= 24 * 3_600_000 &&
    time.local.slice(0, 10) === time.endLocal.slice(0, 10)
  ) {
    return strings.text('appointmentWhen.sameDay', {
      date: date(wall),
      from: sayClock(wall, strings.locale),
      to: sayClock(end, strings.locale),
    });
  }
  // Range ends are exclusive (next Monday 00:00): the last day named is the one before.
  const last = time.endLocal.endsWith('T00:00:00') ? addDays(end, -1) : end;
  return strings.text('appointmentWhen.days', { from: date(wall), to: date(last) });
}

/** Says an instant on the clock of `zone` the same way: "Monday, December 14 at 8:00 PM". */
export function formatInstant(instant: Date, zone: Zone, strings: Strings, now: Date): string {
  return sayMoment(wallTimeAt(instant, zone), strings, wallTimeAt(now, zone).year);
}

/** Says the day of an instant on the clock of `zone`: "Monday, December 14". */
export function formatDayOf(instant: Date, zone: Zone, strings: Strings, now: Date): string {
  const day = wallTimeAt(instant, zone);
  return sayDay(day, strings.locale, { year: day.year !== wallTimeAt(now, zone).year });
}
