import { z } from 'zod';
import { loadResource } from '../../content/resource-file.js';
import { resourcesDir } from '../../paths.js';
import { foldText } from './fold-text.js';
import { type DomainEntity, PhraseMatcher } from './phrase-matcher.js';
import { Speller } from './speller.js';

export const appointmentTypes = [
  'primaryCare',
  'prescriber',
  'counselor',
  'caseworker',
  'benefits',
  'court',
  'housing',
  'employment',
  'other',
] as const;
export type AppointmentType = (typeof appointmentTypes)[number];

export const accommodationSettings = [
  'work',
  'school',
  'housing',
  'healthcare',
  'court',
  'benefits',
] as const;
export type AccommodationSetting = (typeof accommodationSettings)[number];

export const groupApproaches = ['twelveStep', 'secular', 'faithBased', 'buddhist', 'allPathways'] as const;
export type GroupApproach = (typeof groupApproaches)[number];

export const groupFormats = ['online', 'inPerson', 'phone'] as const;
export type GroupFormat = (typeof groupFormats)[number];

/** The domain entities of one message, each kind in the order its phrases appear. */
export interface DomainEntities {
  appointmentType: DomainEntity<AppointmentType>[];
  accommodationSetting: DomainEntity<AccommodationSetting>[];
  groupApproach: DomainEntity<GroupApproach>[];
  groupFormat: DomainEntity<GroupFormat>[];
}

const phrase = z
  .string()
  .regex(/^[\p{Ll}\p{N}]+( [\p{Ll}\p{N}]+)*$/u, 'lower-case words with single spaces, no punctuation');

/** One kind: every value needs synonyms, and one phrase may not name two values. */
function kindSchema<V extends string>(values: readonly [V, ...V[]]) {
  return z
    .record(z.enum(values), z.array(phrase).min(1, 'needs at least one phrase'))
    .superRefine((kind, context) => {
      const owner = new Map<string, string>();
      for (const [value, phrases] of Object.entries<string[]>(kind)) {
        phrases.forEach((text, index) => {
          const other = owner.get(text);
          if (other !== undefined && other !== value) {
            context.addIssue({
              code: 'custom',
              path: [value, index],
              message: `"${text}" is also under ${other}`,
            });
          }
          owner.set(text, value);
        });
      }
    });
}

const entitiesSchema = z.strictObject({
  description: z.string().trim().min(1, 'must say what the file is for'),
  appointmentType: kindSchema(appointmentTypes),
  accommodationSetting: kindSchema(accommodationSettings),
  groupApproach: kindSchema(groupApproaches),
  groupFormat: kindSchema(groupFormats),
});

/**
 * The domain vocabulary from resources/entities.json: which phrases name an appointment type,
 * an accommodation setting, a group approach or a group format. Kept as data so a program that
 * deploys the bot can add its own words (a local court's name, a clinic) without code.
 */
export class EntityLexicon {
  private constructor(
    private readonly matchers: {
      appointmentType: PhraseMatcher<AppointmentType>;
      accommodationSetting: PhraseMatcher<AccommodationSetting>;
      groupApproach: PhraseMatcher<GroupApproach>;
      groupFormat: PhraseMatcher<GroupFormat>;
    },
    private readonly speller: Speller,
  ) {}

  /** Loads and checks resources/entities.json; a bad file stops the start, naming the field. */
  static load(dir = resourcesDir): EntityLexicon {
    const file = loadResource('entities.json', entitiesSchema, dir);
    const matchers = {
      appointmentType: new PhraseMatcher(file.appointmentType, appointmentTypes),
      accommodationSetting: new PhraseMatcher(file.accommodationSetting, accommodationSettings),
      groupApproach: new PhraseMatcher(file.groupApproach, groupApproaches),
      groupFormat: new PhraseMatcher(file.groupFormat, groupFormats),
    };
    const words = Object.values(matchers).flatMap((matcher) => matcher.words());
    // Only long words are corrected: "psychiatrst" is surely "psychiatrist", "wok" may not be "work".
    return new EntityLexicon(matchers, new Speller(new Map(words.map((word) => [word, 1])), 6));
  }

  /** The domain entities named in `text`, typos of long words forgiven. */
  find(text: string): DomainEntities {
    const words = foldText(text)
      .split(' ')
      .filter((word) => word.length > 0)
      .map((word) => this.speller.correct(word));
    return {
      appointmentType: this.matchers.appointmentType.find(words),
      accommodationSetting: this.matchers.accommodationSetting.find(words),
      groupApproach: this.matchers.groupApproach.find(words),
      groupFormat: this.matchers.groupFormat.find(words),
    };
  }
}
