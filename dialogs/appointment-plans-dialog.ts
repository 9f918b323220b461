import {
  type DialogContext,
  type DialogTurnResult,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import {
  type ChoiceSpec,
  choiceOf,
  matchChoice,
  QUESTION_STYLE,
  questionActivity,
} from '../src/appointments/choices.js';
import { type AppointmentPlan, MAX_ANSWER_LENGTH } from '../src/appointments/plan.js';
import { planMessages, planTextActivities } from '../src/appointments/plan-card.js';
import { planView } from '../src/appointments/plan-view.js';
import { remindable, reminderRequestIn } from '../src/appointments/reminder-request.js';
import { cancelReminders } from '../src/appointments/reminders.js';
import { retimeIn } from '../src/appointments/retime.js';
import { formatWhen } from '../src/appointments/when.js';
import type { StringKey } from '../src/content/strings.js';
import { type DeleteRequest, deleteRequestIn, itemToDelete } from '../src/language/delete-request.js';
import { foldAnswer, showsNumbers, typedAnswerReader } from '../src/language/typed-answer.js';
import {
  APPOINTMENT_DIALOG_ID,
  AppointmentDialog,
  type AppointmentDialogOptions,
  type AppointmentFeature,
} from './appointment-dialog.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog, type LeftResult } from './interruptible-dialog.js';
import type { OpenPromptOptions } from './open-choice.js';

/** Stored in conversation state: renaming it strands conversations in it. */
export const APPOINTMENT_PLANS_DIALOG_ID = 'appointmentPlans';
const STEPS = 'appointmentPlansSteps';
const TEXT = 'appointmentPlansText';
const MAX_NEXT_STEPS = 20;

/** What "my plans" needs beside the common dialog deps: the appointment feature's parts (a reminder is moved there). */
export type AppointmentPlansFeature = AppointmentFeature;

/**
 * Begin options: open one plan at once (a reminder's button), and optionally go straight to
 * writing its next steps (the check-in after the appointment), or to moving its reminder as
 * `text` asks ("change my reminder to 7pm": the plan named there, or the only one ahead).
 */
export interface AppointmentPlansOptions {
  planId?: string;
  action?: 'nextSteps' | 'reminder' | 'retime';
  text?: string;
}

type Screen = 'list' | 'actions' | 'nextSteps' | 'confirmDelete';
interface PlansState {
  screen: Screen;
  planId?: string;
  misses: number;
  /** The words that asked to move a reminder, for the plan picked from the list. */
  reminder?: string;
}

/**
 * "my plans": the saved appointment plans, newest first. One can be opened (as a card), sent as
 * plain text to copy, given next steps after the appointment, have its reminders turned off, or
 * be deleted (after a yes; its reminders go with it).
 */
export class AppointmentPlansDialog extends InterruptibleDialog {
  constructor(
    deps: DialogDeps,
    private readonly appointments: AppointmentPlansFeature,
  ) {
    super(APPOINTMENT_PLANS_DIALOG_ID, deps);
    const { plans, scheduler, content, clock } = appointments ?? {};
    if (!plans || !scheduler || !content || !clock) {
      throw new Error('AppointmentPlansDialog needs plans, scheduler, content and clock');
    }
    this.addDialog(new TextPrompt(TEXT))
      .addDialog(new AppointmentDialog(deps, appointments))
      .addDialog(
        new WaterfallDialog<PlansState>(STEPS, [
          this.ask.bind(this),
          this.take.bind(this),
          this.afterReminder.bind(this),
        ]),
      );
    this.initialDialogId = STEPS;
  }

  /** Opens the list, or the named plan; with no plans, says how to make one. */
  protected override async onBeginDialog(innerDc: DialogContext, options?: AppointmentPlansOptions) {
    const plans = await this.appointments.plans.list(innerDc.context);
    if (plans.length === 0) {
      await innerDc.context.sendActivity(this.deps.strings.text('plans.none'));
      return innerDc.endDialog();
    }
    if (options?.action === 'reminder' || options?.action === 'retime') {
      const text = options.text ?? '';
      const ahead = plans.filter((p) => remindable(p, this.appointments.clock()));
      const named = ahead.length === 1 ? ahead[0] : this.planNamed(ahead, text);
      if (named) return innerDc.beginDialog(APPOINTMENT_DIALOG_ID, this.moving(named.id, text));
      await innerDc.context.sendActivity(this.deps.strings.text('plans.reminderWhich'));
      return innerDc.beginDialog(STEPS, { screen: 'list', misses: 0, reminder: text } satisfies PlansState);
    }
    const plan = plans.find((p) => p.id === options?.planId);
    if (!plan) return innerDc.beginDialog(STEPS, { screen: 'list', misses: 0 } satisfies PlansState);
    await this.show(innerDc, plan);
    const screen: Screen = options?.action === 'nextSteps' ? 'nextSteps' : 'actions';
    return innerDc.beginDialog(STEPS, { screen, planId: plan.id, misses: 0 } satisfies PlansState);
  }

  private async ask(step: WaterfallStepContext<PlansState>): Promise<DialogTurnResult> {
    const state = step.options;
    const question = await this.question(step, state);
    const { choices } = question;
    const { channelId } = step.context.activity;
    // From the second miss on, the shared re-ask (the options named, the menu and a person offered).
    const text =
      state.misses >= 2
        ? typedAnswerReader(this.deps.strings).retryText(
            {
              options: choices,
              numbered: showsNumbers(
                channelId,
                QUESTION_STYLE,
                choices.map((choice) => choice.label),
              ),
            },
            state.misses,
          )
        : question.text;
    const prompt = questionActivity(channelId, text, choices);
    const listsPlans = state.screen === 'list' || state.screen === 'actions';
    return step.prompt(TEXT, {
      prompt,
      choices: choices.map((c) => ({ value: c.label, synonyms: [...c.synonyms] })),
      ...(listsPlans ? { deletesItems: true } : {}),
    } satisfies OpenPromptOptions);
  }

  private async take(step: WaterfallStepContext<PlansState>): Promise<DialogTurnResult> {
    const state = step.options;
    const text = String(step.result ?? '').trim();
    const { choices } = await this.question(step, state);
    const choice = matchChoice(this.deps.strings, text, choices, {
      numbered: showsNumbers(
        step.context.activity.channelId,
        QUESTION_STYLE,
        choices.map((choice) => choice.label),
      ),
    })?.value;
    const plan = state.planId ? await this.appointments.plans.get(step.context, state.planId) : undefined;
    const deleting = deleteRequestIn(this.deps.strings, text);
    if (deleting && (state.screen === 'list' || state.screen === 'actions'))
      return this.askToDelete(step, state, deleting);
    // "benefits office. i need change to 9:30": the plan named, and its time changed.
    const retimes = state.reminder === undefined && retimeIn(this.deps.strings, text) !== undefined;
    if (state.screen === 'list')
      return this.pick(
        step,
        retimes ? { ...state, reminder: text } : state,
        choice ?? this.planNamed(await this.appointments.plans.list(step.context), text)?.id,
      );
    if (!plan) {
      await step.context.sendActivity(this.deps.strings.text('plans.notFound'));
      return this.to(step, { screen: 'list', misses: 0 });
    }
    if (state.screen === 'nextSteps') return this.saveNextSteps(step, plan, text);
    if (state.screen === 'confirmDelete') return this.confirmDelete(step, plan, choice);
    // The button, or "change the reminder to 7pm please", "no reminder": the time in the words is read.
    const reminder =
      choice === 'reminder' ||
      (!choice && (reminderRequestIn(this.deps.strings, text) || retimeIn(this.deps.strings, text)));
    if (reminder && remindable(plan, this.appointments.clock()))
      return step.beginDialog(APPOINTMENT_DIALOG_ID, this.moving(plan.id, text));
    return this.act(step, state, plan, choice);
  }

  /** The question for each screen, with its buttons. */
  private async question(
    step: WaterfallStepContext<PlansState>,
    state: PlansState,
  ): Promise<{ text: string; choices: ChoiceSpec[] }> {
    const { strings } = this.deps;
    const c = (value: string, label: StringKey) => choiceOf(strings, value, label);
    const plans = await this.appointments.plans.list(step.context);
    const plan = plans.find((p) => p.id === state.planId);
    const again = state.misses > 0;
    switch (state.screen) {
      case 'list':
        return {
          text: strings.text(again ? 'plans.askWhichAgain' : 'plans.askWhich'),
          choices: [
            ...plans.map((p) => ({ value: p.id, label: this.label(p), synonyms: [] })),
            c('done', 'plans.actionDone'),
          ],
        };
      case 'nextSteps':
        return { text: strings.text('plans.askNextSteps'), choices: [] };
      case 'confirmDelete':
        return {
          text: strings.text('plans.confirmDelete'),
          choices: [c('yes', 'plans.deleteYes'), c('no', 'plans.deleteNo')],
        };
      default:
        return {
          text: strings.text(again ? 'plans.askActionAgain' : 'plans.askAction'),
          choices: [
            c('text', 'plans.actionText'),
            c('nextSteps', 'plans.actionNextSteps'),
            ...(plan && remindable(plan, this.appointments.clock())
              ? [c('reminder', 'plans.actionReminder')]
              : []),
            ...(plan?.reminders ? [c('remindersOff', 'plans.actionRemindersOff')] : []),
            c('delete', 'plans.actionDelete'),
            ...(plans.length > 1 ? [c('others', 'plans.actionOthers')] : []),
            c('done', 'plans.actionDone'),
          ],
        };
    }
  }

  /** A plan picked from the list is shown as a card, then what to do with it. */
  private async pick(step: WaterfallStepContext<PlansState>, state: PlansState, choice: string | undefined) {
    if (choice === 'done') return this.close(step);
    const plan = choice ? await this.appointments.plans.get(step.context, choice) : undefined;
    if (!plan) return this.to(step, { ...state, misses: state.misses + 1 });
    if (state.reminder !== undefined && remindable(plan, this.appointments.clock()))
      return step.beginDialog(APPOINTMENT_DIALOG_ID, this.moving(plan.id, state.reminder));
    await this.show(step, plan);
    return this.to(step, { screen: 'actions', planId: plan.id, misses: 0 });
  }

  private async act(
    step: WaterfallStepContext<PlansState>,
    state: PlansState,
    plan: AppointmentPlan,
    choice: string | undefined,
  ) {
    const { strings } = this.deps;
    const stay = (said?: string) =>
      this.to(step, { screen: 'actions', planId: plan.id, misses: said ? 0 : state.misses + 1 });
    switch (choice) {
      case 'text':
        await step.context.sendActivities(planTextActivities(this.view(plan)));
        return this.to(step, { ...state, misses: 0 });
      case 'nextSteps':
        return this.to(step, { screen: 'nextSteps', planId: plan.id, misses: 0 });
      case 'remindersOff':
        await cancelReminders(this.appointments.scheduler, plan.id);
        await this.appointments.plans.save(step.context, { ...plan, reminders: undefined });
        await step.context.sendActivity(strings.text('plans.remindersOff'));
        return stay('said');
      case 'delete':
        return this.to(step, { screen: 'confirmDelete', planId: plan.id, misses: 0 });
      case 'others':
        return this.to(step, { screen: 'list', misses: 0 });
      case 'done':
        return this.close(step);
      default:
        return stay();
    }
  }

  /** Next steps in the person's words, added to the plan (several at once, split at commas). */
  private async saveNextSteps(step: WaterfallStepContext<PlansState>, plan: AppointmentPlan, text: string) {
    const steps = text
      .split(/[,;\n]+/)
      .map((s) => s.trim().slice(0, MAX_ANSWER_LENGTH))
      .filter((s) => s.length > 0);
    const nextSteps = [...plan.nextSteps, ...steps].slice(-MAX_NEXT_STEPS);
    const updatedAt = this.appointments.clock().toISOString();
    await this.appointments.plans.save(step.context, { ...plan, nextSteps, updatedAt });
    await step.context.sendActivity(this.deps.strings.text('plans.nextStepsSaved'));
    return this.to(step, { screen: 'actions', planId: plan.id, misses: 0 });
  }

  /**
   * "delete 1", "delete the dentist one", "get rid of that plan": that plan's delete, confirmed
   * first (named, when it was picked from the list). Unclear which: the list, asked again.
   */
  private async askToDelete(
    step: WaterfallStepContext<PlansState>,
    state: PlansState,
    request: DeleteRequest,
  ) {
    const plans = await this.appointments.plans.list(step.context);
    const id = itemToDelete(this.deps.strings, request, this.items(plans), state.planId);
    const plan = plans.find((p) => p.id === id);
    if (!plan) return this.to(step, { screen: 'list', misses: state.misses + 1 });
    if (plan.id !== state.planId)
      await step.context.sendActivity(
        this.deps.strings.text('plans.aboutToDelete', { plan: this.label(plan) }),
      );
    return this.to(step, { screen: 'confirmDelete', planId: plan.id, misses: 0 });
  }

  /** Deletes only on a clear yes; anything else keeps the plan. */
  private async confirmDelete(
    step: WaterfallStepContext<PlansState>,
    plan: AppointmentPlan,
    choice: string | undefined,
  ) {
    const { strings } = this.deps;
    if (choice !== 'yes') {
      await step.context.sendActivity(strings.text('plans.kept'));
      return this.to(step, { screen: 'actions', planId: plan.id, misses: 0 });
    }
    await cancelReminders(this.appointments.scheduler, plan.id);
    await this.appointments.plans.remove(step.context, plan.id);
    await step.context.sendActivity(strings.text('plans.deleted'));
    const left = await this.appointments.plans.list(step.context);
    return left.length > 0 ? this.to(step, { screen: 'list', misses: 0 }) : step.endDialog();
  }

  private async close(step: WaterfallStepContext<PlansState>) {
    await step.context.sendActivity(this.deps.strings.text('plans.closed'));
    return step.endDialog();
  }

  private async show(dc: DialogContext, plan: AppointmentPlan): Promise<void> {
    await dc.context.sendActivities(planMessages(this.view(plan), this.deps.strings.text('plans.opened')));
  }

  /**
   * Once the reminder was moved (or kept), what to do with that plan comes again; "cancel" or
   * "menu" said there leaves "my plans" too.
   */
  private async afterReminder(step: WaterfallStepContext<PlansState>): Promise<DialogTurnResult> {
    const result = step.result as { planId?: string } | LeftResult | undefined;
    if (result && 'left' in result) return step.endDialog(result);
    const planId = result?.planId ?? step.options.planId;
    if (!planId) return this.to(step, { screen: 'list', misses: 0 });
    return this.to(step, { screen: 'actions', planId, misses: 0 });
  }

  /** To the appointment dialog: the plan's time changed ("its 9:30 not 9"), or its reminder moved. */
  private moving(planId: string, text: string): AppointmentDialogOptions {
    const retimes = !reminderRequestIn(this.deps.strings, text) && retimeIn(this.deps.strings, text);
    return retimes ? { retimeFor: planId, text } : { reminderFor: planId, text };
  }

  /**
   * The plans as options to name: "the first one", "2", "the prescriber one", "the Dr. Patel
   * one", "the one on the 15th" (its label's words, who it is with and its kind).
   */
  private items(plans: readonly AppointmentPlan[]) {
    const { strings } = this.deps;
    return plans.map((p) => ({
      value: p.id,
      label: this.label(p),
      synonyms: [
        ...(p.provider ? [p.provider] : []),
        strings.text(this.appointments.content.types[p.type].label),
      ],
    }));
  }

  /** The plan `text` names among `plans`, by position, label, kind or who it is with. */
  private planNamed(plans: readonly AppointmentPlan[], text: string): AppointmentPlan | undefined {
    const items = this.items(plans);
    const picked = typedAnswerReader(this.deps.strings).read(text, { options: items, numbered: true });
    // "The prescriber one on the 15th.": the only plan whose kind or provider is named in it
    // (a word of it is enough: "counselor" names "Counselor/therapist").
    const said = new Set(foldAnswer(text).split(' '));
    const named = items.filter((item) =>
      item.synonyms.some((words) =>
        foldAnswer(words)
          .split(' ')
          .some((word) => word.length >= 5 && said.has(word)),
      ),
    );
    const id = picked?.value ?? (named.length === 1 ? named[0]?.value : undefined);
    return plans.find((p) => p.id === id);
  }

  /** "Housing, Friday, May 9": how a plan is named in the list. */
  private label(plan: AppointmentPlan): string {
    const { strings } = this.deps;
    const type = strings.text(this.appointments.content.types[plan.type].label);
    const when = plan.when
      ? formatWhen(plan.when, strings, this.appointments.clock())
      : strings.text('plans.noDate');
    return strings.text('plans.label', { type, when });
  }

  private view(plan: AppointmentPlan) {
    return planView(plan, {
      strings: this.deps.strings,
      content: this.appointments.content,
      now: this.appointments.clock(),
    });
  }

  private to(step: WaterfallStepContext<PlansState>, state: PlansState): Promise<DialogTurnResult> {
    return step.replaceDialog(STEPS, state);
  }
}
