import {
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
import { hasEntries } from '../src/safety-plan/plan.js';
import type { SafetyPlanStore } from '../src/safety-plan/plan-store.js';
import { ACCOMMODATION_DIALOG_ID } from './accommodation-dialog.js';
import { APPOINTMENT_PLANS_DIALOG_ID } from './appointment-plans-dialog.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { SAFETY_PLAN_DIALOG_ID } from './safety-plan-dialog.js';
import { TypedChoicePrompt } from './typed-choice-prompt.js';

export const MY_PLANS_DIALOG_ID = 'myPlans';
const STEPS = 'myPlansSteps';
const PICK = 'myPlansPick';

/** Each kind of plan a person may have saved, and where it opens. */
const kinds = [
  { value: 'appointments', open: APPOINTMENT_PLANS_DIALOG_ID },
  { value: 'accommodations', open: ACCOMMODATION_DIALOG_ID, options: { view: 'saved' } },
  { value: 'safetyPlan', open: SAFETY_PLAN_DIALOG_ID },
] as const;
type Kind = (typeof kinds)[number];

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

  private openKind(step: WaterfallStepContext, kind: Kind): Promise<DialogTurnResult> {
    return step.replaceDialog(kind.open, 'options' in kind ? kind.options : undefined);
  }

  /** Its own buttons are where this goes next. */
  protected override switchesTopics(): boolean {
    return false;
  }
}
