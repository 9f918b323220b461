import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
// The English files define the keys; each feature's strings live in a file of their own.
import type accommodations from '../../resources/locales/en/accommodations.json';
import type answers from '../../resources/locales/en/answers.json';
import type appointments from '../../resources/locales/en/appointments.json';
import type core from '../../resources/locales/en/core.json';
import type edits from '../../resources/locales/en/edits.json';
import type handoff from '../../resources/locales/en/handoff.json';
import type peerGroups from '../../resources/locales/en/peer-groups.json';
import type practice from '../../resources/locales/en/practice.json';
import type safetyPlan from '../../resources/locales/en/safety-plan.json';
import type teams from '../../resources/locales/en/teams.json';
import { resourcesDir } from '../paths.js';
import { loadResource, ResourceError } from './resource-file.js';

/** Every section.key the English locale defines; other locales must define the same. */
type Sections = typeof core &
  typeof answers &
  typeof appointments &
  typeof handoff &
  typeof peerGroups &
  typeof accommodations &
  typeof practice &
  typeof safetyPlan &
  typeof teams &
  typeof edits;
export type StringKey = {
  [S in keyof Sections]: `${S & string}.${keyof Sections[S] & string}`;
}[keyof Sections];

/** Values for `{placeholder}`s in a string. */
export type StringVars = Record<string, string | number>;

const text = z.string().trim().min(1, 'must not be empty');
const localeSchema = z.record(
  z.string().regex(/^[a-z][A-Za-z]*$/, 'section names are camelCase'),
  z.record(
    z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'keys are camelCase'),
    z.union([text, z.array(text).min(1)]),
  ),
);
type LocaleData = z.output<typeof localeSchema>;

/** The keys of some sections of the English locale (`section.key`). */
export type SectionKey<S extends string> = Extract<StringKey, `${S}.${string}`>;

/**
 * The bot's words, looked up by key. Values may be a list of variants (so the bot need not repeat
 * itself) or of synonyms; `{name}` placeholders are filled from vars. `K` is the keys it holds:
 * every English key for a whole locale, fewer for one that translates only some sections.
 */
export class Strings<K extends string = StringKey> {
  private constructor(
    readonly locale: string,
    private readonly data: LocaleData,
  ) {}

  /**
   * Loads and validates every file in resources/locales/<locale>/ (a section may be defined in
   * one file only); a locale other than English must define every English key.
   */
  static load(locale = 'en'): Strings {
    const data = loadLocale(locale);
    if (locale !== 'en') {
      const reference = loadLocale('en');
      const missing = Object.entries(reference).flatMap(([section, keys]) =>
        Object.keys(keys)
          .filter((key) => data[section]?.[key] === undefined)
          .map((key) => `${section}.${key}`),
      );
      if (missing.length > 0)
        throw new Error(`Locale ${locale} (resources/locales/${locale}/) lacks: ${missing.join(', ')}`);
    }
    return new Strings(locale, data);
  }

  /**
   * A locale that translates only some sections (Spanish: the safety replies), checked at start:
   * it must define every English key of `sections` and each of `extra` (keys of its own, such as
   * a note that the rest is in English), and nothing else, so a typo or a missing line stops the
   * start with the file and the keys named instead of failing in the middle of a crisis.
   */
  static loadSections<const S extends string, const E extends `${S}.${string}` = never>(
    locale: string,
    sections: readonly S[],
    extra: readonly E[] = [],
    dir: string = resourcesDir,
  ): Strings<SectionKey<S> | E> {
    const data = loadLocale(locale, dir);
    const reference = loadLocale('en');
    const wanted = new Set<string>(extra);
    for (const section of sections) {
      for (const key of Object.keys(reference[section] ?? {})) wanted.add(`${section}.${key}`);
    }
    const defined = Object.entries(data).flatMap(([section, keys]) =>
      Object.keys(keys).map((key) => `${section}.${key}`),
    );
    const missing = [...wanted].filter((key) => !defined.includes(key)).map((key) => `${key}: missing`);
    const unknown = defined
      .filter((key) => !wanted.has(key))
      .map((key) => `${key}: not a key of ${sections.join(', ')} in English, nor one of its own`);
    if (missing.length + unknown.length > 0) {
      throw new ResourceError(`resources/locales/${locale}/`, [...missing, ...unknown]);
    }
    return new Strings(locale, data);
  }

  /** All variants of `key` (a single string is one variant). */
  variants(key: K): readonly string[] {
    const [section, name] = key.split('.') as [string, string];
    const value = this.data[section]?.[name];
    if (value === undefined) throw new Error(`No string ${key} in locale ${this.locale}`);
    return typeof value === 'string' ? [value] : value;
  }

  /** True when `value` names a string of this locale. */
  has(value: string): value is K {
    const [section, name, ...more] = value.split('.');
    if (section === undefined || name === undefined || more.length > 0) return false;
    const keys = Object.hasOwn(this.data, section) ? this.data[section] : undefined;
    return keys !== undefined && Object.hasOwn(keys, name);
  }

  /** The text of `key`, variant `variant` (wrapping), with `{placeholders}` filled from `vars`. */
  text(key: K, vars: StringVars = {}, variant = 0): string {
    const all = this.variants(key);
    const chosen = all[variant % all.length] ?? '';
    return chosen.replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars[name] === undefined ? whole : String(vars[name]),
    );
  }
}

/**
 * A content file's field that names a string (`"appointmentChecklist.id"`): a value that names no
 * string of the loaded locale is reported with its field, so an operator's typo stops the start
 * instead of showing an empty line to someone mid-conversation. Its output is a StringKey.
 */
export function stringKeySchema(strings: Strings) {
  return z
    .string()
    .refine((value) => /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(value) && strings.has(value), {
      error: (issue) => `no string "${String(issue.input)}" in locale ${strings.locale}`,
    })
    .transform((value) => value as StringKey);
}

/** Merges the section files of one locale, refusing a section defined twice. */
function loadLocale(locale: string, root: string = resourcesDir): LocaleData {
  const dir = join(root, 'locales', locale);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const merged: LocaleData = {};
  const owner = new Map<string, string>();
  for (const name of files) {
    const file = `locales/${locale}/${name}`;
    for (const [section, keys] of Object.entries(loadResource(file, localeSchema, root))) {
      const first = owner.get(section);
      if (first) throw new ResourceError(file, [`${section}: section already defined in ${first}`]);
      owner.set(section, file);
      merged[section] = keys;
    }
  }
  return merged;
}
