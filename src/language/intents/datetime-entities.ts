import { recognizersText } from '../../platform/one-recognizers-text.js';
import { respellDateWords } from './date-spelling.js';
import { dateTimeWindows, inputBudget, orNothing } from './input-budget.js';
import { formatWallTime, instantAt, type WallTime, wallTimeAt, type Zone } from './time-zone.js';

const { Culture, recognizeDateTime } = recognizersText;

/** The kinds of date-time expression, as the recognizer names them. */
export const dateTimeKinds = [
  'date',
  'time',
  'datetime',
  'daterange',
  'timerange',
  'datetimerange',
  'duration',
  'set',
] as const;
export type DateTimeKind = (typeof dateTimeKinds)[number];

function isDateTimeKind(type: string | undefined): type is DateTimeKind {
  return (dateTimeKinds as readonly (string | undefined)[]).includes(type);
}

/** One resolved moment: the instant, and what the person's wall clock shows then. */
export interface ResolvedTime {
  /** The instant in UTC, ISO 8601 ("2025-05-13T20:00:00.000Z"), for storing and comparing. */
  iso: string;
  /** The person's wall-clock time, ISO 8601 without offset ("2025-05-13T15:00:00"), for saying. */
  local: string;
}

/** A date or time in the message, resolved in the person's time zone. */
export interface DateTimeEntity {
  kind: DateTimeKind;
  /** The words that named it ("next Tuesday at 3pm"); start/end index the message. */
  text: string;
  start: number;
  end: number;
  /** TIMEX expression, e.g. "2025-05-13T15" or "XXXX-WXX-5" for "Friday". */
  timex: string;
  /** The moment (date, time, datetime) or the start of a range. Dates start at local midnight. */
  value?: ResolvedTime;
  /** The end of a range (exclusive). */
  endValue?: ResolvedTime;
  /** For a duration ("for two weeks"): its length in seconds. */
  durationSeconds?: number;
  /** The zone it was resolved in (IANA name, or "UTC-05:00" from a timestamp offset). */
  timezone: string;
  /**
   * More than one reading fitted ("at 3": 3:00 or 15:00; "Friday": last or next). The next upcoming
   * one in the daytime was chosen; a dialog may confirm it.
   */
  ambiguous: boolean;
  /** The hour could be AM or PM ("at 8"): readings 12 hours apart were offered. "8pm" is not. */
  hourAmbiguous?: boolean;
  /**
   * Every reading offered, resolved alike (`value` is one of them), for a caller that knows better
   * which fits (a reminder must come before its appointment). Absent: `value` is the only one.
   */
  readings?: Reading[];
}

/** One reading of a date-time expression. */
export type Reading = Pick<DateTimeEntity, 'timex' | 'value' | 'endValue'>;

interface Candidate {
  type?: string;
  timex?: string;
  value?: string;
  start?: string;
  end?: string;
}

/**
 * Finds dates and times in `text` relative to `now`, read as the wall clock in `zone` shows it:
 * "next Tuesday at 3pm" is the person's Tuesday and 3pm, whatever zone the server runs in.
 * Only bounded windows of the message are read (see input-budget.ts).
 */
export function findDateTimes(text: string, now: Date, zone: Zone, budget = inputBudget): DateTimeEntity[] {
  const windows = dateTimeWindows(text, budget);
  // Most messages have no window; the zone's wall clock (a formatter call) is not worth it then.
  if (windows.length === 0) return [];
  const wallNow = wallTimeAt(now, zone);
  // The recognizer reads its reference date through local getters (getHours, getDate...), so it
  // is given a Date whose process-local fields are the person's wall clock.
  const reference = new Date(
    wallNow.year,
    wallNow.month - 1,
    wallNow.day,
    wallNow.hour,
    wallNow.minute,
    wallNow.second,
  );
  return windows.flatMap((window) => {
    const respelled = respellDateWords(window.text);
    return orNothing(() => recognizeDateTime(respelled.text, Culture.English, undefined, reference)).flatMap(
      (result) => {
        // Some expressions come back unresolved ("weekends": resolution null); they are skipped.
        const found: unknown = result.resolution?.values;
        const values: Candidate[] = Array.isArray(found) ? found : [];
        const resolved = values.map((candidate) => resolveCandidate(candidate, wallNow, zone));
        const chosen = choose(resolved, now);
        if (chosen === undefined) return [];
        const readings = resolved.map(({ timex, value, endValue }) => ({ timex, value, endValue }));
        const start = respelled.original(result.start);
        const end = respelled.original(result.end + 1);
        return [
          {
            ...chosen,
            text: window.text.slice(start, end),
            start: window.start + start,
            end: window.start + end,
            timezone: zone.name,
            ambiguous: values.length > 1,
            hourAmbiguous: hoursApart(values),
            readings,
          },
        ];
      },
    );
  });
}

/** True when the readings include one hour both before noon and twelve hours later (T08 and T20). */
function hoursApart(values: readonly Candidate[]): boolean {
  const hours = new Set(
    values.flatMap(
      (v) =>
        /T(\d{2})/
          .exec(v.timex ?? '')
          ?.slice(1)
          .map(Number) ?? [],
    ),
  );
  return [...hours].some((hour) => hour < 12 && hours.has(hour + 12));
}

type Resolved = Pick<DateTimeEntity, 'kind' | 'timex' | 'value' | 'endValue' | 'durationSeconds'> & {
  at?: Date;
};

function resolveCandidate(candidate: Candidate, now: WallTime, zone: Zone): Resolved {
  const kind = isDateTimeKind(candidate.type) ? candidate.type : 'datetime';
  const timex = candidate.timex ?? '';
  if (kind === 'duration') return { kind, timex, durationSeconds: Number(candidate.value) || undefined };
  if (kind === 'set') return { kind, timex };
  const startText = candidate.value ?? candidate.start;
  const start = startText === undefined ? undefined : readWallTime(startText, now);
  const end = candidate.end === undefined ? undefined : readWallTime(candidate.end, now, start?.wall);
  return {
    kind,
    timex,
    value: start && resolved(start.wall, zone),
    endValue: end && resolved(end.wall, zone),
    at: start ? instantAt(start.wall, zone) : end && instantAt(end.wall, zone),
  };
}

function resolved(wall: WallTime, zone: Zone): ResolvedTime {
  return { iso: instantAt(wall, zone).toISOString(), local: formatWallTime(wall) };
}

/**
 * Reads "2025-05-13 15:00:00", "2025-05-13" or "15:00:00". A time without a date is taken as its
 * next occurrence (today if still ahead, else tomorrow), or on the day of `after` for a range end.
 */
function readWallTime(text: string, now: WallTime, after?: WallTime): { wall: WallTime } | undefined {
  const match = /^(?:(\d{4})-(\d{2})-(\d{2}))?\s*(?:(\d{2}):(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[4] === undefined)) return undefined;
  const time = { hour: Number(match[4] ?? 0), minute: Number(match[5] ?? 0), second: Number(match[6] ?? 0) };
  if (match[1] !== undefined) {
    return { wall: { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), ...time } };
  }
  const day = after ?? now;
  const today = { year: day.year, month: day.month, day: day.day, ...time };
  if (after !== undefined || formatWallTime(today) >= formatWallTime(now)) return { wall: today };
  // Tomorrow by the calendar, not by adding 24 hours, which a daylight-saving day would skew.
  const tomorrow = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return {
    wall: {
      year: tomorrow.getUTCFullYear(),
      month: tomorrow.getUTCMonth() + 1,
      day: tomorrow.getUTCDate(),
      ...time,
    },
  };
}

/** Upcoming before past, daytime (7:00-21:59) before night, then the soonest; else the latest past. */
function choose(candidates: readonly Resolved[], now: Date): Omit<Resolved, 'at'> | undefined {
  const rank = (candidate: Resolved) => {
    const at = candidate.at?.getTime();
    if (at === undefined) return [0, 0, 0];
    const hour = Number(candidate.value?.local.slice(11, 13) ?? 12);
    const upcoming =
      at >= now.getTime() ||
      (candidate.endValue !== undefined && Date.parse(candidate.endValue.iso) > now.getTime());
    return [upcoming ? 0 : 1, hour >= 7 && hour <= 21 ? 0 : 1, upcoming ? at : -at];
  };
  const best = [...candidates].sort((a, b) => compare(rank(a), rank(b)))[0];
  if (best === undefined) return undefined;
  const { at: _at, ...rest } = best;
  return rest;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
