import assert from 'node:assert/strict';
import sinon from 'sinon';
import { KEEP_ALIVE_MS } from '../../src/host/server.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { startConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { afterDisclosure, exchange, postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();

/** Makes the first read of `conversation`'s state take `ms`: a slow turn there. */
function slowFirstRead(storage: MemoryAppStorage, conversation: string, ms: number): void {
  const read = storage.read.bind(storage);
  let slowed = false;
  sinon.stub(storage, 'read').callsFake(async (keys: string[]) => {
    if (!slowed && keys.some((key) => key.includes(conversation))) {
      slowed = true;
      await new Promise((done) => setTimeout(done, ms));
    }
    return read(keys);
  });
}

describe('HTTP server', () => {
  let storage: MemoryAppStorage;

  beforeEach(() => {
    storage = new MemoryAppStorage();
  });
  const served = useTestApp({ overrides: () => ({ storage }), per: 'test' });
  afterEach(async () => {
    sinon.restore();
  });

  it('GET /healthz answers 200 with a small JSON body', async () => {
    const response = await fetch(`${served.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('keeps an idle connection a minute, and tells clients so, so none reuses one it is closing', async () => {
    const response = await fetch(`${served.url}/healthz`);
    await response.arrayBuffer();
    assert.equal(response.headers.get('keep-alive'), `timeout=${KEEP_ALIVE_MS / 1000}`);
  });

  it('GET /readyz names the storage backend, and answers 503 when the store is unreachable', async () => {
    const ok = await fetch(`${served.url}/readyz`);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), {
      status: 'ready',
      storage: 'memory',
      authentication: 'off (loopback only)',
    });

    sinon.stub(storage, 'ready').rejects(new Error('store down'));
    const down = await fetch(`${served.url}/readyz`);
    assert.equal(down.status, 503);
    assert.deepEqual(await down.json(), {
      status: 'unavailable',
      storage: 'memory',
      authentication: 'off (loopback only)',
    });
  });

  it('welcomes a new member with expectReplies: says it is automated, and shows the menu', async () => {
    const replies = await exchange(
      served.url,
      testActivity('welcome-1', { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: '' }] }),
    );
    const texts = replies.filter((a) => a.type === 'message').map((a) => a.text ?? '');
    assert.ok(texts[0]?.includes(strings.text('welcome.greeting')));
    assert.ok(texts[0]?.includes(strings.text('welcome.crisis')));
    assert.ok(texts[1]?.startsWith(strings.text('menu.prompt')));
  });

  it('does not welcome the bot itself joining', async () => {
    const replies = await exchange(
      served.url,
      testActivity('welcome-2', {
        type: 'conversationUpdate',
        membersAdded: [{ id: 'wayfinder', name: '' }],
      }),
    );
    assert.deepEqual(replies, []);
  });

  it('answers a message in the body, and never includes the dialog state snapshot trace', async () => {
    const replies = await exchange(served.url, testActivity('help-1', { text: 'help' }));
    assert.ok(replies.some((a) => a.text?.includes(strings.text('help.personShort'))));
    assert.ok(replies.every((a) => a.type !== 'trace' || a.name !== 'BotState'));
  });

  it('sends replies to the serviceUrl when the activity does not ask for them in the body', async () => {
    const connector = await startConnector();
    try {
      const activity = testActivity('service-1', { text: 'hello', serviceUrl: connector.url });
      delete activity.deliveryMode;
      const response = await postMessages(served.url, activity);
      assert.equal(response.status, 200);
      assert.ok(connector.received.some((a) => a.text?.startsWith(strings.text('menu.prompt'))));
      assert.ok(connector.received.every((a) => a.conversation.id === 'service-1'));
      assert.ok(
        connector.received.every((a) => a.text !== strings.text('errors.turnFailed')),
        'no turn failed',
      );
    } finally {
      await connector.close();
    }
  });

  it('refuses a body over the cap with 413, and keeps serving', async () => {
    const big = JSON.stringify(testActivity('big-1', { text: 'x'.repeat(1024 * 1024) }));
    const response = await postMessages(served.url, big);
    assert.equal(response.status, 413);
    assert.equal((await fetch(`${served.url}/healthz`)).status, 200);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await postMessages(served.url, '{"type": "message", ');
    assert.equal(response.status, 400);
    assert.equal((await fetch(`${served.url}/healthz`)).status, 200);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await postMessages(served.url, 'type=message', 'text/plain');
    assert.equal(response.status, 415);
  });

  it('refuses an activity without a conversation with 400 naming what is missing', async () => {
    const activity = testActivity('x', { text: 'hi' });
    delete activity.conversation;
    const response = await postMessages(served.url, activity);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { problems: string[] };
    assert.ok(body.problems.some((p) => p.includes('conversation')));
  });

  it('refuses an activity without from, without type, or a JSON array, with 400', async () => {
    const noFrom = testActivity('x', { text: 'hi' });
    delete noFrom.from;
    const noType = testActivity('x', { text: 'hi' });
    delete noType.type;
    for (const body of [noFrom, noType, [1, 2]]) {
      assert.equal((await postMessages(served.url, body)).status, 400, JSON.stringify(body).slice(0, 60));
    }
  });

  it('refuses an activity with neither serviceUrl nor expectReplies with 400', async () => {
    const activity = testActivity('x', { text: 'hi' });
    delete activity.deliveryMode;
    assert.equal((await postMessages(served.url, activity)).status, 400);
  });

  it('answers a message longer than the limit kindly, without running the dialogs', async () => {
    const replies = afterDisclosure(
      await exchange(served.url, testActivity('long-1', { text: 'a'.repeat(5000) })),
    );
    assert.equal(replies.length, 1);
    assert.ok(replies[0]?.text?.includes(strings.text('errors.tooLong', { max: 1000 })));
  });

  it('answers an attachment-only message by asking for text', async () => {
    const replies = await exchange(
      served.url,
      testActivity('attach-1', {
        attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a' }],
      }),
    );
    assert.ok(replies.some((a) => a.text === strings.text('errors.notText')));
  });

  it('on a failed save: apologizes, keeps the stored state from before the turn, and the next turn works', async () => {
    const conversation = 'fail-1';
    await exchange(served.url, testActivity(conversation, { text: 'hello' }));
    const key = `test/conversations/${conversation}/`;
    const before = (await storage.read([key]))[key];
    assert.ok(before, 'the first turn saved conversation state');

    const write = sinon.stub(storage, 'write');
    write.onFirstCall().rejects(new Error('disk unavailable'));
    write.callThrough();

    const failed = await exchange(served.url, testActivity(conversation, { text: 'Choose a nickname' }));
    assert.ok(failed.some((a) => a.text === strings.text('errors.turnFailed')));
    assert.deepEqual((await storage.read([key]))[key], before);

    const next = await exchange(served.url, testActivity(conversation, { text: 'Choose a nickname' }));
    assert.ok(next.some((a) => a.text === strings.text('nickname.ask')));
  });

  it('shows a typing indicator on the channel when a turn is slow', async () => {
    const connector = await startConnector();
    slowFirstRead(storage, 'slow-1', 900);
    try {
      const activity = testActivity('slow-1', { text: 'hello', serviceUrl: connector.url });
      delete activity.deliveryMode;
      assert.equal((await postMessages(served.url, activity)).status, 200);
      assert.equal(connector.received[0]?.type, 'typing');
      assert.ok(connector.received.some((a) => a.text?.startsWith(strings.text('menu.prompt'))));
    } finally {
      await connector.close();
    }
  });

  it('a slow turn with expectReplies gets its replies and the process keeps serving', async () => {
    slowFirstRead(storage, 'slow-2', 900);
    const replies = await exchange(served.url, testActivity('slow-2', { text: 'hello' }));
    assert.ok(replies.some((a) => a.text?.startsWith(strings.text('menu.prompt'))));
    assert.equal((await fetch(`${served.url}/healthz`)).status, 200);
  });

  it('sends no typing indicator on a quick turn', async () => {
    const connector = await startConnector();
    try {
      const activity = testActivity('quick-1', { text: 'hello', serviceUrl: connector.url });
      delete activity.deliveryMode;
      await postMessages(served.url, activity);
      assert.ok(connector.received.length > 0);
      assert.ok(connector.received.every((a) => a.type !== 'typing'));
    } finally {
      await connector.close();
    }
  });

  it('resumes a conversation at its step across turns (state is stored, not held in memory)', async () => {
    await exchange(served.url, testActivity('resume-1', { text: 'hello' }));
    await exchange(served.url, testActivity('resume-1', { text: 'Choose a nickname' }));
    const replies = await exchange(served.url, testActivity('resume-1', { text: 'Ari' }));
    assert.ok(replies.some((a) => a.text === strings.text('nickname.saved', { name: 'Ari' })));
  });
});
