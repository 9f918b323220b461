import { escapeText } from './free-text.js';

/**
 * The one place where typed text is cut into sentences, clauses or parts at joining words ("and",
 * "because"), so every reader agrees on
 * where "back. want to do the coping one" or "stop, how did i do" divides, and none of them
 * cuts "Dr. Lee", "7.30" or "e.g. a later start" in two.
 */

/** What a piece is: a sentence (ends at . ! ? ; or a line break) or a clause (also , : and " - "). */
export type Piece = 'sentence' | 'clause';

/** Candidate places to cut: line breaks, runs of closing marks, clause marks, a spaced dash. */
const MARKS = /[\r\n]+|[.!?\u2026]+|[;:,]|\s+[-\u2013\u2014]+\s+|\u2014/g;

/** Words whose dot shortens them and never ends a sentence: a name or an example follows. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'st',
  'eg',
  'ie',
  'vs',
]);

const digit = (char: string | undefined): boolean => char !== undefined && /\p{N}/u.test(char);

/** The word right before `at` in `text`, lower case and without its dots ("e.g" -> "eg"). */
function wordBefore(text: string, at: number): string {
  return (/[\p{L}.]*$/u.exec(text.slice(0, at))?.[0] ?? '').replace(/\./g, '').toLowerCase();
}

/** What the mark `mark` at `at` ends, or undefined when it ends nothing ("7.30", "Dr. Lee"). */
function ends(text: string, at: number, mark: string): Piece | undefined {
  const before = text[at - 1];
  const after = text[at + mark.length];
  if (/[\r\n;]/.test(mark)) return 'sentence';
  if (mark === ',' || mark === ':') return digit(before) && digit(after) ? undefined : 'clause';
  if (!/[.!?\u2026]/.test(mark)) return 'clause';
  if (/[!?\u2026]|\.\./.test(mark)) return 'sentence';
  // A lone dot: inside a number or a word ("7.30", "wayfinder.org") it cuts nothing.
  if (after !== undefined && !/\s/.test(after)) return undefined;
  const word = wordBefore(text, at);
  if (ABBREVIATIONS.has(word)) return undefined;
  // "breaks etc. and a quiet room" goes on; "breaks etc. Next" or a last "etc." ends.
  if (word === 'etc' && /^\s+\p{Ll}/u.test(text.slice(at + 1))) return undefined;
  return 'sentence';
}

/**
 * `text` cut into sentences (each keeps its closing mark, so "general." reads as typed) or into
 * clauses (bare, without the marks between them), trimmed, empty pieces left out. Text with no
 * marks is one piece; emoji stay inside the piece they were typed in.
 */
export function piecesOf(text: string, piece: Piece): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const found of text.matchAll(MARKS)) {
    const mark = found[0];
    const at = found.index;
    const end = ends(text, at, mark);
    if (end === undefined || (end === 'clause' && piece === 'sentence')) continue;
    const closes = piece === 'sentence' && /^[.!?\u2026;]/.test(mark);
    pieces.push(text.slice(start, closes ? at + mark.length : at));
    start = at + mark.length;
  }
  pieces.push(text.slice(start));
  return pieces.map((one) => one.trim()).filter(Boolean);
}

/** The sentences of `text`, trimmed, each with its closing mark. */
export const sentencesOf = (text: string): string[] => piecesOf(text, 'sentence');

/** The clauses of `text`, trimmed, without the marks that divide them. */
export const clausesOf = (text: string): string[] => piecesOf(text, 'clause');

/** One part of a message cut at joining words, with the join typed before it ('' for the first). */
export interface JoinedPart {
  readonly part: string;
  readonly join: string;
}

/**
 * `text` cut wherever one of `words` joins two parts ("and", "but", "because", "so that") or one
 * of the characters in `marks` stands (",&"). Words match whole and in any case, so "android",
 * "butter" and "and" inside "brand" cut nothing; a word of several matches across any spaces,
 * and of two joins at one place the longer is taken.
 * Each join keeps the spaces around it, so the parts and joins put together give `text` back.
 */
export function joinedParts(text: string, words: readonly string[], marks = ''): JoinedPart[] {
  // Longest first, so "because of" is one join where "because" is another.
  const joins = [
    ...[...words]
      .sort((a, b) => b.length - a.length)
      .map((word) => `(?<![\\p{L}\\p{N}])${escapeText(word).replace(/ +/g, '\\s+')}(?![\\p{L}\\p{N}])`),
    ...[...marks].map(escapeText),
  ];
  if (joins.length === 0) return [{ part: text, join: '' }];
  const parts: JoinedPart[] = [];
  let start = 0;
  let join = '';
  for (const found of text.matchAll(new RegExp(`\\s*(?:${joins.join('|')})\\s*`, 'giu'))) {
    parts.push({ part: text.slice(start, found.index), join });
    join = found[0];
    start = found.index + found[0].length;
  }
  parts.push({ part: text.slice(start), join });
  return parts;
}

/** The parts of `text` between its joining `words` and `marks` (as joinedParts), trimmed, empty ones left out. */
export function splitAtWords(text: string, words: readonly string[], marks = ''): string[] {
  return joinedParts(text, words, marks)
    .map(({ part }) => part.trim())
    .filter(Boolean);
}
