import { ianaZone, instantAt, type WallTime, wallTimeAt, type Zone } from '../language/intents/time-zone.js';
import { type Schedule, weekdays } from './schema.js';

/** Parts of the day a person can ask for ("evenings", "Saturday morning"). */
export const dayparts = ['morning', 'afternoon', 'evening', 'night'] as const;
export type Daypart = (typeof dayparts)[number];

/**
 * The start hours each part of the day covers, on the person's clock, [from, to): a meeting
 * starting at 19:30 is an evening one. Night runs past midnight (to 05:00), and 20:00-20:59
 * counts as both evening and night, as people say both of an 8 pm meeting.
 */
export const daypartHours: Readonly<Record<Daypart, readonly [number, number]>> = {
  morning: [5, 12],
  afternoon: [12, 17],
  evening: [17, 21],
  night: [20, 29],
};

/** When a person can go: days (0 = Sunday ... 6 = Saturday) and parts of the day; empty = any. */
export interface When {
  days: number[];
  parts: Daypart[];
}

/** The parts of the day a meeting starting at `hour` (0-23) belongs to. */
export function daypartsOf(hour: number): Daypart[] {
  return dayparts.filter((part) => {
    const [from, to] = daypartHours[part];
    return (hour >= from && hour < to) || (hour + 24 >= from && hour + 24 < to);
  });
}

/** The weekday (0 = Sunday) of a wall-clock date. */
export function weekdayOf(wall: Pick<WallTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}

/** A meeting as the person's clock shows it: when, and on which weekday and hour there. */
export interface ClockedMeeting {
  instant: Date;
  /** 0 = Sunday, on the person's calendar. */
  weekday: number;
  hour: number;
}

/**
 * Every meeting of a weekly schedule from `now` (inclusive) for `days` days, soonest first,
 * each on the group's own clock and calendar (its zone's daylight-saving rules), so a 19:00
 * meeting is at 19:00 there in winter and in summer. Eight days cover a meeting that started
 * earlier today, whose next one is a week away. `zone` is the schedule's zone, when already
 * resolved (building one costs more than the rest of this).
 */
export function occurrences(
  schedule: Schedule,
  now: Date,
  days = 8,
  zone: Zone | undefined = ianaZone(schedule.timeZone),
): Date[] {
  if (zone === undefined) return [];
  const today = wallTimeAt(now, zone);
  const found: Date[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    for (const meeting of schedule.meetings) {
      if (weekdays.indexOf(meeting.weekday) !== date.getUTCDay()) continue;
      const [hour = 0, minute = 0] = meeting.time.split(':').map(Number);
      const wall = {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour,
        minute,
        second: 0,
      };
      const instant = instantAt(wall, zone);
      if (instant.getTime() >= now.getTime()) found.push(instant);
    }
  }
  return found.sort((a, b) => a.getTime() - b.getTime());
}

/** Reads a meeting on the person's clock (`zone`). */
export function onClock(instant: Date, zone: Zone): ClockedMeeting {
  const wall = wallTimeAt(instant, zone);
  return { instant, weekday: weekdayOf(wall), hour: wall.hour };
}

/** True when a meeting falls on a day and part of the day the person asked for, on their clock. */
export function fits(meeting: ClockedMeeting, when: When): boolean {
  const dayFits = when.days.length === 0 || when.days.includes(meeting.weekday);
  const partFits =
    when.parts.length === 0 || daypartsOf(meeting.hour).some((part) => when.parts.includes(part));
  return dayFits && partFits;
}

/** True when a meeting at `instant` fits `when` on the clock of `zone`. */
export function fitsWhen(instant: Date, when: When, zone: Zone): boolean {
  return fits(onClock(instant, zone), when);
}

/**
 * The next meeting of `schedule` after `now`; with `when`, the next one that fits it on the
 * person's clock (`zone`). Undefined when there is none in the coming week.
 */
export function nextMeeting(schedule: Schedule, now: Date, when?: When, zone?: Zone): Date | undefined {
  return occurrences(schedule, now).find(
    (instant) => when === undefined || zone === undefined || fitsWhen(instant, when, zone),
  );
}
