import { dateTimeFormat } from '../../content/intl-formats.js';

/** A clock reading without a zone: what a wall clock in the person's town shows. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A time zone: an IANA zone (with its daylight-saving rules) or a fixed offset from UTC. */
export interface Zone {
  /** "America/Chicago", or "UTC-05:00" for a fixed offset. */
  name: string;
  /** Minutes east of UTC at `instant` (Chicago in July: -300). */
  offsetAt(instant: Date): number;
}

/**
 * Zones by the name they were asked for: every turn asks for the person's zone, and building one
 * (the formatter's resolved options) was a measurable part of recognizing a message. Bounded, as
 * the name comes from the channel; past the bound, zones are built as before and not kept.
 */
const zones = new Map<string, Zone>();
const maxZones = 500;

/** The zone with IANA name `name`, or undefined when this runtime does not know it. */
export function ianaZone(name: string): Zone | undefined {
  const known = zones.get(name);
  if (known) return known;
  const zone = buildIanaZone(name);
  if (zone && zones.size < maxZones) zones.set(name, zone);
  return zone;
}

function buildIanaZone(name: string): Zone | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = dateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  return {
    name: format.resolvedOptions().timeZone,
    offsetAt(instant) {
      const parts = format.formatToParts(instant);
      const part = (type: Intl.DateTimeFormatPartTypes) =>
        Number(parts.find((p) => p.type === type)?.value ?? 0);
      const asUtc = Date.UTC(
        part('year'),
        part('month') - 1,
        part('day'),
        part('hour'),
        part('minute'),
        part('second'),
      );
      return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
    },
  };
}

/** The zone a name stands for: an IANA name, or a fixed offset written "UTC-05:00" (fixedZone's names). */
export function zoneNamed(name: string | undefined): Zone | undefined {
  if (!name) return undefined;
  const fixed = /^UTC([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!fixed) return ianaZone(name);
  const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
  return fixedZone(fixed[1] === '-' ? -minutes : minutes);
}

/** A zone that is always `minutes` east of UTC (from a timestamp's offset when no zone is sent). */
export function fixedZone(minutes: number): Zone {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return { name: `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`, offsetAt: () => minutes };
}

/** The offset of an ISO 8601 timestamp such as "2025-05-08T10:00:00.000-05:00", in minutes east. */
export function offsetOfTimestamp(timestamp: string): number | undefined {
  const match = /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(timestamp.trim());
  if (!match) return undefined;
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** What a wall clock in `zone` shows at `instant`. */
export function wallTimeAt(instant: Date, zone: Zone): WallTime {
  const shifted = new Date(instant.getTime() + zone.offsetAt(instant) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a wall clock in `zone` shows `wall`, as a person means it on a daylight-saving
 * day: a time the clocks skipped (02:30 when they jump from 02:00 to 03:00) is the moment just
 * after the jump (03:30, as a clock left unchanged would show), and a time that happens twice
 * (01:30 when they fall back) is the first one. Assumes at most one change of offset within a
 * day either side, as every zone has.
 */
export function instantAt(wall: WallTime, zone: Zone): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = zone.offsetAt(new Date(asUtc - DAY_MS));
  const after = zone.offsetAt(new Date(asUtc + DAY_MS));
  const wanted = formatWallTime(wall);
  const readings = [before, after]
    .map((offset) => new Date(asUtc - offset * 60_000))
    .filter((instant) => formatWallTime(wallTimeAt(instant, zone)) === wanted)
    .sort((a, b) => a.getTime() - b.getTime());
  return readings[0] ?? new Date(asUtc - before * 60_000);
}

/**
 * `wall` moved by whole calendar days, its clock kept: "the day before" a 9 AM appointment is 9 AM
 * the day before even when the clocks change overnight (which 24 hours would miss by one).
 */
export function addDays(wall: WallTime, days: number): WallTime {
  const moved = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** `wall`'s day with another clock reading (seconds zero). */
export function atClock(wall: WallTime, hour: number, minute = 0): WallTime {
  return { ...wall, hour, minute, second: 0 };
}

/** Reads "2025-05-13T15:00:00" (formatWallTime's form) back. */
export function parseWallTime(local: string): WallTime {
  const [date = '', time = ''] = local.split('T');
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second };
}

/** "2025-05-13T15:00:00": a wall time as ISO 8601 without an offset. */
export function formatWallTime(wall: WallTime): string {
  const date = `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`;
  return `${date}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
