import { addDays, atClock, instantAt, wallTimeAt, type Zone } from '../language/intents/time-zone.js';

/**
 * Quiet hours on the person's own clock: from 9 PM until 8 AM nothing is sent unless the person
 * chose that time themselves. A message at 2 AM wakes people, and for someone in early recovery
 * a night-time ping about an appointment is more worry than help.
 */
export const quietHours = { from: 21, until: 8 } as const;

/** True when `instant` falls in quiet hours in `zone`. */
export function isQuiet(instant: Date, zone: Zone): boolean {
  const { hour } = wallTimeAt(instant, zone);
  return hour >= quietHours.from || hour < quietHours.until;
}

/** `instant` itself when it is not quiet, else the morning it waits for (8:00 that or the next day). */
export function nextWaking(instant: Date, zone: Zone): Date {
  if (!isQuiet(instant, zone)) return instant;
  const wall = wallTimeAt(instant, zone);
  const day = wall.hour >= quietHours.from ? addDays(wall, 1) : wall;
  return instantAt(atClock(day, quietHours.until), zone);
}

/** For a quiet `instant`, the evening before it (8:00 PM, an hour before quiet hours begin). */
function eveningBefore(instant: Date, zone: Zone): Date {
  const wall = wallTimeAt(instant, zone);
  const day = wall.hour < quietHours.until ? addDays(wall, -1) : wall;
  return instantAt(atClock(day, quietHours.from - 1), zone);
}

/**
 * A time the bot picked, kept out of quiet hours: itself when it is not quiet, else the nearer of
 * the evening before and the morning after that still `fits` (a reminder must stay before its
 * appointment, a check-in after it); undefined when neither does.
 */
export function awayFromQuietHours(instant: Date, zone: Zone, fits: (at: Date) => boolean): Date | undefined {
  if (!isQuiet(instant, zone)) return instant;
  const distance = (at: Date) => Math.abs(at.getTime() - instant.getTime());
  return [eveningBefore(instant, zone), nextWaking(instant, zone)]
    .filter(fits)
    .sort((a, b) => distance(a) - distance(b))[0];
}
