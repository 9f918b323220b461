import assert from 'node:assert/strict';
import { type Activity, TestAdapter, TurnContext } from 'botbuilder';
import { rateLimit } from '../../src/host/rate-limit.js';
import { silentLogger } from '../../src/platform/log.js';
import { testContent } from '../support/content.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const notice = strings.text('errors.slowDown');

describe('security: a per-conversation rate limit for floods (HTTP, real app)', () => {
  let now: number;

  beforeEach(() => {
    now = 0;
  });
  const served = useTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '10' },
    overrides: () => ({ rateClock: () => now }),
    per: 'test',
  });

  const say = (conversation: string, text: string) =>
    exchange(served.url, testActivity(conversation, { text }));
  const texts = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '');

  it('100 messages in one conversation: one notice, a bounded number of replies, crisis still answered, others unaffected', async () => {
    const replies: string[][] = [];
    for (let index = 0; index < 100; index += 1) {
      const text = index === 50 ? 'I want to kill myself' : `message ${index}`;
      replies.push(texts(await say('flood-1', text)));
    }
    const answered = replies.filter((r) => r.length > 0 && !r.includes(notice));
    assert.equal(answered.length, 10 + 1, 'the burst of 10, and the crisis message');
    assert.equal(replies.flat().filter((t) => t === notice).length, 1, 'one notice');
    assert.deepEqual(replies[10], [notice], 'the first message over the limit gets the notice');
    assert.ok(replies[50]?.join('\n').includes(strings.text('safety.callNow')), 'crisis resources mid-flood');
    assert.equal(replies.slice(11).filter((r) => r.length > 0).length, 1, 'the rest are dropped silently');

    const calm = await say('calm-1', 'hello');
    assert.ok(
      calm.some((a) => a.text?.startsWith(strings.text('menu.prompt'))),
      'another conversation',
    );
    assert.equal((await fetch(`${served.url}/healthz`)).status, 200);

    now += 60_000;
    const later = await say('flood-1', 'menu');
    assert.ok(
      later.some((a) => a.text?.startsWith(strings.text('menu.prompt'))),
      'picks up after a pause',
    );
  });
});

describe('rateLimit middleware', () => {
  /** Runs one message from `conversation` through `middleware`; says whether the turn went on. */
  async function turn(
    middleware: ReturnType<typeof rateLimit>,
    conversation: string,
    text = 'hi',
  ): Promise<{ passed: boolean; sent: string[] }> {
    const sent: string[] = [];
    const adapter = new TestAdapter(async () => {});
    const context = new TurnContext(adapter, {
      type: 'message',
      text,
      channelId: 'test',
      conversation: { id: conversation, isGroup: false, conversationType: '', name: '' },
      from: { id: 'u', name: '' },
      recipient: { id: 'bot', name: '' },
    });
    context.onSendActivities(async (_context, activities, next) => {
      sent.push(...activities.map((a) => a.text ?? ''));
      return next();
    });
    let passed = false;
    await middleware.onTurn(context, async () => {
      passed = true;
    });
    return { passed, sent };
  }

  it('refills at the configured rate', async () => {
    let now = 0;
    const limit = rateLimit({
      perMinute: 2,
      urgent: () => false,
      notice: () => 'slow',
      logger: silentLogger,
      now: () => now,
    });
    assert.equal((await turn(limit, 'a')).passed, true);
    assert.equal((await turn(limit, 'a')).passed, true);
    assert.deepEqual(await turn(limit, 'a'), { passed: false, sent: ['slow'] });
    assert.deepEqual(await turn(limit, 'a'), { passed: false, sent: [] });
    now += 30_000; // one token back
    assert.equal((await turn(limit, 'a')).passed, true);
    assert.deepEqual(
      await turn(limit, 'a'),
      { passed: false, sent: ['slow'] },
      'a new episode, a new notice',
    );
  });

  it('lets an urgent message through whatever the rate', async () => {
    const limit = rateLimit({
      perMinute: 1,
      urgent: (text) => text === 'help me',
      notice: () => 'slow',
      logger: silentLogger,
      now: () => 0,
    });
    await turn(limit, 'a');
    assert.equal((await turn(limit, 'a', 'help me')).passed, true);
    assert.equal((await turn(limit, 'a', 'help me')).passed, true);
  });

  it('tracks at most maxConversations: the least recently active is forgotten (a fresh bucket)', async () => {
    const limit = rateLimit({
      perMinute: 1,
      maxConversations: 2,
      urgent: () => false,
      notice: () => 'slow',
      logger: silentLogger,
      now: () => 0,
    });
    await turn(limit, 'a');
    assert.equal((await turn(limit, 'a')).passed, false, 'a is limited');
    await turn(limit, 'b');
    await turn(limit, 'c'); // a, least recently active, is forgotten
    assert.equal((await turn(limit, 'a')).passed, true, 'a starts again with a full bucket');
    assert.equal((await turn(limit, 'c')).passed, false, 'c is still tracked');
  });
});
