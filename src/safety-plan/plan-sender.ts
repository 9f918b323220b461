import type { TurnContext } from 'botbuilder';
import { planMessages } from '../appointments/plan-card.js';
import type { CrisisResource } from '../content/crisis-resources.js';
import type { SectionKey, Strings } from '../content/strings.js';
import type { SafetyPlan } from './plan.js';
import type { SafetyPlanStore } from './plan-store.js';
import { dialActions, safetyPlanView } from './plan-view.js';

/**
 * Shows a person their safety plan: the card with call and text buttons where the channel can
 * dial (or, too big for one Teams message, text in parts). Used by the plan's dialog and by the
 * bot during a live chat with a specialist, where the plan is shown to the person alone.
 */
export class SafetyPlanSender {
  constructor(
    readonly store: SafetyPlanStore,
    private readonly strings: Strings,
    private readonly lines: readonly CrisisResource[],
  ) {
    if (!store || !strings || !lines)
      throw new Error('SafetyPlanSender needs a store, strings and crisis lines');
  }

  /** Sends `plan` (the stored one when not given; with none, the crisis lines) introduced by `intro`. */
  async send(context: TurnContext, intro: SectionKey<'safetyPlan'>, plan?: SafetyPlan): Promise<void> {
    const shown = plan ?? (await this.store.get(context));
    const view = safetyPlanView(this.strings, shown, this.lines);
    const actions = dialActions(this.strings, shown, context.activity.channelId);
    await context.sendActivities(planMessages(view, this.strings.text(intro), actions));
  }
}
