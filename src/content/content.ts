import { type CrisisResource, loadCrisisResources } from './crisis-resources.js';
import { Strings } from './strings.js';

/** Everything the bot says or reasons with, loaded and validated once at start. */
export interface Content {
  strings: Strings;
  crisisResources: readonly CrisisResource[];
}

/** Loads all resource files; throws ResourceError naming the file and field on the first bad one. */
export function loadContent(locale = 'en'): Content {
  return { strings: Strings.load(locale), crisisResources: loadCrisisResources() };
}
