import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, resourcesDir } from '../../src/paths.js';
import { readResourceJson, stringsIn } from './resource-files.js';

/**
 * A string the bot can say: its file (under resources/, or appPackage/manifest.json), its path in
 * that file, and its text.
 */
export interface SpokenString {
  readonly file: string;
  readonly path: string;
  readonly text: string;
}

/**
 * The fields of content files that the bot says as written; the other fields of those files are
 * ids, string keys, sources or the words people type. Kept beside the readers of those files.
 */
const spokenFields: Readonly<Record<string, readonly string[]>> = {
  'crisis-resources.json': ['name', 'how'],
  'peer-groups.json': ['name', 'about', 'howToFind', 'hours', 'accessibility'],
  'practice-scenarios.json': ['title', 'setting', 'persona', 'goal', 'opening', 'moves'],
};

/**
 * Locale lists of the words people type (commands, synonyms, cues, yes and no words): matched
 * against what people say, so they hold people's spellings too, and the bot never says them.
 */
const peopleWords =
  /^(commands|accommodationTerms)\.|(Words|Synonyms|Cues)(\[\d+\])?$|^safety\.(clearNo|clearYes|notClearNo)\[|^peerGroupWhen\.dayNames/;

/** True when a JSON path (`a.b[2].c`) passes through one of `fields`. */
function inFields(path: string, fields: readonly string[]): boolean {
  return path.split(/[.[\]]+/).some((part) => fields.includes(part));
}

/**
 * Everything the bot can say in English: every string of resources/locales/en/ but the words
 * people type (Spanish is left out: an English formula does not score it) and the spoken fields
 * of the content files.
 */
export function spokenStrings(): SpokenString[] {
  const locale = join('locales', 'en');
  const localeFiles = readdirSync(join(resourcesDir, locale))
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(locale, name));
  const fromLocales = localeFiles.flatMap((file) =>
    [...stringsIn(readResourceJson(file), '')]
      .filter(([path]) => !peopleWords.test(path))
      .map(([path, text]) => ({ file, path, text })),
  );
  const fromContent = Object.entries(spokenFields).flatMap(([file, fields]) =>
    [...stringsIn(readResourceJson(file), '')]
      .filter(([path]) => inFields(path, fields))
      .map(([path, text]) => ({ file, path, text })),
  );
  return [...fromLocales, ...fromContent];
}

/** The Teams app's name and descriptions (of the app and its commands), read in Teams. */
export function manifestStrings(): SpokenString[] {
  const file = join('appPackage', 'manifest.json');
  const manifest: unknown = JSON.parse(readFileSync(join(projectRoot, file), 'utf8'));
  return [...stringsIn(manifest, '')]
    .filter(([path]) => /^(name|description)\.|\.(title|description)$/.test(path))
    .map(([path, text]) => ({ file, path, text }));
}
