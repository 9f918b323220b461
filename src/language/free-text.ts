import type { Strings } from '../content/strings.js';

export const escapeText = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A locale phrase as a pattern that allows any apostrophe or none, and any spacing. */
export const phrase = (words: string) =>
  words
    .trim()
    .split(/\s+/)
    .map((word) => escapeText(word).replace(/'/g, "['\u2018\u2019`]?"))
    .join('[\\s,]+');

/** Any of the phrases, longest first (so "so like" wins over "like"). */
const anyOf = (phrases: readonly string[]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(phrase)
    .join('|');

const GAP = '[\\s,.;:!?~-]';

/**
 * Free text cleaned before it goes into a letter, a plan or a request: asides ("lol", "so like",
 * "i guess"), shrugs at either end ("idk ..."), courtesies ("Thank you. I would also ...") and a
 * list number typed before the words ("2. mike") are left out; shorthand is spelled out ("asap").
 * An aside between two parts becomes a comma: "before finals lol so like asap" is "before finals,
 * as soon as possible". The words stay the person's own; nothing is added.
 */
export function cleanFreeText(strings: Strings, text: string): string {
  const asides = anyOf(strings.variants('answers.asideWords'));
  const courtesies = anyOf(strings.variants('answers.courtesyWords'));
  // A shrug that could open a sentence ("what I need is ...") is kept there.
  const shrugs = anyOf(strings.variants('answers.unsureWords').filter((w) => !/^(what|how)\b/.test(w)));
  const openers = anyOf(strings.variants('answers.nameOpeners'));
  const lead = new RegExp(
    `^(?:#?\\d+[.):]\\s+|(?:${openers})${GAP}*[.,!:;-]${GAP}*|(?:${asides}|${shrugs}|${courtesies})(?:${GAP}+|$))`,
    'i',
  );
  const tail = new RegExp(`(?:^|${GAP}+)(?:${asides}|${shrugs}|${courtesies})${GAP}*$`, 'i');
  const within = new RegExp(`(^|${GAP}+)(?:(?:${asides})(?=${GAP}|$)${GAP}*)+`, 'gi');
  let cleaned = text.trim().replace(/\s+/g, ' ');
  for (
    let next = cleaned.replace(lead, '');
    next !== cleaned && next.trim();
    next = cleaned.replace(lead, '')
  )
    cleaned = next.trim();
  for (
    let next = cleaned.replace(tail, '');
    next !== cleaned && next.trim();
    next = cleaned.replace(tail, '')
  )
    cleaned = next.trim();
  cleaned = cleaned.replace(within, (run, _gap: string, at: number) =>
    at === 0 || at + run.length === cleaned.length ? '' : ', ',
  );
  cleaned = spellOut(cleaned, strings.variants('answers.spelledOut'));
  return cleaned.replace(/^[\s,;:-]+|[\s,;:-]+$/g, '') || text.trim();
}

/**
 * `text` with each "short = long" of `lines` written out, as whole words only ("u" but not the u
 * in "sure"; "w/" before a word too).
 */
export function spellOut(text: string, lines: readonly string[]): string {
  let spelled = text;
  for (const line of lines) {
    const [short, long] = line.split(' = ').map((side) => side.trim());
    if (!short || !long) continue;
    const end = short.endsWith('/') ? '' : "(?![\\p{L}\\p{N}'\u2019])";
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}'\u2019/])${phrase(short)}${end}`, 'giu');
    spelled = spelled.replace(pattern, long);
  }
  return spelled;
}
