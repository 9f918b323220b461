import type { IntentName, WayfinderRecognition } from '../src/language/intents/index.js';
import { type FeatureIntent, isFeatureIntent, thresholds } from '../src/language/routing.js';

/** Where free text typed at the menu leads. */
export type MenuRoute =
  | { kind: 'feature'; intent: FeatureIntent }
  | { kind: 'confirm'; intent: FeatureIntent }
  | { kind: 'choose'; intents: [FeatureIntent, FeatureIntent] }
  | { kind: 'smallTalk'; intent: 'greeting' | 'thanks' };

/**
 * Reads a recognition the menu's buttons did not match: start what was asked for when sure,
 * ask "did you mean X?" when fairly sure, offer the two likeliest when unsure, and leave the
 * rest (none) to the menu's retry, so a person is never sent somewhere on a guess.
 */
export function menuRouteFor(recognition: WayfinderRecognition | undefined): MenuRoute | undefined {
  if (!recognition) return undefined;
  const { intent, score, runnerUp } = recognition;
  if ((intent === 'greeting' || intent === 'thanks') && score >= thresholds.route) {
    return { kind: 'smallTalk', intent };
  }
  if (isFeatureIntent(intent) && score >= thresholds.route) return { kind: 'feature', intent };
  if (isFeatureIntent(intent) && score >= thresholds.confirm) return { kind: 'confirm', intent };
  const likely = [intent, runnerUp?.intent]
    .filter((i): i is IntentName => i !== undefined)
    .filter(isFeatureIntent);
  const [first, second] = likely;
  if (first && second) return { kind: 'choose', intents: [first, second] };
  if (first && intent !== 'none') return { kind: 'confirm', intent: first };
  return undefined;
}
