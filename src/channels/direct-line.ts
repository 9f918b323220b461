import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { errorFields, type Logger, logId } from '../platform/log.js';
import { registerConnector } from './connector.js';
import type { Conversation, ConversationStore, TokenGrant } from './conversation-store.js';
import { bearerToken, DIRECT_LINE_PATH, isObject, queryParam, routeParam, sendError } from './http.js';
import { checkInboundActivity } from './inbound-activity.js';
import { postedActivitySchema, type WireAccount } from './wire.js';

/**
 * A subset of the Direct Line 3.0 client API, enough for Web Chat polling (`webSocket: false`):
 * tokens, starting a conversation, posting and polling activities. The bot's replies come back
 * through the connector routes (see connector.ts). Single-instance and in-memory by design (see
 * conversation-store.ts); production uses Azure Direct Line.
 */

/** Runs an activity through the bot; the composition root wires it to MessageHandler.handle. */
export type Deliver = (activity: Activity) => Promise<{ status: number; body?: unknown }>;

export interface DirectLineOptions {
  store: ConversationStore;
  deliver: Deliver;
  /** The connector base URL the bot replies to (known once the server listens). */
  serviceUrl: () => string;
  /** The bot's account, as the recipient of what users send. */
  bot: WireAccount;
  logger: Logger;
  /**
   * Whether a page may name its user (`{ "user": { "id": "peer-1" } }`, as Azure Direct Line's
   * token request allows): for the local specialist demo. The id is not authenticated, so this
   * is only allowed on a loopback bind.
   */
  allowChosenUser: boolean;
}

const chosenUserSchema = z.object({ user: z.object({ id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/) }) });

/** Registers the Direct Line client routes and the connector routes on `server`. */
export function registerDirectLine(server: restify.Server, options: DirectLineOptions): void {
  const { store, logger } = options;
  const conversationBody = (grant: TokenGrant) => ({
    conversationId: grant.conversationId,
    token: grant.token,
    expires_in: store.expiresIn(grant),
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (req, res) => {
    const chosen = chosenUserSchema.safeParse(req.body);
    const userId = options.allowChosenUser && chosen.success ? chosen.data.user.id : undefined;
    res.send(200, conversationBody(store.open(userId)));
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req, res) => {
    const grant = store.refresh(bearerToken(req) ?? '');
    if (!grant) return unauthorized(res);
    res.send(200, conversationBody(grant));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req, res) => {
    const grant = store.grant(bearerToken(req) ?? '');
    const conversation = grant && store.conversation(grant.conversationId, true);
    if (!grant || !conversation) return unauthorized(res);
    const first = !conversation.started;
    conversation.started = true;
    if (first) await deliver(options, conversation, joinActivity(options, conversation));
    res.send(first ? 201 : 200, conversationBody(grant));
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = authorize(req, res, store);
    if (!conversation) return;
    const watermark = queryParam(req, 'watermark') ?? '';
    if (!/^\d{0,15}$/.test(watermark)) {
      return sendError(res, 400, 'BadArgument', 'watermark must be the whole number from the last poll');
    }
    res.header('Cache-Control', 'no-store');
    res.send(200, store.since(conversation, Number(watermark)));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = authorize(req, res, store);
    if (!conversation) return;
    const parsed = isObject(req.body) ? postedActivitySchema.safeParse(req.body) : undefined;
    if (!parsed?.success) {
      const problems = parsed?.error.issues.map((issue) => issue.message) ?? [
        'the body must be a JSON object',
      ];
      return sendError(res, 400, 'BadArgument', `not a valid activity: ${problems.join('; ')}`);
    }
    const stored = store.append(conversation, {
      ...parsed.data,
      channelId: 'directline',
      from: { id: conversation.userId, role: 'user' },
      conversation: { id: conversation.id },
    });
    const result = await deliver(options, conversation, { ...stored, recipient: options.bot });
    if (result.status >= 300) {
      return sendError(res, 502, 'BotError', 'the bot could not process this activity; please try again');
    }
    res.send(200, { id: stored.id });
  });

  registerConnector(server, { store, logger });
}

function unauthorized(res: restify.Response): void {
  sendError(
    res,
    401,
    'Unauthorized',
    'send "Authorization: Bearer <token>" with a token from POST /v3/directline/tokens/generate',
  );
}

/** The conversation a request names, if its bearer token grants it; otherwise answers 401/403/404. */
function authorize(
  req: restify.Request,
  res: restify.Response,
  store: ConversationStore,
): Conversation | undefined {
  const grant = store.grant(bearerToken(req) ?? '');
  if (!grant) return void unauthorized(res);
  const id = routeParam(req, 'conversationId');
  if (!store.conversation(id)) {
    return void sendError(
      res,
      404,
      'NotFound',
      'no such conversation (it may have expired): start a new one',
    );
  }
  if (id !== grant.conversationId) {
    return void sendError(res, 403, 'Forbidden', 'this token grants a different conversation');
  }
  return store.conversation(id, true);
}

/** The conversationUpdate that tells the bot the user (and the bot) joined, so it welcomes them. */
function joinActivity(options: DirectLineOptions, conversation: Conversation): Record<string, unknown> {
  const user = { id: conversation.userId, role: 'user' };
  return {
    type: 'conversationUpdate',
    // Not stored: the welcome's replyToId is then unknown and stripped, so Web Chat shows it at once.
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'directline',
    from: user,
    recipient: options.bot,
    conversation: { id: conversation.id },
    membersAdded: [options.bot, user],
  };
}

/** Hands an activity to the bot with this channel's serviceUrl; failures are logged by id only. */
async function deliver(
  options: DirectLineOptions,
  conversation: Conversation,
  activity: Record<string, unknown>,
): Promise<{ status: number }> {
  const checked = checkInboundActivity({ ...activity, serviceUrl: options.serviceUrl() });
  if (!checked.ok) return { status: 400 };
  try {
    const result = await options.deliver(checked.activity);
    if (result.status >= 300) {
      options.logger.warn('directline.delivery_failed', {
        conversation: logId(conversation.id),
        status: result.status,
      });
    }
    return result;
  } catch (error) {
    options.logger.error('directline.delivery_failed', {
      conversation: logId(conversation.id),
      ...errorFields(error),
    });
    return { status: 500 };
  }
}
