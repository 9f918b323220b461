import assert from 'node:assert/strict';
import type { StoreItem } from 'botbuilder';
import { type AppStorage, StorageConflictError } from '../../src/storage/app-storage.js';

/** A store under test and how to dispose of it. */
export interface StoreFixture {
  store: AppStorage;
  cleanup(): Promise<void>;
}

/** Keys that break naive file names or URLs: every backend must store them as-is. */
export const oddKeys: readonly string[] = [
  'a/b:c?d*e',
  'msteams/users/29:1 with spaces ',
  'café',
  'emoji 🧭🌱',
  'k'.repeat(500),
  'constructor',
];

/**
 * The contract every AppStorage must keep (MemoryStorage's eTag rules plus Wayfinder's needs),
 * registered as mocha tests so each backend runs the same suite: memory, file and later blob are
 * then interchangeable by construction, not by hope.
 */
export function describeStorageConformance(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`${name}: AppStorage conformance`, () => {
    let fixture: StoreFixture | undefined;
    const store = (): AppStorage => {
      if (!fixture) throw new Error('the fixture is made in beforeEach');
      return fixture.store;
    };
    const readOne = async (key: string): Promise<StoreItem | undefined> => (await store().read([key]))[key];

    beforeEach(async () => {
      fixture = await makeStore();
    });
    afterEach(async () => {
      await fixture?.cleanup();
      fixture = undefined;
    });

    it('names its kind, is ready and flushes with nothing pending', async () => {
      assert.ok(['memory', 'file', 'blob'].includes(store().kind));
      await store().ready();
      await store().flush();
    });

    it('leaves missing keys out of a read', async () => {
      assert.deepEqual(await store().read(['nobody', 'nothing', 'toString', 'hasOwnProperty']), {});
      await store().write({ present: { n: 1 } });
      assert.deepEqual(Object.keys(await store().read(['nobody', 'present'])), ['present']);
    });

    it('reads back what was written, with a string eTag', async () => {
      const value = { name: 'Sam', steps: [1, 2, { nested: true }], note: null };
      await store().write({ user: value });
      const item = await readOne('user');
      assert.equal(typeof item?.eTag, 'string');
      assert.deepEqual(item, { ...value, eTag: item?.eTag });
    });

    it('stamps a new eTag on every write', async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        await store().write({ counter: { i, eTag: '*' } });
        const eTag = (await readOne('counter'))?.eTag;
        assert.ok(typeof eTag === 'string' && eTag.length > 0);
        seen.add(eTag);
      }
      assert.equal(seen.size, 5);
    });

    it('accepts the current eTag and rejects a stale one with the MemoryStorage message', async () => {
      await store().write({ req: { state: 'waiting' } });
      const first = await readOne('req');
      await store().write({ req: { ...first, state: 'accepted' } });
      const stale = store().write({ req: { ...first, state: 'accepted twice' } });
      await assert.rejects(stale, (error: unknown) => {
        assert.ok(error instanceof StorageConflictError);
        assert.equal(error.message, 'Storage: error writing "req" due to eTag conflict.');
        assert.equal(error.key, 'req');
        return true;
      });
      assert.equal((await readOne('req'))?.state, 'accepted');
    });

    it('overwrites unconditionally with eTag "*" or no eTag', async () => {
      await store().write({ pref: { v: 1 } });
      await store().write({ pref: { v: 2, eTag: '*' } });
      assert.equal((await readOne('pref'))?.v, 2);
      await store().write({ pref: { v: 3 } });
      assert.equal((await readOne('pref'))?.v, 3);
      // As in MemoryStorage, an eTag on a key that does not exist yet is no condition; the store
      // still stamps its own eTag.
      await store().write({ fresh: { v: 1, eTag: 'an-eTag-the-store-never-issued' } });
      const fresh = await readOne('fresh');
      assert.equal(fresh?.v, 1);
      assert.notEqual(fresh?.eTag, 'an-eTag-the-store-never-issued');
      await assert.rejects(
        store().write({ pref: { v: 5, eTag: 'an-eTag-the-store-never-issued' } }),
        StorageConflictError,
      );
      assert.equal((await readOne('pref'))?.v, 3);
    });

    it('deletes items, and deleting a missing key is fine', async () => {
      await store().write({ a: { v: 1 }, b: { v: 2 } });
      await store().delete(['a', 'never-stored']);
      assert.deepEqual(Object.keys(await store().read(['a', 'b'])), ['b']);
      await store().delete(['a']);
      await store().write({ a: { v: 3 } });
      assert.equal((await readOne('a'))?.v, 3);
    });

    it('stores keys with / : ? *, spaces, non-ASCII, emoji, 500 characters and constructor', async () => {
      for (const [index, key] of oddKeys.entries()) {
        await store().write({ [key]: { index } });
      }
      const items = await store().read([...oddKeys]);
      assert.deepEqual(Object.keys(items).sort(), [...oddKeys].sort());
      for (const [index, key] of oddKeys.entries()) {
        assert.ok(Object.hasOwn(items, key));
        assert.equal(items[key]?.index, index);
      }
      await store().delete([...oddKeys]);
      assert.deepEqual(await store().read([...oddKeys]), {});
    });

    it('round-trips an item of about 1 MB', async () => {
      const big = { text: 'é'.repeat(400_000), list: Array.from({ length: 20_000 }, (_, i) => i) };
      await store().write({ big });
      const item = await readOne('big');
      assert.equal(item?.text, big.text);
      assert.deepEqual(item?.list, big.list);
    });

    it('lets 50 concurrent unconditional writers to one key all succeed', async () => {
      const writers = Array.from({ length: 50 }, (_, writer) =>
        store().write({ hot: { writer, eTag: '*' } }),
      );
      const results = await Promise.allSettled(writers);
      assert.deepEqual(
        results.filter((result) => result.status === 'rejected'),
        [],
      );
      const item = await readOne('hot');
      assert.ok(Number.isInteger(item?.writer) && item?.writer >= 0 && item?.writer < 50);
    });

    it('lets exactly one of 50 concurrent writers with the same eTag win', async () => {
      await store().write({ request: { acceptedBy: null } });
      const seen = await readOne('request');
      const writers = Array.from({ length: 50 }, (_, writer) =>
        store().write({ request: { ...seen, acceptedBy: writer } }),
      );
      const results = await Promise.allSettled(writers);
      const winners = results.flatMap((result, writer) => (result.status === 'fulfilled' ? [writer] : []));
      assert.equal(winners.length, 1);
      for (const result of results) {
        if (result.status === 'rejected') assert.ok(result.reason instanceof StorageConflictError);
      }
      assert.equal((await readOne('request'))?.acceptedBy, winners[0]);
    });

    it('returns copies: mutating a read result or a written object does not change the store', async () => {
      const written = { list: [1], inner: { n: 1 } };
      await store().write({ doc: written });
      written.list.push(2);
      written.inner.n = 2;
      const first = await readOne('doc');
      assert.deepEqual(first?.list, [1]);
      if (first) {
        first.list.push(99);
        first.inner.n = 99;
      }
      const second = await readOne('doc');
      assert.deepEqual(second?.list, [1]);
      assert.equal(second?.inner.n, 1);
    });

    it('flush() resolves after writes that were not awaited', async () => {
      const pending = [store().write({ x: { v: 1 } }), store().write({ y: { v: 2 } })];
      await store().flush();
      await Promise.all(pending);
      assert.deepEqual(Object.keys(await store().read(['x', 'y'])).sort(), ['x', 'y']);
    });

    it('rejects a read without keys, as MemoryStorage does', async () => {
      const missing = undefined as unknown as string[];
      await assert.rejects(store().read(missing), ReferenceError);
    });
  });
}
