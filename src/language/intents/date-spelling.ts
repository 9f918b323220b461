import { dateTimeFormat } from '../../content/intl-formats.js';
import { Speller } from './speller.js';

/**
 * Chat spellings and common misspellings of date words that the date-time recognizer misreads or
 * skips: it takes "tmrw" for today, ignores "tomorow", "wensday" and "febuary", and reads "two
 * weeks from today" as two days. They are spelled out before it reads a window, and `original`
 * maps positions back so the entity still shows what the person typed.
 */
const spellings: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(tmrw|tmrow|tmw|tmr|tomorow|tommorow|tommorrow|tomorrw|2morrow|2morow|2moro)$/i, 'tomorrow'],
  [/^(tonite|2nite|2night)$/i, 'tonight'],
  [/^(nite)$/i, 'night'],
  [/^(nxt)$/i, 'next'],
  [/^(befor|bfore|b4)$/i, 'before'],
  [/^(wk)$/i, 'week'],
  [/^(wks)$/i, 'weeks'],
  [/^(@)$/, 'at'],
  [/^(wensday|wendsday|wensdy|wedensday|wenesday|wednesdy|wedsday|wedesday)$/i, 'wednesday'],
  [/^(thusday|thrusday|thurday|thurdsay|thirsday)$/i, 'thursday'],
  [/^(teusday|tusday|tuseday|tueday)$/i, 'tuesday'],
  [/^(munday)$/i, 'monday'],
  [/^(firday|fryday)$/i, 'friday'],
  [/^(saterday|satuday|saturady)$/i, 'saturday'],
  [/^(febuary|feburary|febrary|febury)$/i, 'february'],
  [/^(janurary|janury|janruary)$/i, 'january'],
  [/^(septmber|septemeber|setember|septembre)$/i, 'september'],
  [/^(ocotber|octobor|octobre)$/i, 'october'],
  [/^(novmber|novemeber|novembre)$/i, 'november'],
  [/^(decemeber|decmber|decemer|decembre)$/i, 'december'],
  [/^(agust|augest)$/i, 'august'],
  [/^(apirl|aprl)$/i, 'april'],
];

/** Day and month names in full (English, as Intl spells them); a word one typo away is read as one. */
const english = (options: Intl.DateTimeFormatOptions, count: number, day: (i: number) => Date) =>
  Array.from({ length: count }, (_, i) =>
    dateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(day(i)),
  );
const names = [
  ...english({ weekday: 'long' }, 7, (i) => new Date(Date.UTC(2026, 0, 4 + i))),
  ...english({ month: 'long' }, 12, (i) => new Date(Date.UTC(2026, i, 1))),
].map((name) => name.toLowerCase());
// Plurals are known words too, so "tuesdays" (every Tuesday) is never made one Tuesday; and so
// are the few words a typo away from a name that mean something else ("Augusta", "sundae").
const known = [...names, ...names.map((name) => `${name}s`), 'augusta', 'sundae'];
const speller = new Speller(new Map(known.map((word) => [word, 1])), 6);

/** Words that make "sat" and "sun" days rather than a verb and the sun ("next sat", "sun at 2", or alone). */
const beforeDay = /^(on|next|this|last|by|until|til|till|every|coming)$/i;
const afterDay = /^(morning|afternoon|evening|night|at|\d.*)$/i;
const shortDays: Readonly<Record<string, string>> = { sat: 'saturday', sun: 'sunday' };

/** A window respelled, with a map from each position in `text` to one in the original. */
export interface Respelled {
  text: string;
  original(index: number): number;
}

/**
 * A clock time typed without its colon, which the recognizer misses or takes for a number: "at
 * 1030", "930am", "930 am", or "1030" alone (the answer to "what time?"). Alone, only 1 to 12
 * o'clock is read, so a year ("2026") stays a year.
 */
function clockTime(word: string, previous: string | undefined, next: string | undefined): string | undefined {
  const [, hours = '', minutes = '', half = ''] = /^(\d{1,2})([0-5]\d)(am|pm)?$/i.exec(word) ?? [];
  if (!hours) return undefined;
  const hour = Number(hours);
  const meridiem = half !== '' || /^(am|pm|a|p)$/i.test(next ?? '');
  const at = previous !== undefined && /^(at|@)$/i.test(previous);
  const alone = previous === undefined && next === undefined;
  const fits = meridiem || alone ? hour >= 1 && hour <= 12 : at && hour <= 23;
  return fits && (meridiem || at || alone) ? `${hour}:${minutes}${half}` : undefined;
}

/** The spelled-out form of `word`, given its neighbours, or undefined when it stays as typed. */
function respell(word: string, previous: string | undefined, next: string | undefined): string | undefined {
  const clock = clockTime(word, previous, next);
  if (clock) return clock;
  const listed = spellings.find(([pattern]) => pattern.test(word))?.[1];
  if (listed !== undefined) return listed;
  const lower = word.toLowerCase();
  const short = shortDays[lower];
  const alone = previous === undefined && next === undefined;
  if (short && (alone || (previous && beforeDay.test(previous)) || (next && afterDay.test(next))))
    return short;
  if (lower === 'today' && previous?.toLowerCase() === 'from') return 'now';
  const corrected = speller.correct(lower);
  return corrected === lower ? undefined : corrected;
}

/** Spells out the chat date words in `text`; other characters are kept as they are. */
export function respellDateWords(text: string): Respelled {
  let out = '';
  const map: number[] = [];
  let last = 0;
  const words = [...text.matchAll(/[\p{L}\p{N}@]+/gu)];
  for (const [index, match] of words.entries()) {
    const word = match[0];
    const replacement = respell(word, words[index - 1]?.[0], words[index + 1]?.[0]);
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
