import type { TurnContext } from 'botbuilder';
import { defineUserProperty, type UserProperty } from '../state/user-property.js';
import { type SafetyPlan, safetyPlanSchema } from './plan.js';

/** The user-state property that holds the plan: the person's own, shown and erased with their data. */
export const safetyPlanProperty = defineUserProperty('safetyPlan', safetyPlanSchema);

/**
 * The person's safety plan in user state, saved with the rest of it at the end of the turn. A
 * stored plan of another version or shape reads as none, never misread.
 */
export class SafetyPlanStore {
  constructor(private readonly property: UserProperty<SafetyPlan>) {
    if (!property) throw new Error('SafetyPlanStore needs the "safetyPlan" user-state property');
  }

  get(context: TurnContext): Promise<SafetyPlan | undefined> {
    return this.property.read(context);
  }

  save(context: TurnContext, plan: SafetyPlan): Promise<void> {
    return this.property.write(context, plan);
  }
}
