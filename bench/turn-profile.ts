import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotAdapter, StoreItems } from 'botbuilder';
import type restify from 'restify';
import { createApp } from '../src/host/app.js';
import { loadConfig } from '../src/host/config.js';
import { type SpanName, spanChannel, spanNames } from '../src/platform/spans.js';
import type { AppStorage } from '../src/storage/app-storage.js';
import { createStorage } from '../src/storage/create-storage.js';
import { dialogWalk } from './conversations.js';
import { createEchoServer } from './echo-server.js';
import { sendTurn } from './turn-client.js';

/** The parts a turn's time is split into, in the order the profile prints them. */
const parts = [
  ['http', 'HTTP, adapter and middleware (round trip less the bot)'],
  ['safety', 'safety gate'],
  ['intent', 'intent recognizer'],
  ['datetime', 'date-time recognizer'],
  ['entities', 'number, yes/no and domain entities'],
  ['stateRead', 'state read'],
  ['stateWrite', 'state write'],
  ['send', 'sending replies'],
  ['dialogs', 'dialogs and the rest of the bot'],
  ['total', 'whole turn (round trip)'],
  ['cpu', 'CPU time of the turn (process.cpuUsage; bot and client share the process)'],
] as const;
type Part = (typeof parts)[number][0];

/** Mean milliseconds per turn of each part, for one kind of turn. */
export interface TurnBreakdown {
  turns: number;
  ms: Record<Part, number>;
  /** Storage calls per turn. */
  reads: number;
  writes: number;
}

export interface TurnProfile {
  echoShort: TurnBreakdown;
  echoLong: TurnBreakdown;
  short: TurnBreakdown;
  long: TurnBreakdown;
  longChars: number;
}

/** A message of 1,000 characters, as someone telling their story types it (a date and numbers in it). */
const longMessage = (() => {
  const sentence =
    'My appointment is next Tuesday at 3pm and I want to ask about my work hours, my 2 kids and my ride. ';
  return sentence.repeat(Math.ceil(1000 / sentence.length)).slice(0, 1000);
})();

/** Sums of measured time and counts, per part, over the turns of one phase. */
class Tally {
  readonly ms = new Map<string, number>();
  reads = 0;
  writes = 0;
  turns = 0;

  add(part: string, ms: number): void {
    this.ms.set(part, (this.ms.get(part) ?? 0) + ms);
  }

  async time<T>(part: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(part, performance.now() - started);
    }
  }

  breakdown(): TurnBreakdown {
    const per = (part: string) => (this.ms.get(part) ?? 0) / Math.max(this.turns, 1);
    const inside: Part[] = ['safety', 'intent', 'datetime', 'entities', 'stateRead', 'stateWrite', 'send'];
    const ms = Object.fromEntries(parts.map(([part]) => [part, per(part)])) as Record<Part, number>;
    // The rest of the bot's turn is its dialogs and bookkeeping; the rest of the round trip is
    // HTTP (client included), the adapter and the middleware.
    ms.dialogs = Math.max(0, per('bot') - inside.reduce((sum, part) => sum + ms[part], 0));
    ms.http = Math.max(0, ms.total - per('bot'));
    return {
      turns: this.turns,
      ms,
      reads: this.reads / Math.max(this.turns, 1),
      writes: this.writes / Math.max(this.turns, 1),
    };
  }
}

/** The tally the current phase adds to; the spans and the wrappers below write into it. */
let current = new Tally();

/** Times the bot's turn and its sends from the innermost middleware. */
function timeTurns(adapter: BotAdapter): void {
  adapter.use({
    onTurn: async (context, next) => {
      context.onSendActivities((_context, _activities, send) => current.time('send', send));
      await current.time('bot', next);
    },
  });
}

/** The store with each read and write timed (the same store underneath: nothing is skipped). */
function timedStorage(inner: AppStorage): AppStorage {
  return {
    kind: inner.kind,
    read: (keys: string[]) => {
      current.reads += keys.length;
      return current.time('stateRead', () => inner.read(keys));
    },
    write: (changes: StoreItems) => {
      current.writes += Object.keys(changes).length;
      return current.time('stateWrite', () => inner.write(changes));
    },
    delete: (keys: string[]) => inner.delete(keys),
    ready: () => inner.ready(),
    flush: () => inner.flush(),
  };
}

function subscribeToSpans(): () => void {
  const started = new WeakMap<object, number>();
  const unsubscribe = spanNames.map((name: SpanName) => {
    const channel = spanChannel(name);
    const onStart = (context: unknown) => started.set(context as object, performance.now());
    const onEnd = (context: unknown) =>
      current.add(name, performance.now() - (started.get(context as object) ?? performance.now()));
    channel.start.subscribe(onStart);
    channel.end.subscribe(onEnd);
    return () => {
      channel.start.unsubscribe(onStart);
      channel.end.unsubscribe(onEnd);
    };
  });
  return () => {
    for (const stop of unsubscribe) stop();
  };
}

function listen(server: restify.Server): Promise<string> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/**
 * Says `script` in each of `conversations` new conversations, one turn at a time (nothing else in
 * flight, so spans do not overlap), and returns where the time of the turns from `measuredFrom`
 * on went (earlier ones set the scene).
 */
async function phase(
  url: string,
  label: string,
  conversations: number,
  script: readonly string[],
  measuredFrom = 0,
): Promise<TurnBreakdown> {
  const measured = new Tally();
  for (let c = 0; c < conversations; c += 1) {
    const conversation = `profile-${label}-${c}`;
    for (const [index, text] of script.entries()) {
      current = index >= measuredFrom ? measured : new Tally();
      const cpu = process.cpuUsage();
      current.add('total', await sendTurn(url, { conversation, user: `${conversation}-user`, text }));
      const used = process.cpuUsage(cpu);
      current.add('cpu', (used.user + used.system) / 1000);
      current.turns += 1;
    }
  }
  return measured.breakdown();
}

/**
 * Where the time of an average turn goes: Wayfinder (file store, as deployed by default) and the
 * echo bot, both in this process and driven by the same client one turn at a time, for the
 * bench's dialog walk (short messages) and for 1,000-character messages at the menu.
 */
export async function benchTurnProfile(
  print: (line: string) => void,
  options: { conversations?: number } = {},
): Promise<TurnProfile> {
  const conversations = options.conversations ?? 20;
  const dataDir = await mkdtemp(join(tmpdir(), 'wayfinder-bench-profile-'));
  const config = loadConfig({ PORT: '0', STORAGE: 'file', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const app = createApp(config, { storage: timedStorage(createStorage(config.storage)) });
  timeTurns(app.adapter);
  const echo = createEchoServer();
  timeTurns(echo.adapter);
  const stopSpans = subscribeToSpans();
  try {
    const url = await app.listen();
    const echoUrl = await listen(echo.server);
    // The long message is said at the menu, after a greeting.
    const long = ['hi', longMessage];
    // Warm-up: JIT, the store's first folders, the recognizers' caches.
    await phase(url, 'warm', 5, dialogWalk);
    await phase(echoUrl, 'warm', 5, dialogWalk);
    const profile: TurnProfile = {
      echoShort: await phase(echoUrl, 'short', conversations, dialogWalk),
      echoLong: await phase(echoUrl, 'long', conversations * 5, long, 1),
      short: await phase(url, 'short', conversations, dialogWalk),
      long: await phase(url, 'long', conversations * 5, long, 1),
      longChars: longMessage.length,
    };
    for (const line of profileTable(profile)) print(line);
    return profile;
  } finally {
    stopSpans();
    await app.close();
    await new Promise<void>((done) => echo.server.close(() => done()));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The profile as a Markdown table: milliseconds per turn, part by part. */
export function profileTable(profile: TurnProfile): string[] {
  const { echoShort, echoLong, short, long } = profile;
  const cell = (b: TurnBreakdown, part: Part) => b.ms[part].toFixed(2);
  const counted = (b: TurnBreakdown, part: Part) =>
    part === 'stateRead'
      ? ` (${b.reads.toFixed(1)})`
      : part === 'stateWrite'
        ? ` (${b.writes.toFixed(1)})`
        : '';
  return [
    `profile of a turn, mean ms per turn, one turn at a time (state read and write: documents per turn); short = the dialog walk (${short.turns} turns), long = ${profile.longChars} characters at the menu`,
    '| part | echo, short | echo, long | Wayfinder, short | Wayfinder, long |',
    '|---|---:|---:|---:|---:|',
    ...parts.map(
      ([part, name]) =>
        `| ${name} | ${cell(echoShort, part)} | ${cell(echoLong, part)} | ${cell(short, part)}${counted(short, part)} | ${cell(long, part)}${counted(long, part)} |`,
    ),
  ];
}

// `node dist/bench/turn-profile.js`: the profile alone, while working on what it shows.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await benchTurnProfile((line) => process.stdout.write(`${line}\n`));
}
