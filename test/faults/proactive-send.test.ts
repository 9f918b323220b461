import assert from 'node:assert/strict';
import type { ConversationReference } from 'botbuilder';
import { createAdapter } from '../../src/host/adapter.js';
import { loadConfig } from '../../src/host/config.js';
import { silentLogger } from '../../src/platform/log.js';
import { proactiveSender } from '../../src/platform/proactive.js';
import {
  backoffMs,
  classifyFailure,
  defaultRetryPolicy,
  type RetryPolicy,
  SendTimeoutError,
} from '../../src/platform/send-retry.js';
import { type StandInConnector, startConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

/** Fails the test if any promise rejection goes unhandled while it runs (that would crash a process). */
function watchUnhandledRejections(): { check(): void; stop(): void } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return {
    check: () => assert.deepEqual(seen, [], 'no unhandled rejection'),
    stop: () => process.off('unhandledRejection', listener),
  };
}

describe('faults: proactive sends retry transient connector failures, bounded', () => {
  let connector: StandInConnector;
  let waits: number[];
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  const adapter = createAdapter(loadConfig({}), { strings, logger: silentLogger });

  /** A sender with short timeouts whose backoff waits are recorded, not slept. */
  const sender = (policy: Partial<RetryPolicy> = {}) =>
    proactiveSender(adapter, '', silentLogger, {
      attemptTimeoutMs: 300,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
      ...policy,
    });
  const to = (conversation: string): Partial<ConversationReference> => ({
    channelId: 'test',
    serviceUrl: connector.url,
    conversation: { id: conversation, isGroup: false, conversationType: '', name: '' },
  });

  beforeEach(async () => {
    connector = await startConnector();
    waits = [];
    rejections = watchUnhandledRejections();
  });
  afterEach(async () => {
    await connector.close();
    rejections.check();
    rejections.stop();
  });

  it('a 503 twice, then delivered: the SDK pipeline retries inside one attempt', async () => {
    connector.fail('c-503', { kind: 'status', status: 503 }, 2);
    const sent = await sender({ attemptTimeoutMs: 8_000 })(to('c-503'), [{ type: 'message', text: 'hi' }]);
    assert.equal(sent, true);
    assert.equal(connector.attempts('c-503'), 3);
    assert.deepEqual(connector.newTexts('c-503'), ['hi']);
  });

  it('a 429 with Retry-After, then delivered', async () => {
    connector.fail('c-429', { kind: 'status', status: 429, headers: { 'retry-after': '1' } }, 1);
    const sent = await sender({ attemptTimeoutMs: 8_000 })(to('c-429'), [{ type: 'message', text: 'hi' }]);
    assert.equal(sent, true);
    assert.equal(connector.attempts('c-429'), 2);
    assert.deepEqual(connector.newTexts('c-429'), ['hi']);
  });

  it('a 403 (say, the bot was removed) is not retried: one attempt, reported as not sent', async () => {
    connector.fail('c-403', { kind: 'status', status: 403 });
    assert.equal(await sender()(to('c-403'), [{ type: 'message', text: 'hi' }]), false);
    assert.equal(connector.attempts('c-403'), 1);
    assert.deepEqual(waits, []);
  });

  it('a connector that hangs once: the attempt times out, a retry after a backoff delivers it once', async () => {
    connector.fail('c-hang', { kind: 'hang' }, 1);
    const sent = await sender()(to('c-hang'), [{ type: 'message', text: 'hi' }]);
    assert.equal(sent, true);
    assert.equal(connector.attempts('c-hang'), 2);
    assert.deepEqual(waits, [backoffMs({ ...defaultRetryPolicy, random: () => 0.5 }, 0)]);
    assert.deepEqual(connector.newTexts('c-hang'), ['hi']);
  });

  it('a retry resumes at the first activity not yet sent: nothing is delivered twice', async () => {
    // The first activity goes through; then the connector hangs once, on the second.
    connector.fail('c-part', { kind: 'hang' }, 1, 1);
    const sent = await sender()(to('c-part'), [
      { type: 'message', text: 'one' },
      { type: 'message', text: 'two' },
    ]);
    assert.equal(sent, true);
    assert.equal(connector.attempts('c-part'), 3);
    assert.deepEqual(connector.newTexts('c-part'), ['one', 'two']);
  });

  it('a connector that always hangs: gives up after the bounded attempts and reports not sent', async () => {
    connector.fail('c-dead', { kind: 'hang' });
    const sent = await sender({ attempts: 3 })(to('c-dead'), [{ type: 'message', text: 'hi' }]);
    assert.equal(sent, false);
    assert.equal(connector.attempts('c-dead'), 3);
    assert.equal(waits.length, 2, 'a backoff between attempts');
  });

  it('stops when the deadline leaves no room for the next wait', async () => {
    connector.fail('c-late', { kind: 'hang' });
    let clock = 0;
    const sent = await sender({
      attempts: 10,
      deadlineMs: 1_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += 600;
      },
    })(to('c-late'), [{ type: 'message', text: 'hi' }]);
    assert.equal(sent, false);
    assert.ok(connector.attempts('c-late') < 10, 'the deadline, not the attempt count, stopped it');
  });
});

describe('send-retry: which failures are retried, and how long to wait', () => {
  const restError = (statusCode: number, retryAfter?: string) => ({
    statusCode,
    response: { headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } },
  });

  it('retries timeouts, network errors, 5xx, 408 and 429; not other 4xx', () => {
    for (const error of [new SendTimeoutError(1), new Error('ECONNRESET'), restError(500), restError(503)])
      assert.equal(classifyFailure(error).retry, true);
    for (const status of [408, 429])
      assert.equal(classifyFailure(restError(status)).retry, true, `${status}`);
    for (const status of [400, 401, 403, 404, 413]) {
      assert.equal(classifyFailure(restError(status)).retry, false, `${status}`);
    }
  });

  it('honours a 429 Retry-After in seconds or as a date', () => {
    assert.deepEqual(classifyFailure(restError(429, '2')), { retry: true, afterMs: 2000 });
    const later = new Date(Date.now() + 60_000).toUTCString();
    const verdict = classifyFailure(restError(429, later));
    assert.ok(verdict.retry && verdict.afterMs !== undefined && verdict.afterMs > 50_000);
  });

  it('waits a random time under an exponential cap (full jitter)', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1_000 };
    assert.equal(backoffMs({ ...policy, random: () => 0.999 }, 0), 99);
    assert.equal(backoffMs({ ...policy, random: () => 0.999 }, 3), 799);
    assert.equal(backoffMs({ ...policy, random: () => 0.999 }, 10), 999, 'capped');
    assert.equal(backoffMs({ ...policy, random: () => 0 }, 5), 0);
  });
});
