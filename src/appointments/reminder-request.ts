import type { StringKey, Strings } from '../content/strings.js';
import { saysAnyOf } from '../language/says-any-of.js';
import { type AppointmentPlan, type PlanDraft, prepFields } from './plan.js';
import { isPast } from './when.js';

/**
 * What a message asks of a saved plan's reminder: to move it ("change the reminder to 7pm",
 * "remind me december 14 at 7pm"), to remove it ("no reminder", "cancel the reminder"), or only
 * about it ("is my reminder still set for the 14th?": shown, and a new time offered).
 */
export type ReminderRequest = 'change' | 'remove' | 'ask';

/** The reminder request in `text`, or undefined when it says nothing of a reminder. */
export function reminderRequestIn(strings: Strings, text: string | undefined): ReminderRequest | undefined {
  const says = (key: StringKey) => saysAnyOf(strings, key, text);
  if (says('appointment.reminderOffWords')) return 'remove';
  // "keep it. and add one more tuesday 7 in the morning": a second reminder, at a time.
  if (says('appointment.addReminderWords') && /\d/.test(text ?? '')) return 'change';
  if (!says('appointment.reminderWords')) return undefined;
  // "is my reminder still set for the 14th?": its date is a question, not a new time.
  if (says('appointment.reminderAskWords')) return 'ask';
  return says('appointment.reminderChangeWords') ? 'change' : 'ask';
}

/** True when a plan's appointment is still ahead, so a reminder before it can be set. */
export function remindable(plan: Pick<AppointmentPlan, 'when'>, now: Date): boolean {
  return plan.when !== undefined && !isPast(plan.when, now);
}

/** A saved plan as the appointment dialog's draft, every question answered, to change its reminder. */
export function draftOf(plan: AppointmentPlan): PlanDraft {
  const { version: _version, updatedAt: _updatedAt, ...kept } = plan;
  return {
    ...kept,
    answered: [...prepFields],
    remindersAsked: true,
  };
}
