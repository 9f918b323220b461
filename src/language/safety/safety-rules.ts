import { z } from 'zod';
import { loadResource } from '../../content/resource-file.js';
import { type Lexicon, patternProblem } from './phrase-pattern.js';
import { categorySchema } from './safety-taxonomy.js';

/**
 * The data half of the safety gate: phrase lists, idioms, negations and time markers, kept in
 * resources/safety-rules.json so that a reviewer can read and extend them without reading code.
 * The matching logic stays in safety-classifier.ts. Every pattern is checked here, so a bad edit
 * stops the bot at start with the file and field named (see loadResource).
 */

const id = z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens');
const patterns = z.array(z.string().min(1)).min(1);
const lexiconEntry = z
  .string()
  .regex(
    /^(?:#|[\p{Ll}\p{N}]+\*?(?: [\p{Ll}\p{N}]+\*?)*)$/u,
    'lowercase words, optional * at a word end, or #',
  );
const spelledWords = z.string().regex(/^[\p{Ll}\p{N}]+(?: [\p{Ll}\p{N}]+)*$/u, 'lowercase words only');

const ruleSchema = z
  .strictObject({
    id,
    /** `cue` rules never set a level alone; combinations use them. */
    level: z.enum(['danger', 'concern', 'cue']),
    /**
     * The taxonomy category the phrases belong to (resources/safety-taxonomy.json). A cue may name
     * the danger category it hints at: alone it sets no level, but a message the learned layer
     * finds at risk is then danger of that category (see combine).
     */
    category: categorySchema.optional(),
    /** False when the words are a hint, not a statement: the bot confirms before acting. */
    explicit: z.boolean(),
    /** The phrases describe something that already happened ("overdosed", "tried to"). */
    pastForm: z.boolean().default(false),
    /** The phrases are Spanish: when they set the level, the reply is in Spanish. */
    lang: z.literal('es').optional(),
    patterns,
    /**
     * Ordinary errands that set a match in the same sentence aside: "I'm at the bridge" is a
     * place of danger, "I'm at the bridge waiting for my ride to work" is not.
     */
    unless: z.array(z.string().min(1)).default([]),
  })
  .refine((rule) => rule.level === 'cue' || rule.category !== undefined, {
    message: 'a rule that sets a level names its category',
    path: ['category'],
  });

const comboSchema = z.strictObject({
  id,
  level: z.enum(['danger', 'concern']),
  category: categorySchema,
  explicit: z.boolean(),
  /** Every rule id listed must have fired somewhere in the message. */
  all: z.array(id).min(2),
});

/** Words that tell Spanish from English when a message is mostly one of them (none in both). */
const languageWords = z.array(
  z.string().regex(/^[a-z]+$/, 'one lowercase word without accents (messages are read without them)'),
);

const idiomSchema = z.strictObject({
  id,
  patterns,
  /** The idiom does not hold when one of these is in the same sentence ("kill me if I leave"). */
  unless: z.array(z.string().min(1)).default([]),
});

const markersSchema = z.strictObject({
  /** Turn the phrase right after them around: "not", "never", "no longer". */
  negations: patterns,
  /** Negate only when right before the phrase: "no cravings", "without". */
  adjacentNegations: patterns,
  /** Words that end a negation's reach: "can't stop thinking about", "not now, ...". */
  negationBreakers: z.array(z.string().regex(/^(?:[\p{Ll}\p{N}]+|,)$/u, 'one word or a comma')),
  /** Start a new clause for tense: "but", "and now". */
  clauseBreaks: patterns,
  /** Start a clause about the present: "now", "these days"; it does not inherit a past marker. */
  presentIntros: patterns,
  /** Place a clause in the distant past: "years ago", "back when", "used to". */
  distantPast: patterns,
  /** Recent past: "last night", "an hour ago". Keeps the signal but asks to confirm. */
  recentPast: patterns,
  /** Place a clause now: "right now", "tonight", "again". */
  present: patterns,
  /** Anywhere in a message, say an old feeling is back: "feel that way again", "still do". */
  recurrence: patterns,
  /** Anywhere in a message, mark it as a recovery story: "5 years sober", "now I help others". */
  story: patterns,
  /**
   * Anywhere in a message, say that what happened is over and the person is all right: "hes ok
   * now", "but she's fine". An event told in the past with one is a story, not happening now.
   */
  over: patterns,
  /** Generic or reported subjects: "if someone", "people who", "if I say", "that song". */
  hypothetical: patterns,
  /** Before a phrase, mark it as past: "was", "were". */
  pastAuxiliaries: z.array(z.string().regex(/^[\p{Ll}]+$/u, 'one lowercase word')),
});

const rulesFileSchema = z
  .strictObject({
    version: z.literal(1),
    lexicon: z.record(z.string().regex(/^[a-zA-Z]+$/, 'letters only'), z.array(lexiconEntry).min(1)),
    spellings: z.strictObject({
      tokens: z.record(z.string().regex(/^[\p{Ll}\p{N}']+$/u, 'one lowercase token'), spelledWords),
      emoji: z.record(z.string().min(1), spelledWords),
    }),
    markers: markersSchema,
    /** A message reads as Spanish when it has at least two Spanish words and more than English ones. */
    languages: z.strictObject({ es: languageWords, en: languageWords }),
    idioms: z.array(idiomSchema),
    rules: z.array(ruleSchema).min(1),
    combos: z.array(comboSchema),
  })
  .superRefine((file, ctx) => {
    const lexicon: Lexicon = new Map(Object.entries(file.lexicon));
    const check = (patternList: readonly string[], path: (string | number)[]) => {
      for (const [index, pattern] of patternList.entries()) {
        const problem = patternProblem(pattern, lexicon);
        if (problem)
          ctx.addIssue({ code: 'custom', path: [...path, index], message: `"${pattern}": ${problem}` });
      }
    };
    for (const [name, list] of Object.entries(file.markers)) {
      if (name !== 'negationBreakers' && name !== 'pastAuxiliaries') check(list, ['markers', name]);
    }
    for (const [i, idiom] of file.idioms.entries()) {
      check(idiom.patterns, ['idioms', i, 'patterns']);
      check(idiom.unless, ['idioms', i, 'unless']);
    }
    const ruleIds = new Set<string>();
    for (const [i, rule] of file.rules.entries()) {
      check(rule.patterns, ['rules', i, 'patterns']);
      check(rule.unless, ['rules', i, 'unless']);
      if (ruleIds.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'duplicate id' });
      ruleIds.add(rule.id);
    }
    const english = new Set(file.languages.en);
    file.languages.es.forEach((word, i) => {
      if (english.has(word)) {
        ctx.addIssue({ code: 'custom', path: ['languages', 'es', i], message: `"${word}" is in both lists` });
      }
    });
    for (const [i, combo] of file.combos.entries()) {
      for (const [j, ruleId] of combo.all.entries()) {
        if (!ruleIds.has(ruleId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['combos', i, 'all', j],
            message: `unknown rule "${ruleId}"`,
          });
        }
      }
    }
  });

/** The validated contents of resources/safety-rules.json. */
export type SafetyRules = z.output<typeof rulesFileSchema>;
export type SafetyRule = SafetyRules['rules'][number];

/** The file's name under the resources directory, for loading and for naming it in errors. */
export const safetyRulesFile = 'safety-rules.json';

/** Reads and validates the safety rules; throws a ResourceError naming every bad field. */
export function loadSafetyRules(dir?: string): SafetyRules {
  return loadResource(safetyRulesFile, rulesFileSchema, dir);
}
