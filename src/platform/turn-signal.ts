import type { TurnContext } from 'botbuilder';

/**
 * A typed value that one part of a turn leaves for another in the turn's own state: it lives
 * only for the turn and is never stored. Each signal owns a private key, so two cannot collide,
 * and its type is written once, where it is defined, instead of cast at every read.
 */
export interface TurnSignal<T> {
  /** The value set this turn, if any. */
  get(context: TurnContext): T | undefined;
  set(context: TurnContext, value: T): void;
  clear(context: TurnContext): void;
}

/** A new signal; `name` shows in a debugger's view of turnState. */
export function turnSignal<T>(name: string): TurnSignal<T> {
  const key = Symbol(name);
  return {
    get: (context) => context.turnState.get(key) as T | undefined,
    set: (context, value) => void context.turnState.set(key, value),
    clear: (context) => void context.turnState.delete(key),
  };
}
