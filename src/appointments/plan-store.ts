import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { defineUserProperty, type UserProperty } from '../state/user-property.js';
import { type AppointmentPlan, planSchema } from './plan.js';

export const PLANS_VERSION = 1;
/** The most plans kept per person; saving one more drops the oldest. */
export const MAX_PLANS = 20;

// Each plan is checked on its own when read, so one bad plan does not hide the others.
const plansSchema = z.object({ version: z.literal(PLANS_VERSION), plans: z.array(z.unknown()) });

/** The user-state property that holds a person's plans. */
export const plansProperty = defineUserProperty('plans', plansSchema);

/** The plans property, as the store takes it. */
export type PlansProperty = UserProperty<z.output<typeof plansSchema>>;

/** A person's saved plans, newest first. */
export interface PlanStore {
  list(context: TurnContext): Promise<AppointmentPlan[]>;
  get(context: TurnContext, id: string): Promise<AppointmentPlan | undefined>;
  /** Adds or replaces the plan with `plan.id`; returns plans dropped to stay within MAX_PLANS. */
  save(context: TurnContext, plan: AppointmentPlan): Promise<AppointmentPlan[]>;
  /** Removes the plan; returns it, or undefined when there was none. */
  remove(context: TurnContext, id: string): Promise<AppointmentPlan | undefined>;
}

/**
 * Plans in user state (`plans`), saved with the rest of user state at the end of the turn. Each
 * plan is checked on read: one of another version or shape is left out, never misread.
 */
export class UserStatePlanStore implements PlanStore {
  constructor(private readonly property: PlansProperty) {
    if (!property) throw new Error('UserStatePlanStore needs the "plans" user-state property');
  }

  async list(context: TurnContext): Promise<AppointmentPlan[]> {
    const stored = await this.property.read(context);
    return (stored?.plans ?? []).flatMap((raw) => {
      const plan = planSchema.safeParse(raw);
      return plan.success ? [plan.data] : [];
    });
  }

  async get(context: TurnContext, id: string): Promise<AppointmentPlan | undefined> {
    return (await this.list(context)).find((plan) => plan.id === id);
  }

  async save(context: TurnContext, plan: AppointmentPlan): Promise<AppointmentPlan[]> {
    const others = (await this.list(context)).filter((existing) => existing.id !== plan.id);
    const all = [planSchema.parse(plan), ...others];
    await this.write(context, all.slice(0, MAX_PLANS));
    return all.slice(MAX_PLANS);
  }

  async remove(context: TurnContext, id: string): Promise<AppointmentPlan | undefined> {
    const plans = await this.list(context);
    const removed = plans.find((plan) => plan.id === id);
    if (removed)
      await this.write(
        context,
        plans.filter((plan) => plan.id !== id),
      );
    return removed;
  }

  private async write(context: TurnContext, plans: AppointmentPlan[]): Promise<void> {
    // No plans: the property goes, so "show my data" does not list an empty shell.
    if (plans.length === 0) await this.property.delete(context);
    else await this.property.write(context, { version: PLANS_VERSION, plans });
  }
}
