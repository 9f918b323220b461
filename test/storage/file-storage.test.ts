import assert from 'node:assert/strict';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  StorageConfigError,
  StorageConflictError,
  StorageCorruptError,
  StorageUnavailableError,
} from '../../src/storage/app-storage.js';
import { FileStorage, type FileStorageOptions } from '../../src/storage/file-storage.js';
import { WrittenFiles } from '../../src/storage/written-files.js';
import { makeTempDir } from '../support/temp-dir.js';
import { isCompleteValue, killTestKeys } from './fixtures/big-value.js';
import { runAndKill } from './fixtures/run-and-kill.js';
import { describeStorageConformance } from './storage-conformance.js';

describeStorageConformance('FileStorage', async () => {
  const dir = await makeTempDir();
  const store = new FileStorage({ dataDir: dir.path });
  return {
    store,
    cleanup: async () => {
      await store.flush();
      await dir.remove();
    },
  };
});

/** The temp file steno (lowdb's writer) uses for `path`: `.NAME.tmp` in the same folder. */
const tempFileOf = (path: string) => join(dirname(path), `.${basename(path)}.tmp`);

/** Every file under `folder`, as paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/** What a test expects of a failed operation: its error class and what its message must say. */
function rejectsNaming(
  errorClass: typeof StorageCorruptError | typeof StorageUnavailableError,
  ...parts: RegExp[]
) {
  return (error: unknown) => {
    assert.ok(error instanceof errorClass, `expected ${errorClass.name}, got ${String(error)}`);
    for (const part of parts) assert.match(error.message, part);
    return true;
  };
}

/** A RegExp that matches `text` exactly (paths contain dots and other RegExp syntax). */
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

describe('FileStorage on disk', () => {
  let dir: { path: string; remove(): Promise<void> };
  let store: FileStorage;

  beforeEach(async () => {
    dir = await makeTempDir();
    store = new FileStorage({ dataDir: dir.path });
  });
  afterEach(async () => {
    await store.flush();
    await dir.remove();
  });

  describe('options', () => {
    const bad: Array<{ name: string; options: unknown }> = [
      { name: 'no options', options: undefined },
      { name: 'no dataDir', options: {} },
      { name: 'an empty dataDir', options: { dataDir: '  ' } },
      { name: 'a dataDir that is not a string', options: { dataDir: 42 } },
      { name: 'a dataDir with a NUL byte', options: { dataDir: 'data\0x' } },
    ];
    for (const { name, options } of bad) {
      it(`refuses ${name} with StorageConfigError`, () => {
        assert.throws(() => new FileStorage(options as FileStorageOptions), StorageConfigError);
      });
    }

    it('resolves a relative dataDir to an absolute path', () => {
      assert.equal(new FileStorage({ dataDir: 'data' }).dataDir, join(process.cwd(), 'data'));
    });
  });

  describe('layout', () => {
    it('keeps one versioned document per key, named by its SHA-256 under a two-letter folder', async () => {
      await store.write({ 'emulator/users/u-1': { name: 'Sam' } });
      const path = store.pathOf('emulator/users/u-1');
      const [folder, file] = relative(join(dir.path, 'store'), path).split(sep);
      assert.match(file ?? '', /^[0-9a-f]{64}\.json$/);
      assert.equal(folder, file?.slice(0, 2));
      const document = JSON.parse(await readFile(path, 'utf8'));
      assert.deepEqual(Object.keys(document).sort(), ['eTag', 'key', 'value', 'version']);
      assert.equal(document.version, 1);
      assert.equal(document.key, 'emulator/users/u-1');
      assert.deepEqual(document.value, { name: 'Sam' });
    });

    it('writes only the written key’s file: other users’ files are not touched', async () => {
      const others = Array.from({ length: 20 }, (_, i) => `msteams/users/${i}`);
      await store.write(Object.fromEntries(others.map((key) => [key, { v: 1 }])));
      const before = await Promise.all(others.map((key) => stat(store.pathOf(key))));
      for (let i = 0; i < 10; i += 1) await store.write({ 'msteams/users/me': { i } });
      const after = await Promise.all(others.map((key) => stat(store.pathOf(key))));
      assert.deepEqual(
        after.map((s) => [s.ino, s.mtimeMs]),
        before.map((s) => [s.ino, s.mtimeMs]),
      );
      assert.equal((await filesUnder(join(dir.path, 'store'))).length, 21);
    });

    it('stores a key named __proto__ as data', async () => {
      // JSON.parse makes an own `__proto__` property (an object literal would set the prototype).
      await store.write(JSON.parse('{"__proto__": {"v": 1}}'));
      const items = await store.read(['__proto__']);
      assert.ok(Object.hasOwn(items, '__proto__'));
      assert.equal(Object.getPrototypeOf(items), Object.prototype);
    });
  });

  it('persists across FileStorage instances on one directory', async () => {
    await store.write({ member: { goal: 'ask for a quiet room' } });
    const first = (await store.read(['member'])).member;
    const second = new FileStorage({ dataDir: dir.path });
    const again = (await second.read(['member'])).member;
    assert.deepEqual(again, first);
    await second.write({ member: { ...again, goal: 'ask in writing' } });
    assert.equal((await store.read(['member'])).member?.goal, 'ask in writing');
  });

  describe('eTags remembered from its own writes', () => {
    it('refuses a stale eTag after another process wrote the file (a second store on the directory)', async () => {
      await store.write({ request: { state: 'waiting' } });
      const seen = (await store.read(['request'])).request;
      const other = new FileStorage({ dataDir: dir.path });
      await other.write({ request: { ...seen, state: 'accepted by the other instance' } });
      await assert.rejects(
        store.write({ request: { ...seen, state: 'accepted here' } }),
        StorageConflictError,
      );
      assert.equal((await store.read(['request'])).request?.state, 'accepted by the other instance');
    });

    it('accepts the eTag of the other process’s write, read from the file', async () => {
      await store.write({ request: { state: 'waiting' } });
      const other = new FileStorage({ dataDir: dir.path });
      await other.write({ request: { state: 'accepted', eTag: '*' } });
      const current = (await store.read(['request'])).request;
      await store.write({ request: { ...current, state: 'closed' } });
      assert.equal((await other.read(['request'])).request?.state, 'closed');
    });

    it('forgets the oldest keys beyond its capacity, so memory stays bounded', async () => {
      const written = new WrittenFiles(2);
      for (const key of ['a', 'b', 'c']) {
        await store.write({ [key]: { v: 1 } });
        written.remember(key, store.pathOf(key), 'e', '{"v":1}');
      }
      assert.equal(written.size, 2);
      assert.equal(written.unchanged('a', store.pathOf('a')), undefined);
      assert.deepEqual(written.unchanged('c', store.pathOf('c')), { eTag: 'e', valueJson: '{"v":1}' });
    });

    it('remembers nothing for a file removed right after its write, and the write still succeeds', async () => {
      const written = new WrittenFiles();
      await store.write({ gone: { v: 1 } });
      await rm(store.pathOf('gone'));
      assert.doesNotThrow(() => written.remember('gone', store.pathOf('gone'), 'e', '{"v":1}'));
      assert.equal(written.size, 0);
      assert.equal(written.unchanged('gone', store.pathOf('gone')), undefined);
    });
  });

  describe('documents remembered from its own writes', () => {
    it('sees a write by another process (a second store on the directory), then its own again', async () => {
      await store.write({ 'conversation/c1': { step: 'date', eTag: '*' } });
      assert.equal((await store.read(['conversation/c1']))['conversation/c1']?.step, 'date');
      const other = new FileStorage({ dataDir: dir.path });
      const seen = (await other.read(['conversation/c1']))['conversation/c1'];
      await other.write({ 'conversation/c1': { ...seen, step: 'goal' } });
      const now = (await store.read(['conversation/c1']))['conversation/c1'];
      assert.equal(now?.step, 'goal');
      assert.equal(now?.eTag, (await other.read(['conversation/c1']))['conversation/c1']?.eTag);
      await store.write({ 'conversation/c1': { ...now, step: 'questions' } });
      assert.equal((await store.read(['conversation/c1']))['conversation/c1']?.step, 'questions');
      assert.equal((await other.read(['conversation/c1']))['conversation/c1']?.step, 'questions');
    });

    it('sees a file changed by hand to the same size, and a file removed', async () => {
      await store.write({ member: { goal: 'aaaa' } });
      assert.equal((await store.read(['member'])).member?.goal, 'aaaa');
      const path = store.pathOf('member');
      const text = await readFile(path, 'utf8');
      // Another inode of the same size: what a restore or an editor that saves by renaming leaves.
      await writeFile(`${path}.new`, text.replace('aaaa', 'bbbb'));
      await rename(`${path}.new`, path);
      assert.equal((await store.read(['member'])).member?.goal, 'bbbb');
      await store.write({ member: { goal: 'cccc', eTag: '*' } });
      await rm(path);
      assert.deepEqual(await store.read(['member']), {});
    });

    it('reports a file corrupted after its own write, instead of what it wrote', async () => {
      await store.write({ member: { v: 1 } });
      await writeFile(store.pathOf('member'), '{"version":1,');
      await assert.rejects(store.read(['member']), StorageCorruptError);
    });

    it('gives each read its own copy, with the eTag of the write', async () => {
      await store.write({ member: { plan: { steps: ['call'] } } });
      const first = (await store.read(['member'])).member as { plan: { steps: string[] } };
      first.plan.steps.push('changed by the caller');
      const second = (await store.read(['member'])).member;
      assert.deepEqual(second?.plan, { steps: ['call'] });
      assert.equal(second?.eTag, JSON.parse(await readFile(store.pathOf('member'), 'utf8')).eTag);
    });

    it('keeps at most its count and size of documents; the rest are read from their files', async () => {
      const written = new WrittenFiles(10, { count: 2, chars: 12 });
      for (const key of ['a', 'b', 'c']) {
        await store.write({ [key]: { v: 1 } });
        written.remember(key, store.pathOf(key), 'e', '{"v":1}');
      }
      // Two kept by count, then one by size (7 characters each, 12 in all).
      assert.equal(written.size, 3);
      assert.equal(written.values, 1);
      assert.deepEqual(written.unchanged('a', store.pathOf('a')), { eTag: 'e' });
      assert.deepEqual(written.unchanged('c', store.pathOf('c')), { eTag: 'e', valueJson: '{"v":1}' });
      written.remember('big', store.pathOf('a'), 'e', '{"v":"more than twelve"}');
      assert.equal(written.values, 1);
    });
  });

  describe('corrupt files are reported and never overwritten or deleted', () => {
    const cases: Array<{ name: string; content: string; says: RegExp }> = [
      { name: 'invalid JSON', content: '{"version":1,"key":"member","eTag":"e', says: /not valid JSON/ },
      { name: 'an empty file', content: '', says: /not valid JSON/ },
      { name: 'JSON null', content: 'null', says: /empty JSON value/ },
      { name: 'a JSON array', content: '[1,2]', says: /not a Wayfinder document/ },
      {
        name: 'a document without an eTag',
        content: JSON.stringify({ version: 1, key: 'member', value: {} }),
        says: /bad or missing: eTag/,
      },
      {
        name: 'a newer format version',
        content: JSON.stringify({ version: 2, key: 'member', eTag: 'e', value: {} }),
        says: /format version 2/,
      },
      {
        name: 'another key’s document',
        content: JSON.stringify({ version: 1, key: 'someone-else', eTag: 'e', value: {} }),
        says: /different key/,
      },
    ];
    for (const { name, content, says } of cases) {
      it(`${name}: read, write and delete fail naming the file, whose bytes stay the same`, async () => {
        await store.write({ member: { v: 1 } });
        const path = store.pathOf('member');
        await writeFile(path, content);
        const corrupt = rejectsNaming(StorageCorruptError, literally(path), says, /Move it aside/);
        await assert.rejects(store.read(['member']), corrupt);
        await assert.rejects(store.write({ member: { v: 2, eTag: '*' } }), corrupt);
        await assert.rejects(store.write({ member: { v: 3 } }), corrupt);
        await assert.rejects(store.delete(['member']), corrupt);
        assert.equal(await readFile(path, 'utf8'), content);
      });
    }

    it('still writes other keys in the same call, then reports the corrupt one', async () => {
      await store.write({ member: { v: 1 } });
      await writeFile(store.pathOf('member'), '{');
      await assert.rejects(store.write({ member: { v: 2 }, other: { v: 2 } }), StorageCorruptError);
      assert.equal((await store.read(['other'])).other?.v, 2);
    });
  });

  describe('unreadable files', () => {
    it('a directory where the file belongs: read, write and delete fail naming it and it stays', async () => {
      // Tests run as root, where chmod 000 does not stop reads; a directory fails every read (EISDIR).
      const path = store.pathOf('member');
      await mkdir(path, { recursive: true });
      const unreadable = rejectsNaming(
        StorageUnavailableError,
        literally(path),
        /EISDIR/,
        /move it out of DATA_DIR/,
      );
      await assert.rejects(store.read(['member']), unreadable);
      await assert.rejects(store.write({ member: { v: 1 } }), unreadable);
      await assert.rejects(store.delete(['member']), unreadable);
      assert.ok((await stat(path)).isDirectory());
    });

    it('a file without read permission (EACCES) fails naming it', async function () {
      if (process.getuid?.() === 0) this.skip(); // root reads through chmod 000.
      await store.write({ member: { v: 1 } });
      const path = store.pathOf('member');
      await chmod(path, 0o000);
      try {
        await assert.rejects(
          store.read(['member']),
          rejectsNaming(StorageUnavailableError, literally(path), /EACCES/),
        );
      } finally {
        await chmod(path, 0o600);
      }
    });
  });

  describe('temp files left by a killed write', () => {
    it('are never read as data, and the next write replaces them', async () => {
      await store.write({ member: { v: 1 } });
      const path = store.pathOf('member');
      await writeFile(tempFileOf(path), '{"version":1,"key":"member","eTag":"half-writ');
      const lonely = store.pathOf('never-written');
      await mkdir(dirname(lonely), { recursive: true });
      await writeFile(
        tempFileOf(lonely),
        JSON.stringify({ version: 1, key: 'never-written', eTag: 'e', value: {} }),
      );

      assert.equal((await store.read(['member'])).member?.v, 1);
      assert.deepEqual(await store.read(['never-written']), {});
      await store.write({ member: { v: 2 } });
      assert.equal((await store.read(['member'])).member?.v, 2);
      await assert.rejects(stat(tempFileOf(path)), { code: 'ENOENT' });
    });
  });

  describe('ready()', () => {
    it('creates DATA_DIR when missing and leaves no probe file behind', async () => {
      const fresh = new FileStorage({ dataDir: join(dir.path, 'not', 'yet') });
      await fresh.ready();
      assert.deepEqual(await readdir(join(dir.path, 'not', 'yet', 'store')), []);
    });

    it('rejects, naming the path, when DATA_DIR cannot be created', async () => {
      await writeFile(join(dir.path, 'a-file'), '');
      const blocked = new FileStorage({ dataDir: join(dir.path, 'a-file', 'data') });
      await assert.rejects(
        blocked.ready(),
        rejectsNaming(StorageUnavailableError, literally(join(dir.path, 'a-file', 'data')), /ENOTDIR/),
      );
      await assert.rejects(blocked.write({ k: { v: 1 } }), StorageUnavailableError);
    });

    it('rejects at once, instead of hanging, when DATA_DIR is under a dangling symlink', async function () {
      // Node's recursive mkdir spins forever on this path; an unmounted volume looks just like it.
      this.timeout(2_000);
      await symlink(join(dir.path, 'unmounted-volume'), join(dir.path, 'dangling'));
      const dangling = new FileStorage({ dataDir: join(dir.path, 'dangling', 'data') });
      await assert.rejects(dangling.ready(), rejectsNaming(StorageUnavailableError, /ENOENT/));
      await assert.rejects(dangling.write({ k: { v: 1 } }), rejectsNaming(StorageUnavailableError, /ENOENT/));
    });
  });

  describe('flush()', () => {
    it('resolves only when every started write is on disk', async () => {
      const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
      const writes = keys.map((key, i) => store.write({ [key]: { i } }));
      await store.flush();
      for (const [i, key] of keys.entries()) {
        const document = JSON.parse(await readFile(store.pathOf(key), 'utf8'));
        assert.equal(document.value.i, i);
      }
      await Promise.all(writes);
    });

    it('resolves even when a write failed (its caller got the error)', async () => {
      await mkdir(store.pathOf('member'), { recursive: true });
      const failing = store.write({ member: { v: 1 } });
      await store.flush();
      await assert.rejects(failing, StorageUnavailableError);
    });
  });

  describe('kill -9 during writes', () => {
    const writerScript = fileURLToPath(new URL('./fixtures/kill-writer.js', import.meta.url));

    it('leaves every stored file complete and readable, round after round', async function () {
      this.timeout(15_000);
      const storeDir = join(dir.path, 'store');
      for (let round = 0; round < 3; round += 1) {
        assert.equal(await runAndKill(writerScript, [dir.path], 300), 'SIGKILL');
        const documents = (await filesUnder(storeDir)).filter((file) => !basename(file).startsWith('.'));
        assert.equal(documents.length, killTestKeys.length);
        for (const file of documents) {
          const document = JSON.parse(await readFile(join(storeDir, file), 'utf8'));
          assert.equal(document.version, 1);
          assert.equal(store.pathOf(document.key), join(storeDir, file));
          assert.ok(isCompleteValue(document.value), `${file} holds a torn value`);
        }
        const items = await new FileStorage({ dataDir: dir.path }).read([...killTestKeys]);
        assert.equal(Object.keys(items).length, killTestKeys.length);
        for (const item of Object.values(items)) assert.ok(isCompleteValue(item));
      }
    });
  });
});
