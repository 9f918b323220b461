import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { MAX_MESSAGE_LENGTH } from '../../src/language/input-limits.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { exchangeAll, postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';
import { errorRecorder, messageTexts, prototypeIsClean, says } from './support.js';

const { strings } = testContent();
const SPECIALIST = 'peer-1';
/** Fixed seeds: a failure prints its seed and path, and replays the same way. */
const SEED = 20_261_125;
const PROPERTY_TIMEOUT_MS = 60_000;

/** Words that move a conversation somewhere: menu items, commands, answers to common questions. */
const steering = fc.constantFrom(
  'hello',
  'menu',
  'help',
  'cancel',
  'start over',
  'back',
  'skip',
  'done',
  'yes',
  'no',
  '1',
  '2',
  '3',
  'Choose a nickname',
  'Appointment prep',
  'Accommodations',
  'find a peer group',
  'practice a conversation',
  'talk to a person',
  'crisis',
  'show my data',
  'my plans',
  'privacy',
  'are you a bot?',
  'next Tuesday at 3pm',
);

/** Any text a client could send: every kind of Unicode (lone surrogates too), markup, long text. */
const anyText = fc.oneof(
  { weight: 4, arbitrary: steering },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  // Any UTF-16 code unit, so lone surrogates too (the 'binary' unit makes only whole code points).
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      maxLength: 40,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 900, maxLength: 1100 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 20_000, maxLength: 30_000 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.constantFrom(
          '<b>x</b>',
          '**',
          '[a](https://example.com)',
          '# ',
          '\u0000',
          '\u202E',
          '\u200d',
          '\ud800',
          '{{DATE(x)}}',
          ' ',
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join('')),
  },
);

/** JSON text of an object whose keys really include "__proto__", "constructor", "prototype". */
const hostileObjectJson = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'command',
        'code',
        'msteams',
        'action',
        'data',
        'polluted',
      ),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    { maxLength: 6 },
  )
  .map(
    (entries) =>
      `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`,
  );

/** A card submit's data as JSON text: any JSON, hostile keys, or near-misses of the Accept button. */
const anySubmitJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
  hostileObjectJson,
  fc
    .record(
      {
        command: fc.oneof(
          fc.constant('accept'),
          fc.string({ maxLength: 8 }),
          fc.integer(),
          fc.constant(null),
        ),
        code: fc.oneof(fc.stringMatching(/^[A-Z0-9]{6}$/), fc.string({ maxLength: 5000 }), fc.integer()),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 2000 }).map((value) => JSON.stringify(value)),
);

let runs = 0;

/** A conversation of its own for each run, so state from one run never shapes another. */
function freshConversation(prefix: string): string {
  runs += 1;
  return `${prefix}-${runs}`;
}

/** Posts an activity as JSON text, with `valueJson` spliced in raw; returns the status and replies. */
async function send(
  url: string,
  activity: Record<string, unknown>,
  valueJson?: string,
): Promise<{ status: number; activities: Partial<Activity>[] }> {
  const json = JSON.stringify(activity);
  const body = valueJson === undefined ? json : `${json.slice(0, -1)},"value":${valueJson}}`;
  const response = await postMessages(url, body);
  const parsed = (await response.json()) as { activities?: Partial<Activity>[] };
  return { status: response.status, activities: parsed.activities ?? [] };
}

/** What must hold for every turn: 200, at least one message, no failed turn, nothing logged. */
function assertAnswered(turn: { status: number; activities: Partial<Activity>[] }, errors: string[]): void {
  assert.equal(turn.status, 200);
  const texts = messageTexts(turn.activities);
  assert.ok(texts.length > 0, 'at least one reply');
  assert.ok(
    texts.every((text) => !says(text, 'errors.turnFailed')),
    `a turn failed: ${JSON.stringify(texts)}`,
  );
  assert.deepEqual(errors, [], 'nothing logged as an error');
  assert.ok(prototypeIsClean(), 'Object.prototype unchanged');
}

describe('property: whatever is sent, the bot answers and never fails', function () {
  this.timeout(PROPERTY_TIMEOUT_MS);
  const recorder = errorRecorder();

  beforeEach(() => {
    recorder.errors.length = 0;
  });
  const served = useTestApp({
    env: { SPECIALIST_IDS: SPECIALIST },
    overrides: () => ({ logger: recorder.logger }),
    per: 'test',
  });

  it('random text (any Unicode, markup, up to 30 KB), in random conversation states', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 4 }), async (texts) => {
        const conversation = freshConversation('text');
        for (const text of texts)
          assertAnswered(await send(served.url, testActivity(conversation, { text })), recorder.errors);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('random card submits (any JSON, __proto__ keys, near-misses of Accept) from members and a specialist', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(steering, { maxLength: 3 }),
        anySubmitJson,
        fc.option(anyText, { nil: undefined }),
        fc.boolean(),
        async (before, valueJson, text, fromSpecialist) => {
          const conversation = freshConversation('submit');
          const user = fromSpecialist ? SPECIALIST : `member-${runs}`;
          for (const step of before)
            assertAnswered(
              await send(served.url, testActivity(conversation, { text: step }, user)),
              recorder.errors,
            );
          const submit = testActivity(conversation, text === undefined ? {} : { text }, user);
          assertAnswered(await send(served.url, submit, valueJson), recorder.errors);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe("property: nobody's messages or submits reveal another person's data", function () {
  this.timeout(PROPERTY_TIMEOUT_MS);
  const connector = useConnector('suite');
  const served = useTestApp({ env: { SPECIALIST_IDS: SPECIALIST } });
  const marker = `zq${SEED.toString(36)}mark`;

  before(async () => {
    // Person A: a nickname and a waiting request for a person, both carrying the marker.
    const a = (text: string) =>
      exchangeAll(served.url, testActivity('conv-a', { text, serviceUrl: connector.url }, 'person-a'));
    for (const text of [
      'hello',
      'Choose a nickname',
      marker,
      'talk to a person',
      marker,
      strings.text('handoff.share'),
    ])
      await a(text);
    const data = messageTexts(await a('show my data')).join('\n');
    assert.ok(data.includes(marker), "A's data holds the marker");
  });
  it("random messages and submits from person B never show A's marker", async () => {
    const fromB = fc.oneof(
      { weight: 3, arbitrary: steering },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'queue',
          'accept',
          'on duty',
          'off duty',
          'end',
          'end chat',
          'delete my data',
          'show my data',
          'my plans',
          marker.slice(0, 6),
        ),
      },
      { weight: 2, arbitrary: anyText.filter((text) => text.length <= MAX_MESSAGE_LENGTH) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fromB, fc.option(anySubmitJson, { nil: undefined, freq: 4 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.boolean(),
        async (turns, sameUser) => {
          // B in a conversation of their own; sometimes the same B across runs, sometimes a new one.
          const conversation = freshConversation('conv-b');
          const user = sameUser ? 'person-b' : `person-b-${runs}`;
          for (const [text, valueJson] of turns) {
            const { activities } = await send(
              served.url,
              testActivity(conversation, { text }, user),
              valueJson,
            );
            const everything = JSON.stringify(activities);
            assert.ok(!everything.includes(marker), `B saw A's data after ${JSON.stringify(text)}`);
          }
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
    // And nothing B did erased or changed A's data.
    const data = messageTexts(
      await exchangeAll(
        served.url,
        testActivity('conv-a', { text: 'show my data', serviceUrl: connector.url }, 'person-a'),
      ),
    ).join('\n');
    assert.ok(data.includes(marker), "A's data is still there");
  });
});
