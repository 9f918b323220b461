import type { TurnContext } from 'botbuilder';
import { turnSignal } from '../platform/turn-signal.js';
import type { PersonRecord } from './person-record.js';
import { LAST_ACTIVE_PRECISION_MS } from './person-record.js';

/**
 * A pause of an hour since someone's last message makes their next one a new visit. lastActiveAt
 * may lag the last message by LAST_ACTIVE_PRECISION_MS, so the gap read from it is that much longer.
 */
export const NEW_VISIT_AFTER_MS = 60 * 60 * 1000 + LAST_ACTIVE_PRECISION_MS;

const returningPerson = turnSignal<boolean>('returningPerson');

/**
 * Notes, for this turn, whether the person was here on an earlier visit: a "welcome back" for
 * someone who never was (a new person, or one who just said hello a minute ago) is a small lie.
 */
export function noteReturning(context: TurnContext, before: PersonRecord | undefined, now: Date): void {
  const returning =
    before !== undefined && now.getTime() - Date.parse(before.lastActiveAt) >= NEW_VISIT_AFTER_MS;
  returningPerson.set(context, returning);
}

/** True when noteReturning found an earlier visit this turn. */
export function isReturning(context: TurnContext): boolean {
  return returningPerson.get(context) === true;
}
