import type { TurnContext } from 'botbuilder';
import {
  type DialogContext,
  type DialogTurnResult,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { AfterAnswers, type AfterOutcome } from '../src/appointments/after-answers.js';
import { type Asides, asidesIn } from '../src/appointments/asides.js';
import {
  type ChoiceSpec,
  isOneOf,
  matchChoice,
  QUESTION_STYLE,
  questionActivity,
} from '../src/appointments/choices.js';
import type { AppointmentContent } from '../src/appointments/content.js';
import {
  MAX_ANSWER_LENGTH,
  MAX_QUESTIONS,
  type PlanDraft,
  type PrepField,
  prepFields,
} from '../src/appointments/plan.js';
import { PlanKeeper } from '../src/appointments/plan-keeper.js';
import type { PlanStore } from '../src/appointments/plan-store.js';
import { type AnswerInput, type Outcome, PrepAnswers } from '../src/appointments/prep-answers.js';
import { PrepQuestions } from '../src/appointments/prep-questions.js';
import {
  markAnswered,
  nextField,
  type PrepState,
  type StepName,
  skippable,
} from '../src/appointments/prep-state.js';
import { questionEdit, splitAtRemove, ventIn } from '../src/appointments/question-edits.js';
import { datesInZone, prefilledState, recognizeInZone } from '../src/appointments/recognize.js';
import { draftOf, reminderRequestIn } from '../src/appointments/reminder-request.js';
import type { ReminderScheduler } from '../src/appointments/reminders.js';
import { retimeIn, shiftedReminders } from '../src/appointments/retime.js';
import { saidDetails } from '../src/appointments/said-details.js';
import { twoReminders, withDayParts } from '../src/appointments/two-reminders.js';
import { correctedDate, type FindDates, formatWhen, isPast, onlyDate } from '../src/appointments/when.js';
import { type CheckedAnswer, checkAnswer, sideAnswer } from '../src/language/answer-check.js';
import { isPlainFarewell } from '../src/language/farewell.js';
import type {
  WayfinderRecognition,
  WayfinderRecognizer,
} from '../src/language/intents/wayfinder-recognizer.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import { splitAtWords } from '../src/language/sentences.js';
import { type EditPart, spokenEdit } from '../src/language/spoken-edit.js';
import { sentencesOf, showsNumbers, typedAnswerReader, withoutLead } from '../src/language/typed-answer.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog, type LeftResult } from './interruptible-dialog.js';
import type { OpenPromptOptions } from './open-choice.js';

/** Stored in conversation state: renaming it strands conversations in it. */
export const APPOINTMENT_DIALOG_ID = 'appointment';
const STEPS = 'appointmentSteps';
const TEXT = 'appointmentText';

/** What the appointment feature needs beside the common dialog deps. */
export interface AppointmentFeature {
  recognizer: WayfinderRecognizer;
  plans: PlanStore;
  scheduler: ReminderScheduler;
  content: AppointmentContent;
  clock: () => Date;
  /** New plan ids (random UUIDs by default; they also name scheduled reminders, across people). */
  newId?: () => string;
}

/** Begin options: what the person already said ("my counselor next Tuesday at 3") is not asked again. */
export interface AppointmentDialogOptions {
  recognition?: WayfinderRecognition | undefined;
  /** The words that asked for it, when not this turn's ("yes" to "did you mean ...?"). */
  text?: string | undefined;
  /**
   * A saved plan whose reminder to move or remove ("change the reminder to 7pm", from "my
   * plans"): the new time in `text` (or this turn's words) is checked, else asked for.
   */
  reminderFor?: string;
  /** A saved plan whose time `text` changes ("actually its 9:30 not 9"): shown again to save. */
  retimeFor?: string;
}

/**
 * How the dialog ended: a saved plan (and maybe what the person wants next, for the caller to
 * route: rehearsing the opening in practice mode, or peer support), or "cancel"/"menu". A change
 * of topic mid-plan is handled by the base dialog (it closes every dialog and the bot routes).
 */
export type AppointmentDialogResult = { planId?: string; next?: 'practice' | 'peerGroup' } | LeftResult;

/**
 * Getting ready for an appointment, one question at a time (kind, when, the one thing to walk out
 * with, questions, barriers, what to bring, support, what to share, how things are explained),
 * ending with the plan shown as a card to save or change, then optional reminders, and what next. At every question: help,
 * cancel, menu and a change of topic (the base), "back", "skip", and an unclear answer re-asked
 * differently, then with an offer to skip. Each turn is one step of a small state machine
 * (src/appointments/prep-state.ts) kept in the dialog's options; the words and the reading of
 * answers live in src/appointments, so the steps here only ask, read and act.
 */
export class AppointmentDialog extends InterruptibleDialog {
  /** Asking for appointment help again, mid-plan, is an answer here, not a change of topic. */
  protected override readonly feature = 'appointment' as const;
  private readonly questions: PrepQuestions;
  private readonly answers: PrepAnswers;
  private readonly after: AfterAnswers;
  private readonly keeper: PlanKeeper;

  constructor(
    deps: DialogDeps,
    private readonly appointments: AppointmentFeature,
  ) {
    super(APPOINTMENT_DIALOG_ID, deps);
    const { recognizer, plans, scheduler, content, clock } = appointments ?? {};
    if (!recognizer || !plans || !scheduler || !content || !clock) {
      throw new Error('AppointmentDialog needs recognizer, plans, scheduler, content and clock');
    }
    this.questions = new PrepQuestions(deps.strings, content);
    this.answers = new PrepAnswers(deps.strings, content, this.questions);
    this.after = new AfterAnswers(deps.strings);
    this.keeper = new PlanKeeper({ ...appointments, strings: deps.strings });
    this.addDialog(new TextPrompt(TEXT)).addDialog(
      new WaterfallDialog<PrepState>(STEPS, [this.ask.bind(this), this.take.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  /**
   * "why does it say meeting attendance. i dont go to meetings": saying recovery does not apply
   * is read here (recovery left out of the plan), never taken as asking for a peer group.
   */
  protected override switchesTopics(text?: string): boolean {
    return !saysAnyOf(this.deps.strings, 'appointment.notInRecoveryWords', text);
  }

  /** Says how this works, notes what was already said, and asks the first open question. */
  protected override async onBeginDialog(innerDc: DialogContext, options?: AppointmentDialogOptions) {
    if (options?.reminderFor) return this.beginMove(innerDc, options.reminderFor, options.text);
    if (options?.retimeFor) return this.beginRetime(innerDc, options.retimeFor, options.text);
    const { strings } = this.deps;
    const { content, clock } = this.appointments;
    const { context } = innerDc;
    const findDates = this.findDates(context);
    const said = options?.text ?? context.activity.text ?? '';
    const details = options?.recognition ? saidDetails(strings, said) : {};
    const topic = details.topic && strings.text('appointment.topicQuestion', { topic: details.topic });
    const prefilled = prefilledState(options?.recognition, said, findDates, clock(), {
      ...details,
      ...(topic ? { topic } : {}),
    });
    // "fyi im not in recovery or anything so dont go there": no recovery question, line or item.
    const notInRecovery = saysAnyOf(strings, 'appointment.notInRecoveryWords', said);
    const state = notInRecovery
      ? { ...prefilled, draft: { ...prefilled.draft, notInRecovery: true } }
      : prefilled;
    const { type, when } = state.draft;
    const facts = [
      ...(type ? [strings.text(content.types[type].label)] : []),
      ...(details.provider ? [details.provider] : []),
      ...(when ? [formatWhen(when, strings, clock())] : []),
    ];
    const notes = [
      ...(facts.length ? [strings.text('appointment.noted', { facts: facts.join(', ') })] : []),
      ...(topic ? [strings.text('appointment.topicNoted', { question: topic })] : []),
      ...(notInRecovery ? [strings.text('appointment.recoveryNoted')] : []),
    ];
    const noted = notes.map((note) => `\n\n${note}`).join('');
    await context.sendActivity(`${strings.text('appointment.intro')}${noted}`);
    return innerDc.beginDialog(STEPS, state);
  }

  /**
   * Moving a saved plan's reminder: the words that asked are read as the answer to "when should
   * I remind you?" (a time to check, "no reminder"), or that question is asked with the time set.
   */
  private async beginMove(innerDc: DialogContext, planId: string, text?: string) {
    const plan = await this.appointments.plans.get(innerDc.context, planId);
    if (!plan?.when || isPast(plan.when, this.appointments.clock())) {
      await innerDc.context.sendActivity(this.deps.strings.text('plans.notFound'));
      return innerDc.endDialog();
    }
    const state: PrepState = {
      draft: draftOf(plan),
      step: 'reminderTime',
      history: [],
      misses: 0,
      reviewing: false,
      moving: 'alone',
    };
    const split = this.splitReminders(state, text ?? innerDc.context.activity.text ?? '');
    const said = split.text;
    const request = reminderRequestIn(this.deps.strings, said);
    const input = (words: string) => this.input(innerDc.context, words, undefined, false);
    // "add one more tuesday 7 in the morning": a second reminder beside the one set.
    const added = !said && split.state.thenReminder;
    const outcome = added
      ? this.after.second(state.draft, input(added))
      : request === 'change' || request === 'remove'
        ? this.after.answer(split.state, input(said))
        : undefined;
    if (outcome?.kind === 'goto') {
      if (outcome.say?.length) await innerDc.context.sendActivity(outcome.say.join('\n\n'));
      return innerDc.beginDialog(STEPS, { ...split.state, ...outcome.state });
    }
    if (outcome?.kind === 'remind') {
      const { say } = await this.keeper.remind(innerDc.context, outcome.draft, {
        last: true,
        announce: 'reminderAt',
      });
      await innerDc.context.sendActivity(say);
      return innerDc.endDialog({ planId } satisfies AppointmentDialogResult);
    }
    return innerDc.beginDialog(STEPS, state);
  }

  /**
   * A saved plan's time changed in words ("hola. actually its 9:30 my cita not 9"): the new time
   * is read against the plan's date (the day is kept), its reminders move with it, and the plan
   * is shown again to save; nothing changes before the person says so.
   */
  private async beginRetime(innerDc: DialogContext, planId: string, text?: string) {
    const { context } = innerDc;
    const plan = await this.appointments.plans.get(context, planId);
    const state = plan && (await this.retime(context, draftOf(plan), text ?? context.activity.text ?? ''));
    if (!state) {
      await context.sendActivity(this.deps.strings.text('plans.notFound'));
      return innerDc.endDialog();
    }
    return innerDc.beginDialog(STEPS, state);
  }

  /**
   * The saved plan `draft` at its new time, said and shown to save (its reminders moved by the
   * days it moved), or its check ("that's Sunday: is that right?"); undefined when no time works.
   */
  private async retime(context: TurnContext, draft: PlanDraft, text: string): Promise<PrepState | undefined> {
    const { strings } = this.deps;
    const words = retimeIn(strings, text);
    const outcome = words && this.answers.corrected(draft, this.input(context, words, undefined, false));
    if (!draft.when || !outcome || outcome.kind === 'miss') return undefined;
    const state: PrepState = { draft, step: 'when', history: [], misses: 0, reviewing: true };
    if (outcome.kind !== 'next' || !outcome.draft.when) {
      // A day that may be another, or a time to ask: checked first, then the plan again.
      if (outcome.say?.length) await context.sendActivity(outcome.say.join('\n\n'));
      return outcome.kind === 'goto' ? { ...state, ...outcome.state } : state;
    }
    const when = outcome.draft.when;
    const reminders = shiftedReminders(draft.reminders, draft.when.start, when.start);
    const type = strings.text(this.appointments.content.types[draft.type ?? 'other'].label);
    const said = [
      strings.text('appointment.retimed', {
        type,
        when: formatWhen(when, strings, this.appointments.clock()),
      }),
      ...(reminders ? [strings.text('appointment.retimedReminders')] : []),
    ];
    await context.sendActivity(said.join(' '));
    const moved = { ...draft, when, reminders };
    await context.sendActivities(
      this.keeper.card(this.keeper.plan(moved), strings.text('appointment.review')),
    );
    return { ...state, draft: moved, step: 'review', reviewing: false };
  }

  /** Asks the question the state is at, with buttons where the choices are fixed. */
  private async ask(step: WaterfallStepContext<PrepState>): Promise<DialogTurnResult> {
    const question = this.questions.ask(this.state(step), this.appointments.clock());
    const prompt = questionActivity(step.context.activity.channelId, question.text, question.choices);
    // The choices ride along (TextPrompt ignores them) so the base dialog knows a button's words
    // are an answer here, never a command or a change of topic.
    const choices = question.choices.map((c) => ({ value: c.label, synonyms: [...c.synonyms] }));
    // At the questions, a medical or legal question is declined and kept as one to ask them.
    const collects = this.state(step).step === 'questions';
    const options: OpenPromptOptions = { prompt, choices, ...(collects ? { collectsQuestions: true } : {}) };
    return step.prompt(TEXT, options);
  }

  /** Reads the answer: first what works at every question (back, skip, keep), then the question's own. */
  private async take(step: WaterfallStepContext<PrepState>): Promise<DialogTurnResult> {
    return this.read(step, this.state(step));
  }

  private async read(
    step: WaterfallStepContext<PrepState>,
    state: PrepState,
    answer?: string,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const typed = (answer ?? String(step.result ?? '')).trim();
    if (typed.length > MAX_ANSWER_LENGTH) {
      await step.context.sendActivity(strings.text('appointment.tooLong', { max: MAX_ANSWER_LENGTH }));
      return this.to(step, state);
    }
    const renamed = this.renamed(state, typed);
    if (renamed) {
      const provider = renamed.state.draft.provider ?? '';
      await step.context.sendActivity(strings.text('appointment.providerChanged', { provider }));
      // At the review the plan is shown again with the name, still unsaved.
      if (state.step === 'review') return this.finish(step, renamed.state);
      if (!renamed.rest) return this.to(step, renamed.state);
      return this.read(step, renamed.state, renamed.rest);
    }
    // "actually its 9:30 not 9", right after saving: the saved plan's time changed.
    const saved =
      state.step === 'next' && state.draft.id && !reminderRequestIn(strings, typed)
        ? await this.appointments.plans.get(step.context, state.draft.id)
        : undefined;
    // The plan as stored: its reminders may have moved in "my plans" since this dialog saved it.
    const retimed = saved && (await this.retime(step.context, draftOf(saved), typed));
    if (retimed) return this.to(step, retimed);
    // "no. thx bye" once saved (Luis): the plan stays, no reminder is set, and the goodbye is said back.
    if (state.draft.id && reminderSteps.has(state.step) && this.saysNoAndBye(typed)) {
      await step.context.sendActivity(strings.text('smallTalk.goodbye', {}, typed.length));
      return step.endDialog({ planId: state.draft.id } satisfies AppointmentDialogResult);
    }
    if (reminderSteps.has(state.step)) {
      const split = this.splitReminders(state, typed);
      if (split.text) return this.readTimes(step, split.state, split.text);
      return (await this.secondReminder(step, split.state)) ?? this.to(step, split.state);
    }
    return this.readTimes(step, state, typed);
  }

  /**
   * "the day before at 8 in the night, and the morning at 7": the first time is read now, the
   * second once the first is set; "add one more tuesday 7 in the morning" is a second beside the
   * one set. "8 de la noche" is read as 8 PM, never as an hour the person did not say.
   */
  private splitReminders(state: PrepState, text: string): { state: PrepState; text: string } {
    const { strings } = this.deps;
    const timed = withDayParts(strings, text);
    const two = twoReminders(strings, timed, state.draft.reminders?.reminderAt !== undefined);
    if (!two) return { state, text: timed };
    return { state: { ...state, thenReminder: two.second }, text: two.first };
  }

  /**
   * The second reminder asked for: to the check of its time, or, when no time in its words works,
   * said so (and undefined, for the caller to go on).
   */
  private async secondReminder(step: WaterfallStepContext<PrepState>, state: PrepState) {
    const { thenReminder: words, ...at } = state;
    if (!words) return undefined;
    const outcome = this.after.second(at.draft, this.input(step.context, words, undefined, false));
    if (outcome?.kind === 'goto') return this.to(step, { ...at, ...outcome.state });
    await step.context.sendActivity(this.deps.strings.text('appointment.secondNotRead', { words }));
    return undefined;
  }

  private async readTimes(
    step: WaterfallStepContext<PrepState>,
    state: PrepState,
    text: string,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const shown = this.questions.ask(state, this.appointments.clock()).choices;
    // Numbers are ranks at the ranking question, never picks.
    const numbered =
      state.step !== 'topQuestions' &&
      showsNumbers(
        step.context.activity.channelId,
        QUESTION_STYLE,
        shown.map((choice) => choice.label),
      );
    const matched = matchChoice(strings, text, shown, { numbered }) ?? this.afterFiller(text, shown);
    const choice = matched?.value;
    if (state.offeredQuestion) return this.afterOffer(step, state, choice ?? this.acceptsOffer(text));
    // "nothing. can i get a reminder the night before": what is said beside the answer is not kept as it.
    const whole = matched?.how === 'exact' || matched?.how === 'position';
    const asides =
      !whole && asideSteps.has(state.step)
        ? asidesIn(strings, text, {
            recoveryQuestion: state.step === 'share',
            questionsApart: state.step === 'goal',
          })
        : undefined;
    if (asides) return this.aside(step, state, asides);
    // "plain words slowly. and spanish interpreter maybe": each way of explaining named is taken.
    const several = state.step === 'talk' && !whole ? this.severalPicks(text, shown) : [];
    if (several.length > 1) {
      let { draft } = state;
      const said: string[] = [];
      for (const pick of several) {
        const outcome = this.answers.answer({ ...state, draft }, this.input(step.context, pick, pick, true));
        if (outcome.kind !== 'again' && outcome.kind !== 'next') continue;
        draft = outcome.draft;
        said.push(...(outcome.say ?? []));
      }
      if (said.length) await step.context.sendActivity(said.join('\n\n'));
      return this.to(step, { ...state, draft, misses: 0 });
    }
    // "remove the last question" said at another question: the list loses it; this question again.
    const removing =
      !whole &&
      asideSteps.has(state.step) &&
      state.step !== 'questions' &&
      splitAtRemove(strings, text)[1] !== '' &&
      saysAnyOf(strings, 'appointment.questionNouns', text);
    if (removing) {
      const removal = questionEdit(strings, text, state.draft.questions.length);
      const out = removal?.kind === 'remove' ? removal.numbers : [];
      const questions = state.draft.questions.filter((_, i) => !out.includes(i + 1));
      const numbers = out.join(`${strings.text('answers.listJoin')} `);
      const said = numbers
        ? strings.text('appointment.questionsRemoved', { numbers })
        : strings.text('appointment.noQuestionToRemove');
      await step.context.sendActivity(said);
      return this.to(step, { ...state, draft: { ...state.draft, questions, topCount: 0 }, misses: 0 });
    }
    if (state.step === 'questions' && !matched) {
      const vent = ventIn(strings, text);
      if (vent) {
        await step.context.sendActivity(strings.text('appointment.ventHeard'));
        const words = checkAnswer(strings, vent.question, { options: [] }, { takesQuestions: true });
        const offered = words.kind === 'words' ? words.words : undefined;
        return this.to(step, { ...state, misses: 0, ...(offered ? { offeredQuestion: offered } : {}) });
      }
    }
    const stepWord = typedAnswerReader(strings).stepWord(text);
    if (stepWord === 'back') return this.back(step, state);
    // "claer it": a guess at "Clear the list" is asked again, never kept as a question nor a clear.
    if (!matched && typedAnswerReader(strings).guessesDestructive(text, { options: shown, numbered }))
      return this.missed(step, state);
    const skipWord = skippable.includes(state.step) && stepWord === 'skip';
    if (choice === 'skip' || skipWord) return this.skip(step, state);
    if (choice === 'keep' || this.keepsOrder(state, text)) return this.advance(step, state, state.draft);
    const exact = matched?.how === 'exact' || matched?.how === 'position';
    const redated = exact ? undefined : this.redated(step.context, state, text);
    if (redated?.kind === 'goto' && redated.state.step === 'review') {
      // At the review the plan is shown again with the new date, still unsaved.
      await step.context.sendActivity(redated.say?.join('\n\n') ?? '');
      return this.finish(step, { ...state, draft: redated.state.draft ?? state.draft });
    }
    if (redated) return this.follow(step, state, redated);
    // A loose pick ("what" is a word of "What I take") is checked too, and so is no pick at all.
    const loose = choice === undefined || (matched?.how !== 'exact' && matched?.how !== 'position');
    const checked = loose && ownWords.has(state.step) ? this.check(text, state, shown) : undefined;
    if (checked && checked.kind !== 'pick' && checked.kind !== 'words')
      return this.notKept(step, state, checked);
    const picked = checked?.kind === 'pick' ? checked.pick.value : choice;
    // Own words as checked: "its a refill" is kept as "a refill".
    const input = this.input(
      step.context,
      checked?.kind === 'words' ? checked.words : text,
      picked,
      picked !== choice || (matched?.how ?? 'sentence') !== 'sentence',
    );
    // At the review, a part named outright ("change the date", "my questions") is changed at once.
    const edited =
      state.step === 'review' && choice !== 'save' ? this.editAtReview(step, state, text) : undefined;
    if (edited) return edited;
    const after = this.after.answer(state, input);
    return after ? this.act(step, state, after) : this.follow(step, state, this.answers.answer(state, input));
  }

  /** The buttons each part of "plain words slowly. and spanish interpreter maybe" names, when every part names one. */
  private severalPicks(text: string, shown: readonly ChoiceSpec[]): string[] {
    const { strings } = this.deps;
    const parts = splitAtWords(text, strings.variants('appointment.joinWords'), '.,;');
    // "spanish interpreter maybe": a part names the one button its words name ("interpreter").
    const pickOf = (part: string) => {
      const whole = matchChoice(strings, part, shown)?.value;
      if (whole) return whole;
      const byWord = new Set(part.split(/\s+/).map((word) => matchChoice(strings, word, shown)?.value));
      byWord.delete(undefined);
      return byWord.size === 1 ? [...byWord][0] : undefined;
    };
    const picks = parts.map(pickOf);
    const named = picks.filter((value): value is string => value !== undefined && value !== 'done');
    return named.length === parts.length ? [...new Set(named)] : [];
  }

  /**
   * "its dr okafor not dr appt lol": who the appointment is with, said again once it was noted
   * (or at the kind and the review), is changed; the sentences that named them are not an answer.
   */
  private renamed(state: PrepState, text: string): { state: PrepState; rest: string } | undefined {
    const { strings } = this.deps;
    const { draft } = state;
    if (!draft.provider && state.step !== 'type' && state.step !== 'review') return undefined;
    const provider = saidDetails(strings, text).provider;
    if (!provider || provider === draft.provider) return undefined;
    const rest = sentencesOf(text)
      .filter((sentence) => !saidDetails(strings, sentence).provider)
      .join(' ');
    return { state: { ...state, draft: { ...draft, provider } }, rest };
  }

  /**
   * A date typed at a later question, alone or as a correction ("sorry i meant wednesday",
   * "actually 4pm"): the plan's date is changed (the hour or day not named is kept) and checked
   * like any date, then the question they were at comes again. Not before the date was asked,
   * nor once the plan is saved (a saved plan's date is changed from "Change an answer").
   */
  private redated(context: TurnContext, state: PrepState, text: string): Outcome | undefined {
    const { strings } = this.deps;
    if (!redatable.has(state.step) || state.draft.id || !state.draft.answered.includes('when'))
      return undefined;
    const findDates = this.findDates(context);
    const leads = strings.variants('appointment.dateLeads');
    // "it is the 15th not the 16th. Still 9am", "change the start time to 10": the date said in an edit.
    const edit = spokenEdit(strings, text, this.editParts());
    const told =
      !edit.plain && edit.action === 'replace' && (edit.part ?? 'when') === 'when' ? edit.value : undefined;
    const words =
      onlyDate(text, leads, findDates) ??
      correctedDate(text, leads, findDates) ??
      (told ? onlyDate(/^\d{1,2}(:\d\d)?$/.test(told) ? `at ${told}` : told, leads, findDates) : undefined);
    if (!words) return undefined;
    const outcome = this.answers.corrected(state.draft, this.input(context, words, undefined, false));
    if (outcome?.kind !== 'next' || !outcome.draft.when) return outcome;
    const when = formatWhen(outcome.draft.when, strings, this.appointments.clock());
    // The question they were at comes again (or the plan, at the review), not the next one.
    return {
      kind: 'goto',
      state: { step: state.step, draft: outcome.draft, misses: 0 },
      say: [strings.text('appointment.dateChanged', { when })],
    };
  }

  /**
   * "ugh no clear the list": a button's own words after filler, "no" or frustration are that button.
   */
  private afterFiller(text: string, shown: readonly ChoiceSpec[]) {
    const { strings } = this.deps;
    const reader = typedAnswerReader(strings);
    const words = text.split(/\s+/);
    for (let at = 1; at < words.length; at += 1) {
      const head = words.slice(0, at).join(' ');
      if (!reader.nonAnswer(head) && reader.yesOrNo(head) === undefined) return undefined;
      const rest = matchChoice(strings, words.slice(at).join(' '), shown);
      if (rest?.how === 'exact') return rest;
    }
    return undefined;
  }

  /**
   * What was said beside the answer: recovery left out for someone not in it, a reminder asked
   * for noted (its words answer the reminder question after saving), a question put to the bot
   * handed back and offered for the list, a complaint heard; then the answer left, if any, is
   * read, else "skip" skips and the question comes again.
   */
  private async aside(step: WaterfallStepContext<PrepState>, state: PrepState, asides: Asides) {
    const { strings } = this.deps;
    const say: string[] = [];
    let { draft } = state;
    if (asides.notInRecovery) {
      say.push(strings.text('appointment.recoveryLeftOut'));
      const { share: _share, ...rest } = draft;
      draft = { ...rest, notInRecovery: true };
    }
    if (asides.reminder) {
      say.push(strings.text('appointment.reminderNoted'));
      // "reminder??" after "a reminder the night before" adds nothing: the words with more are kept.
      const before = draft.reminderAsk ?? '';
      draft = { ...draft, reminderAsk: asides.reminder.length > before.length ? asides.reminder : before };
    }
    if (asides.sideQuestion) say.push(sideAnswer(strings, asides.sideQuestion));
    if (asides.askedUs) {
      const whom = draft.provider ?? strings.text('appointment.askedUsWhom');
      say.push(strings.text('appointment.askedUsHandBack', { whom }));
    } else if (asides.complaint && !asides.answer && say.length === 0) {
      say.push(`${strings.text('answers.upset')} ${strings.text('answers.upsetWayOut')}`);
    }
    if (say.length) await step.context.sendActivity(say.join('\n\n'));
    const at = { ...state, draft, misses: 0 };
    if (asides.askedUs && asides.answer) {
      // The goal is kept, then the question put to the bot is offered for the list.
      const kept = this.answers.answer(at, this.input(step.context, asides.answer, undefined, false));
      if (kept.kind === 'next')
        return this.advance(step, at, kept.draft, { offeredQuestion: asides.askedUs });
    }
    if (asides.askedUs) return this.to(step, { ...at, offeredQuestion: asides.askedUs });
    if (asides.answer) return this.read(step, at, asides.answer);
    if (asides.skip || (at.step === 'share' && draft.notInRecovery)) return this.skip(step, at);
    // Only a complaint: the question comes again in other words, as after any answer not understood.
    const onlyHeard = asides.complaint && !asides.reminder && !asides.notInRecovery;
    return onlyHeard ? this.missed(step, { ...state, draft }) : this.to(step, at);
  }

  /**
   * "Would you like this on your list?" after a vent or a question put to the bot: yes adds it to
   * the questions (and this question comes again), no leaves it out; anything else is read as a
   * new answer here.
   */
  private async afterOffer(
    step: WaterfallStepContext<PrepState>,
    offered: PrepState,
    choice: string | undefined,
  ) {
    const { offeredQuestion: question = '', ...state } = offered;
    if (choice === 'yes' && state.step !== 'questions') {
      await step.context.sendActivity(this.deps.strings.text('appointment.questionAdded'));
      const questions = [...state.draft.questions, question].slice(0, MAX_QUESTIONS);
      return this.to(step, { ...state, draft: { ...state.draft, questions, topCount: 0 } });
    }
    if (choice === 'yes')
      return this.follow(
        step,
        state,
        this.answers.answer(state, this.input(step.context, question, undefined, false)),
      );
    if (choice === 'no') {
      await step.context.sendActivity(this.deps.strings.text('appointment.ventLeftOut'));
      return this.to(step, state);
    }
    return this.read(step, state);
  }

  /** "bye", or a no and then a goodbye ("no. thx bye"): the no is to the question, the goodbye ends. */
  private saysNoAndBye(text: string): boolean {
    const { strings } = this.deps;
    const [first = '', ...rest] = sentencesOf(text);
    const noFirst = rest.length > 0 && typedAnswerReader(strings).yesOrNo(first) === false;
    return isPlainFarewell(strings, text) || (noFirst && isPlainFarewell(strings, rest.join(' ')));
  }

  /**
   * "yes put it on there", "ok add it": a yes with words that only say to add it accepts the
   * offered question (Dee's "put it on there" was kept as her question).
   */
  private acceptsOffer(text: string): 'yes' | undefined {
    const { strings } = this.deps;
    const [first = '', ...rest] = text.trim().split(/\s+/);
    const opensWithYes = typedAnswerReader(strings).yesOrNo(first) === true;
    const onlyAdd = isOneOf(strings, 'appointment.offerAcceptWords', rest.join(' '));
    return opensWithYes && onlyAdd ? 'yes' : undefined;
  }

  /**
   * At the ranking question, "yea", "idk", "thats all" or "ugh" rank nothing: the order stays as
   * it is and the plan goes on, rather than asking for numbers again and again.
   */
  private keepsOrder(state: PrepState, text: string): boolean {
    if (state.step !== 'topQuestions' || /\d/.test(text)) return false;
    const kind = checkAnswer(this.deps.strings, text, { options: [] }).kind;
    return kind === 'empty' || kind === 'upset' || state.misses >= 2;
  }

  /** An answer as the preparation and after-saving readers take it. */
  private input(context: TurnContext, text: string, choice: string | undefined, whole: boolean): AnswerInput {
    const { activity } = context;
    const known = signals.recognition.get(context);
    return {
      text,
      choice,
      choiceIsWhole: choice !== undefined && whole,
      // The bot recognized this message already (same text, zone and clock): reuse it.
      recognition: known && activity.text?.trim() === text ? known : this.recognize(activity, text),
      findDates: this.findDates(context),
      now: this.appointments.clock(),
    };
  }

  /** Reads an own-words answer for what it is before it goes into the plan (answer-check.ts). */
  private check(text: string, state: PrepState, shown: readonly ChoiceSpec[]): CheckedAnswer {
    return checkAnswer(
      this.deps.strings,
      text,
      { options: shown },
      { takesQuestions: state.step === 'questions' },
    );
  }

  /**
   * What is not an answer is not kept: "idk" or "yea" gets the question again with an example,
   * frustration a short "sorry" first (and the way to a person), a side question a word that it is
   * not saved, and a correction changes the answer before (or asks that question again).
   */
  private async notKept(step: WaterfallStepContext<PrepState>, state: PrepState, checked: CheckedAnswer) {
    const { strings } = this.deps;
    if (checked.kind === 'correction') return this.correct(step, state, checked.words);
    if (checked.kind === 'upset')
      await step.context.sendActivity(
        `${strings.text('answers.upset')} ${strings.text('answers.upsetWayOut')}`,
      );
    if (checked.kind === 'question') await step.context.sendActivity(sideAnswer(strings, checked.about));
    return this.missed(step, state);
  }

  /**
   * "no I meant the med doc": the answer before takes the new words (at a list, its last item),
   * or, when they do not answer it, its question comes again.
   */
  private async correct(step: WaterfallStepContext<PrepState>, state: PrepState, words: string) {
    const { strings } = this.deps;
    const here = matchChoice(strings, words, this.questions.ask(state, this.appointments.clock()).choices);
    // "no, I meant the second one" picks a button here: it answers this question.
    if (here)
      return this.follow(
        step,
        state,
        this.answers.answer(state, this.input(step.context, words, here.value, true)),
      );
    const list = listSteps.find((name) => name === state.step);
    const previous = state.history.at(-1);
    const before: PrepState | undefined =
      list && state.draft[list].length > 0
        ? { ...state, draft: { ...state.draft, [list]: state.draft[list].slice(0, -1) } }
        : previous
          ? { ...state, step: previous, history: state.history.slice(0, -1), misses: 0 }
          : undefined;
    if (!before) {
      const input = this.input(step.context, words, undefined, false);
      return this.follow(step, state, this.answers.answer(state, input));
    }
    const shown = this.questions.ask(before, this.appointments.clock()).choices;
    const choice = matchChoice(strings, words, shown)?.value;
    const outcome = this.answers.answer(before, this.input(step.context, words, choice, true));
    if (outcome.kind !== 'next' && outcome.kind !== 'again') return this.to(step, before);
    await step.context.sendActivity(strings.text('answers.corrected', { answer: words }));
    const field = prepFields.find((f) => f === before.step);
    const draft = field ? markAnswered(outcome.draft, field) : outcome.draft;
    return this.to(step, { ...state, draft, misses: 0 });
  }

  /** Acts on a preparation answer: tips or "got it" first, then the same, another or the next question. */
  private async follow(step: WaterfallStepContext<PrepState>, state: PrepState, outcome: Outcome) {
    if (outcome.kind === 'miss') return this.missed(step, state);
    if (outcome.say?.length) await step.context.sendActivity(outcome.say.join('\n\n'));
    if (outcome.kind === 'again') return this.to(step, { ...state, draft: outcome.draft, misses: 0 });
    if (outcome.kind === 'goto') return this.to(step, { ...state, ...outcome.state });
    return this.advance(step, state, outcome.draft);
  }

  /** Acts on an answer after saving: reminders, the plan as text, changing an answer, the end. */
  private async act(step: WaterfallStepContext<PrepState>, state: PrepState, outcome: AfterOutcome) {
    switch (outcome.kind) {
      case 'miss':
        return this.missed(step, state);
      case 'goto':
        if (outcome.say?.length) await step.context.sendActivity(outcome.say.join('\n\n'));
        return this.to(step, { ...state, ...outcome.state });
      case 'remind': {
        // With a second reminder still to come, how to turn them off is said after it.
        const last = outcome.nextStep === 'next' && !state.thenReminder;
        const said = { last, ...(outcome.announce ? { announce: outcome.announce } : {}) };
        const { draft, say } = await this.keeper.remind(step.context, outcome.draft, said);
        if (say) await step.context.sendActivity(say);
        // "..., and the morning at 7": the second reminder asked for with the first, now.
        const second =
          outcome.announce === 'reminderAt'
            ? await this.secondReminder(step, { ...state, draft })
            : undefined;
        if (second) return second;
        // A reminder moved from "my plans" or the menu: that was all that was asked.
        if (state.moving === 'alone')
          return step.endDialog({ planId: draft.id } satisfies AppointmentDialogResult);
        const next = {
          step: outcome.nextStep,
          history: [],
          misses: 0,
          pendingTime: undefined,
          moving: undefined,
          thenReminder: undefined,
        };
        return this.to(step, { ...state, draft, ...next });
      }
      case 'text':
        await step.context.sendActivities(this.keeper.text(state.draft));
        return this.to(step, { ...state, misses: 0 });
      case 'save':
        return this.save(step, state);
      case 'change':
        return this.change(step, state, outcome.field);
      case 'end': {
        await step.context.sendActivity(outcome.say.join('\n\n'));
        const result: AppointmentDialogResult = {
          planId: state.draft.id,
          ...(outcome.next ? { next: outcome.next } : {}),
        };
        return step.endDialog(result);
      }
    }
  }

  /** Marks the question answered and asks the next open one, or saves the plan when none is left. */
  private async advance(
    step: WaterfallStepContext<PrepState>,
    state: PrepState,
    draft: PlanDraft,
    then: Pick<PrepState, 'offeredQuestion'> = {},
  ) {
    const field = prepFields.find((f) => f === (isWhenCheck(state.step) ? 'when' : state.step));
    if (!field) return this.to(step, { ...state, draft, step: 'next', misses: 0 });
    const answered = markAnswered(draft, field);
    const next = nextField(answered, field, state.reviewing);
    if (!next) return this.finish(step, { ...state, draft: answered });
    const history = [...state.history, field];
    return this.to(step, {
      ...state,
      ...then,
      draft: answered,
      step: next,
      misses: 0,
      history,
      checkWhen: undefined,
    });
  }

  /** "back": the question before this one, with its answer shown and kept unless replaced. */
  private async back(step: WaterfallStepContext<PrepState>, state: PrepState) {
    if (isWhenCheck(state.step)) return this.to(step, { ...state, step: 'when', misses: 0 });
    // "back" at the first question asked reaches what the first message said (Rosa's date).
    const at = (saidFirst as readonly string[]).indexOf(state.step);
    const asking = !state.reviewing && prepFields.some((field) => field === state.step);
    const prefilled = !asking
      ? undefined
      : saidFirst
          .slice(0, at < 0 ? undefined : at)
          .filter((field) => state.draft.answered.includes(field))
          .at(-1);
    const previous = state.history.at(-1) ?? prefilled;
    if (!previous) {
      await step.context.sendActivity(this.deps.strings.text('answers.nothingBefore'));
      return this.to(step, state);
    }
    return this.to(step, { ...state, step: previous, history: state.history.slice(0, -1), misses: 0 });
  }

  /** "skip" (or the Skip button): the question is left as it is; after saving, it means "no". */
  private async skip(step: WaterfallStepContext<PrepState>, state: PrepState) {
    const declined = this.after.declined(state);
    if (declined) return this.act(step, state, declined);
    if (state.step !== 'when' && !isWhenCheck(state.step)) return this.advance(step, state, state.draft);
    // "skip" at "What time on Friday?" keeps Friday; at the other date questions it leaves the date open.
    if (state.step === 'whenTime' && state.checkWhen)
      return this.advance(step, state, { ...state.draft, when: state.checkWhen });
    const { when: _when, ...draft } = state.draft;
    return this.advance(step, state, draft);
  }

  /**
   * An answer not understood: asked again, worded differently, and from the second miss on with
   * an offer to skip. (A change of topic is caught before this, by the base dialog.)
   */
  private async missed(step: WaterfallStepContext<PrepState>, state: PrepState) {
    return this.to(step, { ...state, misses: state.misses + 1 });
  }

  /**
   * Shows the plan as it would be saved (the same card) and asks "Save it" or "Change something":
   * nothing is saved, and no reminder set, before the person has seen it and said so.
   */
  private async finish(step: WaterfallStepContext<PrepState>, state: PrepState) {
    const intro = this.deps.strings.text('appointment.review');
    await step.context.sendActivities(this.keeper.card(this.keeper.plan(state.draft), intro));
    return this.to(step, { ...state, step: 'review', reviewing: false, history: [], misses: 0 });
  }

  /** Saves the plan the person just said yes to (first time, or after a change), then reminders or what next. */
  private async save(step: WaterfallStepContext<PrepState>, state: PrepState): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { plan, say } = await this.keeper.save(step.context, state.draft);
    // A saved plan's time changed: its reminders, moved with it, are scheduled again.
    if (state.draft.id && plan.reminders)
      await this.keeper.remind(step.context, state.draft, { last: false });
    const saved = strings.text(state.draft.id ? 'appointment.updated' : 'appointment.saved');
    await step.context.sendActivity([...say, saved].join('\n\n'));
    const draft = { ...state.draft, id: plan.id, createdAt: plan.createdAt };
    const now = this.appointments.clock();
    const remind = plan.when !== undefined && !isPast(plan.when, now) && !draft.remindersAsked;
    const { reminderAsk, ...kept } = draft;
    const at: PrepState = {
      ...state,
      draft: kept,
      step: remind ? 'reminder' : 'next',
      reviewing: false,
      history: [],
      misses: 0,
    };
    // A reminder asked for mid-plan ("can i get a reminder the night before") answers the question.
    const asked =
      remind && reminderAsk
        ? this.after.answer(at, this.input(step.context, reminderAsk, undefined, false))
        : undefined;
    if (asked && asked.kind !== 'miss') return this.act(step, at, asked);
    return this.to(step, at);
  }

  /** The part of the plan `text` names ("the date", "change what I want"), by its "change" button's words. */
  private partNamed(text: string): PrepField | undefined {
    const { strings } = this.deps;
    const named = withoutLead(text, strings.variants('appointment.reviewChangeWords'));
    const found = matchChoice(strings, named, this.questions.changeChoices());
    return prepFields.find((field) => field === found?.value);
  }

  /** The plan's parts as an edit said in words names them (spoken-edit.ts). */
  private editParts(): EditPart<string>[] {
    const { strings } = this.deps;
    const more: Partial<Record<string, readonly string[]>> = {
      when: strings.variants('appointment.partWhenWords'),
      goal: strings.variants('appointment.partGoalWords'),
    };
    return this.questions.changeChoices().map((choice) => ({
      value: choice.value,
      words: [choice.label, ...choice.synonyms, ...(more[choice.value] ?? [])],
    }));
  }

  /**
   * At the review, a part named ("change the date please", "the date is wrong", "now change what
   * I want, it has my words mixed") is asked again; what I want given in the same message ("change
   * what I want to keeping my SNAP") is taken. A date given in it was taken before this (redated).
   */
  private editAtReview(step: WaterfallStepContext<PrepState>, state: PrepState, text: string) {
    const edit = spokenEdit(this.deps.strings, text, this.editParts());
    const part =
      this.partNamed(text) ?? (edit.plain ? undefined : prepFields.find((field) => field === edit.part));
    // "Could I change something first? The part about ... looks a little odd": which part, then.
    if (!part && !edit.plain && edit.action === 'change')
      return this.to(step, { ...state, step: 'change', misses: 0 });
    if (!part) return undefined;
    if (part !== 'goal' || edit.part !== 'goal' || edit.action !== 'replace' || !edit.value)
      return this.change(step, state, part);
    const at: PrepState = { ...state, step: part, reviewing: true, history: [], misses: 0 };
    return this.follow(
      step,
      at,
      this.answers.answer(at, this.input(step.context, edit.value, undefined, false)),
    );
  }

  /** One answer to change: that question again, then the plan is shown again to save. */
  private async change(step: WaterfallStepContext<PrepState>, state: PrepState, field: PrepField) {
    let { draft } = state;
    if (field === 'when' && draft.id) {
      // A new date makes the old reminder times wrong: they are cancelled and offered again.
      await this.keeper.cancel(draft.id);
      draft = { ...draft, reminders: undefined, remindersAsked: false };
    }
    return this.to(step, { ...state, draft, step: field, reviewing: true, history: [], misses: 0 });
  }

  private recognize(activity: TurnContext['activity'], text: string) {
    return recognizeInZone(this.appointments.recognizer, activity, text, this.appointments.clock());
  }

  /**
   * Re-reads part of a message for a date: the whole message as the bot recognized it already
   * (same text, zone and clock), a part with the date-time recognizer alone.
   */
  private findDates(context: TurnContext): FindDates {
    const { activity } = context;
    const known = signals.recognition.get(context);
    return (part) =>
      known && activity.text?.trim() === part
        ? known.entities.datetime
        : datesInZone(this.appointments.recognizer, activity, part, this.appointments.clock());
  }

  private state(step: WaterfallStepContext<PrepState>): PrepState {
    return step.options;
  }

  private to(step: WaterfallStepContext<PrepState>, state: PrepState): Promise<DialogTurnResult> {
    return step.replaceDialog(STEPS, state);
  }
}

/** Questions after the date where a date typed alone, or as a correction, changes it. */
const redatable: ReadonlySet<StepName> = new Set([
  'type',
  'goal',
  'questions',
  'barriers',
  'bring',
  'support',
  'share',
  'talk',
  'review',
]);

/** Answers a first message may give ("my caseworker, December 16 at 9am"), in the order asked. */
const saidFirst = ['type', 'when'] as const;

/** Questions where words beside the answer (a complaint, a reminder asked for) are read apart. */
const asideSteps: ReadonlySet<StepName> = new Set(
  prepFields.filter((field) => field !== 'type' && field !== 'when'),
);

/** Questions that take a reminder's time: two times in one message are two reminders. */
const reminderSteps: ReadonlySet<StepName> = new Set(['reminder', 'reminderTime', 'timeCheck', 'next']);

/** Questions that take several answers: a correction there replaces the last one. */
const listSteps = ['questions', 'barriers', 'talk'] as const;

/** Questions whose free text goes into the plan as the person's words: checked before it is kept. */
const ownWords: ReadonlySet<StepName> = new Set(['goal', 'questions', 'barriers', 'bring', 'share', 'talk']);

/** The checks of a date (passed, another day meant, which day, what time) stand in for the date question. */
function isWhenCheck(step: StepName): boolean {
  return step === 'whenPast' || step === 'whenCheck' || step === 'whenDay' || step === 'whenTime';
}
