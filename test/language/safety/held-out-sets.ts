import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exampleKey, type LabelledSet, loadLabelledSet } from '../../../src/language/safety/labelled-set.js';
import type { SafetyTaxonomy } from '../../../src/language/safety/safety-taxonomy.js';
import { resourcesDir } from '../../../src/paths.js';

/**
 * The held-out sets that measure the safety gate, in resources/safety-eval/, and the rule that
 * split set A from the training examples. No rule or weight is tuned on any of them.
 */

export interface HeldOutFile {
  readonly name: string;
  /** Relative to the resources directory. */
  readonly file: string;
  /** B is written by someone who never saw the others, and added later: absent until then. */
  readonly optional: boolean;
  /**
   * Its items are never read by whoever tunes the gate, only its totals (`--totals-only`): once
   * its misses are read, it stops measuring phrasings the gate was not written for.
   */
  readonly sealed: boolean;
}

export const heldOutFiles: readonly HeldOutFile[] = [
  {
    name: 'A (split from the messages written for the taxonomy)',
    file: 'safety-eval/heldout-a.json',
    optional: false,
    sealed: false,
  },
  {
    name: 'original (46 messages, before the taxonomy)',
    file: 'safety-eval/heldout-original.json',
    optional: false,
    sealed: false,
  },
  {
    name: 'C (round 2: twelve voices, written after the rules it measures)',
    file: 'safety-eval/heldout-c.json',
    optional: false,
    sealed: true,
  },
  {
    name: 'B (written apart, by someone who never saw the rest)',
    file: 'safety-eval/heldout-b.json',
    optional: true,
    sealed: true,
  },
];

/** Every held-out set present, loaded and checked. */
export function loadHeldOutSets(
  taxonomy: SafetyTaxonomy,
  dir: string = resourcesDir,
): {
  readonly name: string;
  readonly file: string;
  readonly sealed: boolean;
  readonly set: LabelledSet;
}[] {
  return heldOutFiles
    .filter((entry) => !entry.optional || existsSync(resolve(dir, entry.file)))
    .map((entry) => ({
      name: entry.name,
      file: entry.file,
      sealed: entry.sealed,
      set: loadLabelledSet(entry.file, taxonomy, dir),
    }));
}

/**
 * The split rule for messages written for the taxonomy: held out when the first byte of the
 * SHA-256 of its key is divisible by 4 (about a quarter), so no one picks which ones.
 */
export function heldOutByHash(text: string): boolean {
  const first = createHash('sha256').update(exampleKey(text)).digest()[0] ?? 0;
  return first % 4 === 0;
}

/**
 * Words that carry no content of their own, in English and Spanish: two messages are not
 * rewordings of each other for sharing "i want to ... so bad".
 */
const functionWords = new Set(
  (
    'i me my myself we our you your he him his she her it its they them their a an the and or but if so ' +
    'to of in on at for with from by as is am are was were be been being do does did not no dont cant ' +
    'wont im ive id ill that this these those just really very too all any some can could would should ' +
    'will about up out now then than there here what when where who why how want wanna going gonna get ' +
    'got have has had like feel lol que el la los las de y o en un una mi me se no ya lo es por para con'
  ).split(' '),
);

/** A message's content words, for spotting a rewording. */
function contentWords(text: string): Set<string> {
  return new Set(
    exampleKey(text)
      .split(' ')
      .filter((word) => !functionWords.has(word)),
  );
}

/** Two sets of content words share at least two words and 60% of them (Jaccard). */
function close(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared >= 2 && shared / (left.size + right.size - shared) >= 0.6;
}

/** One message closely rewords the other: they share at least two content words and 60% of them. */
export function closeRewording(a: string, b: string): boolean {
  return close(contentWords(a), contentWords(b));
}

/**
 * The messages of `texts` that `text` closely rewords, found through an index of their content
 * words: comparing every held-out message with every training message one by one is too slow.
 */
export function rewordingIndex(texts: readonly string[]): (text: string) => string[] {
  const words = texts.map(contentWords);
  const byWord = new Map<string, number[]>();
  words.forEach((set, index) => {
    for (const word of set) byWord.set(word, [...(byWord.get(word) ?? []), index]);
  });
  return (text) => {
    const mine = contentWords(text);
    const candidates = new Set([...mine].flatMap((word) => byWord.get(word) ?? []));
    return [...candidates]
      .filter((index) => close(mine, words[index] ?? new Set()))
      .map((index) => texts[index] ?? '');
  };
}
