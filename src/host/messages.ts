import { type Activity, DeliveryModes, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { z } from 'zod';
import { logId, type WayfinderAdapter } from './adapter.js';
import { errorFields, type Logger } from './log.js';

/** A member list of a conversationUpdate: the bot reads each member's id. */
const membersSchema = (field: string) =>
  z
    .array(
      z.looseObject(
        { id: z.string({ error: `each of ${field} needs an id (a string)` }) },
        { error: `each of ${field} must be an account (an object with an id)` },
      ),
      { error: `${field} must be an array of accounts` },
    )
    .optional();

/**
 * The minimum an inbound activity must have before the adapter sees it, and the types of the
 * fields the bot reads. The adapter's own parsing throws on worse, and a field of the wrong type
 * (a numeric `text`, a `membersAdded` that is no list) would fail the turn, so anything that fails
 * here is answered 400 with what was wrong.
 */
const inboundActivitySchema = z
  .looseObject({
    type: z.string({ error: 'type is required (a string)' }).min(1, 'type is required'),
    channelId: z.string({ error: 'channelId is required (a string)' }).min(1, 'channelId is required'),
    conversation: z.looseObject(
      {
        id: z
          .string({ error: 'conversation.id is required (a string)' })
          .min(1, 'conversation.id is required'),
      },
      { error: 'conversation is required' },
    ),
    from: z.looseObject(
      { id: z.string({ error: 'from.id is required (a string)' }).min(1, 'from.id is required') },
      { error: 'from is required' },
    ),
    text: z.string({ error: 'text must be a string' }).optional(),
    locale: z.string({ error: 'locale must be a string' }).optional(),
    membersAdded: membersSchema('membersAdded'),
    membersRemoved: membersSchema('membersRemoved'),
    serviceUrl: z.string({ error: 'serviceUrl must be a string' }).optional(),
    deliveryMode: z.string({ error: 'deliveryMode must be a string' }).optional(),
  })
  .refine((a) => a.deliveryMode === DeliveryModes.ExpectReplies || !!a.serviceUrl, {
    message: 'serviceUrl is required unless deliveryMode is expectReplies',
    path: ['serviceUrl'],
  });

export type InboundCheck = { ok: true; activity: Activity } | { ok: false; problems: string[] };

/** Checks an HTTP body is an activity the adapter can take; returns what is wrong otherwise. */
export function checkInboundActivity(body: unknown): InboundCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: ['the body must be a JSON object (a Bot Framework activity)'] };
  }
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  return { ok: true, activity: parsed.data as unknown as Activity };
}

export interface MessageHandlerResult {
  status: number;
  body?: unknown;
}

/**
 * Runs one inbound activity through the adapter and bot, counting turns in flight so shutdown
 * can wait for them. Maps auth failures to 401 and anything else to 500 without echoing details.
 */
export class MessageHandler {
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly adapter: WayfinderAdapter,
    private readonly logic: (context: TurnContext) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** Processes a checked activity; `authorization` is the request's Authorization header. */
  async handle(activity: Activity, authorization = ''): Promise<MessageHandlerResult> {
    this.inFlight += 1;
    try {
      const response: InvokeResponse | undefined = await this.adapter.runActivity(
        authorization,
        activity,
        this.logic,
      );
      return { status: response?.status ?? 200, body: response?.body };
    } catch (error) {
      if (error instanceof AuthenticationError) return { status: 401, body: { error: 'unauthorized' } };
      this.logger.error('activity.failed', {
        conversation: logId(activity.conversation?.id),
        activityType: activity.type,
        ...errorFields(error),
      });
      return { status: 500, body: { error: 'the bot could not process this activity' } };
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** Resolves when no turn is in flight (used by graceful shutdown). */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
