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
import { ACCOMMODATION_DIALOG_ID } from './accommodation-dialog.js';
import { APPOINTMENT_PLANS_DIALOG_ID } from './appointment-plans-dialog.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { TypedChoicePrompt } from './typed-choice-prompt.js';

export const MY_PLANS_DIALOG_ID = 'myPlans';
const STEPS = 'myPlansSteps';
const PICK = 'myPlansPick';

/**
 * "my plans": everything a person saved, appointment plans and accommodation requests alike.
 * With only one kind saved it opens that list at once; with both it asks which.
 */
export class MyPlansDialog extends InterruptibleDialog {
  constructor(
    deps: DialogDeps,
    private readonly saved: { plans: PlanStore; accommodationRequests: AccommodationRequestsProperty },
  ) {
    super(MY_PLANS_DIALOG_ID, deps);
    this.addDialog(new TypedChoicePrompt(PICK, deps.strings)).addDialog(
      new WaterfallDialog(STEPS, [this.pick.bind(this), this.open.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async pick(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const plans = (await this.saved.plans.list(step.context)).length;
    const requests = (await listAccommodationRequests(this.saved.accommodationRequests, step.context)).length;
    if (requests === 0) return step.replaceDialog(APPOINTMENT_PLANS_DIALOG_ID);
    if (plans === 0) return step.replaceDialog(ACCOMMODATION_DIALOG_ID, { view: 'saved' });
    const choice = (value: string, title: string) => ({
      value,
      action: { type: 'imBack', title, value: title },
      synonyms: [title],
    });
    return step.prompt(PICK, {
      prompt: strings.text('myPlans.which'),
      choices: [
        choice('appointments', strings.text('myPlans.appointments', { count: plans })),
        choice('accommodations', strings.text('myPlans.accommodations', { count: requests })),
      ],
      style: ListStyle.suggestedAction,
    });
  }

  private async open(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return (step.result as FoundChoice).value === 'accommodations'
      ? step.replaceDialog(ACCOMMODATION_DIALOG_ID, { view: 'saved' })
      : step.replaceDialog(APPOINTMENT_PLANS_DIALOG_ID);
  }

  /** Its own buttons are where this goes next. */
  protected override switchesTopics(): boolean {
    return false;
  }
}
