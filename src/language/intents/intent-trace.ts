import type { Activity, RecognizerResult } from 'botbuilder';
import { getTopScoringIntent } from 'botbuilder';
import type { WayfinderEntities } from './entities.js';
import type { WayfinderRecognition } from './wayfinder-recognizer.js';

/** The trace's name, as LuisRecognizer names its own "LuisRecognizer". */
export const intentTraceName = 'IntentRecognizer';
export const intentTraceLabel = 'Intent Recognizer Trace';
/** Identifies the value's shape for tools that read traces (the Emulator's inspector). */
export const intentTraceValueType = 'urn:wayfinder:trace:intent-recognizer:v1';

/** What the trace carries: the chosen intent, its score, and the entities keyed by kind. */
export interface IntentTraceValue {
  intent: string;
  score: number;
  entities: WayfinderEntities | Record<string, unknown>;
}

/**
 * The trace activity for one recognition, for the caller to send, so the Emulator (and transcript
 * tooling) shows what was understood on each turn as it does for LUIS. Accepts the typed
 * recognition or any RecognizerResult (a cloud recognizer's included).
 */
export function intentTrace(result: WayfinderRecognition | RecognizerResult): Partial<Activity> {
  return {
    type: 'trace',
    name: intentTraceName,
    label: intentTraceLabel,
    valueType: intentTraceValueType,
    value: traceValue(result),
  };
}

function traceValue(result: WayfinderRecognition | RecognizerResult): IntentTraceValue {
  if ('intents' in result) {
    const { intent, score } = getTopScoringIntent(result);
    const entities: unknown = result.entities;
    return { intent, score, entities: isRecord(entities) ? entities : {} };
  }
  return { intent: result.intent, score: result.score, entities: result.entities };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
