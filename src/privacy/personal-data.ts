import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import { conversationStateKey, userStateKey } from './state-keys.js';

/** Everything stored about one person, as stored (eTags left out). */
export interface PersonalDataReport {
  /** User state: profile (nickname) and the person record (last active, conversation ids). */
  user: Record<string, unknown> | undefined;
  /** State of each conversation the person record lists, by conversation id. */
  conversations: Record<string, Record<string, unknown>>;
  /** Records features keep elsewhere (handoff requests, reminders), by feature and key. */
  other: Record<string, Record<string, Record<string, unknown>>>;
}

/** A feature that keeps records about a person outside user and conversation state. */
export interface PersonalRecordSource {
  name: string;
  keysOf(userKey: string): Promise<string[]>;
  /** Work to do before the keys are deleted (cancelling what would otherwise still run). */
  beforeErase?(userKey: string): Promise<void>;
}

/** Where a person's records live: their user state, the conversations it lists, and the rest. */
export interface PersonKeys {
  userKey: string;
  conversationKeys: readonly string[];
  otherKeys: Readonly<Record<string, readonly string[]>>;
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
  constructor(
    private readonly storage: Storage,
    private readonly sources: readonly PersonalRecordSource[] = [],
  ) {
    if (!storage) throw new Error('PersonalData needs a storage');
  }

  /** Each source's keys for the person. */
  private async otherKeys(userKey: string): Promise<Record<string, string[]>> {
    const entries = await Promise.all(
      this.sources.map(async (s) => [s.name, await s.keysOf(userKey)] as const),
    );
    return Object.fromEntries(entries);
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
    const conversationKeys = ids.map((id) => conversationStateKey(channelId, id));
    return { userKey, conversationKeys, otherKeys: await this.otherKeys(userKey) };
  }

  /** The keys of a person's records from their stored user-state document (no turn needed). */
  async keysOf(userKey: string, userDocument: StoreItems[string]): Promise<PersonKeys> {
    const channelId = userKey.slice(0, userKey.indexOf('/'));
    const ids = conversationsOf(withoutETag(userDocument));
    const conversationKeys = ids.map((id) => conversationStateKey(channelId, id));
    return { userKey, conversationKeys, otherKeys: await this.otherKeys(userKey) };
  }

  /** Everything stored about the person, for "show my data". */
  async collect(context: TurnContext): Promise<PersonalDataReport> {
    const { channelId, from } = context.activity;
    const userKey = userStateKey(channelId, from.id);
    const ids = await this.conversationIds(context, userKey);
    const otherKeys = await this.otherKeys(userKey);
    const items = await this.storage.read([
      userKey,
      ...ids.map((id) => conversationStateKey(channelId, id)),
      ...Object.values(otherKeys).flat(),
    ]);
    const conversations: Record<string, Record<string, unknown>> = {};
    for (const id of ids) {
      const state = withoutETag(items[conversationStateKey(channelId, id)]);
      if (state) conversations[id] = state;
    }
    const other: PersonalDataReport['other'] = {};
    for (const [name, keys] of Object.entries(otherKeys)) {
      const found = Object.fromEntries(
        keys.flatMap((key) => (items[key] ? [[key, withoutETag(items[key]) ?? {}]] : [])),
      );
      if (Object.keys(found).length > 0) other[name] = found;
    }
    return { user: withoutETag(items[userKey]), conversations, other };
  }

  /** Erases the records at `keys`; returns how many documents existed and were deleted. */
  async erase(keys: PersonKeys): Promise<number> {
    for (const source of this.sources) await source.beforeErase?.(keys.userKey);
    const all = [keys.userKey, ...keys.conversationKeys, ...Object.values(keys.otherKeys).flat()];
    const existing = Object.keys(await this.storage.read(all));
    await this.storage.delete(all);
    return existing.length;
  }
}
