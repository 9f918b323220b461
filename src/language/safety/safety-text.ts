/**
 * Folds a message into the form the safety patterns read: lowercase words separated by single
 * spaces, "," as a word of its own, one sentence per line, accents dropped, with contractions, slang and common
 * typos spelled out ("im gonna kms" -> "i am going to kill myself"). People in distress type fast
 * and loosely; the rules should not need a variant for every spelling.
 */

/** Spellings to replace, from the rules file: a token (or emoji) and the words it stands for. */
export interface Spellings {
  readonly tokens: ReadonlyMap<string, string>;
  readonly emoji: ReadonlyMap<string, string>;
}

/** A folded message and, for each word, where it starts and which sentence it is in. */
export interface FoldedText {
  /** Sentences joined by "\n", words by " ". */
  readonly text: string;
  readonly words: readonly string[];
  /** Offset in `text` where each word starts. */
  readonly starts: readonly number[];
  /** Sentence index of each word. */
  readonly sentenceOf: readonly number[];
}

/** Sentence ends. Colons are left out: "Song: 'killing me softly'" is one thought. */
const SENTENCE_END = /[.!?;\n\r\u2026]+/u;
/** Accents go: people text Spanish with and without them ("tomó", "tomo"), so patterns hold none. */
const ACCENTS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\u00b4`]/gu;
/** A dash between spaces is a pause, like a comma; a hyphen inside a word joins two words. */
const PAUSE = /\s[-\u2013\u2014]+\s|[\u2013\u2014]|,/gu;
const NOT_WORD = /[^\p{L}\p{N}'\s,]/gu;
/** Three or more of a letter: "dieeee", "pleeease". Folded to one, then the token map fixes "kil". */
const STRETCHED = /(\p{L})\1{2,}/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
/** Numbers with a unit or ordinal ("1st", "50mg", "20s") are not leetspeak. */
const NUMBER_WITH_UNIT = /^\d+(?:st|nd|rd|th|s|am|pm|mg|ml|g|k|x|h|hrs?|mins?|yo|yrs?|lbs?)$/;
const CONTRACTION_SUFFIXES: readonly (readonly [RegExp, string])[] = [
  [/^(\p{L}+)n't$/u, '$1 not'],
  [/^(\p{L}+)'re$/u, '$1 are'],
  [/^(\p{L}+)'ve$/u, '$1 have'],
  [/^(\p{L}+)'ll$/u, '$1 will'],
  [/^(\p{L}+)'d$/u, '$1 would'],
  [/^(\p{L}+)'m$/u, '$1 am'],
  [/^(\p{L}+)'s$/u, '$1'],
];

/** Replaces emoji that carry meaning (a pill, a knife) with a word; the rest are dropped later. */
function replaceEmoji(text: string, emoji: ReadonlyMap<string, string>): string {
  if (emoji.size === 0) return text;
  let out = '';
  for (const char of text.replace(/\ufe0f/g, '')) {
    const word = emoji.get(char);
    out += word === undefined ? char : ` ${word} `;
  }
  return out;
}

function unleet(token: string): string {
  if (!/\p{L}/u.test(token) || !/\d/.test(token) || NUMBER_WITH_UNIT.test(token)) return token;
  return token.replace(/\d/g, (digit) => LEET[digit] ?? digit);
}

/** Spells out one raw token: map, then leetspeak, then generic contraction endings. */
function spellOut(raw: string, tokens: ReadonlyMap<string, string>): string {
  const token = raw.replace(/^'+|'+$/g, '');
  const mapped = tokens.get(token) ?? tokens.get(unleet(token));
  if (mapped !== undefined) return mapped;
  const plain = unleet(token);
  for (const [suffix, replacement] of CONTRACTION_SUFFIXES) {
    if (suffix.test(plain)) return plain.replace(suffix, replacement).replaceAll("'", '');
  }
  return plain.replaceAll("'", '');
}

/** Folds a message. Linear in its length: every step is a single pass with a simple regex. */
export function foldText(message: string, spellings: Spellings): FoldedText {
  const base = replaceEmoji(message.normalize('NFKC'), spellings.emoji)
    .normalize('NFD')
    .replace(ACCENTS, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(PAUSE, ' , ');
  const words: string[] = [];
  const starts: number[] = [];
  const sentenceOf: number[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const rawSentence of base.split(SENTENCE_END)) {
    const sentenceWords: string[] = [];
    const cleaned = rawSentence.replace(NOT_WORD, ' ').replace(STRETCHED, '$1');
    for (const raw of cleaned.split(/\s+/)) {
      if (raw === '') continue;
      for (const word of spellOut(raw, spellings.tokens).split(' ')) {
        if (word === '' || (word === ',' && (sentenceWords.length === 0 || sentenceWords.at(-1) === ','))) {
          continue;
        }
        sentenceWords.push(word);
      }
    }
    while (sentenceWords.at(-1) === ',') sentenceWords.pop();
    if (sentenceWords.length === 0) continue;
    if (lines.length > 0) offset += 1;
    for (const word of sentenceWords) {
      starts.push(offset);
      sentenceOf.push(lines.length);
      words.push(word);
      offset += word.length + 1;
    }
    offset -= 1;
    lines.push(sentenceWords.join(' '));
  }
  return { text: lines.join('\n'), words, starts, sentenceOf };
}
