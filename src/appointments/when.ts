import { z } from 'zod';
import { sayClock, sayDay, sayMoment, sayMonth } from '../content/say-date.js';
import type { Strings } from '../content/strings.js';
import { escapeText } from '../language/free-text.js';
import { respellDateWords } from '../language/intents/date-spelling.js';
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
import { clausesOf } from '../language/sentences.js';
import { foldAnswer } from '../language/typed-answer.js';

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
  /**
   * The words name a span, not a day ("next month", "next week", "in a couple of weeks"): `time`
   * is that span, and the dialog asks which day in it rather than guess.
   */
  vague?: boolean;
}

/** Words that make a date rough: "in a couple of weeks", "in a few days", "sometime in January". */
const roughWords = /\b(couple|few|several|sometime|some\s+time|around|ish)\b/i;
const DAY_MS = 86_400_000;

export const hasDate = (e: DateTimeEntity) =>
  e.value !== undefined && ['date', 'datetime', 'daterange', 'datetimerange'].includes(e.kind);
export const hasClock = (e: DateTimeEntity) =>
  e.value !== undefined && (e.kind === 'time' || e.kind === 'timerange');
/**
 * "the 12th": the recognizer reads "on the 12th" alone, but not beside "in the morning" or "at 9",
 * nor without "on"; so it is re-read alone, as "on the 12th". "the 13 at 9" (no "th") is a day
 * too when a time or the end follows, not "the 2 of us".
 */
export const ordinalDay =
  /\b(?:on\s+)?the\s+(\d{1,2}(?:st|nd|rd|th)\b|(?:[12]\d|3[01]|[1-9])\b(?=\s*(?:$|[,.!?;]|at\b|@|in\b|by\b|morning|afternoon|evening)))/i;

/**
 * Understands when an appointment is from what the recognizer found in `text`: a date and a time
 * named apart are joined ("the 12th" + "in the morning"), a duration counts from now ("in two
 * weeks"), and an hour that could be AM or PM is read as office hours ("at 3" is 3 PM, "at 9" is
 * 9 AM). Undefined when there is no date or time in it.
 */
export function readWhen(
  text: string,
  said: readonly DateTimeEntity[],
  findDates: FindDates,
  now: Date,
  before?: AppointmentTime,
): WhenReading | undefined {
  // "Now I have a counselor appointment on the 10th at 2:15": "now" opens the sentence, the 10th is when.
  const dated = said.filter((e) => e.timex !== 'PRESENT_REF');
  const found = dated.length > 0 ? dated : said;
  let clock = found.find(hasClock);
  let date = found.find(hasDate);
  const ordinal = ordinalDay.exec(text);
  // "the 13 at 9": a bare number is read as the next 13th, and said back for a yes.
  const bare = !date && ordinal !== null && /^\d+$/.test(ordinal[1] ?? '');
  if (!date && ordinal) {
    const day = Number.parseInt(ordinal[1] ?? '', 10);
    date = findDates(`on the ${ordinalOf(day)}`).find(hasDate);
    // The recognizer may have read the bare number as an hour ("13 at 9"): the clock is re-read.
    const rest = () => findDates(text.replace(ordinal[0], ' ')).find(hasClock);
    clock = bare ? rest() : (clock ?? rest());
  }
  const sure = (time: AppointmentTime | undefined) => time && { time, unsure: false };
  const rough = roughWords.test(text);
  const zone = zoneNamed(found[0]?.timezone ?? date?.timezone);
  if (date && zone && (spansDays(date) || (rough && date.kind === 'date'))) {
    const span = spansDays(date)
      ? fromEntity(date)
      : roughSpan(new Date(date.value?.iso ?? now), 0, zone, now);
    return span && { time: span, unsure: false, vague: true };
  }
  if (date) {
    const unsure = bare || nextOfTwo(date, now) || weekdayToday(date, now);
    const ahead = thisComing(date, now) ? weekLater(officeHours(date, now)) : officeHours(date, now);
    const day = unsure && weekdayToday(date, now) && date.kind === 'date' ? weekLater(date) : ahead;
    const time = clock && date.kind === 'date' ? join(day, officeHours(clock, now)) : fromEntity(day);
    // "sorry, I meant Wednesday": a new day keeps the hour said before.
    const kept = !clock && before && time?.precision === 'day' ? onDayOf(before, time) : undefined;
    return time && { time: kept ?? time, unsure };
  }
  // "actually 4pm": a new hour keeps the day said before.
  const sameDay = clock && before && oneDay(before) ? clockOn(before, officeHours(clock, now)) : undefined;
  if (sameDay) return sure(sameDay);
  if (clock) return sure(fromEntity(officeHours(clock, now)));
  const duration = found.find((e) => e.kind === 'duration' && e.durationSeconds);
  if (duration?.durationSeconds && zone) {
    const at = new Date(now.getTime() + duration.durationSeconds * 1000);
    if (rough)
      return { time: roughSpan(at, duration.durationSeconds * 1000, zone, now), unsure: false, vague: true };
    return sure(dayOf(at, zone));
  }
  return undefined;
}

/** A range of more than one day ("next week", "January", "later this month"). */
function spansDays(e: DateTimeEntity): boolean {
  if (e.kind !== 'daterange' || !e.value || !e.endValue) return false;
  return Date.parse(e.endValue.iso) - Date.parse(e.value.iso) > DAY_MS + 2 * 3_600_000;
}

/**
 * The days a rough time may mean ("in a couple of weeks" said on December 7: December 14 to 28):
 * half the duration (at least two days) either side, and never before tomorrow.
 */
function roughSpan(center: Date, durationMs: number, zone: Zone, now: Date): AppointmentTime {
  const half = Math.max(2, Math.round(durationMs / 2 / DAY_MS));
  const middle = { ...wallTimeAt(center, zone), hour: 0, minute: 0, second: 0 };
  const tomorrow = addDays({ ...wallTimeAt(now, zone), hour: 0, minute: 0, second: 0 }, 1);
  const first = addDays(middle, -half);
  const from = formatWallTime(first) < formatWallTime(tomorrow) ? tomorrow : first;
  const start = at(from, zone);
  const end = at(addDays(middle, half + 1), zone);
  const span = { start: start.iso, local: start.local, end: end.iso, endLocal: end.local };
  return { ...span, precision: 'range', timezone: zone.name };
}

/** A time, a day, or a part of one day: not a span of days. */
function oneDay(time: AppointmentTime): boolean {
  return time.precision !== 'range' || time.endLocal?.slice(0, 10) === time.local.slice(0, 10);
}

/** `time` (an hour, or a part of one day) moved to the day of `day`, its clock kept. */
function onDayOf(time: AppointmentTime, day: AppointmentTime): AppointmentTime | undefined {
  const zone = zoneNamed(time.timezone);
  if (!zone || time.precision === 'day' || !oneDay(time)) return undefined;
  return shiftDays(time, daysBetween(time.local, day.local), zone);
}

/** The hour of `clock` on the day of `time` ("actually 4pm" after "Tuesday at 3"). */
function clockOn(time: AppointmentTime, clock: DateTimeEntity): AppointmentTime | undefined {
  const zone = zoneNamed(time.timezone);
  return zone ? onDay(parseWallTime(time.local), zone, clock) : undefined;
}

/** Whole calendar days from the day of `from` to the day of `to` (wall times). */
function daysBetween(from: string, to: string): number {
  const day = (local: string) => Date.parse(`${local.slice(0, 10)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / DAY_MS);
}

/** `time` on the wall clock `days` later, the same hours (whatever the clocks do in between). */
function shiftDays(time: AppointmentTime, days: number, zone: Zone): AppointmentTime {
  const start = at(addDays(parseWallTime(time.local), days), zone);
  const end = time.endLocal ? at(addDays(parseWallTime(time.endLocal), days), zone) : undefined;
  return {
    ...time,
    start: start.iso,
    local: start.local,
    ...(end ? { end: end.iso, endLocal: end.local } : {}),
  };
}

/** Day and month names as the respelled words write them ("tues", "thursday"; "jan", "12/14"). */
const weekdayWord = /\b(?:mon|tues?|wed|thu|thurs?|fri|sat|sun)(?:day|nesday|sday|urday)?\b/i;
const monthWord =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b\d{1,2}\s*[/.-]\s*\d{1,2}\b/i;

/**
 * The answer to "Which day in January?" (`span`), read inside it: "Tuesday" is the Tuesday in it,
 * "the 12th" or "12" the 12th in it, with any hour said kept. A date named in full ("Feb 3") is
 * kept as said: the person changed their mind. A weekday the span holds more than once
 * ("Tuesday" in January) is the first, and unsure: the dialog asks.
 */
export function readDayIn(
  text: string,
  found: readonly DateTimeEntity[],
  findDates: FindDates,
  now: Date,
  span: AppointmentTime,
): WhenReading | undefined {
  const number = /^\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*$/i.exec(text)?.[1];
  const said = number ? `the ${ordinalOf(Number(number))}` : text;
  const reading = readWhen(said, number ? [] : found, findDates, now);
  if (!reading || reading.vague) return reading;
  const { time } = reading;
  const zone = zoneNamed(time.timezone);
  const inside = (t: AppointmentTime) => t.start >= span.start && (!span.end || t.start < span.end);
  const spelled = respellDateWords(said).text;
  const dayNumber = Number(/\b(\d{1,2})(?:st|nd|rd|th)\b/i.exec(spelled)?.[1] ?? Number.NaN);
  const weekday = weekdayWord.test(spelled) && Number.isNaN(dayNumber);
  if (!zone || monthWord.test(spelled) || (inside(time) && !weekday)) return { time, unsure: false };
  const wall = parseWallTime(time.local);
  const wanted = (day: WallTime) =>
    weekday
      ? weekdayOf(day) === weekdayOf(wall)
      : day.day === (Number.isNaN(dayNumber) ? wall.day : dayNumber);
  const first = parseWallTime(span.local);
  const days = daysBetween(span.local, span.endLocal ?? span.local);
  const matches = Array.from({ length: days + 1 }, (_, i) => addDays(first, i))
    .filter(wanted)
    .map((day) => shiftDays(time, daysBetween(time.local, formatWallTime(day)), zone))
    .filter(inside);
  const [match] = matches;
  return match ? { time: match, unsure: matches.length > 1 } : { time, unsure: false };
}

/** "1st", "2nd", "3rd", "12th": how the recognizer reads a day of the month alone. */
function ordinalOf(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffixes: Readonly<Record<number, string>> = { 1: 'st', 2: 'nd', 3: 'rd' };
  return `${n}${(teen ? undefined : suffixes[n % 10]) ?? 'th'}`;
}

function weekdayOf(wall: WallTime): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}

/** "Which day in January?" or "Which day between Monday, December 14 and Sunday, December 20?" */
export function askDayIn(span: AppointmentTime, strings: Strings, now: Date): string {
  const from = parseWallTime(span.local);
  const end = span.endLocal ? parseWallTime(span.endLocal) : undefined;
  const wholeMonth =
    from.day === 1 && end?.day === 1 && end.hour === 0 && daysBetween(span.local, span.endLocal ?? '') >= 28;
  if (wholeMonth) {
    // "January" said in December is next month: the year only for a month a year or more away.
    const today = wallTimeAt(now, zoneOf(span));
    const year = (from.year - today.year) * 12 + from.month - today.month >= 12;
    return strings.text('appointment.askWhichDayInMonth', { month: sayMonth(from, strings.locale, year) });
  }
  return strings.text('appointment.askWhichDay', { span: formatWhen(span, strings, now) });
}

/**
 * The question a date read needs before it is kept: which day in a span ("next month"), whether a
 * date that has passed is right, which of two days was meant, what time on a day; or none.
 */
export function dateCheck(
  reading: WhenReading,
  now: Date,
): 'whenDay' | 'whenPast' | 'whenCheck' | 'whenTime' | undefined {
  if (reading.vague) return 'whenDay';
  if (isPast(reading.time, now)) return 'whenPast';
  if (reading.unsure) return 'whenCheck';
  return reading.time.precision === 'day' ? 'whenTime' : undefined;
}

/** Small words that may sit beside a date without changing it ("it's on the 12th", "at 4pm then"). */
const besideDate =
  /^(?:at|on|the|in|for|it|is|its|it's|it’s|then|instead|please|pls|ok|okay|oh|sorry|oops)$/i;

/**
 * The date in a message that is nothing but a date, after any lead ("sorry i meant wednesday",
 * "actually 4pm", "friday at 2 instead"): the words to read as the new date. Undefined when
 * anything else is said ("by friday", "ask about friday's results").
 */
export function onlyDate(text: string, leads: readonly string[], findDates: FindDates): string | undefined {
  const words = leads.reduce(
    (rest, lead) => rest.replace(new RegExp(`^\\W*${escapeText(lead)}\\b[\\s,:.!-]*`, 'i'), ''),
    text.trim(),
  );
  if (!/\p{L}|\d/u.test(words)) return undefined;
  const found = findDates(words).filter((e) => hasDate(e) || hasClock(e));
  const ordinal = ordinalDay.exec(words);
  if (found.length === 0 && !ordinal) return undefined;
  let rest = words;
  for (const e of [...found].sort((a, b) => b.start - a.start))
    rest = `${rest.slice(0, e.start)} ${rest.slice(e.end)}`;
  if (ordinal) rest = rest.replace(ordinalDay, ' ');
  const left = rest.split(/[\s,.!?;:-]+/).filter((w) => w && !besideDate.test(w));
  return left.length === 0 ? words : undefined;
}

/**
 * The date a correction in several parts gives: "wait no, is the 15th. I look at the letter", "No
 * no, not December 8! Sorry, ... is December 15 at 9am": the last part that is only a date, leaving
 * out the one said "not". Undefined when the message corrects nothing or holds no such part.
 */
export function correctedDate(
  text: string,
  leads: readonly string[],
  findDates: FindDates,
): string | undefined {
  const parts = clausesOf(text);
  const opens = (part: string, lead: string) => {
    const said = foldAnswer(part);
    return said === foldAnswer(lead) || said.startsWith(`${foldAnswer(lead)} `);
  };
  const corrects =
    parts.length > 1 &&
    (parts.some((part) => leads.some((lead) => opens(part, lead))) || /\bnot\b/i.test(text));
  if (!corrects) return undefined;
  const dates = parts
    .filter((part) => !/^\W*not\b/i.test(part))
    .map((part) => onlyDate(part.replace(/\s+not\s+.*$/i, ''), leads, findDates));
  const at = dates.flatMap((words, i) => (words === undefined ? [] : [i])).at(-1) ?? -1;
  const [day, last] = [dates[at - 1], dates[at]];
  // "no. December 10, 2:15 pm": a time in the part after a day is on that day (Pat got December 8).
  const timeOnly = last !== undefined && findDates(last).every(hasClock);
  return day !== undefined && timeOnly ? `${day} ${last}` : last;
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
  if (!zone || !date.value) return fromEntity(date);
  return onDay(parseWallTime(date.value.local), zone, clock) ?? fromEntity(date);
}

/** A time's clock (or a part of the day's start and end) on `day`. */
function onDay(day: WallTime, zone: Zone, clock: DateTimeEntity): AppointmentTime | undefined {
  if (!clock.value) return undefined;
  const on = (local: string) =>
    at({ ...parseWallTime(local), year: day.year, month: day.month, day: day.day }, zone);
  const start = on(clock.value.local);
  const end = clock.endValue ? on(clock.endValue.local) : undefined;
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
