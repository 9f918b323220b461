import { randomBytes } from 'node:crypto';
import type { NewActivity, WireActivity } from './wire.js';

/**
 * The state of the local Direct Line channel: conversations, their activity lists and the tokens
 * that grant access to them. Single-instance and in-memory by design: this channel only serves the
 * local chat page (one process, loopback by default) and forgets everything on restart. Production
 * uses Azure Direct Line, which keeps this state itself. Memory stays bounded: each conversation
 * keeps its last `maxActivities` activities, idle conversations and expired tokens are swept, and
 * at most `maxConversations` are held at once.
 */

export interface DirectLineLimits {
  /** Activities kept per conversation; older ones fall off (Web Chat has shown them already). */
  maxActivities: number;
  /** A conversation its client has not touched for this long is forgotten, with its tokens. */
  idleMs: number;
  /** How long a token lives; a refresh extends it by as much again. */
  tokenTtlMs: number;
  /** Conversations held at once; opening one more forgets the least recently active. */
  maxConversations: number;
}

export const defaultLimits: DirectLineLimits = {
  maxActivities: 500,
  idleMs: 60 * 60_000,
  tokenTtlMs: 30 * 60_000,
  maxConversations: 1000,
};

/** What a bearer token grants: one conversation, as one user, until `expiresAt`. */
export interface TokenGrant {
  readonly token: string;
  readonly conversationId: string;
  readonly userId: string;
  expiresAt: number;
}

export interface Conversation {
  readonly id: string;
  readonly userId: string;
  /** The one token granting this conversation (refresh extends it rather than issuing another). */
  readonly token: string;
  /** Set once the bot has been told the user joined, so a second start does not welcome again. */
  started: boolean;
  lastActive: number;
  /** The sequence number of the newest activity (0 before any): the watermark. */
  lastSeq: number;
  lastTimestamp: number;
  readonly activities: Array<{ seq: number; activity: WireActivity }>;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Holds the channel's conversations and tokens. */
export class ConversationStore {
  readonly #conversations = new Map<string, Conversation>();
  readonly #tokens = new Map<string, TokenGrant>();

  constructor(
    readonly limits: DirectLineLimits = defaultLimits,
    /** The store's clock (epoch ms); injected so tests control time. */
    readonly now: () => number = Date.now,
  ) {}

  /**
   * Opens a conversation and issues a token bound to it and its user: `chosenUserId` (the local
   * demo's "open as peer-1"), or a newly generated one.
   */
  open(chosenUserId?: string): TokenGrant {
    if (this.#conversations.size >= this.limits.maxConversations) this.sweep();
    if (this.#conversations.size >= this.limits.maxConversations) this.evictLeastActive();
    const id = randomBytes(18).toString('base64url');
    // "dl_" marks a user id that came from the token, as Azure Direct Line does.
    const userId = chosenUserId ?? `dl_${randomBytes(12).toString('base64url')}`;
    // Shaped like a JWT only so Web Chat reads the user id from it (as from a real Direct Line
    // token); it is never decoded here. The random third part is what makes it unguessable.
    const token = [
      base64url({ alg: 'none', typ: 'JWT' }),
      base64url({ user: userId, conv: id }),
      randomBytes(32).toString('base64url'),
    ].join('.');
    const now = this.now();
    this.#conversations.set(id, {
      id,
      userId,
      token,
      started: false,
      lastActive: now,
      lastSeq: 0,
      lastTimestamp: 0,
      activities: [],
    });
    const grant: TokenGrant = { token, conversationId: id, userId, expiresAt: now + this.limits.tokenTtlMs };
    this.#tokens.set(token, grant);
    return grant;
  }

  /** The live grant behind `token`, or undefined when it is unknown or expired. */
  grant(token: string): TokenGrant | undefined {
    const grant = this.#tokens.get(token);
    if (!grant) return undefined;
    if (grant.expiresAt <= this.now() || !this.#conversations.has(grant.conversationId)) {
      this.#tokens.delete(token);
      return undefined;
    }
    return grant;
  }

  /**
   * Extends a live token's life. The same token is kept (not rotated) so a poll already in flight
   * with it cannot fail, and a client refreshing in a loop cannot pile up tokens.
   */
  refresh(token: string): TokenGrant | undefined {
    const grant = this.grant(token);
    if (grant) grant.expiresAt = this.now() + this.limits.tokenTtlMs;
    return grant;
  }

  /** Seconds a token has left; what Direct Line reports as `expires_in`. */
  expiresIn(grant: TokenGrant): number {
    return Math.max(0, Math.round((grant.expiresAt - this.now()) / 1000));
  }

  /** The conversation `id`; `touch` marks it active (client requests do, bot replies do not). */
  conversation(id: string, touch = false): Conversation | undefined {
    const conversation = this.#conversations.get(id);
    if (conversation && touch) conversation.lastActive = this.now();
    return conversation;
  }

  /**
   * Appends an activity, giving it the conversation's next id and a timestamp that never goes
   * backwards (Web Chat orders by timestamp, so two replies in one millisecond keep their order).
   */
  append(conversation: Conversation, activity: NewActivity): WireActivity {
    const seq = conversation.lastSeq + 1;
    const time = Math.max(this.now(), conversation.lastTimestamp + 1);
    const stored: WireActivity = {
      ...activity,
      id: `${conversation.id}|${String(seq).padStart(7, '0')}`,
      timestamp: new Date(time).toISOString(),
    };
    conversation.lastSeq = seq;
    conversation.lastTimestamp = time;
    conversation.activities.push({ seq, activity: stored });
    const excess = conversation.activities.length - this.limits.maxActivities;
    if (excess > 0) conversation.activities.splice(0, excess);
    return stored;
  }

  /** Activities newer than `watermark`, and the watermark to poll with next. */
  since(conversation: Conversation, watermark: number): { activities: WireActivity[]; watermark: string } {
    const activities = conversation.activities
      .filter((item) => item.seq > watermark)
      .map((item) => item.activity);
    return { activities, watermark: String(conversation.lastSeq) };
  }

  /** The newest stored activity of the conversation, if any. */
  latest(conversation: Conversation): WireActivity | undefined {
    return conversation.activities.at(-1)?.activity;
  }

  /** True when `activityId` is still in the conversation's list. */
  holds(conversation: Conversation, activityId: string): boolean {
    return conversation.activities.some((item) => item.activity.id === activityId);
  }

  /** Forgets idle conversations and expired tokens; returns how many conversations went. */
  sweep(): number {
    const now = this.now();
    let removed = 0;
    for (const conversation of this.#conversations.values()) {
      if (now - conversation.lastActive >= this.limits.idleMs) {
        this.forget(conversation);
        removed += 1;
      }
    }
    for (const [token, grant] of this.#tokens) {
      if (grant.expiresAt <= now) this.#tokens.delete(token);
    }
    return removed;
  }

  /** How many conversations and tokens are held (for tests and diagnostics). */
  size(): { conversations: number; tokens: number } {
    return { conversations: this.#conversations.size, tokens: this.#tokens.size };
  }

  private evictLeastActive(): void {
    let oldest: Conversation | undefined;
    for (const conversation of this.#conversations.values()) {
      if (!oldest || conversation.lastActive < oldest.lastActive) oldest = conversation;
    }
    if (oldest) this.forget(oldest);
  }

  private forget(conversation: Conversation): void {
    this.#conversations.delete(conversation.id);
    this.#tokens.delete(conversation.token);
  }
}
