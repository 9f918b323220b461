import type { Activity } from 'botbuilder';
import { testContent } from '../support/content.js';
import { containsReply, type Reply } from '../support/dialog-case.js';
import { postMessages, testActivity } from '../support/http.js';
import type { Script, ScriptStep } from './scripts.js';

const { strings } = testContent();

/** One person's conversation: its ids, its script, and how far it got. */
export interface Conversation {
  tag: string;
  user: string;
  conversation: string;
  script: Script;
  steps: ScriptStep[];
  /** Steps answered as the script expects. */
  done: number;
  /** A turn was sent and no answer came back (the server was killed under it). */
  inFlight: boolean;
}

/** `count` conversations, each its own person, taking the scripts in turn. */
export function makeConversations(prefix: string, count: number, scripts: readonly Script[]): Conversation[] {
  return Array.from({ length: count }, (_, i) => {
    const tag = `${prefix}${String(i).padStart(3, '0')}`;
    const script = scripts[i % scripts.length];
    if (!script) throw new Error('no scripts to play');
    return {
      tag,
      user: `user-${tag}`,
      conversation: `conversation-${tag}`,
      script,
      steps: script.steps(tag),
      done: 0,
      inFlight: false,
    };
  });
}

/** What a run measured: latencies of answered turns and what went wrong, with where. */
export interface Tally {
  latencies: number[];
  errors: string[];
}

export function newTally(): Tally {
  return { latencies: [], errors: [] };
}

/**
 * The texts a person would see from one turn (no traces): each message with its buttons' labels,
 * which tell apart questions worded alike ("What would you like to do next?" after a plan or at the menu).
 */
async function send(url: string, conversation: Conversation, text: string): Promise<string[]> {
  const activity = testActivity(conversation.conversation, { text }, conversation.user);
  const response = await postMessages(url, activity);
  const body = await response.text();
  if (response.status !== 200) throw new TurnError(`HTTP ${response.status}`);
  const { activities = [] } = JSON.parse(body) as { activities?: Partial<Activity>[] };
  return activities
    .filter((a) => a.type !== 'trace')
    .map((a) =>
      [a.text ?? '', ...(a.suggestedActions?.actions ?? []).map((action) => action.title ?? '')].join('\n'),
    );
}

/** A turn answered, but not as the script expects (an HTTP error, an apology, a wrong reply). */
class TurnError extends Error {}

/** The expected replies missing from `texts`, and whether the bot apologized for a failed turn. */
export function problemsIn(texts: readonly string[], expected: readonly Reply[]): string[] {
  const joined = texts.join('\n\n');
  const problems = expected
    .filter((reply) => !containsReply(strings, reply, joined))
    .map((reply) => `missing ${typeof reply === 'string' ? reply : reply[0]}`);
  if (containsReply(strings, 'errors.turnFailed', joined)) problems.push('the turn failed (apology)');
  return problems;
}

/**
 * Plays `conversation`'s next steps until it is done, `stop()` says so, or a turn goes wrong. A
 * turn that throws below HTTP (the server is gone) leaves `inFlight` set: it may or may not
 * have been saved. Every other failure is an error in the tally.
 */
export async function play(
  url: string,
  conversation: Conversation,
  tally: Tally,
  stop: () => boolean = () => false,
): Promise<void> {
  while (conversation.done < conversation.steps.length && !stop()) {
    const step = conversation.steps[conversation.done];
    if (!step) return;
    const started = performance.now();
    conversation.inFlight = true;
    let texts: string[];
    try {
      texts = await send(url, conversation, step.say);
    } catch (error) {
      if (error instanceof TurnError) {
        conversation.inFlight = false;
        tally.errors.push(`${conversation.tag} step ${conversation.done + 1}: ${error.message}`);
      }
      return;
    }
    conversation.inFlight = false;
    tally.latencies.push(performance.now() - started);
    const problems = problemsIn(texts, step.expect);
    if (problems.length > 0) {
      tally.errors.push(
        `${conversation.tag} step ${conversation.done + 1} (${JSON.stringify(step.say)}): ${problems.join(', ')}; got ${JSON.stringify(texts.map((t) => t.slice(0, 80)))}`,
      );
      return;
    }
    conversation.done += 1;
  }
}

/**
 * Where a conversation is after a restart: "help" asks the open question again, which must be
 * the one after its last answered step, or, when a turn was in flight at the kill, the one after
 * that turn. Returns how many steps count as done, or a problem.
 */
export async function findPlace(
  url: string,
  conversation: Conversation,
): Promise<{ done: number } | { problem: string }> {
  const texts = await send(url, conversation, 'help');
  const candidates = conversation.inFlight ? [conversation.done, conversation.done + 1] : [conversation.done];
  const matching = candidates.filter((done) => {
    const at = conversation.steps[done - 1]?.at;
    return at !== undefined && problemsIn(texts, at).length === 0;
  });
  if (matching.length === 1 && matching[0] !== undefined) return { done: matching[0] };
  return {
    problem: `${conversation.tag}: after ${conversation.done} steps${conversation.inFlight ? ' (one in flight)' : ''}, "help" showed ${matching.length === 0 ? 'neither place' : 'both places'}: ${JSON.stringify(texts.map((t) => t.slice(0, 80)))}`,
  };
}
