import type { PhraseLists } from './phrase-lists.js';

/** A sparse feature vector: feature name to weight. */
export type Features = ReadonlyMap<string, number>;

/** How much each family of features counts; see `featurize`. */
export interface FeatureWeights {
  words: number;
  chars: number;
  /**
   * Words that count only inside word pairs, never alone (see the safety gate's learned layer:
   * alone, "and", "will" or "did" leaned to danger and raised alarms on plain answers).
   */
  pairedOnly?: readonly string[];
}

export const defaultFeatureWeights: FeatureWeights = { words: 1, chars: 0.5 };

/**
 * Turns the words of a folded message (see foldText) into features for a linear classifier:
 * - words and word pairs carry the meaning ("talk to" + "a person");
 * - phrase-list names stand in for their words, so "agent" counts like "person" even if no
 *   example says "agent";
 * - character 3- to 5-grams inside each word make typos and word forms land near the right
 *   word ("psychiatirst" shares most of its grams with "psychiatrist"; "meetings" with "meeting");
 * - a length bucket lets one-word commands ("stop") differ from the same word inside a sentence
 *   ("I want to stop drinking").
 * Each family is scaled to unit length so neither drowns the other whatever the message length.
 */
export function featurize(
  tokens: readonly string[],
  lists: PhraseLists,
  weights: FeatureWeights = defaultFeatureWeights,
): Features {
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  const add = (into: Map<string, number>, key: string) => into.set(key, (into.get(key) ?? 0) + 1);
  const pairedOnly = new Set(weights.pairedOnly);
  tokens.forEach((token, index) => {
    if (!pairedOnly.has(token)) add(words, `w:${token}`);
    add(words, `b:${tokens[index - 1] ?? '^'} ${token}`);
    for (const list of lists.get(token) ?? []) add(words, `k:${list}`);
    if (weights.chars === 0) return;
    const padded = `<${token}>`;
    for (let n = 3; n <= 5; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1)
        add(chars, `c:${padded.slice(start, start + n)}`);
    }
  });
  if (tokens.length > 0) add(words, `b:${tokens[tokens.length - 1]} $`);
  add(
    words,
    `len:${tokens.length <= 2 ? tokens.length : tokens.length <= 4 ? '3-4' : tokens.length <= 8 ? '5-8' : 'long'}`,
  );
  const features = new Map<string, number>();
  scaleInto(features, words, weights.words);
  scaleInto(features, chars, weights.chars);
  return features;
}

/** Adds `family` to `into`, with counts damped (1 + log) and the family scaled to length `weight`. */
function scaleInto(into: Map<string, number>, family: ReadonlyMap<string, number>, weight: number): void {
  let norm = 0;
  const damped = [...family].map(([key, count]) => {
    const value = 1 + Math.log(count);
    norm += value * value;
    return [key, value] as const;
  });
  const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
  for (const [key, value] of damped) into.set(key, value * scale);
}
