/**
 * Chat spellings of date words that the date-time recognizer misreads or skips: it takes "tmrw"
 * for today and ignores "tomorow" and "2morrow". They are spelled out before it reads a window,
 * and `original` maps positions back so the entity still shows what the person typed.
 */
const spellings: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(tmrw|tmrow|tmw|tmr|tomorow|tommorow|tommorrow|tomorrw|2morrow|2morow|2moro)$/i, 'tomorrow'],
  [/^(tonite|2nite|2night)$/i, 'tonight'],
  [/^(nxt)$/i, 'next'],
  [/^(@)$/, 'at'],
];

/** A window respelled, with a map from each position in `text` to one in the original. */
export interface Respelled {
  text: string;
  original(index: number): number;
}

/** Spells out the chat date words in `text`; other characters are kept as they are. */
export function respellDateWords(text: string): Respelled {
  let out = '';
  const map: number[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}@]+/gu)) {
    const word = match[0];
    const replacement = spellings.find(([pattern]) => pattern.test(word))?.[1];
    if (replacement === undefined) continue;
    for (let i = last; i < match.index; i += 1) {
      map.push(i);
      out += text[i];
    }
    for (let i = 0; i < replacement.length; i += 1) map.push(match.index + Math.min(i, word.length - 1));
    out += replacement;
    last = match.index + word.length;
  }
  for (let i = last; i < text.length; i += 1) {
    map.push(i);
    out += text[i];
  }
  map.push(text.length);
  return { text: out, original: (index) => map[Math.max(0, Math.min(index, map.length - 1))] ?? text.length };
}
