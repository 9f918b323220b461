import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';

/**
 * What the scheduler stores. A pending item carries everything needed to send it later (the
 * conversation reference and a small payload); a finished one is a tombstone with no personal
 * data, kept for a while so a slow instance holding an old eTag cannot bring it back to life
 * (a conditional write to a missing key would create it).
 */
export const SCHEDULE_VERSION = 1;

/** Small values only: what the message needs to be composed at send time (no free text). */
export const payloadSchema = z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()]));
export type Payload = z.output<typeof payloadSchema>;

const referenceShape = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
});
/** Checked for what continueConversationAsync needs; the rest is passed through as stored. */
const referenceSchema = z.custom<Partial<ConversationReference>>(
  (value) => referenceShape.safeParse(value).success,
  'expected a conversation reference with channelId, serviceUrl and conversation.id',
);

const iso = z.iso.datetime();
const base = { version: z.literal(SCHEDULE_VERSION), id: z.string().min(1), bucket: z.string() };

const pendingSchema = z.object({
  ...base,
  status: z.literal('pending'),
  /** The person's user-state key, so erasing them finds their items. */
  userKey: z.string().min(1),
  dueAt: iso,
  /** Not sent after this (a reminder after the appointment is no use). */
  expiresAt: iso.optional(),
  /** Set after a failed send, or when quiet hours held it back: when to try again. */
  nextAttemptAt: iso.optional(),
  /** The person's zone, where quiet hours are read (absent on items filed before there were any). */
  timezone: z.string().min(1).max(64).optional(),
  /** The person chose this time themselves: it may go out in quiet hours. */
  anyHour: z.boolean().optional(),
  attempts: z.number().int().min(0),
  /** An instance is sending it until `until`; after that another may try (it crashed). */
  claim: z.object({ by: z.string(), token: z.string(), until: iso }).optional(),
  reference: referenceSchema,
  payload: payloadSchema,
});

const finishedSchema = z.object({
  ...base,
  status: z.enum(['sent', 'failed', 'cancelled', 'expired']),
  finishedAt: iso,
});

export const scheduledItemSchema = z.discriminatedUnion('status', [pendingSchema, finishedSchema]);
export type ScheduledItem = z.output<typeof scheduledItemSchema>;
export type PendingItem = z.output<typeof pendingSchema>;
export type FinishedStatus = z.output<typeof finishedSchema>['status'];

/** What a caller asks for. `id` is theirs to choose (unique across people), and reused to reschedule. */
export interface ScheduleRequest {
  id: string;
  userKey: string;
  dueAt: Date;
  expiresAt?: Date;
  /**
   * The person's zone (an IANA name, or "UTC-05:00"): nothing goes out in their quiet hours
   * (quiet-hours.ts); a time that falls in them waits for the morning.
   */
  timezone: string;
  /** The person chose this exact time ("the night before at 10pm"): quiet hours do not hold it. */
  anyHour?: boolean;
  reference: Partial<ConversationReference>;
  payload: Payload;
}

/** Storage keys. Storage cannot list keys, so items are found through the due and user indexes. */
export const keys = {
  item: (id: string) => `scheduler/item/${id}`,
  due: (bucket: string) => `scheduler/due/${bucket}`,
  user: (userKey: string) => `scheduler/user/${userKey}`,
  cursor: 'scheduler/cursor',
};

const HOUR = 60 * 60 * 1000;

/** The hour bucket of an instant: "2025-05-13T20" (UTC). */
export function bucketOf(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 13);
}

/** The start of a bucket, in milliseconds. */
export function bucketStart(bucket: string): number {
  return Date.parse(`${bucket}:00:00.000Z`);
}

/** The bucket after `bucket`. */
export function nextBucket(bucket: string): string {
  return bucketOf(bucketStart(bucket) + HOUR);
}

/** A tombstone: the id, its bucket and when it finished; nothing about the person. */
export function finished(
  item: { id: string; bucket: string },
  status: FinishedStatus,
  at: Date,
): ScheduledItem {
  return {
    version: SCHEDULE_VERSION,
    id: item.id,
    bucket: item.bucket,
    status,
    finishedAt: at.toISOString(),
  };
}
