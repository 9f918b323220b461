import type restify from 'restify';
import type { Strings } from '../content/strings.js';
import type { Logger } from '../platform/log.js';
import { ConversationStore, type DirectLineLimits, defaultLimits } from './conversation-store.js';
import { type Deliver, registerDirectLine } from './direct-line.js';
import { registerWebChatPage } from './web-chat-page.js';

/** How often idle conversations and expired tokens are swept. */
const SWEEP_INTERVAL_MS = 60_000;

/** The bot's account on the local channel (Azure Direct Line would use the bot's handle). */
export const LOCAL_BOT_ID = 'wayfinder';

export interface LocalChatOptions {
  /** Runs an activity through the adapter and bot (MessageHandler.handle). */
  deliver: Deliver;
  /** The serviceUrl the bot replies to: `<base>/v3/directline/connector`, known once listening. */
  serviceUrl: () => string;
  strings: Strings;
  logger: Logger;
  /** Bounds on what the channel keeps in memory; defaults suit one person's local use. */
  limits?: Partial<DirectLineLimits>;
  /** Let the page name its user (`/?user=peer-1`): only on a loopback bind. */
  allowChosenUser: boolean;
}

/**
 * The local chat channel: the Web Chat page at `/` and the Direct Line subset it talks to under
 * `/v3/directline`. For local use only; the composition root registers it when LOCAL_CHAT is on.
 * Call close() when the server stops, so the sweep timer does not outlive it.
 */
export function registerLocalChat(server: restify.Server, options: LocalChatOptions): { close(): void } {
  const store = new ConversationStore({ ...defaultLimits, ...options.limits });
  registerDirectLine(server, {
    store,
    deliver: options.deliver,
    serviceUrl: options.serviceUrl,
    bot: { id: LOCAL_BOT_ID, name: options.strings.text('chatPage.title'), role: 'bot' },
    logger: options.logger,
    allowChosenUser: options.allowChosenUser,
  });
  registerWebChatPage(server, { strings: options.strings });
  const sweeper = setInterval(() => {
    const removed = store.sweep();
    if (removed > 0) options.logger.debug('directline.swept', { conversations: removed });
  }, SWEEP_INTERVAL_MS);
  // The sweep must never keep the process alive on its own.
  sweeper.unref();
  return { close: () => clearInterval(sweeper) };
}
