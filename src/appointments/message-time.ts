import { respellDateWords } from '../language/intents/date-spelling.js';
import type { DateTimeEntity, Reading } from '../language/intents/datetime-entities.js';
import {
  addDays,
  atClock,
  formatWallTime,
  instantAt,
  parseWallTime,
  type WallTime,
  wallTimeAt,
  type Zone,
  zoneNamed,
} from '../language/intents/time-zone.js';
import { awayFromQuietHours, isQuiet, nextWaking } from '../scheduling/quiet-hours.js';
import {
  type AppointmentTime,
  type FindDates,
  hasClock,
  hasDate,
  ordinalDay,
  reminderDeadline,
  zoneOf,
} from './when.js';

/** A message the bot sends about an appointment: a reminder before it, or a check-in after it. */
export type MessageKind = 'reminder' | 'followUp';

/** When to send one, as read from the person's words or picked by the bot. */
export interface MessageTime {
  at: Date;
  /** The person named the hour ("at 10pm", "2 hours before"): quiet hours do not hold it back. */
  chosen: boolean;
  /** Another reading fitted as well ("the day before at 8": 8 AM or 8 PM); ask which. */
  ambiguous: boolean;
  /** The bot's pick fell in quiet hours and was moved out of them (say so). */
  movedForQuiet: boolean;
}

/** A reading of a time for a message, or why it cannot be used. */
export type MessageTimeReading =
  | { kind: 'time'; time: MessageTime }
  | { kind: 'past' | 'notBefore' | 'notAfter'; at: Date; chosen: boolean }
  /** Hours counted from an appointment with no time ("2 hours before" a day): nothing to count from. */
  | { kind: 'needsTime' }
  | { kind: 'none' };

/** The words to read, what the recognizer found in them, a way to re-read parts, and now. */
export interface MessageTimeInput {
  text: string;
  found: readonly DateTimeEntity[];
  findDates: FindDates;
  now: Date;
  /** A day already being talked about ("Monday at 8 PM: is that right?" "no, 8am"): an hour alone is on it. */
  day?: Date;
}

interface Candidate {
  at: Date;
  chosen: boolean;
}

const HOUR = 3_600_000;
const DAY_SECONDS = 86_400;

/** The parts of a day people name, with the hour the bot picks in each when they give none. */
const parts = { morning: 9, afternoon: 13, evening: 18, night: 20 } as const;
type Part = keyof typeof parts;
const partOfTimex: Readonly<Record<string, Part>> = {
  TMO: 'morning',
  TAF: 'afternoon',
  TEV: 'evening',
  TNI: 'night',
};
const isPart = (word: string | undefined): word is Part => word !== undefined && Object.hasOwn(parts, word);

/**
 * Days named from the appointment's: "the night before", "the morning of", "that morning", "the
 * same day", "the next morning", "the day after". Not "the day before yesterday", nor "the night
 * of the 14th" (a date of its own).
 */
const partWord = '(morning|afternoon|evening|night|day)';
const dayPhrases: ReadonlyArray<{ pattern: RegExp; days: number }> = [
  {
    pattern: new RegExp(`\\b(?:the\\s+)?${partWord}\\s+(?:before|prior)\\b(?!\\s+(?:yesterday|last))`, 'i'),
    days: -1,
  },
  { pattern: new RegExp(`\\b(?:the\\s+)?(?:next|following)\\s+${partWord}\\b`, 'i'), days: 1 },
  { pattern: new RegExp(`\\b(?:the\\s+)?${partWord}\\s+after\\b(?!\\s+(?:tomorrow|next))`, 'i'), days: 1 },
  { pattern: new RegExp(`\\b(?:the\\s+)?${partWord}\\s+of\\b(?!\\s+(?:the\\s+)?\\d)`, 'i'), days: 0 },
  { pattern: new RegExp(`\\b(?:that|the\\s+same|same)\\s+${partWord}\\b`, 'i'), days: 0 },
];
const beforeWords = /\b(before|beforehand|earlier|ahead|prior)\b/i;
const afterWords = /\b(after|afterwards|later)\b/i;

/**
 * Reads when to send a reminder or a check-in: relative to the appointment ("the night before at
 * 8", "2 hours before", "that morning", "the next morning") or a date and time of its own ("dec 14
 * at 8pm", "Friday"). An hour without AM or PM takes the reading that fits: the night before
 * means PM, the same morning AM, and only a time before the appointment (or after it, for a
 * check-in) fits; waking hours go before night-time ones, then the one nearest the appointment.
 * If two fit, the reading says so, to be asked. Explicit times are kept as said.
 */
export function readMessageTime(
  kind: MessageKind,
  input: MessageTimeInput,
  appointment: AppointmentTime,
): MessageTimeReading {
  const zone = zoneOf(appointment);
  // "now set a new reminder ... at 7pm": "now" is no time for the message.
  const said: MessageTimeInput = {
    ...input,
    found: input.found.filter(namesTime),
    findDates: (part) => input.findDates(part).filter(namesTime),
  };
  const candidates = relative(kind, said, appointment, zone) ?? absolute(kind, said, appointment, zone);
  if (candidates === 'needsTime') return { kind: 'needsTime' };
  if (candidates.length === 0) return { kind: 'none' };
  return choose(kind, candidates, appointment, zone, input.now);
}

/** False for "now" ("now set a new reminder"), which says when, not what time. */
function namesTime(entity: DateTimeEntity): boolean {
  return entity.timex !== 'PRESENT_REF';
}

/** "The day before": the same hour the day before a time, 10 AM the day before a day; undefined once passed. */
export function dayBeforeReminder(appointment: AppointmentTime, now: Date): MessageTime | undefined {
  const zone = zoneOf(appointment);
  const reading = choose('reminder', onDay('reminder', appointment, zone, -1), appointment, zone, now);
  return reading.kind === 'time' ? reading.time : undefined;
}

/**
 * What the bot offers when hours cannot be counted from a day with no time: a reminder that
 * morning, a check-in that evening (to be confirmed like any other time).
 */
export function sameDayOffer(
  kind: MessageKind,
  appointment: AppointmentTime,
  now: Date,
): MessageTime | undefined {
  if (kind === 'followUp') return defaultCheckIn(appointment, now);
  const zone = zoneOf(appointment);
  const reading = choose(kind, onDay(kind, appointment, zone, 0), appointment, zone, now);
  return reading.kind === 'time' ? reading.time : undefined;
}

/**
 * The check-in the bot offers: 3 hours after a time, an hour after a part of a day, 6 PM on the
 * (last) day otherwise; a time in quiet hours waits for the morning (an 11 PM visit: 8 AM).
 */
export function defaultCheckIn(appointment: AppointmentTime, now: Date): MessageTime | undefined {
  const zone = zoneOf(appointment);
  const reading = choose(
    'followUp',
    [{ at: checkInPick(appointment, zone), chosen: false }],
    appointment,
    zone,
    now,
  );
  return reading.kind === 'time' ? reading.time : undefined;
}

function checkInPick(appointment: AppointmentTime, zone: Zone): Date {
  const start = Date.parse(appointment.start);
  if (appointment.precision === 'time') return new Date(start + 3 * HOUR);
  const end = Date.parse(appointment.end ?? appointment.start);
  if (end - start <= 12 * HOUR) return new Date(end + HOUR);
  const last = parseWallTime(appointment.endLocal ?? appointment.local);
  const day = last.hour === 0 && last.minute === 0 ? addDays(last, -1) : last;
  return instantAt(atClock(day, 18), zone);
}

/** Whether `at` suits the message: a reminder between now and the appointment, a check-in after it. */
function fits(kind: MessageKind, at: Date, appointment: AppointmentTime, now: Date): boolean {
  const time = at.getTime();
  const deadline = reminderDeadline(appointment).getTime();
  return time > now.getTime() && (kind === 'reminder' ? time < deadline : time > deadline);
}

/**
 * The reading to keep: one that fits, in waking hours if any is, nearest the appointment. A pick
 * of the bot's own in quiet hours is moved out of them: a reminder to the nearer side that still
 * fits, a check-in to the morning (the appointment must be over).
 */
function choose(
  kind: MessageKind,
  candidates: readonly Candidate[],
  appointment: AppointmentTime,
  zone: Zone,
  now: Date,
): MessageTimeReading {
  const suits = (at: Date) => fits(kind, at, appointment, now);
  const valid = candidates.filter((c) => suits(c.at));
  if (valid.length === 0) return whyNot(kind, candidates, now);
  const waking = valid.filter((c) => !isQuiet(c.at, zone));
  const pool = [...(waking.length > 0 ? waking : valid)].sort((a, b) => a.at.getTime() - b.at.getTime());
  const best = kind === 'reminder' ? pool[pool.length - 1] : pool[0];
  if (!best) return { kind: 'none' };
  // Nearest the appointment settles the week ("Friday" is the one before it); the hour on that
  // day, when both readings fit ("at 8": 8 AM and 8 PM), is the person's to say.
  const day = (at: Date) => formatWallTime(wallTimeAt(at, zone)).slice(0, 10);
  const sameDay = pool.filter((c) => day(c.at) === day(best.at));
  const ambiguous = new Set(sameDay.map((c) => c.at.getTime())).size > 1;
  const time = { at: best.at, chosen: best.chosen, ambiguous, movedForQuiet: false };
  if (best.chosen || !isQuiet(best.at, zone)) return { kind: 'time', time };
  const moved = kind === 'reminder' ? awayFromQuietHours(best.at, zone, suits) : nextWaking(best.at, zone);
  // Nothing outside quiet hours fits (a 7 AM visit, "that morning"): the person asked for then.
  if (!moved || !suits(moved)) return { kind: 'time', time: { ...time, chosen: true } };
  return { kind: 'time', time: { ...time, at: moved, movedForQuiet: true } };
}

/** Why nothing fits: every reading has passed, or is after (before) the appointment. */
function whyNot(kind: MessageKind, candidates: readonly Candidate[], now: Date): MessageTimeReading {
  const sorted = [...candidates].sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = sorted[sorted.length - 1];
  if (!latest) return { kind: 'none' };
  if (latest.at.getTime() <= now.getTime()) return { kind: 'past', ...latest };
  const upcoming = sorted.find((c) => c.at.getTime() > now.getTime()) ?? latest;
  return { kind: kind === 'reminder' ? 'notBefore' : 'notAfter', ...upcoming };
}

/** Readings relative to the appointment, or undefined when the words name none. */
function relative(
  kind: MessageKind,
  input: MessageTimeInput,
  appointment: AppointmentTime,
  zone: Zone,
): Candidate[] | 'needsTime' | undefined {
  const text = respellDateWords(input.text).text;
  const duration = input.found.find((e) => e.kind === 'duration' && e.durationSeconds);
  const direction = beforeWords.test(text) ? -1 : afterWords.test(text) ? 1 : undefined;
  const alone = !input.found.some((e) => hasDate(e) || hasClock(e));
  if (duration?.durationSeconds && (direction !== undefined || alone)) {
    const sign = direction ?? (kind === 'reminder' ? -1 : 1);
    const rest = `${input.text.slice(0, duration.start)} ${input.text.slice(duration.end)}`;
    const clock = clockIn(input.findDates, rest.replace(sign < 0 ? beforeWords : afterWords, ' '));
    if (duration.durationSeconds % DAY_SECONDS === 0) {
      return onDay(kind, appointment, zone, (sign * duration.durationSeconds) / DAY_SECONDS, clock);
    }
    // "2 hours before" needs an hour to count from: a part of a day counts from its start, a
    // whole day has none.
    if (appointment.precision === 'day') return 'needsTime';
    return [
      { at: new Date(Date.parse(appointment.start) + sign * duration.durationSeconds * 1000), chosen: true },
    ];
  }
  for (const { pattern, days } of dayPhrases) {
    const match = pattern.exec(text);
    if (!match) continue;
    const clock = clockIn(input.findDates, text.replace(match[0], ' '));
    const part = isPart(match[1]) ? match[1] : clock?.part;
    return onDay(kind, appointment, zone, days, { readings: clock?.readings ?? [], part });
  }
  return undefined;
}

/** An hour named in a message, with its readings (8 and 20 for "at 8"), or only a part of the day. */
interface ClockWords {
  readings: { hour: number; minute: number }[];
  part?: Part;
}

/** The hour or part of the day in what is left of a message ("at 8", "8pm", "noon", "in the morning"). */
function clockIn(findDates: FindDates, text: string): ClockWords | undefined {
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const found = findDates(text);
  const range = found.find((e) => e.kind === 'timerange' && partOfTimex[e.timex]);
  const part = range ? partOfTimex[range.timex] : undefined;
  const timed = found.find((e) => e.value && (e.kind === 'time' || e.kind === 'datetime'));
  const readings = (timed ? readingsOf(timed) : []).flatMap(hourOf);
  return readings.length > 0 || part ? { readings: unique(readings), part } : undefined;
}

function unique(readings: { hour: number; minute: number }[]) {
  return readings.filter(
    (r, i) => readings.findIndex((o) => o.hour === r.hour && o.minute === r.minute) === i,
  );
}

/**
 * Readings on the day `days` from the appointment's: at the hour named (the part of the day
 * settling AM or PM), else at the part's usual hour, else the bot's pick for that day.
 */
function onDay(
  kind: MessageKind,
  appointment: AppointmentTime,
  zone: Zone,
  days: number,
  clock?: ClockWords,
): Candidate[] {
  const start = parseWallTime(appointment.local);
  const day = addDays(start, days);
  const part = clock?.part;
  if (clock && clock.readings.length > 0) {
    const inPart = clock.readings.filter((r) => !part || (part === 'morning' ? r.hour < 12 : r.hour >= 12));
    return (inPart.length > 0 ? inPart : clock.readings).map((r) => ({
      at: instantAt(atClock(day, r.hour, r.minute), zone),
      chosen: true,
    }));
  }
  const picked = (hour: number, minute = 0) => [
    { at: instantAt(atClock(day, hour, minute), zone), chosen: false },
  ];
  if (days === 0 && kind === 'reminder' && (!part || part === 'morning')) {
    return sameDayReminder(appointment, day, parts.morning, zone);
  }
  if (part) return picked(parts[part]);
  if (days === 0) return [{ at: checkInPick(appointment, zone), chosen: false }];
  if (days < 0 && appointment.precision === 'time') return picked(start.hour, start.minute);
  return picked(10);
}

/** A reminder on the appointment's morning at `hour`, or an hour before it when that is earlier. */
function sameDayReminder(appointment: AppointmentTime, day: WallTime, hour: number, zone: Zone): Candidate[] {
  const at = instantAt(atClock(day, hour), zone);
  const hourBefore = new Date(Date.parse(appointment.start) - HOUR);
  const early = appointment.precision === 'time' && hourBefore.getTime() < at.getTime();
  return [{ at: early ? hourBefore : at, chosen: false }];
}

/**
 * Readings of a date and time of their own: each day the words may mean (a weekday also a week
 * on, "Monday" said on a Monday) with each hour they may mean.
 */
function absolute(
  kind: MessageKind,
  input: MessageTimeInput,
  appointment: AppointmentTime,
  zone: Zone,
): Candidate[] {
  const { text, found, findDates } = input;
  let date = found.find(hasDate);
  let clock = found.find(hasClock);
  const ordinal = ordinalDay.exec(text);
  if (!date && ordinal) {
    date = findDates(`on the ${ordinal[1]}`).find(hasDate);
    clock ??= findDates(text.replace(ordinal[0], ' ')).find(hasClock);
  }
  if (!date && clock && input.day)
    return onDay(kind, appointment, zone, daysFrom(appointment, wallTimeAt(input.day, zone)), clockOf(clock));
  const entity = date ?? clock;
  if (!entity) return [];
  const hours = clock ? clockOf(clock) : undefined;
  return readingsOf(entity).flatMap((reading) => {
    if (!reading.value) return [];
    const wall = parseWallTime(reading.value.local);
    if (entity.kind === 'time' || entity.kind === 'datetime')
      return [{ at: new Date(reading.value.iso), chosen: true }];
    if (entity.kind === 'daterange') return [];
    // "Friday afternoon", "tonight": the part of the day is in the date's own reading.
    const part = partOfTimex[reading.timex.replace(/^.*(?=T[A-Z]{2}$)/, '')] ?? hours?.part;
    return onDay(kind, appointment, zone, daysFrom(appointment, wall), {
      readings: hours?.readings ?? [],
      part,
    });
  });
}

/** Calendar days from the appointment's day to `wall`'s. */
function daysFrom(appointment: AppointmentTime, wall: WallTime): number {
  const start = parseWallTime(appointment.local);
  const day = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day);
  return Math.round((day(wall) - day(start)) / (DAY_SECONDS * 1000));
}

/** The hour (or part of the day) a clock entity names, as ClockWords. */
function clockOf(clock: DateTimeEntity): ClockWords {
  const part = clock.kind === 'timerange' ? partOfTimex[clock.timex] : undefined;
  const readings = clock.kind === 'time' ? readingsOf(clock).flatMap(hourOf) : [];
  return { readings: unique(readings), part };
}

function hourOf(reading: Reading): { hour: number; minute: number }[] {
  const wall = reading.value && parseWallTime(reading.value.local);
  return wall ? [{ hour: wall.hour, minute: wall.minute }] : [];
}

/** Every reading of an entity; a weekday ("Friday") is also read a week on. */
function readingsOf(entity: DateTimeEntity): Reading[] {
  const readings = entity.readings ?? [
    { timex: entity.timex, value: entity.value, endValue: entity.endValue },
  ];
  const zone = zoneNamed(entity.timezone);
  if (!zone || !/WXX-\d/.test(entity.timex)) return readings;
  const weekOn = readings.flatMap((r) => {
    if (!r.value) return [];
    const wall = addDays(parseWallTime(r.value.local), 7);
    return [
      { timex: r.timex, value: { iso: instantAt(wall, zone).toISOString(), local: formatWallTime(wall) } },
    ];
  });
  return [...readings, ...weekOn];
}
