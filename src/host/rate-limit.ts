import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { type Logger, logId } from '../platform/log.js';

/** Options for the per-conversation rate limit. */
export interface RateLimitOptions {
  /** Messages a conversation may send per minute; also the burst it may send at once. */
  perMinute: number;
  /** Conversations tracked at most; the least recently active is forgotten first. */
  maxConversations?: number;
  /**
   * True for a message that must be answered whatever the rate (the safety gate's verdict):
   * a person in crisis is never told to slow down.
   */
  urgent: (text: string) => boolean;
  /** The one notice a flooding conversation gets per episode. */
  notice: () => string;
  logger: Logger;
  /** Milliseconds from any fixed origin (tests pass a fake one). */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** The notice was sent in this episode of flooding; further messages are dropped silently. */
  noticed: boolean;
}

/**
 * A token bucket per conversation, in memory: each message takes a token, tokens come back at
 * `perMinute` a minute up to `perMinute`. Over the limit, a conversation gets one kind notice and
 * then nothing until a token is back: a flood cannot make the bot spend its time (recognizers,
 * storage) on one conversation while others wait. Every message is still read by `urgent` (the
 * safety gate's classifier) first, and an urgent one always goes through to the full turn. The
 * map is bounded: past `maxConversations`, the least recently active conversation is forgotten
 * (it starts again with a full bucket, the same as a new one). Per process: with several
 * instances each has its own buckets.
 */
export function rateLimit(options: RateLimitOptions): Middleware {
  const { perMinute, urgent, notice, logger } = options;
  const maxConversations = options.maxConversations ?? 10_000;
  const now = options.now ?? (() => performance.now());
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const take = (key: string): Bucket & { allowed: boolean } => {
    const at = now();
    const previous = buckets.get(key);
    const refilled = previous ? Math.min(perMinute, previous.tokens + (at - previous.at) * perMs) : perMinute;
    const allowed = refilled >= 1;
    const bucket: Bucket = {
      tokens: allowed ? refilled - 1 : refilled,
      at,
      noticed: allowed ? false : (previous?.noticed ?? false),
    };
    // Re-inserting moves the key to the end: Map order is then least recently active first.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxConversations) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    return { ...bucket, allowed };
  };

  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { activity } = context;
      if (activity.type !== ActivityTypes.Message) return next();
      const key = `${activity.channelId}/${activity.conversation?.id ?? ''}`;
      const bucket = take(key);
      if (bucket.allowed || urgent(activity.text ?? '')) return next();
      if (bucket.noticed) return;
      const stored = buckets.get(key);
      if (stored) stored.noticed = true;
      logger.warn('rate.limited', { channelId: activity.channelId, conversation: logId(key) });
      await context.sendActivity(notice());
    },
  };
}
