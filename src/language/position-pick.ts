import { type Choice, recognizeChoices } from 'botbuilder-dialogs';
import { normalizeText } from './normalize.js';

/**
 * True when a message picks a listed choice by its number or ordinal alone ("2", "the second
 * one", "number 3 please"), and false when a number only appears in a sentence ("I have 2 kids",
 * "alert(1)"): the choice recognizer matches any number anywhere, which picks things nobody chose.
 * `fillerWords` are the words that may surround a pick.
 */
export function picksByPosition(
  text: string,
  choices: readonly (string | Choice)[],
  fillerWords: ReadonlySet<string>,
): boolean {
  const [match] = recognizeChoices(text, [...choices], { recognizeNumbers: true, recognizeOrdinals: true });
  if (!match) return false;
  const rest = normalizeText(`${text.slice(0, match.start)} ${text.slice(match.end + 1)}`);
  return rest === '' || rest.split(' ').every((word) => fillerWords.has(word));
}
