import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { useConnector } from '../support/connector.js';
import { useTempDir } from '../support/temp-dir.js';
import { useStartedApps, useTestApp } from '../support/test-app.js';

// The shared hooks replace copies in many files: these cases run in order, each looking at what
// the hooks left behind for the one before.
describe('the shared test hooks', () => {
  describe('useTestApp per test', () => {
    let storage: MemoryAppStorage;
    const served = useTestApp({
      overrides: () => {
        storage = new MemoryAppStorage();
        return { storage };
      },
      per: 'test',
    });
    let earlier: string | undefined;

    it('serves a started app with the overrides made for this test', async () => {
      assert.equal((await fetch(`${served.url}/healthz`)).status, 200);
      assert.equal(served.app.storage, storage);
      earlier = served.url;
    });

    it('closed the app of the test before and started a fresh one', async () => {
      assert.ok(earlier);
      assert.notEqual(served.url, earlier);
      await assert.rejects(fetch(`${earlier}/healthz`));
    });

    it('restarts on the same storage', async () => {
      const before = served.app.storage;
      await served.restart();
      assert.equal(served.app.storage, before);
      assert.equal((await fetch(`${served.url}/healthz`)).status, 200);
    });
  });

  describe('useTestApp with afterClose', () => {
    let closedFirst: boolean | undefined;
    let url: string | undefined;
    const served = useTestApp({
      per: 'test',
      afterClose: async () => {
        closedFirst =
          url !== undefined &&
          (await fetch(`${url}/healthz`).then(
            () => false,
            () => true,
          ));
      },
    });

    it('runs afterClose once the app of the test is closed', () => {
      url = served.url;
    });

    it('found the app closed when afterClose ran', () => {
      assert.equal(closedFirst, true);
    });
  });

  describe('useStartedApps', () => {
    const apps = useStartedApps();
    let earlier: string[] = [];

    it('starts apps inside a test, each on its own env', async () => {
      const one = await apps.start({ LOG_LEVEL: 'error' });
      const two = await apps.start();
      assert.equal(one.config.logLevel, 'error');
      assert.notEqual(one.url, two.url);
      earlier = [one.url, two.url];
    });

    it('closed every app the test before started', async () => {
      assert.equal(earlier.length, 2);
      for (const url of earlier) await assert.rejects(fetch(`${url}/healthz`));
    });
  });

  describe('useConnector per test', () => {
    const connector = useConnector();
    let earlier: string | undefined;

    it('runs a stand-in connector that records what is sent to it', async () => {
      const sent = { type: 'message', text: 'hello', conversation: { id: 'c1' } };
      const response = await fetch(`${connector.url}/v3/conversations/c1/activities`, {
        method: 'POST',
        body: JSON.stringify(sent),
      });
      assert.equal(response.status, 200);
      assert.deepEqual(connector.newTexts('c1'), ['hello']);
      earlier = connector.url;
    });

    it('closed the connector of the test before and started a fresh one', async () => {
      assert.ok(earlier);
      assert.notEqual(connector.url, earlier);
      await assert.rejects(
        fetch(`${earlier}/v3/conversations/c1/activities`, { method: 'POST', body: '{}' }),
      );
      assert.deepEqual(connector.received, []);
    });
  });

  describe('useTempDir per test', () => {
    const dir = useTempDir('wayfinder-helpers-');
    let earlier: string | undefined;

    it('makes an empty folder for the test', async () => {
      await writeFile(join(dir.path, 'note.txt'), 'x');
      earlier = dir.path;
    });

    it('removed the folder of the test before, contents and all, and made a new one', () => {
      assert.ok(earlier);
      assert.equal(existsSync(earlier), false);
      assert.ok(existsSync(dir.path));
      assert.notEqual(dir.path, earlier);
    });
  });

  it('are the only way a test makes a temp folder or starts the app (no copies come back)', () => {
    const copies = /\b(?:mkdtemp|mkdtempSync|startTestApp)\(/;
    const files = readdirSync(join(projectRoot, 'test'), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.startsWith('support'),
    );
    assert.ok(files.length > 100, 'the test files are read');
    assert.deepEqual(
      files.filter((file) => copies.test(readFileSync(join(projectRoot, 'test', file), 'utf8'))),
      [],
    );
  });
});
