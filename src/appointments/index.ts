import type { Strings } from '../content/strings.js';
import type { WayfinderRecognizer } from '../language/intents/wayfinder-recognizer.js';
import { type AppointmentContent, loadAppointmentContent } from './content.js';
import { type PlanStore, type PlansProperty, UserStatePlanStore } from './plan-store.js';
import type { ReminderScheduler } from './reminders.js';

/** Appointment preparation: plans, their cards, reminders. The public surface for the host. */
export type { AppointmentContent } from './content.js';
export { loadAppointmentContent } from './content.js';
export { type AppointmentPlan, PLAN_VERSION, planSchema } from './plan.js';
export { planCard, planText } from './plan-card.js';
export { MAX_PLANS, type PlanStore, plansProperty, UserStatePlanStore } from './plan-store.js';
export { planView } from './plan-view.js';
export {
  cancelReminders,
  type ProactiveAdapter,
  ReminderNotSentError,
  type ReminderPayload,
  type ReminderScheduler,
  reminderActivity,
  reminderDelivery,
  reminderIds,
  reminderPayloadSchema,
  type ScheduledDelivery,
  scheduledSender,
  scheduleReminders,
} from './reminders.js';

/** Everything the appointment and "my plans" dialogs need beside the common dialog deps. */
export interface AppointmentParts {
  recognizer: WayfinderRecognizer;
  plans: PlanStore;
  scheduler: ReminderScheduler;
  content: AppointmentContent;
  clock: () => Date;
}

/**
 * Builds the appointment feature's parts: content from resources/appointments.json (validated
 * against the strings; a bad edit stops the start naming the field) and plans in the user-state
 * property `plans`. Pass the result as the dialogs' second constructor argument.
 */
export function createAppointmentParts(deps: {
  strings: Strings;
  /** Content already loaded by the caller (the reminder sender needs it too); loaded here otherwise. */
  content?: AppointmentContent;
  /** The user-state property `plans` (see src/user-properties.ts). */
  plans: PlansProperty;
  recognizer: WayfinderRecognizer;
  scheduler: ReminderScheduler;
  clock: () => Date;
}): AppointmentParts {
  return {
    recognizer: deps.recognizer,
    plans: new UserStatePlanStore(deps.plans),
    scheduler: deps.scheduler,
    content: deps.content ?? loadAppointmentContent(deps.strings),
    clock: deps.clock,
  };
}
