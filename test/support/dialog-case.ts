import assert from 'node:assert/strict';
import {
  type Activity,
  AutoSaveStateMiddleware,
  MemoryStorage,
  type Middleware,
  UserState,
} from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { createDialogDeps, type DialogDeps } from '../../dialogs/dialog-deps.js';
import type { StringKey, Strings, StringVars } from '../../src/content/strings.js';
import { openUserProperties, type UserProperties } from '../../src/user-properties.js';
import { testContent } from './content.js';

/** One bot reply, named by its string key (never a copied sentence), with placeholder values and variant. */
export type Reply = StringKey | [StringKey, StringVars] | [StringKey, StringVars, number];

/** A step: what the person says, and the replies expected, in order, and nothing more. */
export type Step = [user: string | Partial<Activity>, bot: readonly Reply[]];

/** A transcript test as data. */
export interface DialogCase {
  name: string;
  steps: readonly Step[];
}

/** Dialog deps over real content and an in-memory user state, shared with the test. */
export function makeDialogDeps(): DialogDeps & {
  userState: UserState;
  storage: MemoryStorage;
  properties: UserProperties;
} {
  const storage = new MemoryStorage();
  const userState = new UserState(storage);
  const properties = openUserProperties(userState);
  return { ...createDialogDeps(testContent(), properties.profile), userState, storage, properties };
}

/** Dialog deps as the harness makes them: a dialog factory may reach the user state behind them. */
export type HarnessDeps = ReturnType<typeof makeDialogDeps>;

/** The stored user-state document of TestAdapter's default user ("User1" on channel "test"). */
export async function storedUserState(storage: MemoryStorage): Promise<Record<string, unknown> | undefined> {
  const key = 'test/users/user1/';
  return (await storage.read([key]))[key];
}

/** A pattern for a rendered string in which placeholders left unfilled match any text. */
export function templatePattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\\\{\w+\\\}/g, '[\\s\\S]*?'));
}

/** True when `text` contains `reply`'s text in any of its variants (unfilled placeholders match anything). */
export function containsReply(strings: Strings, reply: Reply, text: string): boolean {
  const [key, vars] = typeof reply === 'string' ? [reply, {}] : reply;
  return strings
    .variants(key)
    .some((_, variant) => templatePattern(strings.text(key, vars, variant)).test(text));
}

/** A typed turn over HTTP: what the person says, the replies it must show and those it must not. */
export type KeyTurn = [says: string, sees?: readonly StringKey[], never?: readonly StringKey[]];

/** Asserts the replies `seen` to `says` show every key of `sees` and none of `never`. */
export function assertSeen(
  strings: Strings,
  says: string,
  seen: string,
  sees: readonly StringKey[] = [],
  never: readonly StringKey[] = [],
): void {
  for (const key of sees)
    assert.ok(containsReply(strings, key, seen), `"${says}": ${key} in ${JSON.stringify(seen)}`);
  for (const key of never)
    assert.ok(!containsReply(strings, key, seen), `"${says}": no ${key} in ${JSON.stringify(seen)}`);
}

/** A person's turn: what they say, replies it must hold anywhere, and replies or words it must not. */
export interface PersonTurn {
  say: string;
  expect: (Reply | RegExp)[];
  never?: (Reply | RegExp)[];
}

/** Plays `turns` through `send` (see testPerson), each turn's replies checked as PersonTurn says. */
export async function playTurns(
  strings: Strings,
  send: (text: string) => Promise<string[]>,
  turns: readonly PersonTurn[],
): Promise<void> {
  for (const [index, turn] of turns.entries()) {
    const replies = (await send(turn.say)).join('\n');
    const where = `turn ${index + 1} (${JSON.stringify(turn.say)}):\n${replies}`;
    const holds = (reply: Reply | RegExp) =>
      reply instanceof RegExp ? reply.test(replies) : containsReply(strings, reply, replies);
    for (const reply of turn.expect) assert.ok(holds(reply), `${String(reply)} in ${where}`);
    for (const not of turn.never ?? []) assert.ok(!holds(not), `not ${String(not)} in ${where}`);
  }
}

/**
 * Plays a case through DialogTestClient: each reply must contain the text of its key, and no
 * reply may be left unchecked. MemoryStorage serializes state between turns, as a real store does.
 */
export async function runDialogCase(
  makeDialog: (deps: HarnessDeps) => Dialog,
  steps: readonly Step[],
  initialOptions?: object,
  middleware: readonly Middleware[] = [],
  /** The channel the conversation is on (what a reply may depend on: cards, buttons). */
  channelId = 'test',
): Promise<{ client: DialogTestClient; deps: HarnessDeps }> {
  const deps = makeDialogDeps();
  const client = new DialogTestClient(channelId, makeDialog(deps), initialOptions, [
    new AutoSaveStateMiddleware(deps.userState),
    ...middleware,
  ]);
  for (const [index, [user, expected]] of steps.entries()) {
    let reply: Partial<Activity> | undefined = await client.sendActivity(user);
    for (const want of expected) {
      const [key, vars, variant] = typeof want === 'string' ? [want, {}, 0] : want;
      assert.ok(reply, `step ${index + 1} (${JSON.stringify(user)}) - expected "${key}", got no reply`);
      assert.ok(
        templatePattern(deps.strings.text(key, vars, variant)).test(reply.text ?? ''),
        `step ${index + 1} (${JSON.stringify(user)}) - expected "${key}" in ${JSON.stringify(reply.text)}`,
      );
      reply = client.getNextReply();
    }
    assert.equal(
      reply,
      undefined,
      `step ${index + 1}: unexpected extra reply ${JSON.stringify(reply?.text)}`,
    );
  }
  return { client, deps };
}
