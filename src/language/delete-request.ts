import type { Strings } from '../content/strings.js';
import { type AnswerOption, foldAnswer, typedAnswerReader } from './typed-answer.js';

/**
 * A request to delete one saved thing, typed where saved things are listed: "delete 1", "remove
 * number 2", "delete the dentist one", "get rid of that plan". Its words are data
 * (answers.deleteVerbs, answers.thatOneWords); "delete my data" is a command, read before this.
 */
export interface DeleteRequest {
  /** What follows the verb, folded ("1", "the dentist one", "that plan"; empty for "delete"). */
  target: string;
}

/** The delete request `text` is, or undefined when it does not start with a delete verb. */
export function deleteRequestIn(strings: Strings, text: string | undefined): DeleteRequest | undefined {
  const folded = foldAnswer(text ?? '');
  const verb = strings
    .variants('answers.deleteVerbs')
    .map(foldAnswer)
    .sort((a, b) => b.length - a.length)
    .find((words) => folded === words || folded.startsWith(`${words} `));
  return verb === undefined ? undefined : { target: folded.slice(verb.length).trim() };
}

/**
 * The value of the item a delete request points at among `items` (as listed, so "1" is the
 * first): its number, a few words of its label, or "that one" / "it" for `current` (the one
 * open), or for the only item. Undefined when it points at none, or is unclear.
 */
export function itemToDelete(
  strings: Strings,
  request: DeleteRequest,
  items: readonly AnswerOption[],
  current?: string,
): string | undefined {
  const pointer = strings.variants('answers.thatOneWords').map(foldAnswer);
  if (request.target === '' || pointer.includes(request.target)) {
    return current ?? (items.length === 1 ? items[0]?.value : undefined);
  }
  return typedAnswerReader(strings).read(request.target, { options: items, numbered: true })?.value;
}

/**
 * True when a delete request points at one item ("delete 1", "remove number 2", "delete that
 * one") rather than at data: never read as "delete my data", wherever it is typed.
 */
export function pointsAtAnItem(strings: Strings, request: DeleteRequest): boolean {
  const pointer = strings.variants('answers.thatOneWords').map(foldAnswer);
  if (request.target === '' || pointer.includes(request.target)) return true;
  const places = Array.from({ length: 10 }, (_, index) => ({ value: `item${index}`, label: '' }));
  return (
    typedAnswerReader(strings).read(request.target, { options: places, numbered: true })?.how === 'position'
  );
}
