import { z } from 'zod';
import { type FactSource, factSourceSchema } from '../content/fact-source.js';
import { loadResource } from '../content/resource-file.js';
import { type StringKey, type Strings, stringKeySchema } from '../content/strings.js';
import { VerifiedContacts } from '../content/verified-contacts.js';
import {
  type BarrierId,
  barrierIds,
  type DisclosureLevel,
  disclosureLevels,
  type SettingId,
  settingIds,
  type TermKind,
  termKinds,
} from './model.js';
import { DisclosureTerms } from './terms.js';

export const ACCOMMODATION_CONTENT_VERSION = 1;
const FILE = 'accommodations.json';

/** How to reach a place that helps; every value is on resources/verified-contacts.json. */
export interface Contact {
  kind: 'phone' | 'tty' | 'url';
  value: string;
}

/** A rights statement: general information, with the law or guidance it comes from. */
export interface RightsStatement {
  id: string;
  text: StringKey;
  source: FactSource;
  settings: readonly SettingId[];
  /** The disclosure levels it is true for; all when left out. */
  levels?: readonly DisclosureLevel[] | undefined;
  /** Shown under "what happens next" (the step it explains) instead of with the other rights. */
  nextStep?: 'process' | 'documentation' | undefined;
  /** About recovery from substance use: shown only where the person did not name something else. */
  recovery?: boolean | undefined;
}

/** A place to get help (an agency, legal aid), for the settings it serves. */
export interface HelpEntry {
  id: string;
  text: StringKey;
  settings: readonly SettingId[];
  contacts: readonly Contact[];
}

/** resources/accommodations.json, validated, every key known to the locale. */
export interface AccommodationContent {
  settings: readonly {
    id: SettingId;
    label: StringKey;
    /** Other ways people answer "where" ("my house"), read at that question. */
    words?: StringKey | undefined;
    benefit: StringKey;
    who: readonly string[];
    /** One or two plain sentences on the rights there, shown before the letter (the rest on request). */
    /**
     * `anyCondition`: true for any health condition; without it the note is about recovery from
     * substance use, so a person who named another condition gets a plain word instead.
     */
    brief: { text: StringKey; source: FactSource; anyCondition?: true | undefined };
  }[];
  barriers: readonly {
    id: BarrierId;
    label: StringKey;
    words?: StringKey | undefined;
    /** The reason at each level; `named` says it with the condition the person named ({condition}). */
    letter: Readonly<Record<DisclosureLevel | 'named', StringKey>>;
  }[];
  /** `words`: other ways people name it ("a quiet room"), so it can be picked or added by typing. */
  ideas: readonly { id: string; label: StringKey; request: StringKey; words?: StringKey | undefined }[];
  ideasFor: Readonly<Record<SettingId, Readonly<Partial<Record<BarrierId | 'any', readonly string[]>>>>>;
  /** `words`: how people name the person in a sentence ("my boss"), so a first message can say who. */
  who: readonly {
    id: string;
    label: StringKey;
    salutation: StringKey;
    how: StringKey;
    words?: StringKey | undefined;
  }[];
  disclosure: readonly {
    id: DisclosureLevel;
    label: StringKey;
    means: StringKey;
    /** What the level means for the rights, said with them. */
    rights: StringKey;
    source: FactSource;
    allows: readonly TermKind[];
  }[];
  rights: readonly RightsStatement[];
  help: readonly HelpEntry[];
}

/**
 * The schema, built against the loaded strings: a key naming no string, or a text that says more
 * than its disclosure level allows (an idea naming a medication), is reported with its field.
 */
function contentSchema(strings: Strings, contacts: VerifiedContacts) {
  const terms = DisclosureTerms.from(strings);
  const stringKey = stringKeySchema(strings);
  /** A key whose every variant says nothing beyond `allowed` (it goes into a letter at that level). */
  const fitting = (allowed: readonly TermKind[]) =>
    stringKey.superRefine((value, context) => {
      const beyond = strings.variants(value).flatMap((text) => terms.beyond(text, allowed));
      if (beyond.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `"${value}" says more than its disclosure level allows (${[...new Set(beyond)].join(', ')})`,
        });
      }
    });
  const id = z.string().regex(/^[a-z][A-Za-z]*$/, 'ids are camelCase letters');
  const settings = z.array(z.enum(settingIds)).min(1, 'name at least one setting');
  const phone = z.string().regex(/^[0-9][0-9-]{6,}$/, 'digits and hyphens only, e.g. "800-555-0100"');
  const contact = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.enum(['phone', 'tty']), value: contacts.listed(phone) }),
    z.strictObject({
      kind: z.literal('url'),
      value: contacts.listed(z.url({ protocol: /^https$/, error: 'expected an https URL' })),
    }),
  ]);
  const ideaList = z.array(id).min(1);
  return z
    .strictObject({
      description: z.string().min(1),
      version: z.literal(ACCOMMODATION_CONTENT_VERSION, {
        error: `expected version ${ACCOMMODATION_CONTENT_VERSION}`,
      }),
      settings: z
        .array(
          z.strictObject({
            id: z.enum(settingIds),
            label: stringKey,
            words: stringKey.optional(),
            benefit: fitting([]),
            who: z.array(id).min(1),
            brief: z.strictObject({
              text: stringKey,
              source: factSourceSchema,
              anyCondition: z.literal(true).optional(),
            }),
          }),
        )
        .superRefine(everyIdOnce(settingIds)),
      barriers: z
        .array(
          z.strictObject({
            id: z.enum(barrierIds),
            label: stringKey,
            words: stringKey.optional(),
            letter: z.strictObject({
              nothing: fitting([]),
              general: fitting(['health']),
              specifics: stringKey,
              // Said with ADHD or depression, so it may not say recovery.
              named: fitting(['health', 'diagnosis']),
            }),
          }),
        )
        .superRefine(everyIdOnce(barrierIds)),
      // Ideas are offered before the person chooses what to share, so each must fit every level.
      ideas: z
        .array(z.strictObject({ id, label: stringKey, request: fitting([]), words: stringKey.optional() }))
        .min(1)
        .superRefine(uniqueIds),
      ideasFor: z.record(
        z.enum(settingIds),
        z.strictObject({ ...optionalLists(barrierIds, ideaList), any: ideaList }),
      ),
      who: z
        .array(
          z.strictObject({
            id,
            label: stringKey,
            salutation: fitting([]),
            how: stringKey,
            words: stringKey.optional(),
          }),
        )
        .min(1)
        .superRefine(uniqueIds),
      disclosure: z
        .array(
          z.strictObject({
            id: z.enum(disclosureLevels),
            label: stringKey,
            means: stringKey,
            rights: stringKey,
            source: factSourceSchema,
            allows: z.array(z.enum(termKinds)),
          }),
        )
        .superRefine(everyIdOnce(disclosureLevels))
        .refine((levels) => levels.find((level) => level.id === 'nothing')?.allows.length === 0, {
          error: 'the "nothing" level must allow no terms',
        }),
      rights: z
        .array(
          z.strictObject({
            id,
            text: stringKey,
            source: factSourceSchema,
            settings,
            levels: z.array(z.enum(disclosureLevels)).min(1).optional(),
            nextStep: z.enum(['process', 'documentation']).optional(),
            recovery: z.literal(true).optional(),
          }),
        )
        .min(1)
        .superRefine(uniqueIds),
      help: z
        .array(z.strictObject({ id, text: stringKey, settings, contacts: z.array(contact) }))
        .min(1)
        .superRefine(uniqueIds),
    })
    .superRefine(crossReferences);
}

type ParsedFile = {
  settings: { id: SettingId; who: string[] }[];
  ideas: { id: string }[];
  ideasFor: Record<SettingId, Partial<Record<BarrierId | 'any', string[]>>>;
  who: { id: string }[];
  rights: { settings: SettingId[] }[];
  help: { settings: SettingId[] }[];
};

/** Every id the lists refer to exists, and every setting has rights and help to show. */
function crossReferences(file: ParsedFile, context: z.RefinementCtx): void {
  const ideaIds = new Set(file.ideas.map((idea) => idea.id));
  const whoIds = new Set(file.who.map((who) => who.id));
  for (const [setting, lists] of Object.entries(file.ideasFor)) {
    for (const [barrier, list] of Object.entries(lists)) {
      (list ?? []).forEach((ideaId, index) => {
        if (!ideaIds.has(ideaId)) {
          context.addIssue({
            code: 'custom',
            path: ['ideasFor', setting, barrier, index],
            message: `no idea "${ideaId}"`,
          });
        }
      });
    }
  }
  file.settings.forEach((setting, index) => {
    setting.who.forEach((whoId, whoIndex) => {
      if (!whoIds.has(whoId)) {
        context.addIssue({
          code: 'custom',
          path: ['settings', index, 'who', whoIndex],
          message: `no who "${whoId}"`,
        });
      }
    });
    for (const list of ['rights', 'help'] as const) {
      if (!file[list].some((entry) => entry.settings.includes(setting.id))) {
        context.addIssue({ code: 'custom', path: [list], message: `nothing for setting "${setting.id}"` });
      }
    }
  });
}

/** An optional list per barrier, for the ideas map. */
function optionalLists<T extends z.ZodType>(keys: readonly BarrierId[], list: T) {
  return Object.fromEntries(keys.map((k) => [k, list.optional()])) as Record<BarrierId, z.ZodOptional<T>>;
}

function uniqueIds(items: { id: string }[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: 'repeated id' });
    seen.add(item.id);
  });
}

/** A list that must hold each of `ids` exactly once. */
function everyIdOnce(ids: readonly string[]) {
  return (items: { id: string }[], context: z.RefinementCtx): void => {
    uniqueIds(items, context);
    const missing = ids.filter((wanted) => !items.some((item) => item.id === wanted));
    if (missing.length > 0) context.addIssue({ code: 'custom', message: `missing ${missing.join(', ')}` });
  };
}

/**
 * Loads resources/accommodations.json; throws ResourceError naming the file and each bad field,
 * a statement without its source and a contact not on the verified list among them.
 */
export function loadAccommodationContent(
  strings: Strings,
  dir?: string,
  contacts: VerifiedContacts = VerifiedContacts.load(),
): AccommodationContent {
  const {
    description: _description,
    version: _version,
    ...content
  } = loadResource(FILE, contentSchema(strings, contacts), dir);
  return content;
}

/** The setting's entry (every setting has one: the loader checks). */
export function settingOf(
  content: AccommodationContent,
  id: SettingId,
): AccommodationContent['settings'][number] {
  const found = content.settings.find((setting) => setting.id === id);
  if (!found) throw new Error(`No accommodation setting ${id}`);
  return found;
}

/** The ideas offered for a setting and barrier: the specific list, else the setting's "any". */
export function ideasFor(
  content: AccommodationContent,
  setting: SettingId,
  barrier: BarrierId | 'none',
): AccommodationContent['ideas'] {
  const lists = content.ideasFor[setting];
  const ids = (barrier !== 'none' ? lists[barrier] : undefined) ?? lists.any ?? [];
  return ids.flatMap((ideaId) => content.ideas.filter((idea) => idea.id === ideaId));
}

/** Every idea offered in a setting, for any barrier: a second change may come from any of them. */
export function settingIdeas(
  content: AccommodationContent,
  setting: SettingId,
): AccommodationContent['ideas'] {
  const ids = new Set(Object.values(content.ideasFor[setting]).flat());
  return content.ideas.filter((idea) => ids.has(idea.id));
}

/** The people to ask in a setting. */
export function whoFor(content: AccommodationContent, setting: SettingId): AccommodationContent['who'] {
  return settingOf(content, setting).who.flatMap((whoId) => content.who.filter((who) => who.id === whoId));
}

/** The disclosure level's entry. */
export function levelOf(
  content: AccommodationContent,
  level: DisclosureLevel,
): AccommodationContent['disclosure'][number] {
  const found = content.disclosure.find((entry) => entry.id === level);
  if (!found) throw new Error(`No disclosure level ${level}`);
  return found;
}
