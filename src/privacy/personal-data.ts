import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import { conversationStateKey, userStateKey } from './state-keys.js';

/** Everything stored about one person, as stored (eTags left out). */
export interface PersonalDataReport {
  /** User state: profile (nickname) and the person record (last active, conversation ids). */
  user: Record<string, unknown> | undefined;
  /** State of each conversation the person record lists, by conversation id. */
  conversations: Record<string, Record<string, unknown>>;
}

/** Where a person's records live: their user state, and the conversations it lists. */
export interface PersonKeys {
  userKey: string;
  conversationKeys: readonly string[];
}

const withoutETag = (item: StoreItems[string] | undefined): Record<string, unknown> | undefined => {
  if (!item || typeof item !== 'object') return undefined;
  const { eTag: _eTag, ...rest } = item as Record<string, unknown>;
  return rest;
};

/** The ids of conversations a stored user-state document lists. */
function conversationsOf(user: Record<string, unknown> | undefined): string[] {
  const person = user?.person as { conversations?: unknown } | undefined;
  return Array.isArray(person?.conversations)
    ? person.conversations.filter((id): id is string => typeof id === 'string')
    : [];
}

/**
 * Reads and erases all of a person's records. Works from storage directly (not the turn's state
 * cache), so it sees other conversations too and can be used by the retention sweep.
 */
export class PersonalData {
  constructor(private readonly storage: Storage) {
    if (!storage) throw new Error('PersonalData needs a storage');
  }

  /** The ids of the person's conversations in `context`'s channel: this one and those recorded. */
  private async conversationIds(context: TurnContext, userKey: string): Promise<string[]> {
    const user = withoutETag((await this.storage.read([userKey]))[userKey]);
    return [...new Set([context.activity.conversation.id, ...conversationsOf(user)])];
  }

  /** The keys of everything stored about the person in `context`'s channel. */
  async keysFor(context: TurnContext): Promise<PersonKeys> {
    const { channelId, from } = context.activity;
    const userKey = userStateKey(channelId, from.id);
    const ids = await this.conversationIds(context, userKey);
    return { userKey, conversationKeys: ids.map((id) => conversationStateKey(channelId, id)) };
  }

  /** The keys of a person's records from their stored user-state document (no turn needed). */
  keysOf(userKey: string, userDocument: StoreItems[string]): PersonKeys {
    const channelId = userKey.slice(0, userKey.indexOf('/'));
    const ids = conversationsOf(withoutETag(userDocument));
    return { userKey, conversationKeys: ids.map((id) => conversationStateKey(channelId, id)) };
  }

  /** Everything stored about the person, for "show my data". */
  async collect(context: TurnContext): Promise<PersonalDataReport> {
    const { channelId, from } = context.activity;
    const userKey = userStateKey(channelId, from.id);
    const ids = await this.conversationIds(context, userKey);
    const items = await this.storage.read([userKey, ...ids.map((id) => conversationStateKey(channelId, id))]);
    const conversations: Record<string, Record<string, unknown>> = {};
    for (const id of ids) {
      const state = withoutETag(items[conversationStateKey(channelId, id)]);
      if (state) conversations[id] = state;
    }
    return { user: withoutETag(items[userKey]), conversations };
  }

  /** Erases the records at `keys`; returns how many documents existed and were deleted. */
  async erase(keys: PersonKeys): Promise<number> {
    const all = [keys.userKey, ...keys.conversationKeys];
    const existing = Object.keys(await this.storage.read(all));
    await this.storage.delete(all);
    return existing.length;
  }
}
