import type { DialogCommand } from './language/commands.js';
import type { WayfinderRecognition } from './language/intents/index.js';
import type { FeatureIntent } from './language/routing.js';
import { turnSignal } from './platform/turn-signal.js';

/**
 * The messages that pass between the bot and its dialogs within one turn, each with its type.
 * A signal used inside one file only is defined in that file with the same turnSignal().
 */

/** This turn's recognition, kept by the bot so every dialog reads the one the trace showed. */
export const recognition = turnSignal<WayfinderRecognition>('recognition');

/**
 * A help, menu or cancel said inside a longer message ("so scared. help"), found by the bot after
 * a concern reply: the dialogs take it as if it had been typed on its own.
 */
export const carriedCommand = turnSignal<DialogCommand>('carriedCommand');

/** The topic a person asked to switch to this turn; a dialog closed every dialog for it. */
export const switchTo = turnSignal<FeatureIntent>('switchTo');

/** The person confirmed "delete my data": the bot erases after the dialogs have run. */
export const eraseRequested = turnSignal<true>('eraseRequested');

/**
 * The gate read a concern in words the open question keeps (a safety plan part, a message for a
 * specialist): the bot said so in one line, and the dialog keeps the words without saying more.
 */
export const concernKept = turnSignal<true>('concernKept');

/**
 * The gate set a match aside as told in the past ("last year i overdosed and my friend narcanned
 * me"): after the overdose steps, a story is not the emergency starting over.
 */
export const toldAsPast = turnSignal<true>('toldAsPast');

/**
 * The person answered a check-in with a clear "no" this turn: the conversation notes it, so a
 * later hint only the learned layer hears is met gently, not with the same question.
 */
export const answeredSafe = turnSignal<true>('answeredSafe');
