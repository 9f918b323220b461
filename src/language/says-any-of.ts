import type { StringKey, Strings } from '../content/strings.js';
import { foldAnswer } from './typed-answer.js';

/**
 * True when `text` holds one of the phrases of the locale list `key`, whole words only: both are
 * folded (case, accents, punctuation) so "Hotline?" finds "hotline" and "hot" finds nothing in
 * "hotline". `text` may already be folded: folding twice changes nothing.
 */
export function saysAnyOf(strings: Strings, key: StringKey, text: string | undefined): boolean {
  const said = ` ${foldAnswer(text ?? '')} `;
  return strings.variants(key).some((words) => said.includes(` ${foldAnswer(words)} `));
}
