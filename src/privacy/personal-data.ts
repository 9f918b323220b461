import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { retryOnConflict } from '../storage/retry-on-conflict.js';
import { conversationStateKey, parseUserStateKey, userStateKey } from './state-keys.js';

/** Everything stored about one person, as stored (eTags left out). */
export interface PersonalDataReport {
  /** User state: profile (nickname) and the person record (last active, conversation ids). */
  user: Record<string, unknown> | undefined;
  /** State of each conversation the person record lists, by conversation id. */
  conversations: Record<string, Record<string, unknown>>;
  /** Records features keep elsewhere (handoff requests, reminders), by feature and key. */
  other: Record<string, Record<string, Record<string, unknown>>>;
}

/** Whom an erasure is about: every id by which the store may name them. */
export interface ErasedPerson {
  /** Their user-state key (`channel/users/id/`), the key features file their records under. */
  userKey: string;
  channelId: string;
  userId: string;
  /** Every conversation of theirs the bot knows of. */
  conversationIds: readonly string[];
  /** When their person record says they first came, if it could be read. */
  firstSeenAt?: string;
  /** When the erasure began: they may have been indexed as active up to then. */
  erasedAt: Date;
}

/** A feature that keeps records about a person outside user and conversation state. */
export interface PersonalRecordSource {
  name: string;
  /** The keys of the person's own documents here, shown by "show my data". */
  keysOf(userKey: string): Promise<string[]>;
  /**
   * Erases them, and the person from anything shared that lists them, stopping what would still
   * run (a reminder, a relay). Runs before the person's user and conversation state go.
   */
  erase(person: ErasedPerson): Promise<void>;
}

/**
 * A document shared by many people that lists this one (an index that cannot be listed by key).
 * Cleaned last, after the person's own documents: an erasure cut off before then leaves the
 * person's marker (see erase) findable through it, so the retention sweep can finish the job.
 */
export interface PersonIndex {
  forget(person: ErasedPerson): Promise<void>;
}

/** What an erasure did. */
export interface Erasure {
  /** How many of the person's documents existed and were erased. */
  documents: number;
  /**
   * True when this call marked the person for erasure; false when there was no user document, or
   * another erasure had marked it already (one cut off, or one running now on another instance).
   */
  claimed: boolean;
}

/** How to erase: when, which conversation the request came from, and what calls it off. */
export interface EraseOptions {
  now: Date;
  /** Conversations to erase besides those the person record lists (the one they write in now). */
  conversationIds?: readonly string[];
  /** Calls the erasure off when it returns true for the stored user document (undefined: none). */
  keep?: (user: UserDocument | undefined) => boolean;
}

/** The parts of a stored user-state document erasure reads; the rest is never looked at. */
const userDocumentSchema = z.looseObject({
  erasing: z.boolean().optional(),
  person: z
    .looseObject({
      firstSeenAt: z.string().optional(),
      lastActiveAt: z.string().optional(),
      conversations: z.array(z.string()).optional(),
    })
    .optional(),
});
export type UserDocument = z.output<typeof userDocumentSchema>;

const withoutETag = (item: StoreItems[string] | undefined): Record<string, unknown> | undefined => {
  if (!item || typeof item !== 'object') return undefined;
  const { eTag: _eTag, ...rest } = item as Record<string, unknown>;
  return rest;
};

/** The ids of conversations a stored user-state document lists. */
function conversationsOf(user: Record<string, unknown> | undefined): string[] {
  const parsed = userDocumentSchema.safeParse(user);
  return parsed.success ? (parsed.data.person?.conversations ?? []) : [];
}

/**
 * Reads and erases all of a person's records. Works from storage directly (not the turn's state
 * cache), so it sees other conversations too and can be used by the retention sweep.
 */
export class PersonalData {
  constructor(
    private readonly storage: Storage,
    private readonly sources: readonly PersonalRecordSource[] = [],
    private readonly indexes: readonly PersonIndex[] = [],
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

  /** Everything stored about the person, for "show my data". */
  async collect(context: TurnContext): Promise<PersonalDataReport> {
    const { channelId, from } = context.activity;
    const userKey = userStateKey(channelId, from.id);
    const user = withoutETag((await this.storage.read([userKey]))[userKey]);
    const ids = [...new Set([context.activity.conversation.id, ...conversationsOf(user)])];
    const otherKeys = await this.otherKeys(userKey);
    const items = await this.storage.read([
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
    return { user, conversations, other };
  }

  /** Erases the state of the conversations `ids` of `channelId` (no longer tracked for their person). */
  async eraseConversations(channelId: string, ids: readonly string[]): Promise<void> {
    await this.storage.delete(ids.map((id) => conversationStateKey(channelId, id)));
  }

  /**
   * Erases everything stored about the person at `userKey`: their user state, the state of every
   * conversation it lists (and `options.conversationIds`), each feature's records, and their
   * entries in shared indexes. Undefined when `options.keep` called it off (the retention sweep:
   * they came back).
   *
   * First the user document is replaced by a marker that keeps only what finishing needs, with
   * its eTag: a turn that read the person's state before cannot write it back over the marker,
   * another instance erasing them at once finds the marker and finishes alongside, and an erasure
   * cut off midway is finished by the retention sweep. The marker goes last.
   */
  async erase(userKey: string, options: EraseOptions): Promise<Erasure | undefined> {
    const marked = await this.mark(userKey, options);
    if (!marked) return undefined;
    const { person, claimed } = marked;
    const conversationKeys = person.conversationIds.map((id) => conversationStateKey(person.channelId, id));
    const otherKeys = Object.values(await this.otherKeys(userKey)).flat();
    const found = Object.keys(await this.storage.read([...conversationKeys, ...otherKeys])).length;
    for (const source of this.sources) await source.erase(person);
    await this.storage.delete(conversationKeys);
    await this.storage.delete([userKey]);
    for (const index of this.indexes) await index.forget(person);
    return { documents: found + (claimed ? 1 : 0), claimed };
  }

  /** Replaces the user document with the erasure marker (conditionally, retried on conflict). */
  private mark(
    userKey: string,
    options: EraseOptions,
  ): Promise<{ person: ErasedPerson; claimed: boolean } | undefined> {
    return retryOnConflict(async () => {
      const item = (await this.storage.read([userKey]))[userKey];
      const parsed = userDocumentSchema.safeParse(item);
      const user: UserDocument | undefined = parsed.success ? parsed.data : item ? {} : undefined;
      if (options.keep?.(user)) return undefined;
      const conversationIds = [...new Set([...(options.conversationIds ?? []), ...conversationsOf(item)])];
      const firstSeenAt = user?.person?.firstSeenAt;
      const claimed = item !== undefined && user?.erasing !== true;
      if (claimed) {
        const person = { conversations: conversationIds, ...(firstSeenAt ? { firstSeenAt } : {}) };
        await this.storage.write({ [userKey]: { erasing: true, person, eTag: item.eTag ?? '*' } });
      }
      const person: ErasedPerson = {
        userKey,
        ...parseUserStateKey(userKey),
        conversationIds,
        ...(firstSeenAt ? { firstSeenAt } : {}),
        erasedAt: options.now,
      };
      return { person, claimed };
    });
  }
}
