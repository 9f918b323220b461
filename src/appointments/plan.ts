import { z } from 'zod';
import { type AppointmentType, appointmentTypes } from '../language/intents/entity-lexicon.js';
import { type AppointmentTime, appointmentTimeSchema } from './when.js';

/**
 * A saved appointment plan: the person's answers, mostly in their own words, kept in their user
 * state (so "show my data" shows it and "delete my data" erases it). Stored with a version: a
 * plan of another version is left out when read, never misread.
 */
export const PLAN_VERSION = 1;
/** The longest answer kept: enough for a sentence or two, bounded for storage and cards. */
export const MAX_ANSWER_LENGTH = 300;
export const MAX_QUESTIONS = 10;
const MAX_LIST = 10;

const words = z.string().trim().min(1).max(MAX_ANSWER_LENGTH);
/** A fixed choice by id (rendered in the reader's language), or the person's own words. */
const itemSchema = z.union([z.strictObject({ id: z.string().min(1).max(40) }), z.strictObject({ words })]);
export type PlanItem = z.output<typeof itemSchema>;

export const planSchema = z.object({
  version: z.literal(PLAN_VERSION),
  id: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  type: z.enum(appointmentTypes),
  /** Who it is with, as said in the first message ("Dr. Patel"). */
  provider: words.optional(),
  when: appointmentTimeSchema.optional(),
  goal: words.optional(),
  /** Most important first: the first `topCount` are the ones the person ranked. */
  questions: z.array(words).max(MAX_QUESTIONS),
  topCount: z.number().int().min(0).max(MAX_QUESTIONS),
  barriers: z.array(itemSchema).max(MAX_LIST),
  /** The checklist for the type when saved, then what the person added. */
  bring: z.array(words).max(MAX_LIST * 3),
  support: z.enum(['yes', 'no', 'maybe']).optional(),
  share: itemSchema.optional(),
  /** Said not to be in recovery: the plan has no recovery part. */
  notInRecovery: z.literal(true).optional(),
  talk: z.array(itemSchema).max(MAX_LIST),
  /**
   * Present only with the person's consent; the times are those scheduled and confirmed. `anyHour`
   * names the ones whose hour the person chose, which may fall in quiet hours.
   */
  reminders: z
    .object({
      reminderAt: z.iso.datetime().optional(),
      /** A second reminder ("the night before at 8, and the morning at 7"). */
      secondAt: z.iso.datetime().optional(),
      followUpAt: z.iso.datetime().optional(),
      anyHour: z
        .array(z.enum(['reminderAt', 'secondAt', 'followUpAt']))
        .max(3)
        .optional(),
    })
    .optional(),
  nextSteps: z.array(words).max(MAX_LIST * 2),
});
export type AppointmentPlan = z.output<typeof planSchema>;

/** The questions of the preparation, in the order they are asked. */
export const prepFields = [
  'type',
  'when',
  'goal',
  'questions',
  'topQuestions',
  'barriers',
  'bring',
  'support',
  'share',
  'talk',
] as const;
export type PrepField = (typeof prepFields)[number];

/** The answers so far, kept in the dialog's state between turns (so it must stay plain JSON). */
export interface PlanDraft {
  /** Set once the plan is first saved, so a changed answer updates the same plan. */
  id?: string;
  createdAt?: string;
  type?: AppointmentType;
  provider?: string;
  when?: AppointmentTime;
  goal?: string;
  questions: string[];
  topCount: number;
  barriers: PlanItem[];
  /** What the person added to the checklist. */
  bring: string[];
  support?: 'yes' | 'no' | 'maybe';
  share?: PlanItem;
  talk: PlanItem[];
  /** Fields answered or skipped: a prefilled or answered field is not asked again. */
  answered: PrepField[];
  /** The person said recovery is not part of their life: no recovery question, line or item. */
  notInRecovery?: boolean;
  /** A reminder asked for mid-plan ("can i get a reminder the night before"): its words answer the reminder question. */
  reminderAsk?: string;
  /** Reminders were offered (so changing an answer later does not offer them again). */
  remindersAsked?: boolean;
  reminders?: AppointmentPlan['reminders'];
  nextSteps?: string[];
}

/** An empty draft. */
export function emptyDraft(): PlanDraft {
  return { questions: [], topCount: 0, barriers: [], bring: [], talk: [], answered: [] };
}

/** The plan a draft makes, with the checklist texts for its type put first in "what to bring". */
export function toPlan(
  draft: PlanDraft,
  fields: { id: string; now: Date; checklist: readonly string[] },
): AppointmentPlan {
  const now = fields.now.toISOString();
  return planSchema.parse({
    version: PLAN_VERSION,
    id: fields.id,
    createdAt: draft.createdAt ?? now,
    updatedAt: now,
    type: draft.type ?? 'other',
    provider: draft.provider,
    when: draft.when,
    goal: draft.goal,
    questions: draft.questions,
    topCount: Math.min(draft.topCount, draft.questions.length),
    barriers: draft.barriers,
    bring: [...fields.checklist, ...draft.bring.filter((item) => !fields.checklist.includes(item))],
    support: draft.support,
    share: draft.notInRecovery ? undefined : draft.share,
    notInRecovery: draft.notInRecovery ? true : undefined,
    talk: draft.talk,
    reminders: draft.reminders,
    nextSteps: draft.nextSteps ?? [],
  });
}
