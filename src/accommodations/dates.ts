import { dateTimeFormat } from '../content/intl-formats.js';
import { sayDay as sayCalendarDay } from '../content/say-date.js';
import { parseWallTime } from '../language/intents/time-zone.js';

/**
 * Calendar days for letters. A request is dated by the person's own calendar day ("YYYY-MM-DD"),
 * so it reads the same wherever and whenever it is shown again; no time of day is involved.
 */

/** The person's calendar day at `now`, in `timeZone` (an IANA name), or UTC when it is unknown. */
export function localDay(now: Date, timeZone: string | undefined): string {
  try {
    // en-CA formats as YYYY-MM-DD; this is a machine format, not shown to anyone.
    return dateTimeFormat('en-CA', {
      timeZone: timeZone || 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A day as people say it ("Thursday, May 15"), or with the year for a letter's date line ("May 15, 2025"). */
export function sayDay(day: string, locale: string, withYear = false): string {
  return sayCalendarDay(
    parseWallTime(`${day}T12:00:00`),
    locale,
    withYear ? { year: true, weekday: false } : {},
  );
}

/** "the 17th" said on `today` (YYYY-MM-DD): the next 17th, this month or the next (undefined when there is none). */
export function nextDayOfMonth(today: string, dayOfMonth: number): string | undefined {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  const monthIndex = dayOfMonth >= day ? month - 1 : month;
  const date = new Date(Date.UTC(year, monthIndex, dayOfMonth));
  if (date.getUTCDate() !== dayOfMonth) return undefined;
  return date.toISOString().slice(0, 10);
}
