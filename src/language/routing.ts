import type { Strings } from '../content/strings.js';
import { normalizeText } from './normalize.js';

/**
 * How recognition scores turn into actions. The scores are calibrated probabilities: on held-out
 * examples, 98% of those >= 0.7 were right, 88% of those in 0.45-0.7, 55% below.
 */
export const thresholds = {
  /** Start what the person asked for. */
  route: 0.7,
  /** Ask "did you mean X?" first. Below this: offer the two likeliest. */
  confirm: 0.45,
  /** A command word said in a sentence ("can we start again from the top"). */
  command: 0.8,
  /** Leave a dialog for another topic without asking (only with a switch cue like "actually"). */
  switchNow: 0.85,
  /** Ask whether to leave a dialog for another topic. */
  switchAsk: 0.6,
} as const;

// The guided conversations are declared once, in the feature registry.
export { type FeatureIntent, featureIntents, isFeatureIntent } from './features.js';

/** True when the message signals a change of topic ("actually, can you find me a group?"). */
export function hasSwitchCue(strings: Strings, text: string | undefined): boolean {
  return hasCue(strings, 'routing.switchCues', text);
}

/**
 * True when the message is worded as a request ("can you", "find me", "i want"): in a message
 * about how someone feels, "nobody at group gets it" names a feature without asking for it.
 */
export function hasRequestCue(strings: Strings, text: string | undefined): boolean {
  return hasCue(strings, 'routing.requestCues', text);
}

function hasCue(strings: Strings, key: 'routing.switchCues' | 'routing.requestCues', text?: string): boolean {
  const folded = ` ${normalizeText(text ?? '')} `;
  return strings.variants(key).some((cue) => folded.includes(` ${normalizeText(cue)} `));
}
