import { syllable } from 'syllable';

/**
 * Flesch-Kincaid grade of the bot's messages, with syllables from wooorm's `syllable` package.
 * Sentences and words are counted here, not by text-readability: that package needs a capital
 * letter after a full stop (so "Call 988. 988 is free." is one sentence), reads the lines of a
 * list as one sentence, rounds its averages before the formula (the grade moves in steps of 1.2)
 * and patches the global Math object when imported.
 */

/** A message as a reader sees it: placeholders, links and markdown replaced by plain words. */
export function plainText(message: string): string {
  return (
    message
      // A filled-in value (a name, a date, a list the code joins) counts as one short word.
      .replace(/\{[A-Za-z]+\}/g, 'it')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/https?:\/\/\S+|\b[\w.-]+\.(org|gov|com|net)\b\S*|\S+@\S+/g, 'it')
      .replace(/[*_`#>]/g, '')
      .replace(/^\s*(?:[-•]|\d+[.)])\s+/gm, '')
  );
}

/** The dot of these ends no sentence. */
const ABBREVIATION = String.raw`\b(?:Dr|Mr|Mrs|Ms|St|vs|e\.g|i\.e|U\.S|a\.m|p\.m)\.`;
const abbreviations = new RegExp(ABBREVIATION, 'g');
const sentenceBreak = new RegExp(String.raw`\n+|(?<=[.?!])(?<!${ABBREVIATION})["”')]*\s+`);

/** Words of a plain text: runs of letters or digits (a phone number is one word). */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Sentences: a stop (. ? !) before a space, but not the dot of "Dr." or "U.S.", and every line,
 * since a line of a list is read as a sentence of its own. Pieces without a word (a lone emoji)
 * are not sentences.
 */
function sentencesOf(text: string): string[] {
  return text.split(sentenceBreak).filter((piece) => wordsOf(piece).length > 0);
}

/** Syllables of a word; a number is read as one short word. */
function syllablesOf(word: string): number {
  return /\d/.test(word) ? 1 : Math.max(1, syllable(word));
}

export interface Reading {
  readonly words: number;
  readonly sentences: number;
  /** Flesch-Kincaid grade: 0.39 words per sentence + 11.8 syllables per word - 15.59. */
  readonly grade: number;
}

/** Counts and grade of a message (after plainText). */
export function reading(message: string): Reading {
  const text = plainText(message);
  const words = wordsOf(text);
  const sentences = Math.max(1, sentencesOf(text).length);
  const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
  const grade =
    words.length === 0 ? 0 : 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
  return { words: words.length, sentences, grade: Math.round(grade * 10) / 10 };
}

/**
 * A message, not a label: at least five words and a full stop (not the dot of "U.S."), question
 * or exclamation mark.
 * Button labels, titles, single words and the words people type (synonyms) are left out.
 */
export function isMessage(message: string): boolean {
  return /[.?!]/.test(message.replace(abbreviations, '')) && wordsOf(plainText(message)).length >= 5;
}

/** The middle value of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
