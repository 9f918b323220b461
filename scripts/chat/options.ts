import { parseArgs } from 'node:util';
import { ianaZone } from '../../src/language/intents/time-zone.js';

/** The channels the client can play; each shapes activities as that channel sends them. */
export const chatChannels = ['emulator', 'webchat', 'directline', 'msteams'] as const;
export type ChatChannel = (typeof chatChannels)[number];

/** What `npm run chat` was asked to do. */
export interface ChatOptions {
  /** A running bot's base URL; undefined: an in-process bot. */
  url?: string;
  /** The in-process bot's file store; undefined: memory. */
  dataDir?: string;
  /** Messages given as arguments or read from --file; undefined: read stdin. */
  messages?: string[];
  file?: string;
  user?: string;
  conversation?: string;
  start: boolean;
  channel: ChatChannel;
  timezone: string;
  traces: boolean;
}

/** A command line the client cannot run; the message says what to change. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const usage = `usage: npm run chat -- [options] [message ...]

Talks to Wayfinder as a person would: each message (an argument, a line of --file, or a line
typed on stdin) is sent as typed; replies are printed with their buttons as the channel shows
them, [Label], each with the client's own /tap N beside it (a typed number is sent as typed).

options:
  --url URL              a running bot (e.g. http://127.0.0.1:3978); default: an in-process bot
  --data DIR             the in-process bot keeps state in DIR (file store); default: memory
  --file PATH            send each line of PATH as a message
  --user ID              the user id (reuse one printed in the header to continue)
  --conversation ID      continue this conversation (no conversationUpdate is sent)
  --no-start             begin with the first message instead of a conversationUpdate
  --channel NAME         ${chatChannels.join(' | ')} (default emulator)
  --timezone AREA/CITY   the activity's localTimezone (default this machine's)
  --quiet-traces         hide the SafetyCheck and IntentRecognizer traces
  -h, --help             this text

while chatting: /tap N sends button N as a tap, /new starts a new conversation, /quit ends.`;

/** Reads the command line; throws UsageError on anything it cannot honour. */
export function parseChatOptions(argv: readonly string[]): ChatOptions | 'help' {
  const { values, positionals } = parseFlags(argv);
  if (values.help) return 'help';
  if (values.url !== undefined && values.data !== undefined)
    throw new UsageError('--data is for the in-process bot; a bot at --url keeps its own state');
  if (values.file !== undefined && positionals.length > 0)
    throw new UsageError('give messages as arguments or with --file, not both');
  const channel = values.channel ?? 'emulator';
  if (!isChannel(channel))
    throw new UsageError(`--channel must be one of ${chatChannels.join(', ')} (got "${channel}")`);
  const timezone = values.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!ianaZone(timezone))
    throw new UsageError(`--timezone must be an IANA zone such as America/Chicago (got "${timezone}")`);
  return {
    ...(values.url !== undefined ? { url: baseUrl(values.url) } : {}),
    ...(values.data !== undefined ? { dataDir: values.data } : {}),
    ...(positionals.length > 0 ? { messages: positionals } : {}),
    ...(values.file !== undefined ? { file: values.file } : {}),
    ...(values.user !== undefined ? { user: nonEmpty('--user', values.user) } : {}),
    ...(values.conversation !== undefined
      ? { conversation: nonEmpty('--conversation', values.conversation) }
      : {}),
    start: !values['no-start'],
    channel,
    timezone,
    traces: !values['quiet-traces'],
  };
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        data: { type: 'string' },
        file: { type: 'string' },
        user: { type: 'string' },
        conversation: { type: 'string' },
        'no-start': { type: 'boolean' },
        channel: { type: 'string' },
        timezone: { type: 'string' },
        'quiet-traces': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function isChannel(value: string): value is ChatChannel {
  return (chatChannels as readonly string[]).includes(value);
}

/** The bot's base URL: http(s) only; a trailing /api/messages or slash is dropped. */
function baseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be a URL such as http://127.0.0.1:3978 (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--url must start with http:// or https:// (got "${value}")`);
  return url.href.replace(/\/(api\/messages\/?)?$/, '');
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} must not be empty`);
  return value;
}
