import { createApp } from '../../src/host/app.js';
import { loadConfig } from '../../src/host/config.js';
import { silentLogger } from '../../src/platform/log.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { type ChatTarget, post } from './target.js';

/**
 * The real app built here, on an ephemeral loopback port, silent (nothing but the conversation
 * is printed), with memory state or the file store in `dataDir`: no auth, no chat page.
 */
export async function inProcessTarget(dataDir: string | undefined): Promise<ChatTarget> {
  // Only what this client decides: the developer's shell settings (auth, blob) do not apply here.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE: dataDir ? 'file' : 'memory',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    LOCAL_CHAT: 'false',
    // So a developer can play a specialist in-process too.
    SPECIALIST_IDS: process.env.SPECIALIST_IDS,
  });
  const app = createApp(config, {
    logger: silentLogger,
    ...(dataDir ? {} : { storage: new MemoryAppStorage() }),
  });
  const url = await app.listen();
  return {
    label: `in-process (${dataDir ? `file store ${dataDir}` : 'memory'})`,
    exchange: (activity) => post(url, activity),
    close: () => app.close(),
  };
}
