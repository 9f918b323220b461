import { type PlanDraft, type PrepField, prepFields } from './plan.js';
import type { AppointmentTime } from './when.js';

/** Every question the dialog asks: the preparation, the date check, and what comes after saving. */
export type StepName = PrepField | 'whenPast' | 'reminder' | 'reminderTime' | 'followUp' | 'next' | 'change';

/** Steps where "skip" moves on (after saving, each question has its own "no"). */
export const skippable: readonly StepName[] = [...prepFields, 'whenPast', 'reminderTime'];

/**
 * Where the dialog is, passed from turn to turn in the dialog's options (so it is stored in
 * conversation state, shown by "show my data" and erased with it).
 */
export interface PrepState {
  draft: PlanDraft;
  step: StepName;
  /** Unclear answers in a row to this question: the second re-ask offers to skip. */
  misses: number;
  /** Questions answered before this one, for "back". */
  history: StepName[];
  /** Changing one answer after the plan was saved: the plan is shown again after it. */
  reviewing: boolean;
  /** A date that has passed, waiting for the gentle check. */
  pastWhen?: AppointmentTime;
}

/** Whether a question applies to this draft: ranking needs at least two questions. */
function applies(field: PrepField, draft: PlanDraft): boolean {
  return field !== 'topQuestions' || draft.questions.length >= 2;
}

/**
 * The question after `from`: the first one not yet answered, in the usual order (so after "back"
 * the person returns to where they were, and a prefilled date checked first is followed by the
 * kind). While changing one answer, only the ranking may follow (after the questions changed);
 * then the plan is shown again (undefined).
 */
export function nextField(draft: PlanDraft, from: StepName, reviewing: boolean): PrepField | undefined {
  if (reviewing) return from === 'questions' && applies('topQuestions', draft) ? 'topQuestions' : undefined;
  return firstField(draft);
}

/** The first question to ask for a draft (prefilled answers are not asked again). */
export function firstField(draft: PlanDraft): PrepField | undefined {
  return prepFields.find((field) => !draft.answered.includes(field) && applies(field, draft));
}

/** The draft with `field` marked answered. */
export function markAnswered(draft: PlanDraft, field: StepName): PlanDraft {
  const isPrep = (prepFields as readonly string[]).includes(field);
  if (!isPrep || draft.answered.some((done) => done === field)) return draft;
  return { ...draft, answered: [...draft.answered, ...prepFields.filter((f) => f === field)] };
}
