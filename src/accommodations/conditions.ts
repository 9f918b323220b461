import type { StringKey, Strings } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';
import { splitAtWords } from '../language/sentences.js';
import type { ConditionId } from './model.js';

/** What a person's words name: a condition, or that they would rather not say. */
export type NamedCondition = ConditionId | 'private';

/** Diagnoses a person may name, checked in this order (each has a phrase and words in the locale). */
const diagnoses = ['adhd', 'depression', 'anxiety', 'ptsd', 'bipolar'] as const;

/**
 * In the order they are read: recovery words that say it outright first, then a diagnosis named,
 * then words ("my treatment") that point to recovery only when nothing else was named, then a
 * general health word. So "my depression treatment" names depression, not recovery.
 */
const readOrder: readonly [NamedCondition, StringKey][] = [
  ['private', 'accommodationConditions.privateWords'],
  ['recovery', 'accommodationConditions.recoveryWords'],
  ...diagnoses.map((id): [NamedCondition, StringKey] => [id, `accommodationConditions.${id}Words`]),
  ['recovery', 'accommodationConditions.recoveryLaterWords'],
  ['health', 'accommodationConditions.healthWords'],
];

/** Folded for matching whole words, apostrophes dropped ("i'd" and "id" are the same). */
function fold(text: string): string {
  return ` ${normalizeText(text).replace(/'/g, '')} `;
}

/**
 * The condition `text` names, if any (only the id is kept, never the words). A condition named
 * after a word that leaves it out ("dont want him knowing about rehab", "only ADHD, leave out
 * addiction") is not named: the rest is read, and a person who only said what to leave out is
 * read as private, so a letter never discloses what they asked to keep out.
 */
export function conditionFrom(strings: Strings, text: string): NamedCondition | undefined {
  const clauses = splitAtWords(fold(text), ['but', 'and', 'just', 'only'], '.,;:!?').map(
    (clause) => ` ${clause} `,
  );
  const leaveOut = strings.variants('accommodationConditions.leaveOutWords').map(fold);
  let leftOut = false;
  for (const [id, words] of readOrder) {
    for (const word of strings.variants(words).map(fold)) {
      for (const clause of clauses) {
        const at = clause.indexOf(word);
        if (at < 0) continue;
        const before = clause.slice(0, at + 1);
        if (id !== 'private' && leaveOut.some((cue) => before.includes(cue))) leftOut = true;
        else return id;
      }
    }
  }
  return leftOut ? 'private' : undefined;
}

/** The plain phrase a letter uses for a named diagnosis ("ADHD"); undefined for recovery and health. */
export function conditionPhrase(strings: Strings, condition: ConditionId): string | undefined {
  const diagnosis = diagnoses.find((id) => id === condition);
  return diagnosis ? strings.text(`accommodationConditions.${diagnosis}`) : undefined;
}
