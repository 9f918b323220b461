import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resourcesDir } from '../../src/paths.js';

/**
 * Files of examples of what people type (their words, not the bot's), and the safety taxonomy,
 * whose category ids are a contract with held-out sets written elsewhere.
 */
const peopleWords = [
  /^intents\//,
  /^safety-rules\.json$/,
  /^safety-examples\.json$/,
  /^safety-eval\//,
  /^safety-taxonomy\.json$/,
  /^entities\.json$/,
];

/** Every resource file the bot speaks from (locales included), relative to resources/. */
export function botWordFiles(dir = resourcesDir): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => relative(resourcesDir, join(entry.parentPath, entry.name)))
    .filter((file) => !peopleWords.some((pattern) => pattern.test(file)));
}

/** A resource file's parsed JSON. */
export function readResourceJson(file: string): unknown {
  return JSON.parse(readFileSync(join(resourcesDir, file), 'utf8'));
}

/** Every string in a JSON value, with its path. */
export function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* stringsIn(item, `${path}[${i}]`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, path ? `${path}.${key}` : key);
}
