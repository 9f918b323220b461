import {
  ActivityTypes,
  DeliveryModes,
  type Middleware,
  type TurnContext,
  TurnContext as TurnContextClass,
} from 'botbuilder';
import { errorFields, type Logger } from '../platform/log.js';

/**
 * Shows "typing..." when a turn is slow. botbuilder's ShowTypingMiddleware is not used: it sends
 * through the connector even for expectReplies (which has no serviceUrl) and, when that send
 * fails after the turn ended, calls onTurnError on a revoked context, which crashes the process.
 * Here a failed send is logged and forgotten, and nothing is sent once the turn has finished.
 */
export function typingIndicator(logger: Logger, delayMs = 600, periodMs = 2000): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { activity } = context;
      if (activity.type !== ActivityTypes.Message || activity.deliveryMode === DeliveryModes.ExpectReplies) {
        return next();
      }
      const reference = TurnContextClass.getConversationReference(activity);
      const typing = TurnContextClass.applyConversationReference({ type: ActivityTypes.Typing }, reference);
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const send = async () => {
        if (finished) return;
        try {
          // Straight to the adapter: sending through the context would mark the turn as answered,
          // and prompts then skip their retry message.
          await context.adapter.sendActivities(context, [{ ...typing }]);
        } catch (error) {
          logger.warn('typing.failed', errorFields(error));
        }
        if (!finished) timer = setTimeout(send, periodMs);
      };
      timer = setTimeout(send, delayMs);
      try {
        await next();
      } finally {
        finished = true;
        clearTimeout(timer);
      }
    },
  };
}
