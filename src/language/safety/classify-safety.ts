import { loadSafetyClassifier, type SafetyResult } from './safety-classifier.js';

/**
 * The shipped rules, compiled once when this module is first imported: a bad edit to
 * resources/safety-rules.json stops the bot at start instead of mid-conversation. Code that
 * builds its parts in a composition root should construct a SafetyClassifier there instead.
 */
const shipped = loadSafetyClassifier();

/** Classifies one inbound message with the shipped safety rules. */
export function classifySafety(text: string): SafetyResult {
  return shipped.classify(text);
}
