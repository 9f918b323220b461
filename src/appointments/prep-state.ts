import type { MessageKind } from './message-time.js';
import { type PlanDraft, type PrepField, prepFields } from './plan.js';
import type { AppointmentTime } from './when.js';

/**
 * Every question the dialog asks: the preparation, the checks of a date (one that has passed, one
 * that may mean another day, which day in a span, what time on a day), the plan shown before it is saved (save it or change something), and after saving: the reminder, the check-in, a time for either,
 * the confirmation of that time, what next, which answer to change.
 */
export type StepName =
  | PrepField
  | 'whenPast'
  | 'whenCheck'
  | 'whenDay'
  | 'whenTime'
  | 'reminder'
  | 'reminderTime'
  | 'followUp'
  | 'followUpTime'
  | 'timeCheck'
  | 'review'
  | 'next'
  | 'change';

/** Steps where "skip" moves on (after saving, each question has its own "no"). */
export const skippable: readonly StepName[] = [
  ...prepFields,
  'whenPast',
  'whenCheck',
  'whenDay',
  'whenTime',
  'reminderTime',
  'followUpTime',
  'timeCheck',
];

/** A reminder or check-in time waiting for the person's yes (stored as JSON, hence the ISO string). */
export interface PendingTime {
  kind: MessageKind;
  at: string;
  /** The person named the hour: it may go out in quiet hours. */
  chosen: boolean;
  /** Another reading fitted too: the check asks "…: is that right?". */
  ambiguous: boolean;
  /** The bot's pick was moved out of quiet hours: the check says so. */
  movedForQuiet: boolean;
  /** A second reminder beside the first: kept beside it, never in its place. */
  second?: boolean;
}

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
  /**
   * A date waiting for a check: it has passed (whenPast), may mean another day (whenCheck), is a
   * span to pick a day in (whenDay: "next month"), or a day with no time yet (whenTime).
   */
  checkWhen?: AppointmentTime;
  /** A reminder or check-in time waiting to be confirmed (timeCheck). */
  pendingTime?: PendingTime;
  /**
   * Moving the reminder of a saved plan: asked from "my plans" or the menu (`alone`: the dialog
   * ends once it is set), or right after saving (`afterSave`: "what next" comes again).
   */
  moving?: 'alone' | 'afterSave';
  /**
   * A question said in a vent at the questions ("man this is stressing me out. should i just
   * plead guilty"): heard first, and kept only when the person says yes.
   */
  offeredQuestion?: string;
  /** The words of a second reminder asked for with the first: read once the first is set. */
  thenReminder?: string;
}

/** Whether a question applies to this draft: ranking needs two questions, sharing about recovery someone in it. */
function applies(field: PrepField, draft: PlanDraft): boolean {
  if (field === 'share') return !draft.notInRecovery;
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
