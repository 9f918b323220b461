import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/host/app.js';
import { Azurite } from '../support/azurite.js';
import { testContent } from '../support/content.js';
import { exchange, startTestApp, testActivity } from '../support/http.js';

const { strings } = testContent();

describe('a Blob store outage during a conversation', function () {
  this.timeout(120_000);
  let dir: string;
  let azurite: Azurite | undefined;
  let app: App | undefined;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wayfinder-azurite-'));
    azurite = await Azurite.start({ location: dir });
  });
  after(async () => {
    await app?.close();
    await azurite?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('apologizes, keeps what was saved, and recovers when the store is back', async () => {
    assert.ok(azurite);
    const env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'outage',
    };
    const started = await startTestApp(env, { storage: undefined });
    app = started.app;
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
