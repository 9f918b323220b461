import restify from 'restify';
import { checkInboundActivity } from '../channels/inbound-activity.js';
import { errorFields, type Logger } from '../platform/log.js';
import type { AppStorage } from '../storage/app-storage.js';
import type { MessageHandler } from './messages.js';

/**
 * The largest request body accepted. Azure Bot Service caps activities at 256 KB, so anything
 * bigger is not a real channel's activity; it is refused with 413 before it is parsed.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_MS = 65_000;

export interface ServerDeps {
  messages: MessageHandler;
  storage: AppStorage;
  logger: Logger;
  /** How /api/messages is authenticated, as /readyz reports it. */
  authentication: string;
}

/**
 * The HTTP surface: the Bot Framework endpoint and the health probes. Bad requests get a 4xx
 * that says what was wrong; nothing a client sends can stop the process serving others.
 */
export function createServer({ messages, storage, logger, authentication }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'wayfinder', handleUncaughtExceptions: false });
  // Idle connections are kept longer than Node's 5 s: with 500 conversations at once, a client
  // reusing a connection the server was closing at that moment got ECONNRESET (the bench saw a
  // few in 3,000 turns). A channel's load balancer keeps connections about a minute.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  // JSON only: restify's full bodyParser also takes multipart uploads, writes them to the temp
  // folder through formidable (never removed) and skips the size cap for them, so anyone could
  // fill the disk without credentials. The body reader caps every body, whatever its type.
  server.use(restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }));

  server.post('/api/messages', async (req, res) => {
    if (!req.is('json')) {
      res.send(415, { error: 'expected Content-Type: application/json' });
      return;
    }
    const checked = checkInboundActivity(req.body);
    if (!checked.ok) {
      res.send(400, { error: 'not a valid activity', problems: checked.problems });
      return;
    }
    const result = await messages.handle(checked.activity, req.header('authorization') ?? '');
    if (result.body === undefined) {
      res.status(result.status);
      res.end();
    } else {
      res.send(result.status, result.body);
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await storage.ready();
      res.send(200, { status: 'ready', storage: storage.kind, authentication });
    } catch (error) {
      logger.warn('readiness.failed', { storage: storage.kind, ...errorFields(error) });
      res.send(503, { status: 'unavailable', storage: storage.kind, authentication });
    }
  });

  server.on('restifyError', (req, _res, error: Error & { statusCode?: number }, next) => {
    if ((error.statusCode ?? 500) >= 500)
      logger.error('http.error', { route: req.getPath(), ...errorFields(error) });
    next();
  });
  return server;
}
