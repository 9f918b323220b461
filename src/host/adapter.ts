import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Strings } from '../content/strings.js';
import { errorFields, type Logger, logId } from '../platform/log.js';
import { botMentionRemover } from '../teams/mentions.js';
import type { AppConfig } from './config.js';
import { typingIndicator } from './typing-indicator.js';

/**
 * CloudAdapter with its activity entry point made public: the HTTP route and the local chat
 * channel both need the invoke response (expectReplies puts the replies in it), which the
 * public `process(req, res)` only writes to a response object.
 */
export class WayfinderAdapter extends CloudAdapter {
  /** Authenticates `authorization` and runs `activity` through middleware and `logic`. */
  runActivity(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * The Bot Framework adapter: CloudAdapter with configuration-based auth (no app id = local, no
 * auth), a typing indicator for slow turns, its own @mention taken out of messages, and a turn error
 * handler that logs ids only, apologizes, and leaves stored state as it was before the turn.
 */
export function createAdapter(
  config: AppConfig,
  deps: { strings: Strings; logger: Logger },
): WayfinderAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.auth.appId ?? '',
    MicrosoftAppPassword: config.auth.appPassword ?? '',
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.tenantId ?? '',
  });
  const adapter = new WayfinderAdapter(auth);
  adapter.use(typingIndicator(deps.logger));
  // Teams @mentions the bot in group chats and channels: the bot reads the words, not its name.
  adapter.use(botMentionRemover());

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const { activity } = context;
    deps.logger.error('turn.failed', {
      channelId: activity.channelId,
      conversation: logId(activity.conversation?.id),
      activityType: activity.type,
      ...errorFields(error),
    });
    try {
      await context.sendTraceActivity(
        'OnTurnError Trace',
        errorFields(error).errorName,
        undefined,
        'TurnError',
      );
      await context.sendActivity(deps.strings.text('errors.turnFailed'));
    } catch (sendError) {
      deps.logger.error('turn.apology_failed', errorFields(sendError));
    }
  };
  return adapter;
}
