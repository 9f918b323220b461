import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join, relative } from 'node:path';
import sinon from 'sinon';
import { createLogger } from '../../src/platform/log.js';
import { conversationStateKey, userStateKey } from '../../src/privacy/state-keys.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { startConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { exchange, postMessages, testActivity } from '../support/http.js';
import { makeTempDir } from '../support/temp-dir.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();

/** Every file under `folder` (relative paths), to look for temp files left behind. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await fsp.readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name)));
}

/** A promise and the function that settles it: the test decides when a stalled write goes on. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('faults: the file store fails or is slow during a conversation (HTTP, real app)', () => {
  let dir: { path: string; remove(): Promise<void> };
  let storage: FileStorage;
  let logLines: string[] = [];

  // The folder is made before the app starts and removed after it closes, and the file system
  // is restored before the app's last save (hooks run in the order they are written).
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => {
    sinon.restore();
    syncBuiltinESMExports();
  });
  const served = useTestApp({
    per: 'test',
    overrides: () => {
      storage = new FileStorage({ dataDir: dir.path });
      logLines = [];
      return { storage, logger: createLogger({ write: (line) => logLines.push(line) }) };
    },
    afterClose: () => dir.remove(),
  });

  const say = (conversation: string, text: string, user = 'user-1') =>
    exchange(served.url, testActivity(conversation, { text }, user));

  /** Opens the nickname question, so the next message is a dialog step that saves state. */
  async function midDialog(conversation: string, user = 'user-1'): Promise<void> {
    await say(conversation, 'hello', user);
    const asked = await say(conversation, strings.text('menu.nickname'), user);
    assert.equal(asked[0]?.text, strings.text('nickname.ask'));
  }

  it('a write that fails mid-dialog: apology, the files hold the state from before the turn, the next turn goes on', async () => {
    await midDialog('write-fail');
    const key = conversationStateKey('test', 'write-fail');
    const fileBefore = await fsp.readFile(storage.pathOf(key), 'utf8');
    const stateBefore = await storage.read([key]);

    const write = sinon.stub(storage, 'write');
    write.onFirstCall().rejects(new Error('write failed'));
    write.callThrough();
    const failed = await say('write-fail', 'Kai');
    assert.equal(failed.at(-1)?.text, strings.text('errors.turnFailed'), 'the turn ends in an apology');
    assert.equal(await fsp.readFile(storage.pathOf(key), 'utf8'), fileBefore, 'the file is untouched');
    assert.deepEqual(await storage.read([key]), stateBefore);

    const next = await say('write-fail', 'Kai');
    assert.equal(
      next[0]?.text,
      strings.text('nickname.saved', { name: 'Kai' }),
      'the open question was kept',
    );
  });

  it('a full disk (ENOSPC): apology, no file cut short, /readyz 503; once space is freed, the same answer saves', async () => {
    await midDialog('disk-full');
    const keys = [conversationStateKey('test', 'disk-full'), userStateKey('test', 'user-1')];
    const filesBefore = await Promise.all(keys.map((key) => fsp.readFile(storage.pathOf(key), 'utf8')));

    // A real full disk: the temp file gets part of the data, then the write fails with ENOSPC.
    const realWriteFile = fsp.writeFile;
    sinon.stub(fsp, 'writeFile').callsFake(async (path, data) => {
      if (typeof data === 'string') await realWriteFile(path, data.slice(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    syncBuiltinESMExports(); // steno (lowdb's writer) imports writeFile by name from node:fs/promises

    const failed = await say('disk-full', 'Kai');
    assert.equal(failed.at(-1)?.text, strings.text('errors.turnFailed'), 'the turn ends in an apology');
    const failure = logLines.map((line) => JSON.parse(line)).find((line) => line.event === 'turn.failed');
    assert.equal(failure?.errorName, 'StorageUnavailableError', 'the operator sees a storage failure');
    assert.equal((await fetch(`${served.url}/readyz`)).status, 503, '/readyz reports the store unwritable');
    for (const [index, key] of keys.entries()) {
      const text = await fsp.readFile(storage.pathOf(key), 'utf8');
      assert.equal(text, filesBefore[index], 'the stored file is unchanged');
      assert.doesNotThrow(() => JSON.parse(text), 'and still parses');
    }
    const halfWritten = (await filesUnder(dir.path)).filter((file) => file.endsWith('.tmp'));
    assert.ok(halfWritten.length > 0, 'the failed write left a cut-short temp file beside the real one');

    sinon.restore();
    syncBuiltinESMExports(); // space freed
    assert.equal((await fetch(`${served.url}/readyz`)).status, 200);
    const next = await say('disk-full', 'Kai');
    assert.equal(next[0]?.text, strings.text('nickname.saved', { name: 'Kai' }));
    const leftovers = (await filesUnder(dir.path)).filter((file) => file.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'the half-written temp files were reused and renamed away');
  });

  it('a slow write in one conversation: another conversation finishes first, typing shows, nothing is lost', async () => {
    const connector = await startConnector();
    try {
      await midDialog('slow-a', 'user-a');
      await midDialog('slow-b', 'user-b');
      const slowKey = conversationStateKey('test', 'slow-a');
      const stalled = gate();
      const write = storage.write.bind(storage);
      sinon.stub(storage, 'write').callsFake(async (changes) => {
        if (Object.hasOwn(changes, slowKey)) await stalled.opened;
        return write(changes);
      });

      const activity = testActivity('slow-a', { text: 'Ana', serviceUrl: connector.url }, 'user-a');
      delete activity.deliveryMode;
      let slowDone = false;
      const slow = postMessages(served.url, activity).then((response) => {
        slowDone = true;
        return response.status;
      });
      while (!connector.received.some((a) => a.conversation.id === 'slow-a' && a.type === 'typing')) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const other = await say('slow-b', 'Bo', 'user-b');
      assert.equal(other[0]?.text, strings.text('nickname.saved', { name: 'Bo' }));
      assert.equal(slowDone, false, 'the other conversation finished while the slow write waited');

      stalled.open();
      assert.equal(await slow, 200);
      assert.ok(connector.newTexts('slow-a').includes(strings.text('nickname.saved', { name: 'Ana' })));
      const shown = await say('slow-a', 'show my data', 'user-a');
      assert.ok(
        shown.some((a) => a.text?.includes(strings.text('data.nickname', { nickname: 'Ana' }))),
        'the answer given during the slow write was kept',
      );
    } finally {
      await connector.close();
    }
  });
});
