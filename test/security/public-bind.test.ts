import assert from 'node:assert/strict';
import { createLogger } from '../../src/platform/log.js';
import { DirectLineClient } from '../channels/direct-line-client.js';
import { useStartedApps } from '../support/test-app.js';

/** The user id the local Direct Line gives a conversation whose page asked to be `chosen`. */
async function pageUserId(url: string, chosen: string): Promise<string | undefined> {
  const client = await DirectLineClient.start(url, chosen);
  await client.pollUntil(1);
  await client.say('help');
  const echo = (await client.pollUntil(1)).find((activity) => activity.from.role === 'user');
  return echo?.from.id;
}

describe('security: a public bind without MicrosoftAppId (HTTP, real app)', () => {
  const apps = useStartedApps();

  /** Starts the app with `env`, keeping every log line it writes. */
  async function startLogged(env: NodeJS.ProcessEnv) {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ write: (line) => lines.push(JSON.parse(line)) });
    const started = await apps.start(env, { logger });
    return { ...started, lines };
  }

  it('with ALLOW_UNAUTHENTICATED=true it starts, warns at start without secrets, and /readyz says auth is off', async () => {
    const { url, lines } = await startLogged({
      HOST: '0.0.0.0',
      ALLOW_UNAUTHENTICATED: 'true',
      SPECIALIST_IDS: 'peer-1,peer-2',
      BLOB_CONNECTION_STRING: 'AccountKey=never-logged',
    });
    const warnings = lines.filter((line) => line.event === 'auth.off_public_bind');
    assert.equal(warnings.length, 1, 'one warning at start');
    const [warning] = warnings;
    assert.equal(warning?.level, 'warn');
    assert.equal(warning?.host, '0.0.0.0');
    assert.equal(warning?.optIn, 'ALLOW_UNAUTHENTICATED');
    assert.equal(warning?.specialistIds, 2, 'a count, not the ids');
    assert.ok(!JSON.stringify(lines).includes('peer-1'), 'no specialist id in the log');
    assert.ok(!JSON.stringify(lines).includes('never-logged'), 'no secret in the log');

    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), {
      status: 'ready',
      storage: 'memory',
      authentication: 'off (ALLOW_UNAUTHENTICATED)',
    });
  });

  it('on loopback nothing is warned and /readyz says auth is off for loopback only', async () => {
    const { url, lines } = await startLogged({});
    assert.deepEqual(
      lines.filter((line) => line.level === 'warn'),
      [],
    );
    assert.equal(
      ((await (await fetch(`${url}/readyz`)).json()) as { authentication?: string }).authentication,
      'off (loopback only)',
    );
  });

  it('with Bot Framework auth /readyz says so', async () => {
    const { url } = await apps.start({
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'app-secret',
      HOST: '127.0.0.1',
    });
    const body = (await (await fetch(`${url}/readyz`)).json()) as { authentication?: string };
    assert.equal(body.authentication, 'Bot Framework');
  });

  it('the local chat page may name its user on loopback, never on a public bind (LOCAL_CHAT=true)', async () => {
    const loopback = await apps.start();
    assert.equal(await pageUserId(loopback.url, 'peer-1'), 'peer-1');
    const open = await apps.start({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true', LOCAL_CHAT: 'true' });
    const id = await pageUserId(open.url, 'peer-1');
    assert.ok(id && id !== 'peer-1', `a generated id, not the page's choice (got ${id})`);
  });
});
