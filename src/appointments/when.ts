import { z } from 'zod';
import { dateTimeFormat } from '../content/intl-formats.js';
import type { Strings } from '../content/strings.js';
import type { DateTimeEntity } from '../language/intents/datetime-entities.js';
import {
  fixedZone,
  formatWallTime,
  ianaZone,
  instantAt,
  type WallTime,
  wallTimeAt,
  type Zone,
} from '../language/intents/time-zone.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
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

const hasDate = (e: DateTimeEntity) =>
  e.value !== undefined && ['date', 'datetime', 'daterange', 'datetimerange'].includes(e.kind);
const hasClock = (e: DateTimeEntity) =>
  e.value !== undefined && (e.kind === 'time' || e.kind === 'timerange');
// "the 12th": the recognizer reads "on the 12th" alone, but not beside "in the morning" or "at 9",
// nor without "on"; so it is re-read alone, as "on the 12th".
const ordinalDay = /\b(?:on\s+)?the\s+(\d{1,2}(?:st|nd|rd|th))\b/i;

/**
 * Understands when an appointment is from what the recognizer found in `text`: a date and a time
 * named apart are joined ("the 12th" + "in the morning"), a duration counts from now ("in two
 * weeks"), and an unclear hour is read as office hours ("at 9" is 9 AM). Undefined when there is
 * no date or time in it.
 */
export function readWhen(
  text: string,
  found: readonly DateTimeEntity[],
  findDates: FindDates,
  now: Date,
): AppointmentTime | undefined {
  let clock = found.find(hasClock);
  let date = found.find(hasDate);
  const ordinal = ordinalDay.exec(text);
  if (!date && ordinal) {
    date = findDates(`on the ${ordinal[1]}`).find(hasDate);
    clock ??= findDates(text.replace(ordinal[0], ' ')).find(hasClock);
  }
  if (date && clock && date.kind === 'date') return officeHours(join(date, clock), clock.ambiguous);
  if (date) return officeHours(fromEntity(date), date.ambiguous);
  if (clock) return officeHours(fromEntity(clock), clock.ambiguous);
  const duration = found.find((e) => e.kind === 'duration' && e.durationSeconds);
  const zone = zoneNamed(found[0]?.timezone);
  if (duration?.durationSeconds && zone) {
    return dayOf(new Date(now.getTime() + duration.durationSeconds * 1000), zone);
  }
  return undefined;
}

/** The zone an entity was read in: an IANA name or "UTC-05:00". */
export function zoneNamed(name: string | undefined): Zone | undefined {
  if (!name) return undefined;
  const fixed = /^UTC([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!fixed) return ianaZone(name);
  const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
  return fixedZone(fixed[1] === '-' ? -minutes : minutes);
}

function parseWall(local: string): WallTime {
  const [date = '', time = ''] = local.split('T');
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second };
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
  const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  const start = at(wall, zone);
  const end = at(
    { ...wall, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
    zone,
  );
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
  const day = parseWall(date.value.local);
  const onDay = (local: string) =>
    at({ ...parseWall(local), year: day.year, month: day.month, day: day.day }, zone);
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
 * An hour the person left unclear ("at 9", "at 3") is read as office hours: appointments are
 * rarely at 9 PM or 3 AM. Clear ones ("9pm") are kept.
 */
function officeHours(time: AppointmentTime | undefined, ambiguous: boolean): AppointmentTime | undefined {
  const zone = zoneNamed(time?.timezone);
  if (!time || !zone || !ambiguous || time.precision !== 'time') return time;
  const wall = parseWall(time.local);
  const shift = wall.hour >= 20 ? -12 : wall.hour < 7 ? 12 : 0;
  if (shift === 0) return time;
  const moved = at({ ...wall, hour: wall.hour + shift }, zone);
  return { ...time, start: moved.iso, local: moved.local };
}

/** When the appointment is over, as far as the answer says. */
function endOf(time: AppointmentTime): number {
  return Date.parse(time.end ?? time.start);
}

/** True when the appointment is already over (a time that passed, or a day or range that ended). */
export function isPast(time: AppointmentTime, now: Date): boolean {
  return endOf(time) <= now.getTime();
}

/** "The day before": 24 hours before a time; 10 AM the day before a day or a longer range. */
export function dayBefore(time: AppointmentTime): Date {
  const start = Date.parse(time.start);
  return new Date(time.precision === 'time' ? start - DAY : start - 14 * HOUR);
}

/** When to check in after: 3 hours after a time, an hour after a part of a day, else 6 PM that day. */
export function checkInAfter(time: AppointmentTime): Date {
  const start = Date.parse(time.start);
  if (time.precision === 'time') return new Date(start + 3 * HOUR);
  const end = endOf(time);
  return new Date(end - start <= 12 * HOUR ? end + HOUR : end - 6 * HOUR);
}

/** The last moment a reminder still makes sense: the start of a time, midday of a day or range. */
export function reminderDeadline(time: AppointmentTime): Date {
  const start = Date.parse(time.start);
  return new Date(time.precision === 'time' ? start : start + 12 * HOUR);
}

/**
 * A reminder time the person chose: "2 hours before", or a time or day (a day means 9 AM).
 * Undefined when there is none, or it is not between now and the appointment.
 */
export function readReminderTime(
  text: string,
  found: readonly DateTimeEntity[],
  findDates: FindDates,
  appointment: AppointmentTime,
  now: Date,
): Date | undefined {
  const before = found.find((e) => e.kind === 'duration' && e.durationSeconds);
  const chosen =
    before?.durationSeconds && !found.some(hasDate) && !found.some(hasClock)
      ? new Date(Date.parse(appointment.start) - before.durationSeconds * 1000)
      : startOfChosen(readWhen(text, found, findDates, now));
  const deadline = reminderDeadline(appointment).getTime();
  if (!chosen || chosen.getTime() <= now.getTime() || chosen.getTime() >= deadline) return undefined;
  return chosen;
}

function startOfChosen(time: AppointmentTime | undefined): Date | undefined {
  if (!time) return undefined;
  const start = Date.parse(time.start);
  return new Date(time.precision === 'day' ? start + 9 * HOUR : start);
}

/**
 * Says `time` the person's way, in their zone: "Tuesday, May 13 at 3:00 PM", "Monday, May 12,
 * 8:00 AM to 12:00 PM", "between Monday, May 12 and Sunday, May 18". The year is added when it
 * is not this year.
 */
export function formatWhen(time: AppointmentTime, strings: Strings, now: Date): string {
  const zone = zoneNamed(time.timezone);
  const thisYear = zone ? wallTimeAt(now, zone).year : now.getUTCFullYear();
  const date = (local: string) => formatDate(parseWall(local), strings.locale, thisYear);
  const clock = (local: string) => formatClock(parseWall(local), strings.locale);
  if (time.precision === 'time')
    return strings.text('appointmentWhen.at', { date: date(time.local), time: clock(time.local) });
  if (time.precision === 'day' || !time.endLocal) return date(time.local);
  const span = Date.parse(time.end ?? time.start) - Date.parse(time.start);
  if (span <= DAY && time.local.slice(0, 10) === time.endLocal.slice(0, 10)) {
    return strings.text('appointmentWhen.sameDay', {
      date: date(time.local),
      from: clock(time.local),
      to: clock(time.endLocal),
    });
  }
  // Range ends are exclusive (next Monday 00:00): the last day named is the one before.
  const last = new Date(Date.parse(`${time.endLocal}Z`) - 1000).toISOString().slice(0, 19);
  return strings.text('appointmentWhen.days', { from: date(time.local), to: date(last) });
}

/** Says an instant in the zone of `time`, the same way (for reminder times). */
export function formatInstant(instant: Date, like: AppointmentTime, strings: Strings, now: Date): string {
  const zone = zoneNamed(like.timezone) ?? fixedZone(0);
  const local = formatWallTime(wallTimeAt(instant, zone));
  return formatWhen(
    { start: instant.toISOString(), local, precision: 'time', timezone: zone.name },
    strings,
    now,
  );
}

function formatDate(wall: WallTime, locale: string, thisYear: number): string {
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(wall.year === thisYear ? {} : { year: 'numeric' }),
  }).format(new Date(Date.UTC(wall.year, wall.month - 1, wall.day)));
}

function formatClock(wall: WallTime, locale: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(
    new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)),
  );
}
