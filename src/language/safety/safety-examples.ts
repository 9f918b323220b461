import { z } from 'zod';
import { loadResource } from '../../content/resource-file.js';
import type { SafetyLevel } from './safety-result.js';

/**
 * The data half of the safety gate's learned layer: labelled example messages, the score
 * thresholds, and which rules-lexicon lists stand in for their words, kept in
 * resources/safety-examples.json. Validated here, so that a bad edit stops the bot at start with
 * the file and field named (see loadResource).
 */

/** Fewer examples than this for a level and the layer cannot learn it. */
export const minExamplesPerLevel = 50;

const example = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300, 'keep examples under 300 characters')
  .refine((text) => /[\p{L}\p{N}]/u.test(text), 'has no letters or digits');

/**
 * A threshold below 0.5 could fire on a score that is not even the likeliest reading, and 1 would
 * never fire: both are mistakes, not choices.
 */
const threshold = z.number().min(0.5, 'must be at least 0.5').lt(1, 'must be below 1');

/**
 * An example as compared for repeats: lowercase, without punctuation, so "I'm done." repeats
 * "im done". Emoji stay: the safety text folding reads some of them ("💊" is "pills").
 */
export function exampleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[\p{P}\p{Z}\s]+/gu, ' ')
    .trim();
}

const examplesFileSchema = z
  .strictObject({
    version: z.literal(1),
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
    examples: z.strictObject({
      danger: z.array(example).min(minExamplesPerLevel, `needs at least ${minExamplesPerLevel} examples`),
      concern: z.array(example).min(minExamplesPerLevel, `needs at least ${minExamplesPerLevel} examples`),
      none: z.array(example).min(minExamplesPerLevel, `needs at least ${minExamplesPerLevel} examples`),
    }),
  })
  .superRefine((file, ctx) => {
    // A message under two levels would teach both; a repeat under one level weighs it twice.
    const seen = new Map<string, string>();
    for (const level of ['danger', 'concern', 'none'] as const) {
      file.examples[level].forEach((text, index) => {
        const key = exampleKey(text);
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['examples', level, index], message: `repeats ${first}` });
        } else {
          seen.set(key, `examples.${level}[${index}]`);
        }
      });
    }
  });

/** The validated contents of resources/safety-examples.json. */
export type SafetyExamples = z.output<typeof examplesFileSchema>;
/** Example messages by level. */
export type SafetyExampleTexts = Readonly<Record<SafetyLevel, readonly string[]>>;

/** The file's name under the resources directory, for loading and for naming it in errors. */
export const safetyExamplesFile = 'safety-examples.json';

/** Reads and validates the learned layer's examples; throws a ResourceError naming every bad field. */
export function loadSafetyExamples(dir?: string): SafetyExamples {
  return loadResource(safetyExamplesFile, examplesFileSchema, dir);
}
