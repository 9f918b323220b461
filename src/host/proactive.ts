import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { errorFields, type Logger } from './log.js';

/** Sends activities into a saved conversation, outside any turn of it. */
export type ProactiveSend = (
  reference: Partial<ConversationReference>,
  activities: Partial<Activity>[],
) => Promise<boolean>;

/**
 * Proactive sending through continueConversationAsync. The reference's activityId is dropped:
 * a reply to an activity the channel never showed is held back by Web Chat. A failed send is
 * logged and reported as false, never thrown into someone else's turn.
 */
export function proactiveSender(adapter: CloudAdapter, appId: string, logger: Logger): ProactiveSend {
  return async (reference, activities) => {
    const { activityId: _dropped, ...rest } = reference;
    try {
      // A send that fails inside the turn goes to onTurnError, not to us: catch it here.
      let failure: unknown;
      await adapter.continueConversationAsync(appId, rest, async (context) => {
        try {
          await context.sendActivities(activities);
        } catch (error) {
          failure = error ?? new Error('send failed');
        }
      });
      if (failure) throw failure;
      return true;
    } catch (error) {
      logger.warn('proactive.failed', { channelId: reference.channelId ?? null, ...errorFields(error) });
      return false;
    }
  };
}
