import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';

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

const personRecordSchema = z.object({
  version: z.literal(PERSON_RECORD_VERSION),
  firstSeenAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
  conversations: z.array(z.string()).max(MAX_TRACKED_CONVERSATIONS),
});

export type PersonRecord = z.output<typeof personRecordSchema>;

/** Reads the record, or undefined when none (or one of another version) is stored. */
export async function readPersonRecord(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
): Promise<PersonRecord | undefined> {
  const parsed = personRecordSchema.safeParse(await accessor.get(context));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Notes this turn's activity: last active time and this conversation (saved with user state at
 * the end of the turn). Returns the record as it was before (undefined for someone new), and the
 * conversations that fell off the list, whose state the caller erases.
 */
export async function touchPersonRecord(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
  now: Date,
): Promise<{ before: PersonRecord | undefined; dropped: string[] }> {
  const existing = await readPersonRecord(accessor, context);
  const conversationId = context.activity.conversation?.id ?? '';
  const known = existing?.conversations ?? [];
  const listed = known.includes(conversationId) ? known : [conversationId, ...known];
  const conversations = listed.slice(0, MAX_TRACKED_CONVERSATIONS);
  const record: PersonRecord = {
    version: PERSON_RECORD_VERSION,
    firstSeenAt: existing?.firstSeenAt ?? now.toISOString(),
    lastActiveAt: now.toISOString(),
    conversations,
  };
  await accessor.set(context, record);
  return { before: existing, dropped: listed.slice(MAX_TRACKED_CONVERSATIONS) };
}
