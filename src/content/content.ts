import { type CrisisResource, loadCrisisResources } from './crisis-resources.js';
import { loadStringSources, type StringSource } from './string-sources.js';
import { type StringKey, Strings } from './strings.js';
import { VerifiedContacts } from './verified-contacts.js';

/** Everything the bot says or reasons with, loaded and validated once at start. */
export interface Content {
  strings: Strings;
  crisisResources: readonly CrisisResource[];
  /** The one list of numbers and addresses the bot may say. */
  contacts: VerifiedContacts;
  /** Sources of the facts stated in locale strings. */
  stringSources: ReadonlyMap<StringKey, StringSource>;
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
  };
}
