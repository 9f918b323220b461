import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { linesAfter, runChat } from './run-chat.js';

/** The fields of a posted activity the tests read. */
interface Posted {
  type: string;
  text?: string;
  value?: unknown;
  channelId: string;
  deliveryMode: string;
  serviceUrl: string;
  from: { id: string };
  conversation: { id: string };
  channelData?: unknown;
  localTimezone?: string;
  localTimestamp?: string;
  membersAdded?: { id: string }[];
}

/** What the stand-in bot received. */
interface StandInBot {
  url: string;
  received: Posted[];
  close(): Promise<void>;
}

/** Everything a channel can show, as a bot would send it in one turn. */
const replies = [
  { type: 'trace', name: 'SafetyCheck', value: { level: 'none' } },
  {
    type: 'trace',
    name: 'IntentRecognizer',
    value: {
      intent: 'appointment',
      score: 0.934,
      entities: { appointmentType: [{ value: 'counselor' }], number: [] },
    },
  },
  { type: 'typing' },
  {
    type: 'message',
    text: 'First line\nsecond line',
    suggestedActions: { actions: [{ type: 'imBack', title: 'Sure thing', value: 'yes' }] },
  },
  {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.hero',
        content: {
          title: 'Hero title',
          text: 'Hero text',
          buttons: [
            { type: 'messageBack', title: 'Send back', text: 'sent words', value: { pick: 2 } },
            { type: 'openUrl', title: 'A page', value: 'https://example.org/page' },
          ],
        },
      },
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          body: [
            { type: 'TextBlock', text: 'Card \\(escaped\\) text' },
            { type: 'FactSet', facts: [{ title: 'When', value: 'Tuesday' }] },
            {
              type: 'Container',
              items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Rich' }] }],
            },
          ],
          actions: [{ type: 'Action.Submit', title: 'Keep it', data: { action: 'keep', id: 7 } }],
        },
      },
      {
        contentType: 'application/json',
        name: 'my-data.json',
        contentUrl: 'data:application/json;base64,e30=',
      },
    ],
  },
];

/**
 * A bot that answers every activity with `replies` and, on the message "later", first sends one
 * message to the activity's serviceUrl, as a reminder or a specialist's relay would arrive.
 */
async function startStandInBot(): Promise<StandInBot> {
  const received: Posted[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', async () => {
      const activity = JSON.parse(body) as Posted;
      received.push(activity);
      if (activity.text === 'later') {
        const conversation = (activity.conversation as { id: string }).id;
        await fetch(
          `${activity.serviceUrl}/v3/conversations/${encodeURIComponent(conversation)}/activities`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', text: 'A reminder' }),
          },
        );
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ activities: activity.type === 'message' ? replies : [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('npm run chat against a bot at --url (a stand-in that sends every kind of reply)', function () {
  this.timeout(60_000);
  let bot: StandInBot;
  beforeEach(async () => {
    bot = await startStandInBot();
  });
  afterEach(() => bot.close());

  it('prints text, suggested actions, hero and Adaptive Card content, attachments and traces as a person sees them', async () => {
    const run = await runChat(['--url', bot.url, '--no-start', 'hello']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(linesAfter(run, 'you> hello'), [
      '  · SafetyCheck level=none',
      '  · IntentRecognizer appointment 0.93 {"appointmentType":["counselor"]}',
      'bot: First line',
      '     second line',
      '     [Sure thing]   /tap 1',
      'bot: Hero title',
      'bot: Hero text',
      '     [Send back]   /tap 2',
      '     [A page] opens https://example.org/page   /tap 3',
      'bot: Card (escaped) text',
      'bot: When: Tuesday',
      'bot: Rich',
      '     [Keep it]   /tap 4',
      '     [attachment: my-data.json (application/json)]',
    ]);
  });

  it('sends taps as the buttons would, typed lines exactly as typed, and hides traces with --quiet-traces', async () => {
    const run = await runChat([
      '--url',
      bot.url,
      '--no-start',
      '--quiet-traces',
      '2',
      '/tap 1',
      '/tap 2',
      '/tap 3',
      '/tap 4',
      '/tap 9',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.lines.some((line) => line.startsWith('  · ')));
    const sent = bot.received.map(({ text, value }) => ({ text, value }));
    assert.deepEqual(sent, [
      { text: '2', value: undefined },
      { text: 'yes', value: undefined },
      { text: 'sent words', value: { pick: 2 } },
      { text: undefined, value: { action: 'keep', id: 7 } },
    ]);
    assert.equal(linesAfter(run, 'you> /tap 1')[0], '  (tapped [Sure thing])');
    assert.equal(
      linesAfter(run, 'you> /tap 3')[0],
      '  "A page" opens https://example.org/page; nothing is sent',
    );
    assert.equal(linesAfter(run, 'you> /tap 9')[0], '  tap a number from 1 to 4 (got "9")');
  });

  it('continues a conversation as a Teams user: given ids, no conversationUpdate, Teams fields', async () => {
    const ids = ['--user', '29:person-1', '--conversation', 'a:chat-1'];
    const run = await runChat([
      '--url',
      `${bot.url}/api/messages`,
      '--channel',
      'msteams',
      '--timezone',
      'Asia/Tokyo',
      ...ids,
      'hello',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.lines[0]?.includes(ids.join(' ')), 'prints the ids to reuse');
    assert.equal(bot.received.length, 1);
    const [message] = bot.received;
    assert.ok(message);
    assert.deepEqual(
      {
        type: message.type,
        text: message.text,
        channelId: message.channelId,
        deliveryMode: message.deliveryMode,
        from: message.from.id,
        conversation: message.conversation,
        tenant: message.channelData,
        localTimezone: message.localTimezone,
      },
      {
        type: 'message',
        text: 'hello',
        channelId: 'msteams',
        deliveryMode: 'expectReplies',
        from: '29:person-1',
        conversation: { id: 'a:chat-1', conversationType: 'personal', tenantId: 'tenant-0001' },
        tenant: { tenant: { id: 'tenant-0001' } },
        localTimezone: 'Asia/Tokyo',
      },
    );
    assert.match(String(message.localTimestamp), /\+09:00$/);
  });

  it('opens a new conversation with a conversationUpdate adding the person, and prints what arrives later', async () => {
    const run = await runChat(['--url', bot.url, '--channel', 'webchat', '--quiet-traces', 'later']);
    assert.equal(run.code, 0, run.stderr);
    const [opening, message] = bot.received;
    assert.ok(opening && message);
    assert.equal(opening.type, 'conversationUpdate');
    assert.equal(opening.channelId, 'webchat');
    const added = (opening.membersAdded ?? []).map((member) => member.id);
    assert.ok(added.includes(message.from.id), 'the person is among the members added');
    assert.deepEqual(linesAfter(run, 'you> later').slice(0, 2), ['(arrived later)', 'bot: A reminder']);
  });
});
