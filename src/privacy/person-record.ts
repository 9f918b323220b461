import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { defineUserProperty, type UserProperty } from '../state/user-property.js';
import { dayOf } from './retention-index.js';

/**
 * The bookkeeping Wayfinder keeps about a person so it can show and erase everything: when they
 * were last active (for retention) and which conversations hold their state. No content.
 */
export const PERSON_RECORD_VERSION = 1;

/**
 * The most conversations remembered per person. The state of one that falls off the list is
 * erased then (see touchPersonRecord), since erasure finds conversations only through the list.
 */
export const MAX_TRACKED_CONVERSATIONS = 50;

/**
 * How far behind lastActiveAt may be before a turn moves it (it also moves on a new day, so the
 * day it shows and the retention index stay exact). Without this every turn changed user state,
 * so every turn wrote the user document and a crash journal of it: a third of a turn's store work.
 * Retention reads lastActiveAt with the same slack, so nobody is erased before RETENTION_DAYS
 * after their real last message (at most this much later; sweeps run hourly anyway).
 */
export const LAST_ACTIVE_PRECISION_MS = 60 * 60 * 1000;

const personRecordSchema = z.object({
  version: z.literal(PERSON_RECORD_VERSION),
  firstSeenAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
  conversations: z.array(z.string()).max(MAX_TRACKED_CONVERSATIONS),
});

export type PersonRecord = z.output<typeof personRecordSchema>;

/** The user-state property `person`. */
export const personRecordProperty = defineUserProperty('person', personRecordSchema);

/** Reads the record, or undefined when none (or one of another version) is stored. */
export async function readPersonRecord(
  property: UserProperty<PersonRecord>,
  context: TurnContext,
): Promise<PersonRecord | undefined> {
  return property.read(context);
}

/**
 * Notes this turn's activity: last active time (see LAST_ACTIVE_PRECISION_MS) and this
 * conversation (saved with user state at the end of the turn); a turn that changes neither leaves
 * the record as it was. Returns the record as it was before (undefined for someone new), and the
 * conversations that fell off the list, whose state the caller erases.
 */
export async function touchPersonRecord(
  property: UserProperty<PersonRecord>,
  context: TurnContext,
  now: Date,
): Promise<{ before: PersonRecord | undefined; dropped: string[] }> {
  const existing = await readPersonRecord(property, context);
  const conversationId = context.activity.conversation?.id ?? '';
  const known = existing?.conversations ?? [];
  if (existing && known.includes(conversationId) && isRecent(existing.lastActiveAt, now)) {
    return { before: existing, dropped: [] };
  }
  const listed = known.includes(conversationId) ? known : [conversationId, ...known];
  const conversations = listed.slice(0, MAX_TRACKED_CONVERSATIONS);
  const record: PersonRecord = {
    version: PERSON_RECORD_VERSION,
    firstSeenAt: existing?.firstSeenAt ?? now.toISOString(),
    lastActiveAt: now.toISOString(),
    conversations,
  };
  await property.write(context, record);
  return { before: existing, dropped: listed.slice(MAX_TRACKED_CONVERSATIONS) };
}

/** True when `lastActiveAt` is on `now`'s day and less than LAST_ACTIVE_PRECISION_MS before it. */
function isRecent(lastActiveAt: string, now: Date): boolean {
  const last = new Date(lastActiveAt);
  return dayOf(last) === dayOf(now) && now.getTime() - last.getTime() < LAST_ACTIVE_PRECISION_MS;
}
