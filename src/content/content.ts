import { type CrisisResource, loadCrisisResources } from './crisis-resources.js';
import { loadStringSources, type StringSource } from './string-sources.js';
import { type StringKey, Strings } from './strings.js';
import { VerifiedContacts } from './verified-contacts.js';

/** Spanish keys of its own: the note that the rest is in English, and the lines in Spanish. */
export const spanishOnlyKeys = ['safety.englishOnly', 'safety.lines'] as const;

/**
 * The Spanish locale (resources/locales/es/): the safety replies only, for now. Every English
 * safety key must be translated, so a Spanish crisis reply never falls back to a missing line.
 */
export function loadSpanishSafety(dir?: string) {
  return Strings.loadSections('es', ['safety'], spanishOnlyKeys, dir);
}
export type SpanishStrings = ReturnType<typeof loadSpanishSafety>;

/** Everything the bot says or reasons with, loaded and validated once at start. */
export interface Content {
  strings: Strings;
  crisisResources: readonly CrisisResource[];
  /** The one list of numbers and addresses the bot may say. */
  contacts: VerifiedContacts;
  /** Sources of the facts stated in locale strings. */
  stringSources: ReadonlyMap<StringKey, StringSource>;
  /** The safety replies in Spanish, for a person who writes in Spanish. */
  spanish: SpanishStrings;
}

/** Loads all resource files; throws ResourceError naming the file and field on the first bad one. */
export function loadContent(locale = 'en'): Content {
  const strings = Strings.load(locale);
  const contacts = VerifiedContacts.load();
  return {
    strings,
    crisisResources: loadCrisisResources(undefined, contacts),
    contacts,
    stringSources: loadStringSources(strings),
    spanish: loadSpanishSafety(),
  };
}
