import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { errorFields, type Logger, logId } from '../platform/log.js';
import type { WayfinderAdapter } from './adapter.js';

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
