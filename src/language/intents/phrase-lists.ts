import { z } from 'zod';
import { loadResource } from '../../content/resource-file.js';
import { resourcesDir } from '../../paths.js';

/** Word to the names of the phrase lists it belongs to. */
export type PhraseLists = ReadonlyMap<string, readonly string[]>;

const phraseListsSchema = z.strictObject({
  description: z.string().trim().min(1, 'must say what the lists are for'),
  lists: z.record(
    z.string().regex(/^[a-z][A-Za-z]*$/, 'list names are camelCase'),
    z
      .array(z.string().regex(/^[\p{Ll}\p{N}]+$/u, 'one lower-case word, no spaces or punctuation'))
      .min(2, 'a list needs at least two words'),
  ),
});

/**
 * Reads resources/intents/phrase-lists.json: groups of words that mean the same for telling
 * intents apart (like LUIS phrase lists), so a synonym no example uses still points the right way.
 */
export function loadPhraseLists(dir = resourcesDir): PhraseLists {
  const { lists } = loadResource('intents/phrase-lists.json', phraseListsSchema, dir);
  const byWord = new Map<string, string[]>();
  for (const [name, words] of Object.entries(lists)) {
    for (const word of words) byWord.set(word, [...(byWord.get(word) ?? []), name]);
  }
  return byWord;
}
