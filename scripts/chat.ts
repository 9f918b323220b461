/**
 * `npm run chat`: talk to Wayfinder from a terminal as a person would, to an in-process bot or one
 * running at --url. Lines come from the arguments, --file, or stdin; replies are printed with
 * their buttons as the channel shows them (and `/tap N` beside each), cards as text, and the SafetyCheck/IntentRecognizer traces. Prints only
 * the conversation; writes no files (but the in-process bot's store with --data).
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { newIds } from './chat/channel-activities.js';
import { startChatConnector } from './chat/connector.js';
import { type ChatOptions, parseChatOptions, UsageError, usage } from './chat/options.js';
import { ChatPrinter } from './chat/printer.js';
import { ChatSession, shellWord } from './chat/session.js';
import { type ChatTarget, remoteTarget } from './chat/target.js';

// Output piped into `head` and closed early: the reader has what it wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

function fail(message: string, code: number): never {
  process.stderr.write(`chat: ${message}\n`);
  process.exit(code);
}

let options: ChatOptions;
let script: string[] | undefined;
try {
  const parsed = parseChatOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  options = parsed;
  script = options.file !== undefined ? await readScript(options.file) : options.messages;
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  fail(`${error.message}\n\n${usage}`, 2);
}

const interactive = script === undefined;
const printer = new ChatPrinter(
  {
    write: (text) => process.stdout.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  },
  options.traces,
);
let target: ChatTarget;
try {
  // The app is loaded only when it runs here: a chat with a bot at --url starts at once.
  target = options.url
    ? remoteTarget(options.url)
    : await (await import('./chat/in-process-target.js')).inProcessTarget(options.dataDir);
} catch (error) {
  fail(`cannot start the in-process bot: ${error instanceof Error ? error.message : String(error)}`, 1);
}
let session: ChatSession | undefined;
const connector = await startChatConnector((activity) => session?.later(activity));
const ids = newIds(options.channel);
const continuing = options.conversation !== undefined;
session = new ChatSession(
  target,
  printer,
  {
    channel: options.channel,
    user: options.user ?? ids.user,
    conversation: options.conversation ?? ids.conversation,
    serviceUrl: connector.url,
    timezone: options.timezone,
  },
  options.start && !continuing,
);
const { address } = session;
printer.header(
  [
    `Wayfinder chat · ${target.label} · ${options.channel} · --user ${shellWord(address.user)} --conversation ${shellWord(address.conversation)}`,
    interactive ? '/tap N, /new, /quit' : 'one-shot: what the bot sends after this command ends is not shown',
  ].join(' · '),
);

try {
  if (!continuing) await session.open();
  if (script) await runScript(session, script);
  else await runInteractive(session);
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await connector.close();
  await target.close();
}

/** One-shot: each line in order, echoed so the transcript shows who said what. */
async function runScript(chat: ChatSession, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    if (line.trim() === '') continue;
    printer.you(line);
    if ((await chat.line(line)) === 'quit') return;
  }
}

/** Lines from stdin, typed at a prompt or piped; an error in one turn is said and the chat goes on. */
async function runInteractive(chat: ChatSession): Promise<void> {
  const tty = Boolean(process.stdin.isTTY);
  const reader = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  reader.setPrompt('you> ');
  if (tty) {
    printer.interruption = {
      before: () => process.stdout.write('\r\x1b[K'),
      after: () => reader.prompt(true),
    };
    reader.prompt();
  }
  try {
    for await (const line of reader) {
      if (!tty && line.trim() !== '') printer.you(line);
      try {
        if ((await chat.line(line)) === 'quit') break;
      } catch (error) {
        process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      if (tty) reader.prompt();
    }
  } finally {
    printer.interruption = undefined;
    reader.close();
  }
}

/** The messages of --file: one a line. */
async function readScript(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split(/\r?\n/);
  } catch (error) {
    throw new UsageError(
      `cannot read --file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
