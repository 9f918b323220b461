import { z } from 'zod';
import { loadResource } from '../../content/resource-file.js';
import { safetyLevels } from './safety-result.js';
import { categorySchema, type SafetyTaxonomy } from './safety-taxonomy.js';

/**
 * Labeled messages in one format for every set: the learned layer's training messages
 * (resources/safety-examples.json) and the held-out sets that measure the gate
 * (resources/safety-eval/*.json, one of them written by someone who never saw the others).
 */

/** Languages the gate hears; English is the default, Spanish crisis language is answered in Spanish. */
export const safetyLanguages = ['en', 'es'] as const;
export type SafetyLanguage = (typeof safetyLanguages)[number];

export const labelledItemSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    // An emoji alone is a message people send ("👍"), so no letters are required.
    .max(1000, 'keep messages under 1,000 characters (the learned layer reads no further)'),
  lang: z.enum(safetyLanguages),
  category: categorySchema,
  /** The category's level, written out so that a reader of the file sees it. */
  expected: z.enum(safetyLevels),
  /** Danger said outright (the gate must say danger, and the bot acts without asking first). */
  explicit: z.boolean().optional(),
  /**
   * Who the message is written as (a voice listed in safety-examples.json: "texting", "formal",
   * ...), so that leave-one-voice-out can measure how the gate does on a way of writing it never
   * trained on. Unset: the round-1 writer's messages.
   */
  voice: z
    .string()
    .regex(/^[a-z]+(?:-[a-z]+)*$/, 'a voice id: lowercase words joined by hyphens')
    .optional(),
});

export type LabelledItem = z.output<typeof labelledItemSchema>;

/**
 * A message as compared for repeats: lowercase, without punctuation, so "I'm done." repeats
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

/**
 * Adds an issue for every item whose `expected` is not its category's level and every repeat: a
 * message under two labels would teach or score both, a repeat would count twice.
 */
export function checkItems(
  items: readonly LabelledItem[],
  taxonomy: SafetyTaxonomy,
  ctx: z.RefinementCtx,
  path: readonly PropertyKey[] = ['items'],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const level = taxonomy.levelOf(item.category);
    if (item.expected !== level) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'expected'],
        message: `"${item.category}" is ${level} in resources/safety-taxonomy.json`,
      });
    }
    const key = exampleKey(item.text);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [...path, index, 'text'], message: `repeats items[${first}]` });
    } else {
      seen.set(key, index);
    }
  });
}

/** A held-out set's file: `{version: 1, description, items}`. */
function labelledSetSchema(taxonomy: SafetyTaxonomy) {
  return z
    .strictObject({
      version: z.literal(1),
      description: z.string().trim().min(1, 'say who wrote the set and how'),
      items: z.array(labelledItemSchema).min(1, 'needs at least one message'),
    })
    .superRefine((file, ctx) => checkItems(file.items, taxonomy, ctx));
}

export type LabelledSet = z.output<ReturnType<typeof labelledSetSchema>>;

/**
 * Reads and checks a held-out set, `name` relative to the resources directory
 * ("safety-eval/heldout-a.json"); throws a ResourceError naming the file and every bad field.
 */
export function loadLabelledSet(name: string, taxonomy: SafetyTaxonomy, dir?: string): LabelledSet {
  return loadResource(name, labelledSetSchema(taxonomy), dir);
}
