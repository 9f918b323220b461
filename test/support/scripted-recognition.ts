import type { Middleware } from 'botbuilder';
import { noEntities } from '../../src/language/intents/entities.js';
import type { IntentName, WayfinderRecognizer } from '../../src/language/intents/index.js';
import * as signals from '../../src/turn-signals.js';

/** What the recognizer "understood" for one message, scripted by the test. */
export type Scripted = [intent: IntentName, score: number, runnerUp?: [IntentName, number]];

/**
 * Plays the bot's part for dialog tests: each message's recognition is looked up in `script`
 * by its text (unscripted messages are "none"), so routing is tested at exact scores.
 */
export function scriptedRecognition(script: Record<string, Scripted>): Middleware {
  return {
    async onTurn(context, next) {
      const [intent, score, runnerUp] = script[context.activity.text ?? ''] ?? ['none', 1];
      signals.recognition.set(context, {
        intent,
        score,
        ...(runnerUp ? { runnerUp: { intent: runnerUp[0], score: runnerUp[1] } } : {}),
        entities: noEntities(),
      });
      await next();
    },
  };
}

/** Recognizes every message with a real recognizer, as the bot does before the dialogs run. */
export function realRecognition(recognizer: WayfinderRecognizer): Middleware {
  return {
    async onTurn(context, next) {
      signals.recognition.set(context, await recognizer.recognizeText(context.activity.text ?? ''));
      await next();
    },
  };
}
