import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { defineUserProperty, type UserProperty } from '../state/user-property.js';
import { type Skill, skillNames } from './skills.js';

/** Stored with a version: a document from another release is dropped cleanly, never misread. */
export const PRACTICE_HISTORY_VERSION = 1;
/** At most this many practices are kept (the least that still shows progress). */
export const MAX_PRACTICE_SESSIONS = 20;

const sessionSchema = z.object({
  scenario: z.string().max(60),
  /** When it ended, ISO 8601. */
  at: z.string().max(40),
  /** Skills noticed: only names from the rubric, never the person's words. */
  skills: z.array(z.enum(skillNames)),
});
const historySchema = z.object({
  version: z.literal(PRACTICE_HISTORY_VERSION),
  sessions: z.array(sessionSchema).max(MAX_PRACTICE_SESSIONS),
});

export type PracticeSession = z.output<typeof sessionSchema>;
export type PracticeHistory = z.output<typeof historySchema>;

/** The user-state property `practiceHistory`; show/delete my data cover every user-state property. */
export const practiceHistoryProperty = defineUserProperty('practiceHistory', historySchema);

/** A person's practices, oldest first; empty when none are stored or they are of another version. */
export async function readHistory(
  property: UserProperty<PracticeHistory>,
  context: TurnContext,
): Promise<PracticeHistory> {
  return (await property.read(context)) ?? { version: PRACTICE_HISTORY_VERSION, sessions: [] };
}

/** Adds a finished practice, keeping the last MAX_PRACTICE_SESSIONS; returns the new history. */
export async function recordSession(
  property: UserProperty<PracticeHistory>,
  context: TurnContext,
  session: PracticeSession,
): Promise<PracticeHistory> {
  const { sessions } = await readHistory(property, context);
  const history: PracticeHistory = {
    version: PRACTICE_HISTORY_VERSION,
    sessions: [...sessions, session].slice(-MAX_PRACTICE_SESSIONS),
  };
  await property.write(context, history);
  return history;
}

/** Progress worth saying: the skill shown most often in the last (up to) four practices. */
export interface Progress {
  skill: Skill;
  count: number;
  total: number;
}

/**
 * The progress line's facts, once there are two practices: counting up ("in 3 of your last 4"),
 * never down, so it encourages rather than grades. Undefined when no skill was shown yet.
 */
export function progressOf(history: PracticeHistory): Progress | undefined {
  const recent = history.sessions.slice(-4);
  if (recent.length < 2) return undefined;
  let best: Progress | undefined;
  for (const skill of skillNames) {
    const count = recent.filter((session) => session.skills.includes(skill)).length;
    if (count > 0 && (!best || count > best.count)) best = { skill, count, total: recent.length };
  }
  return best;
}
