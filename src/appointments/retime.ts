import type { Strings } from '../content/strings.js';
import { saysAnyOf } from '../language/says-any-of.js';
import type { AppointmentPlan } from './plan.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The new time in a message that changes a saved appointment's time: "actually its 9:30 my cita
 * not 9" (the words before "not 9"), "my appointment time change. 9:30". Undefined when the
 * message does not change a time (the words are data: appointment.retimeWords).
 */
export function retimeIn(strings: Strings, text: string | undefined): string | undefined {
  if (!text || !/\d/.test(text)) return undefined;
  const before = /^(.*\d.*?)\s*,?\s+not\s+(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\b/i.exec(text)?.[1];
  const said = before ?? (saysAnyOf(strings, 'appointment.retimeWords', text) ? text : undefined);
  // The last time said is the new one, read alone ("the time is 10 now": "now" is no time).
  const times = [...(said ?? '').matchAll(/\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\b\.?)?/gi)];
  const time = times.at(-1)?.[0].trim();
  return time ? `at ${time}` : undefined;
}

/**
 * A plan's reminder times moved with its appointment: by the whole days it moved, each at the
 * hour the person chose ("the night before at 8" stays at 8 when the visit moves to 9:30).
 */
export function shiftedReminders(
  reminders: AppointmentPlan['reminders'],
  from: string,
  to: string,
): AppointmentPlan['reminders'] {
  if (!reminders) return undefined;
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) * DAY;
  const shift = (at: string | undefined) => (at ? new Date(Date.parse(at) + days).toISOString() : undefined);
  const { reminderAt, secondAt, followUpAt, anyHour } = reminders;
  return {
    ...(reminderAt ? { reminderAt: shift(reminderAt) } : {}),
    ...(secondAt ? { secondAt: shift(secondAt) } : {}),
    ...(followUpAt ? { followUpAt: shift(followUpAt) } : {}),
    ...(anyHour ? { anyHour } : {}),
  };
}
