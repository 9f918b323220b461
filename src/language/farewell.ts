import type { Strings } from '../content/strings.js';
import { foldAnswer } from './typed-answer.js';

/**
 * True for a plain goodbye ("Goodbye.", "ok bye", "I am done for today. Goodbye.", "ok. goodnight"):
 * a farewell with nothing around it but thanks, "ok" or "done for now". People who said it at the
 * end of a chat were told "Sorry, I didn't catch that" and 988. A goodbye with finality ("this is
 * goodbye", "bye forever", "goodbye everyone") never gets here: the safety gate reads every
 * message first, and those words are its.
 */
export function isPlainFarewell(strings: Strings, text: string): boolean {
  const words = withoutFillers(strings, foldAnswer(text));
  return strings.variants('smallTalk.goodbyeWords').some((farewell) => foldAnswer(farewell) === words);
}

/**
 * True when the person says that what they said was a plain goodbye ("I was simply saying
 * goodbye", "i was just saying bye lol", "no i meant goodbye for tonight"): the answer people gave
 * when a goodbye got the safety check-in, which is a clear no to it, not a farewell with finality.
 */
export function isExplainedFarewell(strings: Strings, text: string): boolean {
  const words = withoutFillers(strings, foldAnswer(text));
  const meant = strings
    .variants('smallTalk.goodbyeMeant')
    .map(foldAnswer)
    .find((lead) => words.startsWith(`${lead} `));
  return meant !== undefined && isPlainFarewell(strings, words.slice(meant.length + 1));
}

/** `words` without the thanks, "ok" or "no" people put around a goodbye, at either end. */
function withoutFillers(strings: Strings, folded: string): string {
  const around = strings
    .variants('smallTalk.goodbyeAround')
    .map(foldAnswer)
    .sort((a, b) => b.length - a.length);
  let words = folded;
  for (let trimmed = true; trimmed; ) {
    trimmed = false;
    for (const filler of around) {
      if (words.startsWith(`${filler} `)) words = words.slice(filler.length + 1);
      else if (words.endsWith(` ${filler}`)) words = words.slice(0, -filler.length - 1);
      else continue;
      trimmed = true;
    }
  }
  return words;
}
