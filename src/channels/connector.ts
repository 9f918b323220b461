import type restify from 'restify';
import type { Logger } from '../platform/log.js';
import type { Conversation, ConversationStore } from './conversation-store.js';
import { CONNECTOR_PATH, isObject, routeParam, sendError } from './http.js';
import type { NewActivity, WireActivity } from './wire.js';

/**
 * The Bot Connector routes the bot's replies arrive on. CloudAdapter sends each reply with its
 * ConnectorClient to `${serviceUrl}/v3/conversations/:id/activities[/:replyToId]` and expects a
 * ResourceResponse (`{ id }`), as from the real connector. Replies are stored for Web Chat's polls.
 * They carry no auth: the local channel is only on without a MicrosoftAppId (config enforces it),
 * when the bot signs nothing, and a conversation id is an unguessable random string.
 */

/**
 * How long a bot typing indicator counts as still showing. ShowTypingMiddleware repeats typing
 * every 2 s during a slow turn; Web Chat keeps one visible for 5 s, so a repeat sooner than this
 * adds nothing but another list entry.
 */
export const TYPING_REPEAT_MS = 3000;

export interface ConnectorOptions {
  store: ConversationStore;
  logger: Logger;
}

/** Registers the two connector routes the adapter uses to send (and reply with) activities. */
export function registerConnector(server: restify.Server, { store, logger }: ConnectorOptions): void {
  const route = `${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`;
  const receive = async (req: restify.Request, res: restify.Response) => {
    const conversation = store.conversation(routeParam(req, 'conversationId'));
    if (!conversation) {
      return sendError(res, 404, 'ConversationNotFound', 'no such conversation (it may have expired)');
    }
    if (!isObject(req.body) || typeof req.body.type !== 'string' || req.body.type === '') {
      return sendError(res, 400, 'BadArgument', 'the body must be an activity object with a type');
    }
    // Answer with the indicator already showing rather than storing a repeat of it.
    const stored =
      repeatedTyping(store, conversation, req.body.type) ??
      store.append(conversation, botActivity(store, conversation, req.body, routeParam(req, 'activityId')));
    logger.debug('directline.bot_activity', { activityType: stored.type });
    res.send(200, { id: stored.id });
  };
  server.post(route, receive);
  server.post(`${route}/:activityId`, receive);
}

/**
 * The bot's activity as clients see it: its role marked, no serviceUrl, and a replyToId only when
 * it names an activity the client has seen. Web Chat holds a reply to an unknown activity for 5 s
 * waiting for it; proactive messages and replies to the join event would otherwise be delayed.
 */
function botActivity(
  store: ConversationStore,
  conversation: Conversation,
  body: Record<string, unknown>,
  replyToParam: string,
): NewActivity {
  const { id: _id, timestamp: _timestamp, serviceUrl: _serviceUrl, replyToId, ...rest } = body;
  const from = isObject(body.from) && typeof body.from.id === 'string' ? body.from : { id: 'bot' };
  const replyTo = typeof replyToId === 'string' && replyToId !== '' ? replyToId : replyToParam;
  return {
    ...rest,
    type: String(body.type),
    channelId: 'directline',
    from: { ...from, id: String(from.id), role: 'bot' },
    conversation: { id: conversation.id },
    ...(replyTo && store.holds(conversation, replyTo) ? { replyToId: replyTo } : {}),
  };
}

/** The bot's still-showing typing indicator that a new typing activity would only repeat. */
function repeatedTyping(
  store: ConversationStore,
  conversation: Conversation,
  type: string,
): WireActivity | undefined {
  if (type !== 'typing') return undefined;
  const latest = store.latest(conversation);
  if (latest?.type !== 'typing' || latest.from.role !== 'bot') return undefined;
  return store.now() - Date.parse(latest.timestamp) < TYPING_REPEAT_MS ? latest : undefined;
}
