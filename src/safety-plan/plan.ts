import { z } from 'zod';

/**
 * The parts of a Stanley-Brown safety plan, in the order it is made (warning signs first, then
 * what the person can do alone, then other people, then professionals, then a safer space),
 * and the optional "what matters most to me".
 */
export const planSteps = [
  'warningSigns',
  'copingAlone',
  'distractions',
  'helpers',
  'professionals',
  'safeSurroundings',
  'reasonForLiving',
] as const;
export type PlanStep = (typeof planSteps)[number];

export const SAFETY_PLAN_VERSION = 1;
/** Enough for a real plan; bounded so the plan card stays within Teams' message size. */
export const MAX_ENTRIES_PER_STEP = 6;
export const MAX_ENTRY_LENGTH = 200;

const entry = z.string().trim().min(1).max(MAX_ENTRY_LENGTH);

export const safetyPlanSchema = z.object({
  version: z.literal(SAFETY_PLAN_VERSION),
  /** The person's answers, as typed, per part. */
  entries: z.partialRecord(z.enum(planSteps), z.array(entry).max(MAX_ENTRIES_PER_STEP)),
  /** Parts passed over for now: the plan says they are still to fill in. */
  skipped: z.array(z.enum(planSteps)),
  /** When the person first went through every part (later, "my safety plan" shows it). */
  madeAt: z.iso.datetime().optional(),
  /** The person was asked about a check-in the next day (asked once, after making the plan). */
  followUpAsked: z.boolean().optional(),
  /** The scheduler id of the check-in they agreed to, if any. */
  followUpId: z.string().min(1).optional(),
  updatedAt: z.iso.datetime(),
});
export type SafetyPlan = z.output<typeof safetyPlanSchema>;

export function emptyPlan(now: Date): SafetyPlan {
  return { version: SAFETY_PLAN_VERSION, entries: {}, skipped: [], updatedAt: now.toISOString() };
}

/** The entries of `step` (none when it was skipped or not reached). */
export function entriesOf(plan: SafetyPlan, step: PlanStep): readonly string[] {
  return plan.entries[step] ?? [];
}

/** True when the person has written anything in the plan. */
export function hasEntries(plan: SafetyPlan | undefined): plan is SafetyPlan {
  return plan !== undefined && planSteps.some((step) => entriesOf(plan, step).length > 0);
}

/**
 * `text` added to `step` as typed (cut to the longest entry kept); the oldest goes when full. The
 * same words again (a part gone back to and answered again) are kept once.
 */
export function addEntry(plan: SafetyPlan, step: PlanStep, text: string, now: Date): SafetyPlan {
  const kept = text.trim().slice(0, MAX_ENTRY_LENGTH);
  const others = entriesOf(plan, step).filter((entry) => entry.toLowerCase() !== kept.toLowerCase());
  const entries = [...others, kept].slice(-MAX_ENTRIES_PER_STEP);
  return {
    ...plan,
    entries: { ...plan.entries, [step]: entries },
    skipped: plan.skipped.filter((s) => s !== step),
    updatedAt: now.toISOString(),
  };
}

/** The entries of `step` at list `positions` (1-based) taken out. */
export function removeEntries(
  plan: SafetyPlan,
  step: PlanStep,
  positions: readonly number[],
  now: Date,
): SafetyPlan {
  const entries = entriesOf(plan, step).filter((_, index) => !positions.includes(index + 1));
  return { ...plan, entries: { ...plan.entries, [step]: entries }, updatedAt: now.toISOString() };
}

/** Entry `position` (1-based) of `step` in new words: one piece of it taken out, the rest kept. */
export function rewordEntry(
  plan: SafetyPlan,
  step: PlanStep,
  position: number,
  text: string,
  now: Date,
): SafetyPlan {
  const entries = entriesOf(plan, step).map((entry, index) =>
    index + 1 === position ? text.slice(0, MAX_ENTRY_LENGTH) : entry,
  );
  return { ...plan, entries: { ...plan.entries, [step]: entries }, updatedAt: now.toISOString() };
}

/** `step` emptied (an edit starts it again). */
export function clearStep(plan: SafetyPlan, step: PlanStep, now: Date): SafetyPlan {
  const { [step]: _dropped, ...entries } = plan.entries;
  return { ...plan, entries, updatedAt: now.toISOString() };
}

/** `step` passed over for now (kept as it is if it has entries). */
export function skipStep(plan: SafetyPlan, step: PlanStep, now: Date): SafetyPlan {
  if (entriesOf(plan, step).length > 0 || plan.skipped.includes(step)) return plan;
  return { ...plan, skipped: [...plan.skipped, step], updatedAt: now.toISOString() };
}

/** The six Stanley-Brown parts still empty (the seventh is optional, so never "missing"). */
export function emptySteps(plan: SafetyPlan): PlanStep[] {
  return planSteps.filter((step) => step !== 'reasonForLiving' && entriesOf(plan, step).length === 0);
}
