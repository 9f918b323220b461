// First: botbuilder-dialogs must find the one recognizers-text suite when it loads.
import './platform/one-recognizers-text.js';
import { existsSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { ResourceError } from './content/resource-file.js';
import { createApp } from './host/app.js';
import { ConfigError, loadConfig } from './host/config.js';
import { startLine } from './host/start-line.js';
import { errorFields, type Logger } from './platform/log.js';

/** Entry point: .env -> config -> app -> listen, and a graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = createApp(config);
  await app.listen();
  const started = Date.now();
  // Before server.ready, so whoever waits for that log has the line already.
  const line = startLine(app.url(), config);
  if (line) process.stdout.write(`${line}\n`);
  app.logger.info('server.ready', { url: app.url(), localChat: config.localChat });
  collectStartGarbage(app.logger);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info('server.stopping', { signal, uptimeMs: Date.now() - started });
    app
      .close()
      .then(() => {
        app.logger.info('server.stopped', { signal });
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.logger.error('server.stop_failed', errorFields(error));
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * One full garbage collection once the server is up. The start leaves behind what it used once
 * (resource files as read, models as parsed, compile work): with no traffic V8 would not collect
 * it, and an idle server kept about 10 MB more resident. This one collection also compacts: the
 * start leaves the old generation's pages part full (12 MB free of 54 at rest), and V8 hands a page
 * back only once it is empty. Later collections choose as V8 does. `gc` exists only under
 * `--expose-gc`, which `npm start` passes; without it nothing happens.
 */
function collectStartGarbage(logger: Logger): void {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) return;
  // After this turn of the event loop, so a readiness probe already waiting is answered first.
  setImmediate(() => {
    const before = process.memoryUsage();
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
    const after = process.memoryUsage();
    const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
    const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
    logger.info('server.start_garbage_collected', {
      heapUsedMbBefore: mb(before.heapUsed),
      heapUsedMbAfter: mb(after.heapUsed),
      heapTotalMbBefore: mb(before.heapTotal),
      heapTotalMbAfter: mb(after.heapTotal),
      oldSpaceFreeMbAfter: old ? mb(old.space_size - old.space_used_size) : null,
    });
  });
}

main().catch((error: unknown) => {
  // Config and resource errors are written for the operator: print them whole.
  if (error instanceof ConfigError || error instanceof ResourceError)
    process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `Wayfinder failed to start: ${error instanceof Error ? (error.stack ?? error.name) : String(error)}\n`,
    );
  process.exit(1);
});
