import { type AppConfig, isLoopback } from './config.js';

/**
 * The one plain line `npm start` prints beside the JSON logs, so a newcomer sees where to go.
 * None on a public bind without the chat page: there stdout feeds a log collector that expects
 * JSON only, and nobody is at the terminal to read it.
 */
export function startLine(url: string, config: Pick<AppConfig, 'host' | 'localChat'>): string | undefined {
  if (config.localChat) return `Wayfinder is running: open ${url}/ to chat (Ctrl+C to stop)`;
  if (isLoopback(config.host))
    return `Wayfinder is running: the bot's endpoint is ${url}/api/messages (Ctrl+C to stop)`;
  return undefined;
}
