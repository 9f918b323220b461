import assert from 'node:assert/strict';
import {
  ConversationStore,
  type DirectLineLimits,
  defaultLimits,
} from '../../src/channels/conversation-store.js';

/** A store on a clock the test moves by hand. */
function storeAt(limits: Partial<DirectLineLimits> = {}) {
  const clock = { now: Date.UTC(2030, 0, 1) };
  const store = new ConversationStore({ ...defaultLimits, ...limits }, () => clock.now);
  return { store, clock };
}

const message = (text: string) => ({
  type: 'message',
  text,
  channelId: 'directline',
  from: { id: 'u', role: 'user' },
  conversation: { id: 'c' },
});

describe('ConversationStore', () => {
  it('keeps only the newest maxActivities, while the watermark keeps counting', () => {
    const { store } = storeAt({ maxActivities: 3 });
    const grant = store.open();
    const conversation = store.conversation(grant.conversationId);
    assert.ok(conversation);
    for (let i = 1; i <= 5; i += 1) store.append(conversation, message(`m${i}`));
    const all = store.since(conversation, 0);
    assert.deepEqual(
      all.activities.map((a) => a.text),
      ['m3', 'm4', 'm5'],
    );
    assert.equal(all.watermark, '5');
    assert.deepEqual(
      store.since(conversation, 4).activities.map((a) => a.text),
      ['m5'],
    );
    assert.deepEqual(store.since(conversation, 5).activities, []);
    assert.equal(store.holds(conversation, all.activities[0]?.id ?? ''), true);
  });

  it('gives activities in one millisecond strictly increasing timestamps', () => {
    const { store } = storeAt();
    const conversation = store.conversation(store.open().conversationId);
    assert.ok(conversation);
    const first = store.append(conversation, message('a'));
    const second = store.append(conversation, message('b'));
    assert.ok(Date.parse(second.timestamp) > Date.parse(first.timestamp));
  });

  it('expires tokens after their lifetime unless refreshed', () => {
    const { store, clock } = storeAt({ tokenTtlMs: 1000, idleMs: 60_000 });
    const kept = store.open();
    const lapsed = store.open();
    clock.now += 900;
    assert.ok(store.refresh(kept.token));
    assert.equal(store.expiresIn(kept), 1);
    clock.now += 200;
    assert.ok(store.grant(kept.token));
    assert.equal(store.grant(lapsed.token), undefined);
    assert.equal(store.refresh(lapsed.token), undefined);
  });

  it('sweeps conversations idle for idleMs, with their tokens, and keeps touched ones', () => {
    const { store, clock } = storeAt({ idleMs: 1000 });
    const idle = store.open();
    const busy = store.open();
    clock.now += 600;
    store.conversation(busy.conversationId, true);
    clock.now += 600;
    assert.equal(store.sweep(), 1);
    assert.equal(store.conversation(idle.conversationId), undefined);
    assert.equal(store.grant(idle.token), undefined);
    assert.ok(store.conversation(busy.conversationId));
    assert.deepEqual(store.size(), { conversations: 1, tokens: 1 });
  });

  it('forgets the least recently active conversation when full', () => {
    const { store, clock } = storeAt({ maxConversations: 2 });
    const oldest = store.open();
    clock.now += 1;
    const recent = store.open();
    clock.now += 1;
    store.conversation(oldest.conversationId, true);
    clock.now += 1;
    store.open();
    assert.deepEqual(store.size(), { conversations: 2, tokens: 2 });
    assert.equal(store.conversation(recent.conversationId), undefined);
    assert.ok(store.conversation(oldest.conversationId));
  });

  it('puts the user id in the token payload for Web Chat, behind an unguessable part', () => {
    const { store } = storeAt();
    const grant = store.open();
    const [, payload, secret] = grant.token.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), {
      user: grant.userId,
      conv: grant.conversationId,
    });
    assert.equal(Buffer.from(secret ?? '', 'base64url').length, 32);
    assert.match(grant.userId, /^dl_/);
  });
});
