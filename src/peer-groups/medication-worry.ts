import type { Strings } from '../content/strings.js';
import { saysAnyOf } from '../language/says-any-of.js';

/**
 * A worry about one's own medication for recovery, asked while looking for a group ("should I
 * stop my buprenorphine so that I fit in?", "am I doing something wrong by staying on it?", "I
 * only hoped for some reassurance"), or being judged for it. `judged` when the person says they
 * felt judged, so that is heard first. Words: peerGroupChoices.medicationWorryWords, judgedWords.
 */
export function medicationWorryIn(
  strings: Strings,
  text: string | undefined,
): 'judged' | 'worry' | undefined {
  if (saysAnyOf(strings, 'peerGroupChoices.judgedWords', text)) return 'judged';
  const worry =
    saysAnyOf(strings, 'peerGroupChoices.medicationWorryWords', text) &&
    saysAnyOf(strings, 'peerGroupChoices.medicationWords', text);
  return worry ? 'worry' : undefined;
}
