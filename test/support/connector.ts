import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** A fault the stand-in plays for the next sends to one conversation. */
export type ConnectorFault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'hang' };

/** A stand-in Bot Framework connector: records what the bot sends to its serviceUrl. */
export interface StandInConnector {
  url: string;
  /** Activities it accepted (answered 200). */
  received: Activity[];
  /** Message texts sent to `conversation` since the last call for it. */
  newTexts(conversation: string): string[];
  /**
   * Plays `fault` for `times` sends to `conversation` (Infinity: until the next call), after
   * letting `skip` sends through.
   */
  fail(conversation: string, fault: ConnectorFault, times?: number, skip?: number): void;
  /** Every send to `conversation` that reached it, failed or not. */
  attempts(conversation: string): number;
  close(): Promise<void>;
}

export async function startConnector(): Promise<StandInConnector> {
  const received: Activity[] = [];
  const seen = new Map<string, number>();
  const faults = new Map<string, { fault: ConnectorFault; left: number; skip: number }>();
  const tried = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      const conversation = match ? decodeURIComponent(match[1] ?? '') : '';
      if (req.method === 'POST' && match) {
        tried.set(conversation, (tried.get(conversation) ?? 0) + 1);
        const planned = faults.get(conversation);
        if (planned && planned.skip > 0) planned.skip -= 1;
        else if (planned && planned.left > 0) {
          planned.left -= 1;
          if (planned.fault.kind === 'hang') return; // never answered; close() cuts it
          res.writeHead(planned.fault.status, {
            'content-type': 'application/json',
            ...planned.fault.headers,
          });
          res.end(JSON.stringify({ error: { code: 'StandInFault', message: 'planned fault' } }));
          return;
        }
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
    fail(conversation, fault, times = Number.POSITIVE_INFINITY, skip = 0) {
      faults.set(conversation, { fault, left: times, skip });
    },
    attempts: (conversation) => tried.get(conversation) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Registers hooks that start a stand-in connector before each test (or once for the suite) and
 * close it after; read it inside a test or hook, since it exists only once the hook has run.
 */
export function useConnector(per: 'test' | 'suite' = 'test'): StandInConnector {
  let started: StandInConnector | undefined;
  const [setUp, tearDown] = per === 'test' ? [beforeEach, afterEach] : [before, after];
  setUp(async () => {
    started = await startConnector();
  });
  tearDown(async () => {
    await started?.close();
    started = undefined;
  });
  const running = (): StandInConnector => {
    if (!started) throw new Error('the stand-in connector runs only inside a test or hook');
    return started;
  };
  return {
    get url() {
      return running().url;
    },
    get received() {
      return running().received;
    },
    newTexts: (conversation) => running().newTexts(conversation),
    fail: (...args) => running().fail(...args),
    attempts: (conversation) => running().attempts(conversation),
    close: () => running().close(),
  };
}
