import { z } from 'zod';
import { loadResource } from '../../content/resource-file.js';
import { type SafetyLevel, safetyLevels } from './safety-result.js';

/**
 * The categories the safety gate listens for, described in resources/safety-taxonomy.json. The ids
 * are a public contract (held-out sets written by others join on them), so they are fixed here and
 * the file must describe each exactly once; what each means, its level and its sources are data.
 */
export const safetyCategories = [
  'explicit-intent',
  'wish-dead',
  'no-reason-trapped-pain',
  'burden',
  'means',
  'place-waiting',
  'goodbye-arrangements',
  'not-around',
  'self-harm-now',
  'harm-others',
  'overdose-self',
  'overdose-other',
  'hopelessness',
  'craving',
  'relapse-fear',
  'unsafe-home',
  'idiom',
  'recovery-story',
  'naloxone-future',
  'group-talk',
  'medication-routine',
  'tired-stressed',
  'everyday',
] as const;

export type SafetyCategory = (typeof safetyCategories)[number];

/** An overdose happening now: the reply is 911 and naloxone first, whether or not it was on purpose. */
export const overdoseCategories: ReadonlySet<SafetyCategory> = new Set(['overdose-self', 'overdose-other']);

export const categorySchema = z.enum(safetyCategories);

const categoryEntry = z.strictObject({
  id: categorySchema,
  level: z.enum(safetyLevels),
  description: z.string().trim().min(1, 'say what belongs here'),
  sources: z.array(z.string().trim().min(1)).min(1, 'name the warning-sign list it comes from'),
  /** Lookalikes only: the categories a keyword list would mistake them for. */
  resembles: z.array(categorySchema).optional(),
});

const taxonomyFileSchema = z
  .strictObject({
    version: z.literal(1),
    description: z.string().trim().min(1),
    categories: z.array(categoryEntry),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<SafetyCategory>();
    file.categories.forEach((category, index) => {
      if (seen.has(category.id)) {
        ctx.addIssue({ code: 'custom', path: ['categories', index, 'id'], message: 'described twice' });
      }
      seen.add(category.id);
      const lookalike = category.level === 'none';
      if (lookalike !== (category.resembles !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', index, 'resembles'],
          message: lookalike
            ? 'a lookalike names what it resembles'
            : 'only lookalikes (level none) resemble',
        });
      }
    });
    const missing = safetyCategories.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `not described: ${missing.join(', ')}` });
    }
    const levels = new Map(file.categories.map((category) => [category.id, category.level]));
    file.categories.forEach((category, index) => {
      category.resembles?.forEach((id, j) => {
        if (levels.get(id) === 'none') {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', index, 'resembles', j],
            message: `"${id}" is a lookalike itself`,
          });
        }
      });
    });
  });

export type SafetyTaxonomyFile = z.output<typeof taxonomyFileSchema>;

/**
 * How a category counts in the figures: what the gate must hear (danger, concern), and the two
 * kinds of message it must leave alone, lookalikes and everyday talk (held to different alarm
 * rates: everyday messages are most of what people send).
 */
export type CategoryGroup = 'danger' | 'concern' | 'lookalike' | 'everyday';

/** The taxonomy as code uses it. */
export interface SafetyTaxonomy {
  readonly file: SafetyTaxonomyFile;
  levelOf(category: SafetyCategory): SafetyLevel;
  groupOf(category: SafetyCategory): CategoryGroup;
}

/** Reads and checks resources/safety-taxonomy.json; throws a ResourceError naming every bad field. */
export function loadSafetyTaxonomy(dir?: string): SafetyTaxonomy {
  const file = loadResource('safety-taxonomy.json', taxonomyFileSchema, dir);
  // The schema has checked that every category is described, so the fallback is never used.
  const levels = new Map(file.categories.map((category) => [category.id, category.level]));
  const levelOf = (category: SafetyCategory): SafetyLevel => levels.get(category) ?? 'none';
  return {
    file,
    levelOf,
    groupOf: (category) => {
      const level = levelOf(category);
      if (level !== 'none') return level;
      return category === 'everyday' ? 'everyday' : 'lookalike';
    },
  };
}
