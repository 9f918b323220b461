import type { Strings } from '../content/strings.js';
import { phrase } from '../language/free-text.js';
import { saysAnyOf } from '../language/says-any-of.js';
import { foldAnswer } from '../language/typed-answer.js';

/**
 * The reminders one message asks for: "the day before at 8 in the night, and the morning at 7" is
 * two, "keep it. and add one more tuesday 7 in the morning" adds a second to the one set (`first`
 * is then empty). Undefined when the message names one time or none.
 */
export interface TwoReminders {
  first: string;
  second: string;
}

/**
 * "8 de la noche", "monday 8 night", "7 mañana": an hour with a word for night or morning said
 * after it (English or Spanish, words in resources/locales) as "8pm" or "7am", so the time reader
 * never guesses an hour the person did not say. "mañana" alone (tomorrow) is left as it is.
 */
export function withDayParts(strings: Strings, text: string): string {
  const links = strings
    .variants('appointment.hourLinks')
    .map((words) => `${phrase(words)}\\s+`)
    .join('|');
  const hour = '(\\d{1,2}(?::\\d\\d)?)';
  const part = (key: 'appointment.nightWords' | 'appointment.morningWords', suffix: string, from: string) => {
    const words = strings.variants(key).map(phrase).join('|');
    // "8 de la noche", "7 in the morning"; and the other way round, "the morning at 7".
    const after = new RegExp(`\\b${hour}\\s*(?:${links})?(?:${words})(?![\\p{L}])`, 'giu');
    const before = new RegExp(
      `(?<![\\p{L}])(?:the\\s+)?(?:${words})\\s+(?:${links})?${hour}(?![\\d:]|\\s*[ap]\\.?m)`,
      'giu',
    );
    return from.replace(after, `$1${suffix}`).replace(before, (_all, at: string) => `${at}${suffix}`);
  };
  return part('appointment.morningWords', 'am', part('appointment.nightWords', 'pm', text));
}

export function twoReminders(strings: Strings, text: string, oneSet: boolean): TwoReminders | undefined {
  // "keep it. and add one more tuesday 7 in the morning": the one set stays; this is a second.
  if (oneSet && saysAnyOf(strings, 'appointment.addReminderWords', text)) return { first: '', second: text };
  const joins = strings
    .variants('appointment.joinWords')
    .map((words) => phrase(words))
    .join('|');
  const timed = (part: string) =>
    /\d/.test(part) || saysAnyOf(strings, 'appointment.reminderTimeCues', foldAnswer(part));
  for (const match of text.matchAll(new RegExp(`[\\s,.;]+(?:${joins})[\\s,.;]+`, 'giu'))) {
    const first = text.slice(0, match.index).trim();
    const second = text.slice(match.index + match[0].length).trim();
    if (timed(first) && timed(second)) return { first, second };
  }
  return undefined;
}
