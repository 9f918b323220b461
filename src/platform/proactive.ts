import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { errorFields, type Logger } from './log.js';
import {
  backoffMs,
  classifyFailure,
  defaultRetryPolicy,
  type RetryPolicy,
  statusOf,
  withTimeout,
} from './send-retry.js';

/** Sends activities into a saved conversation, outside any turn of it. */
export type ProactiveSend = (
  reference: Partial<ConversationReference>,
  activities: Partial<Activity>[],
) => Promise<boolean>;

/**
 * Proactive sending through continueConversationAsync, with retries (see RetryPolicy): transient
 * failures are tried again with backoff and jitter, a connector that hangs is abandoned after a
 * timeout, and the whole send is bounded by a deadline so the turn that triggered it never hangs.
 * Activities go one by one; a retry resumes at the first one not yet sent, so nothing the person
 * already got is sent twice. The outcome is true (all sent) or false (logged, never thrown into
 * someone else's turn). The reference's activityId is dropped: a reply to an activity the channel
 * never showed is held back by Web Chat.
 */
export function proactiveSender(
  adapter: CloudAdapter,
  appId: string,
  logger: Logger,
  overrides: Partial<RetryPolicy> = {},
): ProactiveSend {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...overrides };
  return async (reference, activities) => {
    const { activityId: _dropped, ...rest } = reference;
    const started = policy.now();
    const remaining = () => policy.deadlineMs - (policy.now() - started);
    let sent = 0;
    /** One try from the first unsent activity; once abandoned (timed out) it sends no more. */
    const attempt = async (run: { abandoned: boolean }) => {
      // A send that fails inside the logic goes to onTurnError, not to us: catch it there.
      let failure: unknown;
      await adapter.continueConversationAsync(appId, rest, async (context) => {
        try {
          while (sent < activities.length && !run.abandoned) {
            await context.sendActivity(activities[sent] ?? {});
            if (!run.abandoned) sent += 1;
          }
        } catch (error) {
          failure = error ?? new Error('send failed');
        }
      });
      if (failure) throw failure;
    };
    for (let number = 1; ; number += 1) {
      if (remaining() <= 0) return false;
      const run = { abandoned: false };
      try {
        await withTimeout(attempt(run), Math.min(policy.attemptTimeoutMs, remaining()));
        if (number > 1) logger.info('proactive.delivered', { attempts: number });
        return true;
      } catch (error) {
        run.abandoned = true;
        const verdict = classifyFailure(error);
        const wait = verdict.retry ? Math.max(verdict.afterMs ?? 0, backoffMs(policy, number - 1)) : 0;
        const last = !verdict.retry || number >= policy.attempts || wait >= remaining();
        logger.warn(last ? 'proactive.failed' : 'proactive.retrying', {
          channelId: reference.channelId ?? null,
          attempt: number,
          status: statusOf(error) ?? null,
          ...errorFields(error),
        });
        if (last) return false;
        await policy.sleep(wait);
      }
    }
  };
}
