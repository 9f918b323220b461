import assert from 'node:assert/strict';
import { StorageConflictError } from '../../src/storage/app-storage.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { describeStorageConformance } from './storage-conformance.js';

describeStorageConformance('MemoryAppStorage', async () => ({
  store: new MemoryAppStorage(),
  cleanup: async () => {},
}));

describe('MemoryAppStorage', () => {
  it('turns MemoryStorage conflicts into StorageConflictError, keeping message and cause', async () => {
    const store = new MemoryAppStorage();
    await store.write({ 'a/b "c"': { v: 1 } });
    const error = await store.write({ 'a/b "c"': { v: 2, eTag: 'stale' } }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof StorageConflictError);
    assert.equal(error.key, 'a/b "c"');
    assert.equal(error.message, 'Storage: error writing "a/b "c"" due to eTag conflict.');
    assert.ok(error.cause instanceof Error);
    assert.equal(error.cause.message, error.message);
  });

  it('passes other errors through unchanged', async () => {
    const store = new MemoryAppStorage();
    await assert.rejects(store.write(undefined as unknown as Record<string, never>), ReferenceError);
  });
});
