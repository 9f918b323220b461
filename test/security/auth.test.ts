import assert from 'node:assert/strict';
import { conversationStateKey } from '../../src/privacy/state-keys.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

/** A JWT-shaped token nobody signed, from an issuer the Bot Framework does not trust. */
const forged = [
  Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
  Buffer.from(JSON.stringify({ iss: 'https://example.invalid', aud: 'app-id' })).toString('base64url'),
  '',
].join('.');

describe('security: with MicrosoftAppId set (HTTP, real app)', () => {
  let storage: MemoryAppStorage;

  before(() => {
    storage = new MemoryAppStorage();
    // HOST stays loopback for the test; the app id alone turns the local chat off.
  });
  const served = useTestApp({
    env: { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'app-secret', HOST: '127.0.0.1' },
    overrides: () => ({ storage }),
  });

  /** POSTs a message to /api/messages with `authorization` (none when undefined). */
  function post(authorization: string | undefined, deliveryMode?: string): Promise<Response> {
    const activity = testActivity('auth-1', { text: 'hello', serviceUrl: 'https://example.invalid' });
    if (deliveryMode) activity.deliveryMode = deliveryMode;
    else delete activity.deliveryMode;
    return fetch(`${served.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
  }

  it('answers 401 to a POST /api/messages without a valid Authorization header, and runs no turn', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      'Bearer not-a-token',
      `Bearer ${forged}`,
      'Basic a:b',
    ]) {
      const response = await post(authorization);
      assert.equal(response.status, 401, `Authorization: ${authorization ?? '(none)'}`);
      assert.deepEqual(await response.json(), { error: 'unauthorized' });
    }
    assert.equal((await post(undefined, 'expectReplies')).status, 401, 'expectReplies too');
    const key = conversationStateKey('test', 'auth-1');
    assert.deepEqual(await storage.read([key]), {}, 'nothing was stored for the conversation');
  });

  it('serves neither the local chat page nor its Direct Line channel', async () => {
    assert.equal((await fetch(`${served.url}/`)).status, 404);
    assert.equal(
      (await fetch(`${served.url}/v3/directline/tokens/generate`, { method: 'POST' })).status,
      404,
    );
    assert.equal((await fetch(`${served.url}/v3/directline/conversations`, { method: 'POST' })).status, 404);
  });

  it('keeps the probes open: /healthz and /readyz carry no data', async () => {
    assert.equal((await fetch(`${served.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${served.url}/readyz`)).status, 200);
  });
});
