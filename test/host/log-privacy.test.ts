import assert from 'node:assert/strict';
import sinon from 'sinon';
import { createLogger } from '../../src/platform/log.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { exchange, testActivity } from '../support/http.js';
import { useStartedApps } from '../support/test-app.js';

describe('logs hold no message text', () => {
  afterEach(() => sinon.restore());
  const apps = useStartedApps();

  it('a unique phrase sent through full turns, a failing turn and a bad request appears in no log line', async () => {
    const phrase = `zebra-${Date.now().toString(36)}-marmalade`;
    const lines: string[] = [];
    // Anything the SDK itself prints goes to the console: it must not carry the phrase either.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      sinon.stub(console, method).callsFake((...args: unknown[]) => lines.push(args.map(String).join(' ')));
    }
    const storage = new MemoryAppStorage();
    const { app, url } = await apps.start(
      { LOG_LEVEL: 'debug' },
      { storage, logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }) },
    );
    await exchange(url, testActivity('log-1', { text: `hello ${phrase}` }));
    await exchange(url, testActivity('log-1', { text: 'Choose a nickname' }));
    await exchange(url, testActivity('log-1', { text: phrase.slice(0, 30) }));
    await exchange(url, testActivity('log-1', { text: `show my data ${phrase}` }));

    // A turn that fails (its save throws with the phrase in the error message) is logged by ids only.
    const failing = sinon.stub(storage, 'write').rejects(new Error(`cannot save ${phrase}`));
    await exchange(url, testActivity('log-1', { text: `help ${phrase}` }));
    failing.restore();

    // A request the server refuses.
    await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"text": "${phrase}"`,
    });
    // Closed before reading: what closing logs is read too.
    await app.close();
    assert.ok(
      lines.some((line) => line.includes('"turn.failed"')),
      'the failed turn was logged',
    );
    for (const line of lines) assert.ok(!line.includes(phrase.slice(0, 12)), `leaked in: ${line}`);
    for (const line of lines) JSON.parse(line); // every line is structured: nothing came through console
  });
});
