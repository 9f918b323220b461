import type { StringKey, Strings } from '../content/strings.js';
import { clausesOf } from './sentences.js';
import { editDistance, foldAnswer } from './typed-answer.js';

/** A part of something shown for review (a safety plan's part, a letter's "who", a plan's date). */
export interface EditPart<P extends string> {
  value: P;
  /** Words that name the part ("the name", "my name"). */
  words: readonly string[];
  /** What the part says now: "it says supervsr mike. just put Mike" finds the part by it. */
  now?: string | undefined;
}

/**
 * An edit said in words: which part (when one was named or can be told), whether the new words
 * are added to the part's list, taken out of it, replace it, or are still to be asked for
 * (`change`), and the new words (`value`) as typed. `plain` is a message with no edit words at
 * all ("not sleeping. drinking more"), a new answer as it stands.
 */
export interface SpokenEdit<P extends string> {
  part?: P | undefined;
  action: 'add' | 'remove' | 'replace' | 'change';
  value?: string | undefined;
  /** List positions named ("remove the second one", "take out 3"). */
  positions: number[];
  plain: boolean;
}

/** One clause of the message as read alone. */
interface Clause<P extends string> {
  kind: 'keep' | 'add' | 'remove' | 'replace' | 'change' | 'plain';
  part?: P | undefined;
  value?: string;
  positions?: number[];
}

/** A word of the message: as typed (for the value kept) and folded (for matching). */
interface Word {
  typed: string;
  folded: string;
}

/** The list numbers a message names ("2 and 3", "the second"), among `count` items. */
export function numbersIn(strings: Strings, text: string, count: number): number[] {
  const positions = new Map(
    strings.variants('answers.positions').flatMap((line, index) =>
      foldAnswer(line)
        .split(' ')
        .map((word) => [word, index + 1] as const),
    ),
  );
  const numbers = foldAnswer(text)
    .split(' ')
    .map((word) => positions.get(word) ?? (/^\d+$/.test(word) ? Number(word) : undefined));
  return [...new Set(numbers)].filter((n): n is number => n !== undefined && n >= 1 && n <= count);
}

/**
 * Reads an edit said in words at a review or a part being changed. Each sentence (and clause
 * between commas) is read alone, then put together: "the message is fine. the NAME is wrong" is a
 * change of the name; "my name is wrong, it's Dee" gives it its value; "keep those. add not
 * answering texts" adds; "take out the second one" removes; "just put Mike" replaces, its part
 * told by what the part says now ("it says supervsr mike at the bottom"). Words in `edits.*`.
 */
export function spokenEdit<P extends string>(
  strings: Strings,
  text: string,
  parts: readonly EditPart<P>[],
  listLength = 0,
): SpokenEdit<P> {
  const clauses = clausesOf(text)
    .map((clause) => words(clause))
    .filter((clause) => clause.length > 0)
    .map((clause) => readClause(strings, clause, parts, listLength));
  let edit: SpokenEdit<P> | undefined;
  let named: P | undefined;
  let context = '';
  for (const clause of clauses) {
    if (clause.kind === 'keep') continue;
    named ??= clause.part;
    if (clause.kind === 'plain') {
      // Words after an edit go on with its value ("add not answering texts, staying up late").
      if (edit?.value !== undefined && edit.action !== 'remove' && clause.value)
        edit.value = `${edit.value}, ${clause.value}`;
      else context = `${context} ${clause.value ?? ''}`;
      continue;
    }
    if (clause.kind === 'change') {
      edit ??= { action: 'change', positions: [], plain: false };
      edit.part ??= clause.part;
      continue;
    }
    if (edit?.value !== undefined) continue;
    edit = {
      part: clause.part ?? edit?.part,
      action: clause.kind,
      value: clause.value,
      positions: clause.positions ?? [],
      plain: false,
    };
  }
  if (!edit) return { action: 'replace', value: text.trim(), positions: [], plain: true };
  edit.part ??= named ?? partByNow(parts, context);
  return edit;
}

/** The part whose present words the message quotes ("it says supervsr mike"), if one does. */
function partByNow<P extends string>(parts: readonly EditPart<P>[], context: string): P | undefined {
  const said = new Set(foldAnswer(context).split(' '));
  let best: { part: P; shared: number } | undefined;
  for (const part of parts) {
    const words = foldAnswer(part.now ?? '')
      .split(' ')
      .filter((word) => word.length > 2);
    // "thurs" quotes "thursday", "supervsr" "supervisor": the answer was kept spelled out, and the
    // person quotes what they typed.
    const quoted = (word: string) =>
      said.has(word) ||
      [...said].some(
        (typed) =>
          typed.length >= 4 &&
          (word.startsWith(typed) || (typed.length >= 5 && editDistance(typed, word) <= 2)),
      );
    const shared = words.filter(quoted).length;
    // Two of its words, or its only one: "thurs" alone is in many answers.
    if (shared >= Math.min(2, words.length) && shared > (best?.shared ?? 0))
      best = { part: part.value, shared };
  }
  return best?.part;
}

function words(clause: string): Word[] {
  return clause
    .split(/\s+/)
    .map((typed) => ({ typed: typed.replace(/^["'(]+|["')]+$/g, ''), folded: foldAnswer(typed) }))
    .filter((word) => word.folded.length > 0);
}

/** The length, in words, of the longest of `key`'s phrases that `clause` has at `at`. */
function phraseAt(strings: Strings, key: StringKey, clause: readonly Word[], at = 0): number {
  let longest = 0;
  for (const phrase of strings.variants(key)) {
    const folded = foldAnswer(phrase).split(' ');
    if (folded.every((word, index) => clause[at + index]?.folded === word))
      longest = Math.max(longest, folded.length);
  }
  return longest;
}

/** True when `clause` is one of `key`'s phrases, whole. */
function says(strings: Strings, key: StringKey, clause: readonly Word[]): boolean {
  return phraseAt(strings, key, clause) === clause.length && clause.length > 0;
}

/** Where one of `key`'s phrases first starts in `clause`, or -1. */
function phraseIndex(strings: Strings, key: StringKey, clause: readonly Word[], from = 0): number {
  for (let at = from; at < clause.length; at++) if (phraseAt(strings, key, clause, at) > 0) return at;
  return -1;
}

/** The part named in `clause` (the longest name, the earliest), and where its name ends. */
function partIn<P extends string>(
  clause: readonly Word[],
  parts: readonly EditPart<P>[],
): { part: P; start: number; end: number } | undefined {
  for (let at = 0; at < clause.length; at++) {
    let found: { part: P; start: number; end: number } | undefined;
    for (const part of parts) {
      for (const name of part.words) {
        const folded = foldAnswer(name).split(' ');
        const fits = folded.every((word, index) => clause[at + index]?.folded === word);
        if (fits && (!found || at + folded.length > found.end))
          found = { part: part.value, start: at, end: at + folded.length };
      }
    }
    if (found) return found;
  }
  return undefined;
}

/** The new words as typed, less the leads and tails around them ("just Mike please" is "Mike"). */
function newWords(strings: Strings, clause: readonly Word[], corrects: boolean): string {
  let rest = [...clause];
  for (
    let lead = phraseAt(strings, 'edits.valueLeads', rest);
    lead > 0;
    lead = phraseAt(strings, 'edits.valueLeads', rest)
  )
    rest = rest.slice(lead);
  const tail = rest.findIndex((_, at) => at > 0 && phraseAt(strings, 'edits.valueTails', rest, at) > 0);
  if (tail > 0 && phraseAt(strings, 'edits.valueTails', rest, tail) === rest.length - tail)
    rest = rest.slice(0, tail);
  // "it is the 15th not the 16th": what it is, not what it is not.
  const not = corrects ? phraseIndex(strings, 'edits.notWords', rest, 1) : -1;
  if (not > 0) rest = rest.slice(0, not);
  return rest
    .map((word) => word.typed)
    .join(' ')
    .replace(/[,:;]+$/, '')
    .trim();
}

function readClause<P extends string>(
  strings: Strings,
  all: readonly Word[],
  parts: readonly EditPart<P>[],
  listLength: number,
): Clause<P> {
  let clause = [...all];
  for (
    let opener = phraseAt(strings, 'edits.openers', clause);
    opener > 0;
    opener = phraseAt(strings, 'edits.openers', clause)
  )
    clause = clause.slice(opener);
  const typed = (from: readonly Word[]) => from.map((word) => word.typed).join(' ');
  const remove = phraseAt(strings, 'edits.removeLeads', clause);
  if (remove > 0) {
    const rest = clause.slice(remove);
    const named = partIn(rest, parts);
    const what = named?.start === 0 ? rest.slice(named.end) : rest;
    return {
      kind: 'remove',
      part: named?.start === 0 ? named.part : undefined,
      value: newWords(strings, what, false),
      // "erase all that": every one; "the second one": the second, not the first too.
      positions: says(strings, 'edits.allWords', what)
        ? Array.from({ length: listLength }, (_, index) => index + 1)
        : numbersIn(strings, typed(what).replace(/(\S)\s+ones?\b/gi, '$1'), listLength),
    };
  }
  const replace = phraseAt(strings, 'edits.replaceLeads', clause);
  if (replace > 0) return { kind: 'replace', value: newWords(strings, clause.slice(replace), true) };
  const named = partIn(clause, parts);
  if (named) {
    // "the NAME is wrong", "the date is still wrong", "the message is fine", "my name is just Sam".
    const after = clause.slice(named.end);
    const join = phraseAt(strings, 'edits.joinWords', after);
    let said = after.slice(join);
    for (
      let lead = phraseAt(strings, 'edits.valueLeads', said);
      lead > 0;
      lead = phraseAt(strings, 'edits.valueLeads', said)
    )
      said = said.slice(lead);
    // "the date is broken" is a fault found, never the date's new words (people10, Marcus).
    if (phraseAt(strings, 'edits.changeWords', said) > 0 || says(strings, 'edits.faultWords', said))
      return { kind: 'change', part: named.part };
    if (phraseAt(strings, 'edits.keepWords', said) > 0) return { kind: 'keep', part: named.part };
    const value = join > 0 ? newWords(strings, after.slice(join), true) : '';
    return value ? { kind: 'replace', part: named.part, value } : { kind: 'change', part: named.part };
  }
  if (phraseAt(strings, 'edits.keepWords', clause) > 0) return { kind: 'keep' };
  const add = phraseAt(strings, 'edits.addLeads', clause);
  if (add > 0) return { kind: 'add', value: newWords(strings, clause.slice(add), false) };
  // "fix that too": a change asked for again, not "fix that" added (people10, Tyler).
  if (phraseAt(strings, 'edits.changeWords', clause) > 0) return { kind: 'change' };
  const tail = phraseIndex(strings, 'edits.addTails', clause, 1);
  if (tail > 0 && phraseAt(strings, 'edits.addTails', clause, tail) === clause.length - tail)
    return { kind: 'add', value: newWords(strings, clause.slice(0, tail), false) };
  if (phraseIndex(strings, 'edits.changeWords', clause) >= 0) return { kind: 'change' };
  return { kind: 'plain', value: typed(clause) };
}
