import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** The serviceUrl the chat gives the bot, and how to stop it. */
export interface ChatConnector {
  url: string;
  close(): Promise<void>;
}

const maxBody = 1024 * 1024;

/**
 * A loopback stand-in for a channel's connector: what the bot sends outside a turn (reminders, a
 * specialist's relayed words) arrives here and is handed to `deliver`. Everything else the bot may
 * ask a connector is answered with an empty success, so no turn waits on it.
 */
export async function startChatConnector(
  deliver: (activity: Partial<Activity>) => void,
): Promise<ChatConnector> {
  const server = createServer((req, res) => void answer(req, res, deliver));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  deliver: (activity: Partial<Activity>) => void,
): Promise<void> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > maxBody) break;
  }
  const sendsActivity = req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '');
  if (sendsActivity) {
    try {
      deliver(JSON.parse(body) as Partial<Activity>);
    } catch {
      // Not JSON: nothing a person would see.
    }
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: `chat-${Date.now()}` }));
}
