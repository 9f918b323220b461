import {
  type DialogContext,
  type DialogTurnResult,
  type FoundChoice,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import {
  type AccommodationRequestsProperty,
  listAccommodationRequests,
} from '../src/accommodations/saved-requests.js';
import type { PlanStore } from '../src/appointments/index.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import { hasEntries } from '../src/safety-plan/plan.js';
import type { SafetyPlanStore } from '../src/safety-plan/plan-store.js';
import { APPOINTMENT_PLANS_DIALOG_ID } from './appointment-plans-dialog.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { SAFETY_PLAN_DIALOG_ID } from './safety-plan-dialog.js';
import { SAVED_REQUESTS_DIALOG_ID } from './saved-requests-dialog.js';
import { TypedChoicePrompt } from './typed-choice-prompt.js';

export const MY_PLANS_DIALOG_ID = 'myPlans';
const STEPS = 'myPlansSteps';
const PICK = 'myPlansPick';

/** Each kind of plan a person may have saved, and where it opens. */
const kinds = [
  { value: 'appointments', open: APPOINTMENT_PLANS_DIALOG_ID },
  { value: 'accommodations', open: SAVED_REQUESTS_DIALOG_ID },
  { value: 'safetyPlan', open: SAFETY_PLAN_DIALOG_ID },
] as const;
type Kind = (typeof kinds)[number];
/** What this dialog ends with: the kind to open in its place. */
interface Opening {
  open: Kind['open'];
}

/**
 * "my plans" (or "my plan"): everything a person saved, appointment plans, accommodation
 * requests and their safety plan alike. With only one kind saved it opens that at once; with
 * more it asks which; with none, the appointment plans say there are none yet.
 */
export class MyPlansDialog extends InterruptibleDialog {
  constructor(
    deps: DialogDeps,
    private readonly saved: {
      plans: PlanStore;
      accommodationRequests: AccommodationRequestsProperty;
      safetyPlan: SafetyPlanStore;
    },
  ) {
    super(MY_PLANS_DIALOG_ID, deps);
    this.addDialog(new TypedChoicePrompt(PICK, deps.strings)).addDialog(
      new WaterfallDialog(STEPS, [this.pick.bind(this), this.open.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async pick(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const counts: Record<Kind['value'], number> = {
      appointments: (await this.saved.plans.list(step.context)).length,
      accommodations: (await listAccommodationRequests(this.saved.accommodationRequests, step.context))
        .length,
      safetyPlan: hasEntries(await this.saved.safetyPlan.get(step.context)) ? 1 : 0,
    };
    const saved = kinds.filter((kind) => counts[kind.value] > 0);
    if (saved.length <= 1) return this.openKind(step, saved[0] ?? kinds[0]);
    // "where is my saved letter": the requests, without asking which kind.
    const letter = saysAnyOf(strings, 'myPlans.letterWords', step.context.activity.text);
    const requests = saved.find((kind) => kind.value === 'accommodations');
    if (letter && requests) return this.openKind(step, requests);
    const choices = saved.map((kind) => {
      const title = strings.text(`myPlans.${kind.value}`, { count: counts[kind.value] });
      return { value: kind.value, action: { type: 'imBack', title, value: title }, synonyms: [title] };
    });
    return step.prompt(PICK, {
      prompt: strings.text('myPlans.which'),
      choices,
      style: ListStyle.suggestedAction,
    });
  }

  private async open(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = kinds.find((kind) => kind.value === (step.result as FoundChoice).value) ?? kinds[0];
    return this.openKind(step, picked);
  }

  /** Ends here, and the kind opens in this dialog's place (see endComponent). */
  private openKind(step: WaterfallStepContext, kind: Kind): Promise<DialogTurnResult> {
    return step.endDialog({ open: kind.open } satisfies Opening);
  }

  /**
   * The kind picked opens where this dialog was, not inside it: a dialog of the root set nested
   * in this one could not be asked again after a command above it ("delete my data", "no").
   */
  protected override endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const opening = result as Opening | undefined;
    return opening?.open ? outerDc.replaceDialog(opening.open) : outerDc.endDialog(result);
  }

  /** Its own buttons are where this goes next. */
  protected override switchesTopics(): boolean {
    return false;
  }
}
