/**
 * The one way the bot writes dates and times: "Tuesday, December 15", "9:00 AM", and together
 * "Tuesday, December 15 at 9:00 AM" (the joining words come from the locale). Formatted from
 * wall-clock fields read as UTC, so the server's own zone never shows through.
 */

import { dateTimeFormat } from './intl-formats.js';
import type { Strings } from './strings.js';

/** A calendar day as a wall clock shows it (no zone). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A day and a clock reading, as a wall clock shows them. */
export interface ClockReading extends CalendarDay {
  hour: number;
  minute: number;
}

/** "Tuesday, December 15"; with `year`, "Tuesday, December 15, 2027"; without `weekday`, "December 15". */
export function sayDay(
  day: CalendarDay,
  locale: string,
  { year = false, weekday = true }: { year?: boolean; weekday?: boolean } = {},
): string {
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    ...(weekday ? { weekday: 'long' } : {}),
    month: 'long',
    day: 'numeric',
    ...(year ? { year: 'numeric' } : {}),
  }).format(new Date(Date.UTC(day.year, day.month - 1, day.day, 12)));
}

/** "January"; with `year`, "January 2027". */
export function sayMonth(day: CalendarDay, locale: string, year = false): string {
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'long',
    ...(year ? { year: 'numeric' } : {}),
  }).format(new Date(Date.UTC(day.year, day.month - 1, 15, 12)));
}

/** "9:00 AM". */
export function sayClock(time: ClockReading, locale: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(
    new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute)),
  );
}

/** "Tuesday, December 15 at 9:00 AM"; the year is said when it is not `thisYear`. */
export function sayMoment(time: ClockReading, strings: Strings, thisYear: number): string {
  return strings.text('dates.at', {
    date: sayDay(time, strings.locale, { year: time.year !== thisYear }),
    time: sayClock(time, strings.locale),
  });
}

/** The short name of the clock `timeZone` shows at `instant` ("EDT"), to say which clock a time is on. */
export function sayZone(instant: Date, timeZone: string, locale: string): string {
  const parts = dateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
