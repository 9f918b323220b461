import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { MAX_MESSAGE_LENGTH } from '../../src/language/input-limits.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { exchange, postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';
import { errorRecorder, messageTexts, prototypeIsClean, type Said, says } from './support.js';

const SPECIALIST = 'peer-1';
/** Where replies would go for an activity without expectReplies (nothing is sent in these rows). */
const NOWHERE = 'http://127.0.0.1:9';

/** What is sent: a raw body, or an activity (fields set, some removed, raw JSON spliced in). */
type BadRequest =
  | { raw: string; contentType?: string }
  | {
      /** Fields over a valid test activity's (wrong types on purpose, too). */
      fields: Record<string, unknown>;
      omit?: readonly string[];
      /** JSON text put in as `value`, so keys such as "__proto__" really are in the body. */
      rawValue?: string;
      /** Sent after "hello", with the menu open (so an answer that is no item gets the retry). */
      menuOpen?: boolean;
      from?: string;
      /** Replies to a serviceUrl instead of in the body (the SDK's own invoke status shows then). */
      noExpectReplies?: boolean;
    };

/** The answer: an HTTP refusal naming the problem, or a 2xx and what the person reads. */
type Answer =
  | { status: 400 | 413 | 415; problem?: string }
  | { status: 200; says: readonly Said[] }
  | { status: 200; silent: true }
  | { status: 200; invokeStatus: number }
  | { status: 501 };

type Row = readonly [name: string, request: BadRequest, answer: Answer];

const retry: readonly Said[] = ['fallback.notUnderstood', 'fallback.stuck'];
const submitMiss: Answer = { status: 200, says: ['errors.submitNotUnderstood'] };

const rows: readonly Row[] = [
  // HTTP and activity shape
  ['invalid JSON', { raw: '{"type": "message", ' }, { status: 400 }],
  ['a JSON array', { raw: '[1, 2]' }, { status: 400, problem: 'JSON object' }],
  ['JSON null', { raw: 'null' }, { status: 400 }],
  ['wrong content type (text/plain)', { raw: 'type=message', contentType: 'text/plain' }, { status: 415 }],
  [
    'wrong content type (a form)',
    { raw: 'type=message', contentType: 'application/x-www-form-urlencoded' },
    { status: 415 },
  ],
  ['a 1 MB body', { fields: { text: 'x'.repeat(1024 * 1024) } }, { status: 413 }],
  [
    'missing conversation',
    { fields: { text: 'hi' }, omit: ['conversation'] },
    { status: 400, problem: 'conversation' },
  ],
  ['missing from', { fields: { text: 'hi' }, omit: ['from'] }, { status: 400, problem: 'from' }],
  ['missing type', { fields: { text: 'hi' }, omit: ['type'] }, { status: 400, problem: 'type' }],
  [
    'missing channelId',
    { fields: { text: 'hi' }, omit: ['channelId'] },
    { status: 400, problem: 'channelId' },
  ],
  [
    'conversation.id not a string',
    { fields: { conversation: { id: {} } } },
    { status: 400, problem: 'conversation.id' },
  ],
  ['text a number', { fields: { text: 42 } }, { status: 400, problem: 'text' }],
  ['text an object', { fields: { text: { a: 1 } } }, { status: 400, problem: 'text' }],
  ['locale a number', { fields: { text: 'hi', locale: 5 } }, { status: 400, problem: 'locale' }],
  [
    'membersAdded not a list',
    { fields: { type: 'conversationUpdate', membersAdded: 'x' } },
    { status: 400, problem: 'membersAdded' },
  ],
  [
    'membersAdded with a null member',
    { fields: { type: 'conversationUpdate', membersAdded: [null] } },
    { status: 400, problem: 'membersAdded' },
  ],
  // Activity types the bot does not handle: acknowledged, nothing said, nothing failed
  ['an unknown type ("foo")', { fields: { type: 'foo' } }, { status: 200, silent: true }],
  [
    'an event with an unknown name',
    { fields: { type: 'event', name: 'whatever', value: { x: 1 } } },
    { status: 200, silent: true },
  ],
  [
    'messageReaction',
    { fields: { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] } },
    { status: 200, silent: true },
  ],
  ['typing', { fields: { type: 'typing' } }, { status: 200, silent: true }],
  ['endOfConversation', { fields: { type: 'endOfConversation' } }, { status: 200, silent: true }],
  [
    'installationUpdate',
    { fields: { type: 'installationUpdate', action: 'add' } },
    { status: 200, silent: true },
  ],
  // The SDK answers an invoke it has no handler for with 501 (in the body with expectReplies).
  [
    'an unknown invoke, expectReplies',
    { fields: { type: 'invoke', name: 'nope/nope', value: {} } },
    { status: 200, invokeStatus: 501 },
  ],
  [
    'an unknown invoke',
    { fields: { type: 'invoke', name: 'nope/nope', value: {} }, noExpectReplies: true },
    { status: 501 },
  ],
  [
    'an adaptiveCard/action invoke (Action.Execute is not used)',
    {
      fields: { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute' } } },
      noExpectReplies: true,
    },
    { status: 501 },
  ],
  // Messages without readable text
  [
    'attachment-only message',
    { fields: { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] } },
    { status: 200, says: ['errors.notText'] },
  ],
  ['empty text', { fields: { text: '' } }, { status: 200, says: ['errors.notText'] }],
  [
    'only white space and line breaks',
    { fields: { text: ' \n\t\r\n ' } },
    { status: 200, says: ['errors.notText'] },
  ],
  [
    'a 30 KB text',
    { fields: { text: 'word '.repeat(6000) } },
    { status: 200, says: [['errors.tooLong', { max: MAX_MESSAGE_LENGTH }]] },
  ],
  // Odd text with the menu open: the menu's retry, never a failure
  ['NUL inside text', { fields: { text: 'a\u0000b' }, menuOpen: true }, { status: 200, says: retry }],
  ['a bell character', { fields: { text: '\u0007' }, menuOpen: true }, { status: 200, says: retry }],
  [
    'an ANSI colour escape',
    { fields: { text: '\u001b[31mred\u001b[0m' }, menuOpen: true },
    { status: 200, says: retry },
  ],
  [
    'a bidi override',
    { fields: { text: '\u202Eolleh\u202C' }, menuOpen: true },
    { status: 200, says: retry },
  ],
  [
    'zero-width joiners only',
    { fields: { text: '\u200d\u200d\u200b' }, menuOpen: true },
    { status: 200, says: retry },
  ],
  [
    'combining marks (Zalgo)',
    { fields: { text: 'h\u0338\u0321\u032a\u036ee\u0334\u0300\u0301\u0358y' }, menuOpen: true },
    { status: 200, says: retry },
  ],
  ['a lone surrogate', { fields: { text: '\ud800' }, menuOpen: true }, { status: 200, says: retry }],
  [
    'an emoji ZWJ sequence',
    { fields: { text: '👩\u200d👩\u200d👧\u200d👦' }, menuOpen: true },
    { status: 200, says: retry },
  ],
  [
    'a very long single word',
    { fields: { text: 'x'.repeat(MAX_MESSAGE_LENGTH) }, menuOpen: true },
    { status: 200, says: retry },
  ],
  [
    'HTML',
    { fields: { text: '<b>x</b><img src=x onerror=alert(document.cookie)>' }, menuOpen: true },
    { status: 200, says: retry },
  ],
  // Card submits (activity.value) with no text: nothing a member is sent submits data
  ['a submit with no fields', { fields: { value: {} } }, submitMiss],
  ['a submit with unknown fields', { fields: { value: { foo: 1, bar: 'x' } } }, submitMiss],
  ['a submit that is an array', { fields: { value: [1, 2, 3] } }, submitMiss],
  ['a submit that is a huge string', { fields: { value: 'x'.repeat(100_000) } }, submitMiss],
  ['a submit that is null', { fields: { value: null } }, submitMiss],
  [
    'a submit with __proto__, constructor and prototype keys',
    {
      fields: {},
      rawValue:
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}',
    },
    submitMiss,
  ],
  [
    "a specialist's Accept submit with its code missing",
    { fields: { value: { command: 'accept' } }, from: SPECIALIST },
    submitMiss,
  ],
  [
    "a specialist's Accept submit with a code of the wrong type",
    { fields: { value: { command: 'accept', code: 123456 } }, from: SPECIALIST },
    submitMiss,
  ],
  [
    "a specialist's Accept submit with a huge code",
    { fields: { value: { command: 'accept', code: 'A'.repeat(50_000) } }, from: SPECIALIST },
    submitMiss,
  ],
  [
    "a specialist's Accept submit with extra fields and a __proto__ key (read, for a request that does not exist)",
    {
      fields: {},
      rawValue: '{"command":"accept","code":"ZZ9ZZ9","msteams":{"x":1},"__proto__":{"polluted":true}}',
      from: SPECIALIST,
    },
    { status: 200, says: [['specialist.notFound', { code: 'ZZ9ZZ9' }]] },
  ],
];

/** The body for a row: a raw string, or the activity as JSON. */
function bodyOf(request: BadRequest, conversation: string): string {
  if ('raw' in request) return request.raw;
  const activity = { ...testActivity(conversation, {}, request.from), ...request.fields };
  for (const field of request.omit ?? []) delete activity[field];
  if (request.noExpectReplies) {
    delete activity.deliveryMode;
    activity.serviceUrl = NOWHERE;
  }
  const json = JSON.stringify(activity);
  return request.rawValue ? `${json.slice(0, -1)},"value":${request.rawValue}}` : json;
}

describe('bad input over HTTP: each gets its answer, and the bot keeps serving', () => {
  let storage: MemoryAppStorage;
  const recorder = errorRecorder();

  before(() => {
    storage = new MemoryAppStorage();
  });
  const served = useTestApp({
    env: { SPECIALIST_IDS: SPECIALIST },
    overrides: () => ({ storage, logger: recorder.logger }),
  });

  it('the table covers every kind of bad input the issue names', () => assert.ok(rows.length >= 40));

  for (const [index, [name, request, answer]] of rows.entries()) {
    it(`${name}: ${'says' in answer ? answer.says.map((said) => (typeof said === 'string' ? said : said[0])).join(' or ') : answer.status}`, async () => {
      const conversation = `bad-${index}`;
      if ('fields' in request && request.menuOpen)
        await exchange(served.url, testActivity(conversation, { text: 'hello' }, request.from));
      const response = await postMessages(
        served.url,
        bodyOf(request, conversation),
        'raw' in request ? request.contentType : undefined,
      );
      assert.equal(response.status, answer.status);
      const body: unknown =
        response.status === 200 && 'invokeStatus' in answer
          ? await response.json()
          : await response.text().then((t) => (t ? JSON.parse(t) : undefined));
      if (answer.status !== 200 && answer.status !== 501) {
        // A refusal is a JSON body saying what was wrong.
        const text = JSON.stringify(body);
        assert.ok(body && typeof body === 'object', `a JSON error body, got ${text}`);
        if ('problem' in answer && answer.problem)
          assert.ok(text.includes(answer.problem), `${answer.problem} named in ${text}`);
      }
      const activities = (body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
      const texts = messageTexts(activities);
      if ('says' in answer) {
        assert.ok(texts.length > 0, 'at least one reply');
        assert.ok(
          texts.some((text) => answer.says.some((said) => says(text, said))),
          `expected ${answer.says.join(' or ')}, got ${JSON.stringify(texts)}`,
        );
      }
      if ('silent' in answer) assert.deepEqual(texts, []);
      if ('invokeStatus' in answer)
        assert.ok(
          activities.some(
            (a) => a.type === 'invokeResponse' && JSON.stringify(a.value).includes(`${answer.invokeStatus}`),
          ),
        );
      assert.ok(
        texts.every((text) => !says(text, 'errors.turnFailed')),
        'no turn failed',
      );
      assert.deepEqual(recorder.errors, [], 'nothing was logged as an error');
      assert.ok(prototypeIsClean(), 'Object.prototype is unchanged');
    });
  }

  it('after the whole table: /healthz is 200, a normal conversation works, and its state is stored intact', async () => {
    assert.equal((await fetch(`${served.url}/healthz`)).status, 200);
    const conversation = 'after-the-table';
    await exchange(served.url, testActivity(conversation, { text: 'hello' }, 'after-user'));
    await exchange(served.url, testActivity(conversation, { text: 'Choose a nickname' }, 'after-user'));
    const saved = messageTexts(
      await exchange(served.url, testActivity(conversation, { text: 'Ari' }, 'after-user')),
    );
    assert.ok(saved.some((text) => says(text, ['nickname.saved', { name: 'Ari' }])));
    const userKey = 'test/users/after-user/';
    const conversationKey = `test/conversations/${conversation}/`;
    const stored = await storage.read([userKey, conversationKey]);
    assert.deepEqual((stored[userKey]?.profile as { nickname?: string } | undefined)?.nickname, 'Ari');
    assert.ok(stored[conversationKey]?.dialogState, 'the conversation state was saved');
    // A conversation the odd messages went to is still readable and goes on.
    const odd = `bad-${rows.findIndex(([name]) => name === 'a lone surrogate')}`;
    const next = messageTexts(await exchange(served.url, testActivity(odd, { text: 'help' })));
    assert.ok(next.length > 0 && next.every((text) => !says(text, 'errors.turnFailed')));
    assert.deepEqual(recorder.errors, []);
  });
});
