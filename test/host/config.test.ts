import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/host/config.js';

/** Loads config from `env`, returning the error's problems when it fails. */
function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env, '/srv/wayfinder');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to local use: loopback, port 3978, file store in ./data, local chat on', () => {
    const config = loadConfig({}, '/srv/wayfinder');
    assert.equal(config.port, 3978);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.storage.kind, 'file');
    assert.equal(config.storage.dataDir, '/srv/wayfinder/data');
    assert.equal(config.localChat, true);
    assert.deepEqual(config.specialistIds, []);
  });

  it('with a MicrosoftAppId binds all interfaces and turns local chat off', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' });
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.localChat, false);
    assert.equal(config.auth.appId, 'app');
  });

  it('never serves local chat on a public bind unless LOCAL_CHAT=true says so', () => {
    const open = { HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' };
    assert.equal(loadConfig(open).localChat, false);
    assert.equal(loadConfig({ ...open, LOCAL_CHAT: 'true' }).localChat, true);
    assert.equal(loadConfig({ LOCAL_CHAT: 'false' }).localChat, false);
  });

  it('refuses a public bind without MicrosoftAppId, naming HOST and each way to fix it', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'wayfinder.example.org']) {
      const problems = problemsOf({ HOST: host });
      assert.deepEqual(
        problems.map((line) => line.split(':')[0]),
        ['HOST'],
        host,
      );
      const line = problems[0] ?? '';
      assert.ok(line.includes(`got "${host}"`), line);
      for (const fix of [
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'HOST=127.0.0.1',
        'ALLOW_UNAUTHENTICATED=true',
      ]) {
        assert.ok(line.includes(fix), `${host}: the fix names ${fix}: ${line}`);
      }
    }
  });

  it('names the public bind together with every other bad variable', () => {
    const problems = problemsOf({ HOST: '0.0.0.0', PORT: 'abc', LOCAL_CHAT: 'yes' });
    assert.deepEqual(problems.map((line) => line.split(':')[0]).sort(), ['HOST', 'LOCAL_CHAT', 'PORT']);
  });

  it('a loopback bind needs no auth: the default, 127.x, localhost and ::1', () => {
    for (const env of [
      {},
      { HOST: '127.0.0.1' },
      { HOST: '127.0.0.2' },
      { HOST: 'localhost' },
      { HOST: '::1' },
    ]) {
      assert.equal(loadConfig(env).auth.mode, 'offLoopback', JSON.stringify(env));
    }
  });

  it('ALLOW_UNAUTHENTICATED=true opts a public bind in, for a trusted network', () => {
    const config = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true', SPECIALIST_IDS: 'peer-1' });
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.auth.mode, 'offAllowed');
    assert.equal(config.localChat, false);
    assert.equal(problemsOf({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'false' })[0]?.split(':')[0], 'HOST');
    assert.deepEqual(
      problemsOf({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'yes' })
        .map((l) => l.split(':')[0])
        .sort(),
      ['ALLOW_UNAUTHENTICATED', 'HOST'],
    );
  });

  it('ALLOW_UNAUTHENTICATED is refused together with MicrosoftAppId (auth is on there)', () => {
    const env = { MicrosoftAppId: 'app', MicrosoftAppPassword: 's', ALLOW_UNAUTHENTICATED: 'true' };
    assert.deepEqual(
      problemsOf(env).map((line) => line.split(':')[0]),
      ['ALLOW_UNAUTHENTICATED'],
    );
    assert.equal(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 's' }).auth.mode, 'botFramework');
  });

  it('keeps the single-instance local chat off with STORAGE=blob unless LOCAL_CHAT=true says so', () => {
    const blob = { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'x', BLOB_CONTAINER: 'state' };
    assert.equal(loadConfig(blob).localChat, false);
    assert.equal(loadConfig({ ...blob, LOCAL_CHAT: 'true' }).localChat, true);
  });

  it('parses SPECIALIST_IDS as a trimmed comma list, ignoring empty entries', () => {
    assert.deepEqual(loadConfig({ SPECIALIST_IDS: ' a1, b2 ,,c3 ' }).specialistIds, ['a1', 'b2', 'c3']);
  });

  it('takes SPECIALIST_CHANNEL_ID as a Teams channel id, and refuses anything else with an example', () => {
    const id = '19:abc123def@thread.tacv2';
    assert.equal(loadConfig({ SPECIALIST_CHANNEL_ID: ` ${id} ` }).specialistChannelId, id);
    assert.equal(loadConfig({}).specialistChannelId, undefined);
    const [problem = ''] = problemsOf({ SPECIALIST_CHANNEL_ID: 'general' });
    assert.match(problem, /^SPECIALIST_CHANNEL_ID: expected a Teams channel id such as 19:/);
  });

  it('RATE_LIMIT_PER_MINUTE: 30 by default, 0 turns it off, anything but a whole number is refused', () => {
    assert.equal(loadConfig({}).rateLimitPerMinute, 30);
    assert.equal(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute, 0);
    assert.ok(problemsOf({ RATE_LIMIT_PER_MINUTE: 'lots' })[0]?.startsWith('RATE_LIMIT_PER_MINUTE:'));
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ PORT: '', STORAGE: '', MicrosoftAppId: '' }).port, 3978);
  });

  it('names every bad variable at once, with what it expects', () => {
    const problems = problemsOf({
      PORT: '70000',
      STORAGE: 'mongo',
      LOCAL_CHAT: 'yes',
      MicrosoftAppType: 'Personal',
      LOG_LEVEL: 'loud',
    });
    const named = problems.map((line) => line.split(':')[0]);
    assert.deepEqual(named.sort(), ['LOCAL_CHAT', 'LOG_LEVEL', 'MicrosoftAppType', 'PORT', 'STORAGE']);
    assert.ok(problems.some((line) => line.includes('expected memory, file or blob')));
    assert.ok(problems.some((line) => line.includes('got "70000"')));
  });

  it('requires the blob settings when STORAGE=blob', () => {
    const problems = problemsOf({ STORAGE: 'blob' });
    assert.ok(problems.some((line) => line.startsWith('BLOB_CONNECTION_STRING:')));
    assert.ok(problems.some((line) => line.startsWith('BLOB_CONTAINER:')));
  });

  it('rejects an invalid container name', () => {
    const problems = problemsOf({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'x', BLOB_CONTAINER: 'Bad_Name' });
    assert.deepEqual(
      problems.map((line) => line.split(':')[0]),
      ['BLOB_CONTAINER'],
    );
  });

  it('requires a password with an app id, and a tenant for single-tenant bots', () => {
    const problems = problemsOf({ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant' });
    assert.deepEqual(problems.map((line) => line.split(':')[0]).sort(), [
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
    ]);
  });

  it('never echoes a secret in the error', () => {
    const problems = problemsOf({ MicrosoftAppPassword: 'hunter2-secret' });
    assert.ok(problems.every((line) => !line.includes('hunter2-secret')));
  });

  it('refuses local chat together with Bot Framework auth', () => {
    const problems = problemsOf({ MicrosoftAppId: 'app', MicrosoftAppPassword: 's', LOCAL_CHAT: 'true' });
    assert.deepEqual(
      problems.map((line) => line.split(':')[0]),
      ['LOCAL_CHAT'],
    );
  });

  it('the message tells the operator what to do', () => {
    try {
      loadConfig({ PORT: 'abc' });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PORT/);
      assert.match(error.message, /\.env\.example/);
    }
  });
});
