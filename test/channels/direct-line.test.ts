import assert from 'node:assert/strict';
import { type ConversationReference, TurnContext } from 'botbuilder';
import { testContent } from '../support/content.js';
import { useTestApp } from '../support/test-app.js';
import { assertNoFailedTurn, botMessages, DirectLineClient } from './direct-line-client.js';

const { strings } = testContent();

describe('local Direct Line channel', () => {
  const served = useTestApp({ per: 'test' });

  it('issues a token bound to a new conversation', async () => {
    const client = await DirectLineClient.generate(served.url);
    assert.match(client.grant.conversationId, /^[\w-]{20,}$/);
    assert.match(client.grant.token, /^[\w-]+\.[\w-]+\.[\w-]{40,}$/);
    assert.ok(client.grant.expires_in > 60);
    const other = await DirectLineClient.generate(served.url);
    assert.notEqual(other.grant.conversationId, client.grant.conversationId);
    assert.notEqual(other.grant.token, client.grant.token);
  });

  it('welcomes the user once when the conversation starts, without a replyToId', async () => {
    const client = await DirectLineClient.start(served.url);
    // Starting waits for the bot's turn, so everything it said is there at the first poll.
    const started = await client.poll();
    assertNoFailedTurn(started, strings.text('errors.turnFailed'));
    const [welcome, menu] = botMessages(started);
    assert.ok(welcome && menu);
    assert.ok(welcome.text?.includes(strings.text('welcome.greeting')));
    assert.ok(welcome.text?.includes(strings.text('welcome.crisis')));
    assert.equal(welcome.replyToId, undefined);
    assert.equal(welcome.conversation.id, client.grant.conversationId);
    assert.ok(welcome.id && !Number.isNaN(Date.parse(welcome.timestamp)));
    assert.ok(menu.text?.startsWith(strings.text('menu.prompt')));

    const again = await client.request('POST', '/conversations', {});
    assert.equal(again.status, 200);
    assert.equal(
      ((await again.json()) as { conversationId: string }).conversationId,
      client.grant.conversationId,
    );
    assert.deepEqual(botMessages(await client.poll()), [], 'no second welcome');
  });

  it('echoes a posted message with id, timestamp and clientActivityID, then the bot reply follows', async () => {
    const client = await DirectLineClient.start(served.url);
    await client.pollUntil(2);
    const id = await client.say('help', 'client-1');
    const polled = await client.pollUntil(1);
    assertNoFailedTurn(polled, strings.text('errors.turnFailed'));
    const echo = polled.find((a) => a.from.role === 'user');
    assert.ok(echo);
    assert.equal(echo.id, id);
    assert.equal(echo.text, 'help');
    assert.equal(echo.channelData?.clientActivityID, 'client-1');
    assert.ok(!Number.isNaN(Date.parse(echo.timestamp)));
    assert.match(echo.from.id, /^dl_/, 'the user id comes from the token, not the body');

    const [reply] = botMessages(polled);
    assert.ok(reply);
    assert.ok(reply.text?.includes(strings.text('help.personShort')));
    assert.equal(reply.from.role, 'bot');
    assert.equal(reply.replyToId, id);
    assert.ok(reply.id && reply.id !== id);
    assert.ok(Date.parse(reply.timestamp) > Date.parse(echo.timestamp));
  });

  it('sets the channel fields itself, ignoring a client asking for expectReplies or another serviceUrl', async () => {
    const client = await DirectLineClient.start(served.url);
    await client.poll();
    const response = await client.request(
      'POST',
      `/conversations/${client.grant.conversationId}/activities`,
      {
        type: 'message',
        text: 'help',
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:9/',
        recipient: { id: 'someone-else' },
        conversation: { id: 'another' },
      },
    );
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys((await response.json()) as object), ['id'], 'no replies in the body');
    const polled = await client.poll();
    assert.equal(polled[0]?.conversation.id, client.grant.conversationId);
    assert.ok(botMessages(polled).some((a) => a.text?.includes(strings.text('help.personShort'))));
  });

  it('returns only newer activities when polled with the returned watermark', async () => {
    const client = await DirectLineClient.start(served.url);
    const first = await client.pollUntil(2);
    const firstWatermark = client.watermark;
    assert.deepEqual(await client.poll(), []);
    assert.equal(client.watermark, firstWatermark);

    await client.say('menu');
    const newer = await client.pollUntil(1);
    const firstIds = new Set(first.map((a) => a.id));
    assert.ok(newer.length > 0 && newer.every((a) => !firstIds.has(a.id)));

    client.watermark = '';
    const everything = await client.poll();
    assert.deepEqual(
      everything.map((a) => a.id),
      [...first, ...newer].map((a) => a.id),
    );
  });

  it('refreshes a token for the same conversation', async () => {
    const client = await DirectLineClient.generate(served.url);
    const refreshed = await client.request('POST', '/tokens/refresh');
    assert.equal(refreshed.status, 200);
    const body = (await refreshed.json()) as { conversationId: string; token: string };
    assert.equal(body.conversationId, client.grant.conversationId);
    assert.equal((await client.request('POST', '/tokens/refresh', undefined, 'nope')).status, 401);
  });

  it('answers 401 without a token or with a wrong one, 403 for another conversation, 404 for an unknown one', async () => {
    const client = await DirectLineClient.start(served.url);
    const other = await DirectLineClient.start(served.url);
    const activities = `/conversations/${client.grant.conversationId}/activities`;
    for (const token of ['', 'wrong', `${client.grant.token}x`]) {
      const polled = await client.request('GET', activities, undefined, token);
      assert.equal(polled.status, 401);
      assert.match(((await polled.json()) as { error: { message: string } }).error.message, /Bearer/);
      assert.equal((await client.request('POST', activities, { type: 'message' }, token)).status, 401);
      assert.equal((await client.request('POST', '/conversations', {}, token)).status, 401);
    }
    assert.equal((await other.request('GET', activities)).status, 403);
    assert.equal((await client.request('GET', '/conversations/no-such-conversation/activities')).status, 404);
    assert.equal(
      (await client.request('POST', '/conversations/no-such-conversation/activities', {})).status,
      404,
    );
  });

  it('answers 400 with a clear JSON error for malformed bodies and watermarks', async () => {
    const client = await DirectLineClient.start(served.url);
    const activities = `/conversations/${client.grant.conversationId}/activities`;
    const cases: Array<[unknown, RegExp]> = [
      [[{ type: 'message' }], /JSON object/],
      [{ text: 'hi' }, /type is required/],
      [{ type: 7 }, /type is required/],
      [{ type: 'message', text: 5 }, /text must be a string/],
      [{ type: 'message', channelData: 'x' }, /channelData must be an object/],
    ];
    for (const [body, message] of cases) {
      const response = await client.request('POST', activities, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'BadArgument');
      assert.match(error.message, message);
    }
    assert.equal((await client.request('POST', activities, '{"type":')).status, 400);
    assert.equal((await client.request('GET', `${activities}?watermark=abc`)).status, 400);
  });

  it('shows a proactive message sent with continueConversationAsync at once (no replyToId)', async () => {
    let reference: Partial<ConversationReference> | undefined;
    served.app.adapter.use(async (context, next) => {
      if (context.activity.type === 'message')
        reference = TurnContext.getConversationReference(context.activity);
      await next();
    });
    const client = await DirectLineClient.start(served.url);
    await client.pollUntil(2);
    await client.say('help');
    await client.pollUntil(1);
    assert.ok(reference);

    const proactiveText = 'A proactive check-in from the test';
    await served.app.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity(proactiveText);
    });
    const [proactive] = botMessages(await client.pollUntil(1));
    assert.equal(proactive?.text, proactiveText);
    assert.equal(proactive?.replyToId, undefined);
  });

  it('collapses a bot typing indicator repeated while one is still showing', async () => {
    const client = await DirectLineClient.start(served.url);
    await client.pollUntil(2);
    const connector = `${served.url}/v3/directline/connector/v3/conversations/${client.grant.conversationId}/activities`;
    const send = async (activity: object) => {
      const response = await fetch(connector, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      assert.equal(response.status, 200);
      return ((await response.json()) as { id: string }).id;
    };
    const typing = { type: 'typing', from: { id: 'wayfinder' } };
    const first = await send(typing);
    assert.equal(await send(typing), first);
    const polled = await client.poll();
    assert.deepEqual(
      polled.map((a) => [a.type, a.from.role]),
      [['typing', 'bot']],
    );
    const unknown = `${served.url}/v3/directline/connector/v3/conversations/nope/activities`;
    const missing = await fetch(unknown, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(missing.status, 404);
  });
});

describe('local Direct Line channel when LOCAL_CHAT is off', () => {
  const served = useTestApp({ env: { LOCAL_CHAT: 'false' } });

  it('serves neither the page nor /v3/directline', async () => {
    const { url } = served;
    assert.equal((await fetch(`${url}/`)).status, 404);
    assert.equal((await fetch(`${url}/webchat.js`)).status, 404);
    assert.equal((await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' })).status, 404);
    assert.equal((await fetch(`${url}/v3/directline/conversations/x/activities`)).status, 404);
  });
});
