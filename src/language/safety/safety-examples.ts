import { z } from 'zod';
import { loadResource } from '../../content/resource-file.js';
import { checkItems, type LabelledItem, labelledItemSchema } from './labelled-set.js';
import { type SafetyLevel, safetyLevels } from './safety-result.js';
import type { SafetyTaxonomy } from './safety-taxonomy.js';

/**
 * The data half of the safety gate's learned layer: labeled training messages (in the format of
 * every labeled set, see labelled-set.ts), the score thresholds, and which rules-lexicon lists
 * stand in for their words, kept in resources/safety-examples.json. Validated here, so that a bad
 * edit stops the bot at start with the file and field named (see loadResource).
 */

/** Fewer examples than this for a level and the layer cannot learn it. */
export const minExamplesPerLevel = 50;

/**
 * A threshold below 0.5 could fire on a score that is not even the likeliest reading, and 1 would
 * never fire: both are mistakes, not choices.
 */
const threshold = z.number().min(0.5, 'must be at least 0.5').lt(1, 'must be below 1');

function examplesFileSchema(taxonomy: SafetyTaxonomy) {
  return z
    .strictObject({
      version: z.literal(2),
      description: z.string().trim().min(1, 'must say what the examples are for'),
      /** How sure the learned layer must be to raise a level; see `combine` in safety-classifier.ts. */
      thresholds: z.strictObject({
        /** p(danger) at or above this: danger. */
        danger: threshold,
        /** p(danger) + p(concern) at or above this: at risk, at the likelier of the two levels. */
        atRisk: threshold,
      }),
      /** Names of lists in safety-rules.json's lexicon whose one-word entries count as one feature. */
      phraseLists: z.array(z.string().regex(/^[a-zA-Z]+$/, 'a lexicon list name (letters only)')),
      /** The voices items are written in, each with who writes like that. */
      voices: z.record(z.string(), z.string().trim().min(1, 'say who writes like this')),
      items: z.array(labelledItemSchema),
    })
    .superRefine((file, ctx) => {
      checkItems(file.items, taxonomy, ctx);
      file.items.forEach((item, index) => {
        if (item.voice !== undefined && !Object.hasOwn(file.voices, item.voice)) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', index, 'voice'],
            message: `"${item.voice}" is not one of the file's voices`,
          });
        }
      });
      for (const level of safetyLevels) {
        const count = file.items.filter((item) => item.expected === level).length;
        if (count < minExamplesPerLevel) {
          ctx.addIssue({
            code: 'custom',
            path: ['items'],
            message: `needs at least ${minExamplesPerLevel} ${level} examples (has ${count})`,
          });
        }
      }
    });
}

/** The validated contents of resources/safety-examples.json. */
export type SafetyExamples = z.output<ReturnType<typeof examplesFileSchema>>;
/** Example messages by level. */
export type SafetyExampleTexts = Readonly<Record<SafetyLevel, readonly string[]>>;

/** The texts of `items` by level, as the learned layer trains on them. */
export function textsByLevel(items: readonly LabelledItem[]): SafetyExampleTexts {
  const of = (level: SafetyLevel) => items.filter((item) => item.expected === level).map((item) => item.text);
  return { danger: of('danger'), concern: of('concern'), none: of('none') };
}

/** The file's name under the resources directory, for loading and for naming it in errors. */
export const safetyExamplesFile = 'safety-examples.json';

/** Reads and validates the learned layer's examples; throws a ResourceError naming every bad field. */
export function loadSafetyExamples(taxonomy: SafetyTaxonomy, dir?: string): SafetyExamples {
  return loadResource(safetyExamplesFile, examplesFileSchema(taxonomy), dir);
}
