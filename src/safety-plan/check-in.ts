import { randomUUID } from 'node:crypto';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { fixedZone, offsetOfTimestamp, zoneNamed } from '../language/intents/time-zone.js';
import type { ScheduleRequest } from '../scheduling/index.js';

const DAY = 24 * 60 * 60 * 1000;
/**
 * Where quiet hours are read when a channel sends neither a zone nor a local timestamp: the
 * middle of the US the bot serves, so a check-in is never sent in the small hours there.
 */
const FALLBACK_ZONE = 'America/Chicago';

/** What the check-in carries: nothing of the plan or the person's words. */
const checkInPayloadSchema = z.object({ kind: z.literal('safetyPlanCheckIn') });

/** What the safety plan needs from the scheduler. */
export interface CheckInScheduler {
  schedule(request: ScheduleRequest): Promise<void>;
}

/** Where the check-in goes: the conversation in which the person agreed to it. */
export interface CheckInTarget {
  userKey: string;
  reference: Partial<ConversationReference>;
  /** The activity's zone (localTimezone) or, failing that, its local timestamp's offset. */
  localTimezone?: string;
  localTimestamp?: string;
}

/** The zone to keep quiet hours in, from what the channel said about the person's clock. */
export function zoneFor(target: Pick<CheckInTarget, 'localTimezone' | 'localTimestamp'>): string {
  if (zoneNamed(target.localTimezone)) return target.localTimezone as string;
  const offset = target.localTimestamp ? offsetOfTimestamp(target.localTimestamp) : undefined;
  return offset === undefined ? FALLBACK_ZONE : fixedZone(offset).name;
}

/**
 * Files the check-in for about this time tomorrow (the scheduler holds it to the morning if that
 * falls in quiet hours); kept for two days, then dropped. Returns its scheduler id.
 */
export async function scheduleCheckIn(
  scheduler: CheckInScheduler,
  target: CheckInTarget,
  now: Date,
): Promise<string> {
  const id = `safety-plan-check-in-${randomUUID()}`;
  const dueAt = new Date(now.getTime() + DAY);
  await scheduler.schedule({
    id,
    userKey: target.userKey,
    reference: target.reference,
    timezone: zoneFor(target),
    dueAt,
    expiresAt: new Date(dueAt.getTime() + 2 * DAY),
    payload: { kind: 'safetyPlanCheckIn' },
  });
  return id;
}

/**
 * The scheduler's delivery of the check-in: `open` asks "how are you doing today?" as a question
 * of the conversation (so the answer is read as one); undefined for another kind of payload.
 */
export function checkInDelivery(
  open: (context: TurnContext) => Promise<void>,
): (payload: unknown) => ((context: TurnContext) => Promise<void>) | undefined {
  return (payload) => (checkInPayloadSchema.safeParse(payload).success ? open : undefined);
}
