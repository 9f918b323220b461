import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** A stand-in Bot Framework connector: records what the bot sends to its serviceUrl. */
export interface StandInConnector {
  url: string;
  received: Activity[];
  /** Message texts sent to `conversation` since the last call for it. */
  newTexts(conversation: string): string[];
  close(): Promise<void>;
}

export async function startConnector(): Promise<StandInConnector> {
  const received: Activity[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        received.push(JSON.parse(body) as Activity);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    newTexts(conversation) {
      const all = received.filter((a) => a.conversation?.id === conversation && a.type === 'message');
      const from = seen.get(conversation) ?? 0;
      seen.set(conversation, all.length);
      return all.slice(from).map((a) => a.text ?? '');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
