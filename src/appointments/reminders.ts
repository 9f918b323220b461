import {
  ActionTypes,
  type Activity,
  type ConversationReference,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { Strings } from '../content/strings.js';
import { appointmentTypes } from '../language/intents/entity-lexicon.js';
import type { PendingItem, ScheduleRequest } from '../scheduling/index.js';
import type { AppointmentContent } from './content.js';
import type { AppointmentPlan } from './plan.js';
import { reminderDeadline } from './when.js';

const DAY = 24 * 60 * 60 * 1000;

/** What the appointment feature needs from the scheduler. */
export interface ReminderScheduler {
  schedule(request: ScheduleRequest): Promise<void>;
  cancel(id: string): Promise<boolean>;
}

/** What a reminder carries: enough to say it, nothing of the person's own words. */
export const reminderPayloadSchema = z.object({
  kind: z.enum(['appointmentReminder', 'appointmentFollowUp']),
  planId: z.string().min(1),
  type: z.enum(appointmentTypes),
  /** The appointment's time as said when it was scheduled. */
  when: z.string().max(200),
});
export type ReminderPayload = z.output<typeof reminderPayloadSchema>;

/** The scheduler ids of a plan's reminder and check-in (stable, so rescheduling replaces them). */
export function reminderIds(planId: string): { reminder: string; second: string; followUp: string } {
  return {
    reminder: `appointment-${planId}-reminder`,
    second: `appointment-${planId}-second`,
    followUp: `appointment-${planId}-followUp`,
  };
}

/** Where and to whom reminders go: taken from the turn in which the person agreed to them. */
export interface ReminderTarget {
  userKey: string;
  reference: Partial<ConversationReference>;
  /** The appointment's time, already said the person's way. */
  whenText: string;
}

/**
 * Replaces a plan's scheduled messages with those its `reminders` ask for (none without consent).
 * A check-in is kept for three days after its time; a reminder never goes after the appointment.
 * Both keep to quiet hours in the appointment's zone, unless the person chose the hour.
 */
export async function scheduleReminders(
  scheduler: ReminderScheduler,
  plan: AppointmentPlan,
  target: ReminderTarget,
): Promise<void> {
  await cancelReminders(scheduler, plan.id);
  const { reminders, when } = plan;
  const ids = reminderIds(plan.id);
  if (!reminders || !when) return;
  const payload = (kind: ReminderPayload['kind']) => ({
    kind,
    planId: plan.id,
    type: plan.type,
    when: target.whenText,
  });
  const base = { userKey: target.userKey, reference: target.reference, timezone: when.timezone };
  const anyHour = (field: 'reminderAt' | 'secondAt' | 'followUpAt') =>
    reminders.anyHour?.includes(field) ? { anyHour: true } : {};
  for (const [field, id] of [
    ['reminderAt', ids.reminder],
    ['secondAt', ids.second],
  ] as const) {
    const at = reminders[field];
    if (!at) continue;
    await scheduler.schedule({
      ...base,
      ...anyHour(field),
      id,
      dueAt: new Date(at),
      expiresAt: reminderDeadline(when),
      payload: payload('appointmentReminder'),
    });
  }
  if (reminders.followUpAt) {
    const dueAt = new Date(reminders.followUpAt);
    await scheduler.schedule({
      ...base,
      ...anyHour('followUpAt'),
      id: ids.followUp,
      dueAt,
      expiresAt: new Date(dueAt.getTime() + 3 * DAY),
      payload: payload('appointmentFollowUp'),
    });
  }
}

/** Cancels a plan's scheduled messages (the plan was deleted, or reminders turned off). */
export async function cancelReminders(scheduler: ReminderScheduler, planId: string): Promise<void> {
  for (const id of Object.values(reminderIds(planId))) await scheduler.cancel(id);
}

/** The proactive message for a payload, or undefined when it is not an appointment reminder. */
export function reminderActivity(
  payload: unknown,
  strings: Strings,
  content: AppointmentContent,
): Partial<Activity> | undefined {
  const parsed = reminderPayloadSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const { kind, type, when } = parsed.data;
  const vars = { type: strings.text(content.types[type].label), when };
  const text = [
    strings.text(kind === 'appointmentReminder' ? 'reminders.reminder' : 'reminders.followUp', vars),
    strings.text('reminders.stopHint'),
  ].join('\n\n');
  const open = strings.text('reminders.openPlans');
  const command = strings.variants('plans.commandWords')[0] ?? open;
  return MessageFactory.suggestedActions([{ type: ActionTypes.ImBack, title: open, value: command }], text);
}

/** The part of CloudAdapter a reminder needs. */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

/** A scheduled send that did not go through; the scheduler retries it with backoff. */
export class ReminderNotSentError extends Error {
  constructor(
    readonly kind: string,
    options?: { cause?: unknown },
  ) {
    super(`The ${kind} could not be delivered to its conversation`, options);
    this.name = 'ReminderNotSentError';
  }
}

/**
 * What delivering a scheduled item's payload does in its conversation (send a reminder, open the
 * safety plan's check-in question), or undefined when no feature knows the payload.
 */
export type ScheduledDelivery = (
  payload: unknown,
) => ((context: TurnContext) => Promise<unknown>) | undefined;

/** A delivery that sends one message: the appointment reminders and check-ins. */
export function reminderDelivery(strings: Strings, content: AppointmentContent): ScheduledDelivery {
  return (payload) => {
    const activity = reminderActivity(payload, strings, content);
    return activity && ((context) => context.sendActivity(activity));
  };
}

/**
 * The scheduler's send: the payload's delivery (`deliver`), run through continueConversationAsync
 * in the saved reference's conversation. activityId is dropped: a reply to an activity the
 * channel never showed is held back by Web Chat. The delivery is checked inside the logic,
 * because the adapter hands errors thrown there to its turn error handler instead of to the
 * caller; a failure throws, so the scheduler retries.
 */
export function scheduledSender(deps: {
  adapter: ProactiveAdapter;
  appId: string;
  deliver: ScheduledDelivery;
}): (item: PendingItem) => Promise<void> {
  return async (item) => {
    const kind = String(item.payload.kind);
    const delivery = deps.deliver(item.payload);
    if (!delivery) throw new ReminderNotSentError(kind);
    const { activityId: _activityId, ...reference } = item.reference;
    let outcome: { sent: true } | { sent: false; cause?: unknown } = { sent: false };
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
      try {
        await delivery(context);
        outcome = { sent: true };
      } catch (cause) {
        outcome = { sent: false, cause };
      }
    });
    if (!outcome.sent) throw new ReminderNotSentError(kind, { cause: outcome.cause });
  };
}
