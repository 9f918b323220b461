import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { type App, type AppOverrides, createApp } from '../../src/host/app.js';
import { type AppConfig, loadConfig } from '../../src/host/config.js';
import { createWayfinderRecognizer, type WayfinderRecognizer } from '../../src/language/intents/index.js';
import { silentLogger } from '../../src/platform/log.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { testContent } from './content.js';
import { assertSeen, type KeyTurn } from './dialog-case.js';

let sharedRecognizer: WayfinderRecognizer | undefined;

/** A started app on an ephemeral loopback port, quiet, with in-memory state unless overridden. */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  overrides: AppOverrides = {},
): Promise<{ app: App; url: string; config: AppConfig }> {
  const config = loadConfig({ PORT: '0', STORAGE: 'memory', ...env });
  sharedRecognizer ??= createWayfinderRecognizer();
  const app = createApp(config, {
    storage: new MemoryAppStorage(),
    logger: silentLogger,
    recognizer: sharedRecognizer,
    ...overrides,
  });
  const url = await app.listen();
  return { app, url, config };
}

let sequence = 0;

/** A message or conversationUpdate from `user` in `conversation`, asking for replies in the body. */
export function testActivity(
  conversation: string,
  fields: Partial<Activity> & Record<string, unknown>,
  user = 'user-1',
): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'test',
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: user, role: 'user' },
    recipient: { id: 'wayfinder', role: 'bot' },
    ...fields,
  };
}

/** A Direct Line message from `user` in `conversation`, asking for replies in the body. */
export function directLineSay(conversation: string, user: string, text: string): Record<string, unknown> {
  return testActivity(conversation, { text, channelId: 'directline' }, user);
}

/** The conversationUpdate that adds `user` to `conversation` on Direct Line (the welcome). */
export function directLineJoin(conversation: string, user: string): Record<string, unknown> {
  return testActivity(conversation, {
    type: 'conversationUpdate',
    channelId: 'directline',
    membersAdded: [{ id: user, name: 'Person' }],
  });
}

/**
 * A person writing in `conversation` on the test channel: the returned function sends a message and
 * gives the texts of the replies. Welcomed, the conversation first gets its conversationUpdate.
 */
export async function testPerson(
  url: string,
  conversation: string,
  welcomed: boolean,
): Promise<(text: string) => Promise<string[]>> {
  if (welcomed)
    await exchange(
      url,
      testActivity(conversation, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: '' }] }),
    );
  return async (text) =>
    (await exchange(url, testActivity(conversation, { text }))).map((reply) => reply.text ?? '');
}

/** Sends `says` as a Direct Line message and returns the replies' texts as a person reads them. */
export async function directLineSeen(
  url: string,
  conversation: string,
  user: string,
  says: string,
): Promise<string> {
  return (await exchange(url, directLineSay(conversation, user, says)))
    .map((reply) => reply.text ?? '')
    .join('\n\n');
}

/**
 * Plays typed turns in one Direct Line conversation (after its conversationUpdate when welcomed),
 * asserting each turn's replies show its keys and none of its never-keys.
 */
export async function playKeyTurns(
  url: string,
  conversation: string,
  user: string,
  welcomed: boolean,
  turns: readonly KeyTurn[],
): Promise<void> {
  const { strings } = testContent();
  if (welcomed) await exchange(url, directLineJoin(conversation, user));
  for (const [says, sees, never] of turns)
    assertSeen(strings, says, await directLineSeen(url, conversation, user, says), sees, never);
}

/** POSTs `body` (an object, or a raw string) to /api/messages. */
export function postMessages(
  url: string,
  body: unknown,
  contentType = 'application/json',
): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Sends an expectReplies activity and returns everything the bot sent, traces included. */
export async function exchangeAll(
  url: string,
  activity: Record<string, unknown>,
): Promise<Partial<Activity>[]> {
  const response = await postMessages(url, activity);
  if (response.status !== 200)
    throw new Error(`expected 200, got ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities?: Partial<Activity>[] };
  return body.activities ?? [];
}

/** Sends an expectReplies activity and returns what a person would see (no trace activities). */
export async function exchange(url: string, activity: Record<string, unknown>): Promise<Partial<Activity>[]> {
  return (await exchangeAll(url, activity)).filter((a) => a.type !== 'trace');
}

/**
 * The replies after the one-line disclosure that the first message of a conversation without a
 * conversationUpdate gets (after a safety reply, the next message gets it; mid-overdose, after the
 * answer): asserts it comes first.
 */
export function afterDisclosure(replies: readonly Partial<Activity>[]): Partial<Activity>[] {
  const { strings } = testContent();
  assert.equal(replies[0]?.text, strings.text('firstMessage.disclosure'), 'the disclosure comes first');
  return replies.slice(1);
}
