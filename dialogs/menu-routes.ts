import type { IntentName, WayfinderRecognition } from '../src/language/intents/index.js';
import { type FeatureIntent, isFeatureIntent, thresholds } from '../src/language/routing.js';

/** Where free text typed at the menu leads. */
export type MenuRoute =
  | { kind: 'feature'; intent: FeatureIntent }
  | { kind: 'confirm'; intent: FeatureIntent }
  | { kind: 'choose'; intents: [FeatureIntent, FeatureIntent] }
  | { kind: 'smallTalk'; intent: 'greeting' | 'thanks' | 'goodbye' };

/** A runner-up feature scoring at least this share of the likeliest one: both are offered. */
const closeRunnerUp = 0.5;

/**
 * Reads a recognition the menu's buttons did not match: start what was asked for when sure,
 * ask "did you mean X?" when fairly sure, offer the two likeliest when unsure or when the second
 * is close behind (two were named), and leave the rest (none) to the menu's retry, so a person is
 * never sent somewhere on a guess.
 */
export function menuRouteFor(recognition: WayfinderRecognition | undefined): MenuRoute | undefined {
  if (!recognition) return undefined;
  const { intent, score, runnerUp } = recognition;
  if ((intent === 'greeting' || intent === 'thanks') && score >= thresholds.route) {
    return { kind: 'smallTalk', intent };
  }
  if (isFeatureIntent(intent) && score >= thresholds.route) return { kind: 'feature', intent };
  if (isFeatureIntent(intent) && score >= thresholds.confirm) {
    // "help with my job and a group" names two: asking about one alone would drop the other.
    const other = runnerUp && runnerUp.score >= closeRunnerUp * score ? runnerUp.intent : undefined;
    return other && isFeatureIntent(other)
      ? { kind: 'choose', intents: [intent, other] }
      : { kind: 'confirm', intent };
  }
  const likely = [intent, runnerUp?.intent]
    .filter((i): i is IntentName => i !== undefined)
    .filter(isFeatureIntent);
  const [first, second] = likely;
  if (first && second) return { kind: 'choose', intents: [first, second] };
  if (first && intent !== 'none') return { kind: 'confirm', intent: first };
  return undefined;
}
