import { randomUUID } from 'node:crypto';
import { type Activity, TurnContext } from 'botbuilder';
import type { Strings } from '../content/strings.js';
import { userStateKey } from '../privacy/state-keys.js';
import type { AppointmentContent } from './content.js';
import { checklistFor } from './content.js';
import { type AppointmentPlan, type PlanDraft, toPlan } from './plan.js';
import { planMessages, planTextActivities } from './plan-card.js';
import { MAX_PLANS, type PlanStore } from './plan-store.js';
import { planView } from './plan-view.js';
import { cancelReminders, type ReminderScheduler, scheduleReminders } from './reminders.js';
import { formatInstant, formatWhen, zoneOf } from './when.js';

/** What keeping plans needs. */
export interface PlanKeeperDeps {
  strings: Strings;
  content: AppointmentContent;
  plans: PlanStore;
  scheduler: ReminderScheduler;
  clock: () => Date;
  newId?: () => string;
}

/**
 * Saves a draft as a plan and keeps its reminders in step with it, for the appointment dialog:
 * the draft's answers become the plan, the type's checklist goes first in "what to bring", and
 * scheduled messages follow the person's consent.
 */
export class PlanKeeper {
  constructor(private readonly deps: PlanKeeperDeps) {}

  /** The plan a draft makes now (with a new id if it has none yet). */
  plan(draft: PlanDraft): AppointmentPlan {
    const { strings, content, clock } = this.deps;
    const checklist = checklistFor(content, draft).map((key) => strings.text(key));
    const id = draft.id ?? this.deps.newId?.() ?? randomUUID();
    return toPlan(draft, { id, now: clock(), checklist });
  }

  /**
   * Saves the plan; plans dropped to stay within the limit lose their reminders, and the person
   * is told. Returns the plan and what to say (that notice, if any).
   */
  async save(context: TurnContext, draft: PlanDraft): Promise<{ plan: AppointmentPlan; say: string[] }> {
    const plan = this.plan(draft);
    const dropped = await this.deps.plans.save(context, plan);
    for (const old of dropped) await cancelReminders(this.deps.scheduler, old.id);
    const say = dropped.length > 0 ? [this.deps.strings.text('plans.full', { max: MAX_PLANS })] : [];
    return { plan, say };
  }

  /** The plan as a card message, introduced by `intro` (as text in parts when too big for a card). */
  card(plan: AppointmentPlan, intro: string): Partial<Activity>[] {
    return planMessages(this.view(plan), intro);
  }

  /** The plan as plain text to copy. */
  text(draft: PlanDraft): Partial<Activity>[] {
    return planTextActivities(this.view(this.plan(draft)));
  }

  /**
   * Saves the reminder choices with the plan and schedules them to this conversation. Says the
   * time just confirmed (`announce`) and, after the `last` of these questions, how to turn them
   * off (or that there are none). If scheduling fails the plan is kept without reminders, and
   * says so.
   */
  async remind(
    context: TurnContext,
    draft: PlanDraft,
    said: { announce?: 'reminderAt' | 'secondAt' | 'followUpAt'; last: boolean },
  ): Promise<{ draft: PlanDraft; say: string }> {
    const { strings, clock } = this.deps;
    const { reminderAt, secondAt, followUpAt, anyHour } = draft.reminders ?? {};
    const chosen = anyHour?.filter((field) => draft.reminders?.[field] !== undefined);
    const asked: PlanDraft = {
      ...draft,
      remindersAsked: true,
      reminders:
        reminderAt || secondAt || followUpAt
          ? { reminderAt, secondAt, followUpAt, ...(chosen?.length ? { anyHour: chosen } : {}) }
          : undefined,
    };
    const { plan } = await this.save(context, asked);
    try {
      await scheduleReminders(this.deps.scheduler, plan, this.target(context, asked));
    } catch {
      // The plan stays saved; without working reminders, it must not claim to have any.
      await this.deps.plans.save(context, { ...plan, reminders: undefined });
      return {
        draft: { ...asked, id: plan.id, reminders: undefined },
        say: strings.text('appointment.reminderFailed'),
      };
    }
    const at = (iso: string) =>
      asked.when ? formatInstant(new Date(iso), zoneOf(asked.when), strings, clock()) : iso;
    const lines: string[] = [];
    const announced = said.announce === 'secondAt' ? secondAt : said.announce === 'reminderAt' && reminderAt;
    if (announced) lines.push(strings.text('appointment.reminderSet', { at: at(announced) }));
    if (said.announce === 'followUpAt' && followUpAt) {
      lines.push(strings.text('appointment.followUpSet', { at: at(followUpAt) }));
    }
    // A saved plan's reminder removed ("no reminder"): said once, in those words.
    const removed = said.announce === 'reminderAt' && !reminderAt;
    if (removed) lines.push(strings.text('appointment.reminderRemoved'));
    else if (said.last) {
      lines.push(strings.text(asked.reminders ? 'appointment.remindersOffHint' : 'appointment.noReminders'));
    }
    return { draft: { ...asked, id: plan.id }, say: lines.join(' ') };
  }

  /** Turns a plan's reminders off (its date is about to change). */
  async cancel(planId: string): Promise<void> {
    await cancelReminders(this.deps.scheduler, planId);
  }

  private view(plan: AppointmentPlan) {
    const { strings, content, clock } = this.deps;
    return planView(plan, { strings, content, now: clock() });
  }

  /** Where reminders go: this conversation, for this person. */
  private target(context: TurnContext, draft: PlanDraft) {
    const { activity } = context;
    const { strings, clock } = this.deps;
    return {
      userKey: userStateKey(activity.channelId, activity.from.id),
      reference: TurnContext.getConversationReference(activity),
      whenText: draft.when ? formatWhen(draft.when, strings, clock()) : '',
    };
  }
}
