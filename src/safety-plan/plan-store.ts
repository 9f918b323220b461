import type { StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { type SafetyPlan, safetyPlanSchema } from './plan.js';

/** The user-state property that holds the plan: the person's own, shown and erased with their data. */
export const SAFETY_PLAN_PROPERTY = 'safetyPlan';

/**
 * The person's safety plan in user state, saved with the rest of it at the end of the turn. A
 * stored plan of another version or shape reads as none, never misread.
 */
export class SafetyPlanStore {
  private readonly accessor: StatePropertyAccessor<unknown>;

  constructor(userState: UserState) {
    if (!userState) throw new Error('SafetyPlanStore needs the user state');
    this.accessor = userState.createProperty(SAFETY_PLAN_PROPERTY);
  }

  async get(context: TurnContext): Promise<SafetyPlan | undefined> {
    const parsed = safetyPlanSchema.safeParse(await this.accessor.get(context));
    return parsed.success ? parsed.data : undefined;
  }

  async save(context: TurnContext, plan: SafetyPlan): Promise<void> {
    await this.accessor.set(context, safetyPlanSchema.parse(plan));
  }
}
