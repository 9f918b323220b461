import assert from 'node:assert/strict';
import { StorageConfigError, StorageUnavailableError } from '../../src/storage/app-storage.js';
import { BlobAppStorage, blobName } from '../../src/storage/blob-storage.js';
import { isConflict } from '../../src/storage/errors.js';
import { Azurite } from '../support/azurite.js';
import { testContent } from '../support/content.js';
import { exchange, testActivity } from '../support/http.js';
import { useStartedApps } from '../support/test-app.js';
import { describeStorageConformance } from './storage-conformance.js';

describe('BlobAppStorage against Azurite', function () {
  this.timeout(60_000);
  let azurite: Azurite | undefined;
  let containers = 0;
  const service = (): Azurite => {
    if (!azurite) throw new Error('Azurite is started in before()');
    return azurite;
  };
  /** A store on a container of its own, so tests never see each other's data. */
  const freshStore = (): BlobAppStorage => {
    containers += 1;
    return new BlobAppStorage({
      connectionString: service().connectionString,
      container: `test-${containers}`,
    });
  };

  const apps = useStartedApps();

  before(async () => {
    azurite = await Azurite.start();
  });
  after(async () => {
    await azurite?.stop();
  });

  describeStorageConformance('BlobAppStorage', async () => {
    const store = freshStore();
    return { store, cleanup: () => store.flush() };
  });

  it('creates its container on first use', async () => {
    const store = freshStore();
    await store.write({ first: { v: 1 } });
    assert.equal((await store.read(['first'])).first?.v, 1);
    const again = new BlobAppStorage({
      connectionString: service().connectionString,
      container: store.container,
    });
    await again.ready();
    assert.equal((await again.read(['first'])).first?.v, 1);
  });

  it('keeps keys apart that BlobsStorage would fold into one blob', async () => {
    const store = freshStore();
    const keys = ['a/b', 'a//b', '/a/b', 'a/b/', 'x'.repeat(1100), `${'x'.repeat(1100)}y`];
    await store.write(Object.fromEntries(keys.map((key, index) => [key, { index }])));
    const items = await store.read(keys);
    for (const [index, key] of keys.entries()) assert.equal(items[key]?.index, index, key.slice(0, 20));
    assert.notEqual(blobName('a/b'), blobName('a//b'));
    assert.ok(blobName('x'.repeat(5000)).length < 1024);
  });

  it('reports a lost eTag race so isConflict recognizes it', async () => {
    const store = freshStore();
    await store.write({ req: { n: 1 } });
    const seen = (await store.read(['req'])).req;
    await store.write({ req: { ...seen, n: 2 } });
    const error = await store.write({ req: { ...seen, n: 3 } }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.ok(isConflict(error));
  });

  it('refuses a container name Azure would reject', () => {
    assert.throws(
      () => new BlobAppStorage({ connectionString: service().connectionString, container: 'Bad_Name' }),
      StorageConfigError,
    );
  });

  it('is not ready while the service is down, and recovers when it is back on the same port', async () => {
    const store = freshStore();
    await store.ready();
    await store.write({ before: { v: 1 } });
    await service().stop();
    try {
      await assert.rejects(store.ready(), (error: unknown) => {
        assert.ok(error instanceof StorageUnavailableError);
        assert.match(error.message, /container "test-\d+" at http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/);
        assert.match(error.message, /BLOB_CONNECTION_STRING/);
        assert.doesNotMatch(error.message, /AccountKey/);
        return true;
      });
      await assert.rejects(store.write({ during: { v: 1 } }), StorageUnavailableError);
    } finally {
      await service().start();
    }
    // In-memory Azurite comes back empty: the store must create its container again and work.
    await store.ready();
    await store.write({ after: { v: 2 } });
    assert.equal((await store.read(['after'])).after?.v, 2);
  });

  it('backs GET /readyz: 200 naming blob, 503 while the service is down, 200 again after', async () => {
    const { url } = await apps.start({}, { storage: freshStore() });
    const ok = await fetch(`${url}/readyz`);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), {
      status: 'ready',
      storage: 'blob',
      authentication: 'off (loopback only)',
    });
    await service().stop();
    try {
      const down = await fetch(`${url}/readyz`);
      assert.equal(down.status, 503);
      assert.deepEqual(await down.json(), {
        status: 'unavailable',
        storage: 'blob',
        authentication: 'off (loopback only)',
      });
    } finally {
      await service().start();
    }
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
  });

  it('STORAGE=blob from the environment: state lives in Azurite, so a second app picks up the conversation', async () => {
    const env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: service().connectionString,
      BLOB_CONTAINER: 'wayfinder-env',
    };
    const { strings } = testContent();
    const first = await apps.start(env, { storage: undefined });
    assert.equal(first.app.storage.kind, 'blob');
    await exchange(first.url, testActivity('blob-1', { text: 'hello' }));
    await exchange(first.url, testActivity('blob-1', { text: strings.text('menu.nickname') }));
    await first.app.close();
    const second = await apps.start(env, { storage: undefined });
    const replies = await exchange(second.url, testActivity('blob-1', { text: 'Kai' }));
    assert.equal(replies[0]?.text, strings.text('nickname.saved', { name: 'Kai' }));
  });

  it('is not ready, within its timeout, when nothing listens at the endpoint', async () => {
    const closed = service().connectionString.replace(`:${service().port}/`, ':1/');
    const store = new BlobAppStorage({
      connectionString: closed,
      container: 'nowhere',
      readyTimeoutMs: 2_000,
    });
    const started = Date.now();
    await assert.rejects(store.ready(), StorageUnavailableError);
    assert.ok(Date.now() - started < 10_000);
  });
});
