import assert from 'node:assert/strict';
import { Azurite } from '../support/azurite.js';
import { testContent } from '../support/content.js';
import { exchange, testActivity } from '../support/http.js';
import { makeTempDir } from '../support/temp-dir.js';
import { useStartedApps } from '../support/test-app.js';

const { strings } = testContent();

describe('a Blob store outage during a conversation', function () {
  this.timeout(120_000);
  // The store's folder outlives every app and goes after Azurite stops: made here, not per test.
  let dir: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  let azurite: Azurite | undefined;
  const apps = useStartedApps();

  before(async () => {
    dir = await makeTempDir('wayfinder-azurite-');
    azurite = await Azurite.start({ location: dir.path });
  });
  after(async () => {
    await azurite?.stop();
    await dir?.remove();
  });

  it('apologizes, keeps what was saved, and recovers when the store is back', async () => {
    assert.ok(azurite);
    const env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'outage',
    };
    const started = await apps.start(env, { storage: undefined });
    const say = (text: string) => exchange(started.url, testActivity('outage-1', { text }));
    await say('hello');
    assert.equal((await say(strings.text('menu.nickname')))[0]?.text, strings.text('nickname.ask'));

    await azurite.stop();
    const during = await say('Kai');
    assert.ok(
      during.some((a) => a.text === strings.text('errors.turnFailed')),
      'the person gets an apology',
    );
    assert.equal((await fetch(`${started.url}/readyz`)).status, 503);

    await azurite.start();
    assert.equal((await fetch(`${started.url}/readyz`)).status, 200);
    const after = await say('Kai');
    assert.equal(
      after[0]?.text,
      strings.text('nickname.saved', { name: 'Kai' }),
      'the open question was kept',
    );
  });
});
