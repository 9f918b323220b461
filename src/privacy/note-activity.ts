import type { TurnContext } from 'botbuilder';
import type { UserProperty } from '../state/user-property.js';
import { type PersonRecord, touchPersonRecord } from './person-record.js';
import type { PersonalData } from './personal-data.js';
import { dayOf, type RetentionIndex } from './retention-index.js';
import { noteReturning } from './returning-person.js';
import { userStateKey } from './state-keys.js';

export interface ActivityRecords {
  person: UserProperty<PersonRecord>;
  personalData: Pick<PersonalData, 'eraseConversations'>;
  retentionIndex: Pick<RetentionIndex, 'noteActivity'>;
}

/**
 * Updates the person record (erasing the state of a conversation it no longer tracks); on their
 * first activity of a day, indexes them for retention.
 */
export async function noteActivity(records: ActivityRecords, context: TurnContext, now: Date): Promise<void> {
  const { channelId, from } = context.activity;
  const { before, dropped } = await touchPersonRecord(records.person, context, now);
  noteReturning(context, before, now);
  if (dropped.length > 0) await records.personalData.eraseConversations(channelId, dropped);
  if (!before || dayOf(new Date(before.lastActiveAt)) !== dayOf(now)) {
    await records.retentionIndex.noteActivity(userStateKey(channelId, from.id), now);
  }
}
