import { z } from 'zod';
import { accommodationSettings } from '../language/intents/entity-lexicon.js';

/** Where a change is needed: the recognizer's settings, plus "somewhere else". */
export const settingIds = [...accommodationSettings, 'other'] as const;
export type SettingId = (typeof settingIds)[number];

/** What gets in the way; "other" is a barrier told only in the person's own words. */
export const barrierIds = ['schedule', 'medication', 'concentration', 'anxiety', 'travel', 'other'] as const;
export type BarrierId = (typeof barrierIds)[number];

/**
 * How much the request says about why, from least to most. The person chooses; the letter
 * builder guarantees the letter says no more than the level allows.
 */
export const disclosureLevels = ['nothing', 'general', 'specifics'] as const;
export type DisclosureLevel = (typeof disclosureLevels)[number];

/** Kinds of words a disclosure level may allow (lists in the locale's accommodationTerms). */
export const termKinds = ['health', 'recovery', 'diagnosis'] as const;
export type TermKind = (typeof termKinds)[number];

/**
 * What a person chose to name at "specifics", read from their own words: recovery only when they
 * said recovery, substance use, treatment or MAT; a diagnosis they named; or "a health condition".
 * Only the id is kept, never the words.
 */
export const conditionIds = [
  'recovery',
  'adhd',
  'depression',
  'anxiety',
  'ptsd',
  'bipolar',
  'health',
] as const;
export type ConditionId = (typeof conditionIds)[number];

export const requestFormats = ['email', 'letter'] as const;
export type RequestFormat = (typeof requestFormats)[number];

/** The questions, in the order they are asked ("back" goes one up this list). */
export const fields = [
  'setting',
  'barrier',
  'idea',
  'who',
  'format',
  'start',
  'disclosure',
  'condition',
] as const;
export type Field = (typeof fields)[number];

/** The longest own-words answer kept (a letter line, not an essay). */
export const MAX_OWN_WORDS = 200;

const ownText = z.string().trim().min(1).max(MAX_OWN_WORDS);
const id = z.string().regex(/^[a-z][A-Za-z]*$/);

/** What gets in the way: a kind, and (only when the person typed them) their own words. */
export const barrierAnswerSchema = z.strictObject({
  id: z.enum([...barrierIds, 'none']),
  words: ownText.optional(),
});

/** The change asked for: one of the listed ideas, the person's own, or none given (skipped). */
export const ideaAnswerSchema = z.union([
  z.strictObject({ id }),
  z.strictObject({ own: ownText }),
  z.strictObject({ none: z.literal(true) }),
]);

/** Who is asked: a listed role, the person's own words, or none given. */
export const whoAnswerSchema = ideaAnswerSchema;

/** When it should start: a calendar date (YYYY-MM-DD), as soon as possible, or their words. */
export const startAnswerSchema = z.union([
  z.strictObject({ date: z.iso.date() }),
  z.strictObject({ asap: z.literal(true) }),
  z.strictObject({ words: ownText }),
]);

/** The most changes one request asks for (the first and up to two more). */
export const MAX_CHANGES = 3;

/** Every answer of a finished request (skipped answers hold their defaults). */
export const requestAnswersSchema = z.strictObject({
  setting: z.enum(settingIds),
  barrier: barrierAnswerSchema,
  idea: ideaAnswerSchema,
  /** More listed changes asked for in the same request ("a later start and a quiet room"). */
  also: z
    .array(id)
    .max(MAX_CHANGES - 1)
    .optional(),
  who: whoAnswerSchema,
  format: z.enum(requestFormats),
  start: startAnswerSchema,
  disclosure: z.enum(disclosureLevels),
  /** What is named at "specifics" (asked only then). */
  condition: z.enum(conditionIds).optional(),
  /** "make it shorter" at the review: the letter keeps only the ask, the reason and the dates. */
  short: z.literal(true).optional(),
  /** "skip" at the question why: the letter gives no reason at all, and the review says so. */
  noReason: z.literal(true).optional(),
});

export type BarrierAnswer = z.output<typeof barrierAnswerSchema>;
export type IdeaAnswer = z.output<typeof ideaAnswerSchema>;
export type WhoAnswer = z.output<typeof whoAnswerSchema>;
export type StartAnswer = z.output<typeof startAnswerSchema>;
export type RequestAnswers = z.output<typeof requestAnswersSchema>;
