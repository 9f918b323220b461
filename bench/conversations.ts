import { sendTurn } from './turn-client.js';

/**
 * What one person says, turn by turn, walking real dialogs: the menu, a whole appointment plan
 * (type, date, goal, questions, barriers, what to bring, company, what to share, explanations,
 * reminder, check-in), then a peer group search to its results. Short button answers and free
 * text with dates and entities, as people type them. test/bench/conversation-script.test.ts
 * proves each line lands where it is meant to, so the benchmark measures dialogs, not reprompts.
 */
export const dialogWalk: readonly string[] = [
  'hi',
  '1',
  // The kind of appointment comes as buttons (no numbers): its name, as people type it.
  'prescriber',
  // A date no clock makes past or unclear ("next tuesday" said on a Monday is asked back).
  'the 28th at 3pm',
  'a refill',
  'What is my main problem?',
  'done',
  'Nothing',
  'nothing else',
  'yes',
  "That I'm in recovery",
  'None of these',
  'Save it',
  'No reminder',
  'No, thanks',
  'menu',
  '3',
  '2',
  'something not religious',
  'online',
  'weekday evenings',
  'yes',
  'done',
];

/** What a load run did: each answered turn's latency, the turns that failed, the wall time. */
export interface LoadRun {
  latencies: number[];
  errors: number;
  /** What the first failed turn said, to explain a count that is not zero. */
  firstError?: string;
  seconds: number;
  conversations: number;
}

export interface LoadOptions {
  /** Conversations in flight at once; each sends its next turn when the last one is answered. */
  concurrency: number;
  script: readonly string[];
  /** Stop after this many turns in all... */
  turns?: number;
  /** ...or after this many whole conversations. */
  conversations?: number;
  /** Prefix of conversation and user ids, so runs on one server never share a conversation. */
  label: string;
}

/**
 * Drives `concurrency` conversations at once through `script`; each new conversation is a new
 * person (new user and conversation ids), as on a busy day.
 */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadRun> {
  const maxTurns = options.turns ?? Number.POSITIVE_INFINITY;
  const maxConversations = options.conversations ?? Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let turns = 0;
  let conversations = 0;
  const worker = async () => {
    while (turns < maxTurns && conversations < maxConversations) {
      const id = `${options.label}-${conversations}`;
      conversations += 1;
      for (const text of options.script) {
        if (turns >= maxTurns) return;
        turns += 1;
        try {
          latencies.push(await sendTurn(url, { conversation: id, user: `${id}-user`, text }));
        } catch (error) {
          // Counted, not thrown: at 500 at once, how many fail is the figure.
          errors += 1;
          firstError ??= describeError(error);
        }
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { latencies, errors, ...(firstError ? { firstError } : {}), seconds, conversations };
}

/** An error's message with its cause's (fetch hides the socket's error, e.g. ECONNRESET, there). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error
      ? `: ${(error.cause as Error & { code?: string }).code ?? ''} ${error.cause.message}`
      : '';
  return `${error.message}${cause}`;
}
