import assert from 'node:assert/strict';
import { StorageConfigError } from '../../src/storage/app-storage.js';
import { BlobAppStorage } from '../../src/storage/blob-storage.js';
import { createStorage } from '../../src/storage/create-storage.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('createStorage', () => {
  it('builds the memory store for kind memory', () => {
    const store = createStorage({ kind: 'memory', dataDir: '/unused' });
    assert.ok(store instanceof MemoryAppStorage);
    assert.equal(store.kind, 'memory');
  });

  it('builds a file store in dataDir for kind file', async () => {
    const dir = await makeTempDir();
    try {
      const store = createStorage({ kind: 'file', dataDir: dir.path });
      assert.ok(store instanceof FileStorage);
      assert.equal(store.kind, 'file');
      assert.equal(store.dataDir, dir.path);
    } finally {
      await dir.remove();
    }
  });

  it('builds a blob store for kind blob, and names the missing blob setting otherwise', () => {
    const connectionString = 'UseDevelopmentStorage=true';
    const store = createStorage({
      kind: 'blob',
      dataDir: '/unused',
      blobConnectionString: connectionString,
      blobContainer: 'state',
    });
    assert.ok(store instanceof BlobAppStorage);
    assert.equal(store.kind, 'blob');
    assert.equal(store.container, 'state');
    assert.throws(
      () => createStorage({ kind: 'blob', dataDir: '/unused', blobContainer: 'state' }),
      (error: unknown) => error instanceof StorageConfigError && error.option === 'blobConnectionString',
    );
    assert.throws(
      () => createStorage({ kind: 'blob', dataDir: '/unused', blobConnectionString: connectionString }),
      (error: unknown) => error instanceof StorageConfigError && error.option === 'blobContainer',
    );
  });

  it('refuses an unknown kind from an untyped caller', () => {
    const options = { kind: 'redis', dataDir: '/unused' } as unknown as Parameters<typeof createStorage>[0];
    assert.throws(() => createStorage(options), StorageConfigError);
  });
});
