import { contactKey } from '../../src/content/verified-contacts.js';

/** A phone number, text number or web address found in text, and its comparable form. */
export interface FoundContact {
  text: string;
  key: string;
}

const urls = /\bhttps?:\/\/[^\s"'<>)\]]+/gi;
const domains =
  /(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:org|gov|com|net|edu|us|info|io|app|co)\b(?:\/[^\s"'<>)\]]*)?/gi;
/** US numbers as people write them: 1-800-662-4357, 800-514-0301, (800) 950-6264, 1 800 662 HELP. */
const phones = /(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])[0-9A-Z]{3}[\s.-][0-9A-Z]{4}(?![\w-])/g;
const longDigits = /(?<!\d)\d{10,11}(?!\d)/g;
/** Every other run of 3 to 6 digits (988, 911, 741741, 62640) that is not part of a longer number. */
const shortNumbers = /(?<!\d|\d[.,]|\d-)\d{3,6}(?!\d|[.,]\d|-\d)/g;
/** What a short number is when it is not a contact: a citation, a year, an amount of something. */
const citationBefore = /(?:\bUSC|\bU\.S\.C\.|\bCFR|\bC\.F\.R\.|§|\bSection|\bTitle|\bPart|\bNo\.)\s*$/;
const citationAfter = /^\([a-z0-9]+\)/i;
const unitAfter =
  /^\s*(?:days?|hours?|minutes?|seconds?|weeks?|months?|years?|employees?|people|persons?|characters?|words?|percent|%|am|pm|a\.m\.|p\.m\.)\b/i;
const year = /^(?:19|20)\d\d$/;

/** Strips what ends a sentence from an address found in it ("askjan.org." is askjan.org). */
const trimmed = (text: string) => text.replace(/[.,;:!?]+$/, '');

/**
 * Finds every phone number, text number and web address in `text`: full URLs, bare domains
 * ("askjan.org"), US numbers in any usual format, and short numbers however they are introduced
 * ("call 911", "text HOME to 741741", "text 838255", "988 Suicide & Crisis Lifeline"). It errs
 * toward finding too much: a 3-6 digit number counts unless it is plainly a citation ("42 USC
 * 12210(c)"), a year, or an amount ("180 days", "1,250 hours").
 */
export function findContacts(text: string): FoundContact[] {
  const found: FoundContact[] = [];
  let rest = text;
  const take = (pattern: RegExp, accept: (match: RegExpExecArray) => boolean = () => true) => {
    for (const match of rest.matchAll(pattern)) {
      if (!accept(match)) continue;
      const value = trimmed(match[0]);
      found.push({ text: value, key: contactKey(value) });
      // Blank it out, so a number inside an address or phone number is not found again.
      rest =
        rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
    }
  };
  take(urls);
  take(domains);
  take(phones);
  take(longDigits);
  take(shortNumbers, (match) => {
    const before = rest.slice(0, match.index);
    const after = rest.slice(match.index + match[0].length);
    return (
      !citationBefore.test(before) &&
      !citationAfter.test(after) &&
      !unitAfter.test(after) &&
      !year.test(match[0])
    );
  });
  return found;
}
