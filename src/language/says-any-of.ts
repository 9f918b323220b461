import type { StringKey, Strings } from '../content/strings.js';
import { foldAnswer } from './typed-answer.js';

const folded = new WeakMap<Strings, Map<StringKey, readonly string[]>>();

/**
 * The phrases of the locale list `key`, folded as `foldAnswer` folds a message. Folded once per
 * locale and list: lists read on every message (the handoff's waiting words) were folded again,
 * variant by variant, each time (2% of a turn's CPU in a profile of the dialog walk).
 */
export function foldedVariants(strings: Strings, key: StringKey): readonly string[] {
  let lists = folded.get(strings);
  if (!lists) {
    lists = new Map();
    folded.set(strings, lists);
  }
  let phrases = lists.get(key);
  if (!phrases) {
    phrases = strings.variants(key).map(foldAnswer);
    lists.set(key, phrases);
  }
  return phrases;
}

/**
 * True when `text` holds one of the phrases of the locale list `key`, whole words only: both are
 * folded (case, accents, punctuation) so "Hotline?" finds "hotline" and "hot" finds nothing in
 * "hotline". `text` may already be folded: folding twice changes nothing.
 */
export function saysAnyOf(strings: Strings, key: StringKey, text: string | undefined): boolean {
  const said = ` ${foldAnswer(text ?? '')} `;
  return foldedVariants(strings, key).some((words) => said.includes(` ${words} `));
}
