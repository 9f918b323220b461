import type { Strings } from '../content/strings.js';
import { foldedVariants, saysAnyOf } from '../language/says-any-of.js';
import { clausesOf } from '../language/sentences.js';
import { numbersIn } from '../language/spoken-edit.js';
import { foldAnswer, sentencesOf } from '../language/typed-answer.js';

export { numbersIn };

/**
 * What a message at the plan's questions says about the list rather than adding to it: done
 * ("I think that is all of my questions"), numbers to take out ("Please remove numbers 2 and
 * 3"), or one to fix ("Can I fix the second question?"). Undefined when it is a question to add.
 */
export type QuestionEdit =
  | { kind: 'done' }
  | { kind: 'remove'; numbers: number[] }
  | { kind: 'fix'; number: number };

/** Splits "1, 2. Please leave out 3 and 4" at the words that take out: what comes before, and after. */
export function splitAtRemove(strings: Strings, text: string): [keep: string, remove: string] {
  const folded = foldAnswer(text);
  let at = -1;
  for (const words of strings.variants('appointment.removeWords')) {
    const found = ` ${folded} `.indexOf(` ${foldAnswer(words)} `);
    if (found >= 0 && (at < 0 || found < at)) at = found;
  }
  return at < 0 ? [folded, ''] : [folded.slice(0, at), folded.slice(at)];
}

export function questionEdit(strings: Strings, text: string, count: number): QuestionEdit | undefined {
  const [, removing] = splitAtRemove(strings, text);
  const removed = removing ? (lastOnes(strings, removing, count) ?? numbersIn(strings, removing, count)) : [];
  if (removed.length > 0) return { kind: 'remove', numbers: removed };
  const folded = foldAnswer(text);
  const [fix] = saysAnyOf(strings, 'appointment.fixWords', folded) ? numbersIn(strings, text, count) : [];
  if (fix !== undefined) return { kind: 'fix', number: fix };
  // "I am done" said in a sentence that asks nothing.
  const asks = text.includes('?');
  return !asks && saysAnyOf(strings, 'appointment.questionsDoneWords', folded) ? { kind: 'done' } : undefined;
}

/**
 * "remove the last 2", "take out the last question": the numbers of the last ones on a list of
 * `count`, or undefined when no "last" is said (words: appointment.lastWords).
 */
function lastOnes(strings: Strings, text: string, count: number): number[] | undefined {
  const words = foldAnswer(text).split(' ');
  const at = words.findIndex((word) => strings.variants('appointment.lastWords').includes(word));
  if (at < 0 || count === 0) return undefined;
  const [many = 1] = numbersIn(strings, words.slice(at + 1, at + 2).join(' '), count);
  return Array.from({ length: Math.min(many, count) }, (_, i) => count - i).reverse();
}

/**
 * A vent at the plan's questions ("man this is stressing me out. should i just plead guilty and
 * get it over with"): the sentences that are not the vent, as the question it may hold ("" when
 * none). Undefined when nothing in it vents, so a plain question is added as it is.
 */
export function ventIn(strings: Strings, text: string): { question: string } | undefined {
  const sentences = sentencesOf(text);
  const vents = (sentence: string) => saysAnyOf(strings, 'appointment.ventWords', foldAnswer(sentence));
  if (!sentences.some(vents)) return undefined;
  return { question: sentences.filter((sentence) => !vents(sentence)).join(' ') };
}

/**
 * The question itself when a lead names it: "those are kinda weird for a lawyer, my question is
 * will i go to jail" is "will i go to jail". The whole text when no part opens with a lead.
 */
export function askedIn(strings: Strings, text: string): string {
  const leads = strings.variants('appointment.questionLeads').map(foldAnswer);
  for (const part of clausesOf(text).reverse()) {
    const folded = foldAnswer(part);
    const lead = leads.find((words) => folded.startsWith(`${words} `));
    if (lead === undefined) continue;
    const rest = part.split(/\s+/).slice(lead.split(' ').length).join(' ');
    if (rest) return rest;
  }
  return text;
}

/**
 * The item typed before a closing "done" on the same line ("When will I know if my benefits
 * continue? done"), or undefined when the line is only the closing words. The closing may stack
 * several ("thats it done": Dee's two questions before it were lost).
 */
export function lastItemBefore(strings: Strings, text: string): string | undefined {
  const parts = sentencesOf(text);
  const before = parts.slice(0, -1).join(' ').trim();
  return before && onlyClosing(strings, parts.at(-1) ?? '') ? before : undefined;
}

/** True when `sentence` is nothing but closing words ("done", "thats it done", "that is all. im done"). */
function onlyClosing(strings: Strings, sentence: string): boolean {
  const closings = [...foldedVariants(strings, 'appointment.doneWords')].sort((a, b) => b.length - a.length);
  let rest = ` ${foldAnswer(sentence)} `;
  for (const words of closings) rest = rest.replaceAll(` ${words} `, '  ');
  return rest.trim() === '' && foldAnswer(sentence) !== '';
}
