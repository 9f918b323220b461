import type { Strings } from '../content/strings.js';
import { escapeText, phrase, spellOut } from '../language/free-text.js';
import { normalizeText } from '../language/normalize.js';
import { nearlySame } from '../language/typed-answer.js';

/**
 * A listed change as the person narrowed it: "tests only (not assignments)" takes "and
 * assignments" out of "extra time on tests and assignments"; "just thurs" writes "on the days I
 * need it" as "on Thursdays". Undefined when the words narrow nothing, so the listed change stays.
 * Nothing is added that the person did not say.
 */
export function narrowedRequest(strings: Strings, request: string, said: string): string | undefined {
  const spelled = normalizeText(spellOut(said, strings.variants('accommodationLetter.letterSpellings')));
  // The few words after "not" or "only" ("i only need it for tests"), and the word before "only".
  const after = (key: 'accommodationLetter.notWords' | 'accommodationLetter.onlyWords', count: number) =>
    strings
      .variants(key)
      .flatMap((lead) => [
        ...spelled.matchAll(new RegExp(`\\b${phrase(lead)}((?:\\s+[\\p{L}']+){1,${count}})`, 'giu')),
      ])
      .flatMap((match) => (match[1] ?? '').trim().split(/\s+/));
  const dropped = after('accommodationLetter.notWords', 2);
  const onlyAfter = strings
    .variants('accommodationLetter.onlyWords')
    .flatMap((lead) => [...spelled.matchAll(new RegExp(`([\\p{L}']+)\\s+${phrase(lead)}\\b`, 'giu'))])
    .map((match) => match[1] ?? '');
  // "tests only (not assignments)": a word said after "not" is never one kept.
  const kept = [...after('accommodationLetter.onlyWords', 4), ...onlyAfter].filter(
    (word) => !dropped.includes(word),
  );
  const among = (words: readonly string[], word: string) =>
    words.some((typed) => nearlySame(typed, word.toLowerCase()));
  let result = request;
  // "A and B" in the listed change: the part left out, or the part not kept "only", goes.
  const pair = /([\p{L}']+) (?:and|or) ([\p{L}']+)/u.exec(request);
  if (pair) {
    const [whole, first = '', second = ''] = pair;
    const keepFirst = among(dropped, second) || among(kept, first);
    const keepSecond = among(dropped, first) || among(kept, second);
    if (keepFirst !== keepSecond) result = result.replace(whole, keepFirst ? first : second);
  }
  // Days named narrow "on the days I need it" to those days.
  const days = daysNamed(strings, said);
  const slot = daysSlot(strings, result);
  if (days.length > 0 && slot)
    result = result.replace(
      slot,
      strings.text('accommodationLetter.onDays', {
        days: days.map((day) => `${day}s`).join(` ${strings.text('accommodationLetter.daysJoin')} `),
      }),
    );
  return result === request ? undefined : result;
}

/**
 * Where days named go: "on the days I need it", or the days written before ("on Thursdays"), so
 * "tuesday AND thursday" said later writes both, not only the first days heard.
 */
function daysSlot(strings: Strings, request: string): string | undefined {
  const whenNeeded = strings.text('accommodationLetter.daysNeeded');
  if (request.includes(whenNeeded)) return whenNeeded;
  const day = `(?:${weekdays(strings)
    .map((name) => `${escapeText(name)}s`)
    .join('|')})`;
  const join = escapeText(strings.text('accommodationLetter.daysJoin'));
  const [before = '', after = ''] = strings
    .text('accommodationLetter.onDays', { days: '\u0000' })
    .split('\u0000');
  const written = new RegExp(`${escapeText(before)}${day}(?:,? (?:${join} )?${day})*${escapeText(after)}`);
  return written.exec(request)?.[0];
}

/** The days of the week `said` names ("tue and thu" too), as the letter writes them. */
export function daysNamed(strings: Strings, said: string): string[] {
  const spelled = normalizeText(spellOut(said, strings.variants('accommodationLetter.letterSpellings')));
  return weekdays(strings).filter((day) => new RegExp(`\\b${day.toLowerCase()}s?\\b`).test(spelled));
}

/** The names of the days in the letter's language, Monday first. */
function weekdays(strings: Strings): string[] {
  const format = new Intl.DateTimeFormat(strings.text('accommodationLetter.dateLocale'), {
    weekday: 'long',
    timeZone: 'UTC',
  });
  // 5 January 1970 was a Monday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(1970, 0, 5 + day))));
}
