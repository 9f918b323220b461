import { type Activity, TurnContext } from 'botbuilder';
import {
  type Choice,
  type DialogContext,
  type DialogReason,
  type DialogTurnResult,
  type FoundChoice,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import { planTextActivities } from '../src/appointments/plan-card.js';
import type { StringKey } from '../src/content/strings.js';
import { sideAnswer } from '../src/language/answer-check.js';
import type { DialogCommand } from '../src/language/commands.js';
import { normalizeText } from '../src/language/normalize.js';
import { clausesOf } from '../src/language/sentences.js';
import { type SpokenEdit, spokenEdit } from '../src/language/spoken-edit.js';
import { foldAnswer, sentencesOf } from '../src/language/typed-answer.js';
import { userStateKey } from '../src/privacy/state-keys.js';
import { type CheckInScheduler, scheduleCheckIn } from '../src/safety-plan/check-in.js';
import {
  addEntry,
  clearStep,
  emptyPlan,
  emptySteps,
  entriesOf,
  hasEntries,
  type PlanStep,
  planSteps,
  removeEntries,
  rewordEntry,
  type SafetyPlan,
  skipStep,
} from '../src/safety-plan/plan.js';
import type { SafetyPlanSender } from '../src/safety-plan/plan-sender.js';
import { safetyPlanView, stepKey } from '../src/safety-plan/plan-view.js';
import { PlanWords } from '../src/safety-plan/plan-words.js';
import type { DialogDeps } from './dialog-deps.js';
import { leafOf } from './dialog-levels.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { OpenAnswerPrompt } from './open-answer-prompt.js';
import { saysSafeNow } from './safety-replies.js';
import { checkedOptions, optionsOnStack } from './step-options.js';
import { TypedChoicePrompt } from './typed-choice-prompt.js';
import { yesNoPrompt } from './yes-no-prompt.js';

export const SAFETY_PLAN_DIALOG_ID = 'safetyPlan';

/** How the plan opens: shown (or begun), made from the menu, or first offered after a crisis reply. */
const safetyPlanOptions = z.object({
  /** The person just said they are safe after a crisis or concern reply: ask before anything. */
  offer: z.boolean().optional(),
  /** Chosen from the menu ("Make a safety plan"): start making it, or show the one there is. */
  make: z.boolean().optional(),
  /** The next-day check-in the person agreed to: "how are you doing today?" */
  checkIn: z.boolean().optional(),
});
export type SafetyPlanOptions = z.infer<typeof safetyPlanOptions>;
/** What the first step receives, from the menu, the safety dialog or the check-in. */
const openOptionsOf = checkedOptions(SAFETY_PLAN_DIALOG_ID, safetyPlanOptions);

/** What the plan needs beside the common dialog deps. */
export interface SafetyPlanParts {
  /** The stored plan, and how it is shown. */
  plans: SafetyPlanSender;
  /** Files the next-day check-in the person agreed to. */
  scheduler: CheckInScheduler;
  clock: () => Date;
}

/** Which part is being asked, and whether it is an edit (its answers replace the old ones). */
interface StepState {
  index: number;
  editing?: boolean;
  /** Answers given so far in this edit (the first one clears the part). */
  answered?: number;
  /** Gone back to from another part ("the one I skipped"): where the plan goes on after it. */
  returnTo?: number;
  /** Offered again at the end: the skipped parts offered so far (each is offered once). */
  offered?: PlanStep[];
  /** Asked again after a non-answer: in fewer words, with an example. */
  simpler?: boolean;
  /** Typed after the change request ("change warning signs. add thinking nobody cares"): the first answer. */
  said?: string;
  /** Just taken out of this part, so "put it back" can put it back. */
  removed?: string[];
}

/** Changing a part chosen from the list: where the plan goes on after, when it was being made. */
interface EditOptions {
  returnTo?: number;
}

/** The skipped parts offered again at the end, so far. */
interface RevisitState {
  offered: PlanStep[];
}

/** The plan shown: quietly (the card was just sent) or with the card. */
interface ViewOptions {
  quiet?: boolean;
}

/** What the steps of a part receive, read from the stack when a part is open under its prompt. */
const stepStateOf = optionsOnStack<StepState>();

const OPEN = 'safetyPlanOpen';
const STEP = 'safetyPlanStep';
const MORE = 'safetyPlanMore';
const FINISH = 'safetyPlanFinish';
const VIEW = 'safetyPlanView';
const EDIT = 'safetyPlanEdit';
const ASK = 'safetyPlanAsk';
const ACTIONS = 'safetyPlanActions';
const PICK = 'safetyPlanPick';
const OFFER = 'safetyPlanOffer';
const OFFER_VIEW = 'safetyPlanOfferView';
const FOLLOW_UP = 'safetyPlanFollowUp';
const CHECK_IN = 'safetyPlanCheckIn';
const CHECK_IN_ASK = 'safetyPlanCheckInAsk';
const REVISIT = 'safetyPlanRevisit';

/**
 * The personal safety plan (Stanley-Brown): made with the person, one part at a time, in their
 * words, every part skippable; shown at once as a card with call and text buttons; changed a part
 * at a time; copied as text for them to keep or send themselves. Each answer is saved as it is
 * given, so a crisis reply in the middle, or leaving, loses nothing. Offers a check-in the next
 * day, only with a yes.
 */
/**
 * True while a part of the plan is asked for in the person's words. A worry written there
 * ("thinking nobody cares" as a warning sign) is what the part asks for: the gate still sees it,
 * and danger still gets the crisis reply, but a concern is kept as the answer.
 */
export function askingForPlanPart(dc: DialogContext): boolean {
  return leafOf(dc).activeDialog?.id === ASK;
}

/** One piece of an entry to take out (`position` from 1), and the entry without it. */
interface Piece {
  position: number;
  piece: string;
  rest: string;
}

export class SafetyPlanDialog extends InterruptibleDialog {
  /** "I'm doing okay" in its usual wordings, at the check-in. */
  private readonly okay: ReadonlySet<string>;
  private readonly partWords: PlanWords;

  constructor(
    deps: DialogDeps,
    private readonly parts: SafetyPlanParts,
  ) {
    super(SAFETY_PLAN_DIALOG_ID, deps);
    const { strings } = deps;
    this.okay = new Set(
      [...strings.variants('safetyPlan.checkInOkayWords'), strings.text('safetyPlan.checkInOkay')].map(
        normalizeText,
      ),
    );
    this.partWords = new PlanWords(strings);
    this.addDialog(new OpenAnswerPrompt(ASK, strings))
      .addDialog(new OpenAnswerPrompt(CHECK_IN_ASK, strings))
      .addDialog(new WaterfallDialog(CHECK_IN, [this.askCheckIn.bind(this), this.afterCheckIn.bind(this)]))
      .addDialog(new TypedChoicePrompt(ACTIONS, strings))
      .addDialog(new TypedChoicePrompt(PICK, strings))
      .addDialog(yesNoPrompt(OFFER, strings, ['safetyPlan.makeYes', 'safetyPlan.makeNo']))
      .addDialog(yesNoPrompt(OFFER_VIEW, strings, ['safetyPlan.viewYes', 'safetyPlan.makeNo']))
      .addDialog(yesNoPrompt(FOLLOW_UP, strings, ['safetyPlan.followUpYes', 'safetyPlan.followUpNo']))
      .addDialog(new WaterfallDialog(REVISIT, [this.askRevisit.bind(this), this.afterRevisit.bind(this)]))
      .addDialog(new WaterfallDialog(OPEN, [this.open.bind(this), this.afterOffer.bind(this)]))
      .addDialog(new WaterfallDialog(STEP, [this.askStep.bind(this), this.takeStep.bind(this)]))
      .addDialog(new WaterfallDialog(MORE, [this.askMore.bind(this), this.takeMore.bind(this)]))
      .addDialog(new WaterfallDialog(FINISH, [this.finish.bind(this), this.afterFollowUp.bind(this)]))
      .addDialog(new WaterfallDialog(VIEW, [this.show.bind(this), this.act.bind(this)]))
      .addDialog(new WaterfallDialog(EDIT, [this.pickStep.bind(this), this.editStep.bind(this)]));
    this.initialDialogId = OPEN;
  }

  /**
   * After a crisis or concern reply (the person said they are safe): asked first. With no plan
   * and no offer: the crisis lines as a card at once, and an offer to make one. Otherwise shown,
   * or made (picked up where it was left).
   */
  private async open(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const options = openOptionsOf(step);
    if (options.checkIn) return step.replaceDialog(CHECK_IN);
    const plan = await this.parts.plans.store.get(step.context);
    const edit = this.partWords.editRequest(step.context.activity.text);
    if (edit && !options.offer)
      return step.replaceDialog(STEP, { index: planSteps.indexOf(edit), editing: true });
    if (plan && !options.offer && this.partWords.changesPlan(step.context.activity.text))
      return step.replaceDialog(EDIT);
    if (options.offer) {
      const has = hasEntries(plan);
      return step.prompt(has ? OFFER_VIEW : OFFER, {
        prompt: strings.text(has ? 'safetyPlan.offerHasPlan' : 'safetyPlan.offerAfterSafe'),
        style: ListStyle.suggestedAction,
      });
    }
    if (!plan && !options.make) {
      // "rough month, not in danger or anything, just want it written down": a wall of crisis
      // lines answers what was not said; one line keeps 988 in sight. "safety plan pls": the same,
      // calmly, as an offer to make one.
      if (saysSafeNow(strings, step.context.activity.text ?? ''))
        await step.context.sendActivity(strings.text('safetyPlan.noneSafe'));
      else if (this.partWords.asksToMake(step.context.activity.text))
        await step.context.sendActivity(strings.text('safetyPlan.makeCalm'));
      else await this.parts.plans.send(step.context, 'safetyPlan.none');
      return step.prompt(OFFER, {
        prompt: strings.text('safetyPlan.offerMake'),
        style: ListStyle.suggestedAction,
      });
    }
    return step.next(true);
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await step.context.sendActivity(this.deps.strings.text('safetyPlan.notNow'));
      return step.endDialog();
    }
    const plan = await this.parts.plans.store.get(step.context);
    const next = plan ? this.nextToMake(plan) : 0;
    if (plan?.madeAt || next === undefined) return step.replaceDialog(VIEW);
    const { strings } = this.deps;
    await step.context.sendActivity(
      plan
        ? strings.text('safetyPlan.resume')
        : `${strings.text('safetyPlan.intro')}\n\n${strings.text('safetyPlan.introPrivate')}`,
    );
    return step.replaceDialog(STEP, { index: next } satisfies StepState);
  }

  /** The check-in the person agreed to, as a question of the conversation. */
  private async askCheckIn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    return step.prompt(CHECK_IN_ASK, {
      prompt: `${strings.text('safetyPlan.checkIn')}\n\n${strings.text('safetyPlan.checkInHint')}`,
      choices: this.buttons([
        strings.text('safetyPlan.checkInOkay'),
        strings.text('safetyPlan.checkInHard'),
        strings.text('safetyPlan.title'),
      ]),
      style: ListStyle.suggestedAction,
    });
  }

  /**
   * Okay: glad, and where the plan is. Anything else (a hard day, "idk", a word of doubt): thanks,
   * the plan at once, and 988. Danger never reaches here: the gate answers it first.
   */
  private async afterCheckIn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const typed = normalizeText(this.typed(step));
    if (this.okay.has(typed)) {
      await step.context.sendActivity(strings.text('safetyPlan.checkInGlad'));
      return step.endDialog();
    }
    await step.context.sendActivity(strings.text('safetyPlan.checkInHardReply'));
    return step.replaceDialog(VIEW);
  }

  /** One part's question, with example answers as buttons (and Skip, or Keep it when changing). */
  private async askStep(step: WaterfallStepContext<StepState>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const state = step.options;
    if (state.said) return step.next();
    const part = planSteps[state.index] as PlanStep;
    const name = strings.text(stepKey(part, 'step'));
    const header = strings.text('safetyPlan.stepCount', {
      number: state.index + 1,
      total: planSteps.length,
      name,
    });
    const [example] = strings.variants(stepKey(part, 'examples'));
    let text = state.simpler
      ? strings.text('safetyPlan.simpler', { name, example: example ?? '' })
      : `${header}\n\n${strings.text(stepKey(part, 'ask'))}`;
    if (state.editing) {
      const plan = await this.plan(step);
      text = `${text}\n\n${strings.text('safetyPlan.editNow', { entries: this.listed(plan, part) })}`;
    }
    return step.prompt(ASK, {
      prompt: text,
      choices: this.stepChoices(state),
      style: ListStyle.suggestedAction,
    });
  }

  /**
   * An answer is kept as typed, once it is one: skip, back (to the part before, to a part by
   * name, or to "the one I skipped") and, when changing, keep do what they say; "no" skips; a
   * non-answer ("ok", "what", "?") or frustration is never kept: the part is asked again simply.
   */
  private async takeStep(step: WaterfallStepContext<StepState>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { said, ...state } = step.options;
    const typed = said ?? this.typed(step);
    const request = await this.planRequest(step, state, typed, STEP);
    if (request) return request;
    const elsewhere = this.partWords.partAsked(typed);
    if (elsewhere && state.editing) return this.editOther(step, state, elsewhere);
    if (elsewhere) return this.goBack(step, state, state.index, elsewhere);
    const answer = this.partWords.read(typed, 'part', state.editing === true);
    switch (answer.kind) {
      case 'keep':
        return this.doneEditing(step, state, 'safetyPlan.kept');
      case 'pause':
        return this.onLeave(step, 'cancel');
      case 'back':
        return this.goBack(step, state, state.index, answer.to);
      case 'skip':
        return this.skip(step, state);
      case 'none':
        if (answer.frustrated) await step.context.sendActivity(strings.text('safetyPlan.frustrated'));
        if (!state.simpler) return step.replaceDialog(STEP, { ...state, simpler: true } satisfies StepState);
        // Asked once more in other words; a second non-answer leaves the part for later, not a loop.
        return state.editing ? this.doneEditing(step, state, 'safetyPlan.kept') : this.skip(step, state);
      case 'question':
        await step.context.sendActivity(sideAnswer(strings, answer.about));
        return step.replaceDialog(STEP, state);
      default:
        return this.add(step, { ...state, simpler: false, answered: 0 }, typed);
    }
  }

  /**
   * A message about the plan, never kept as an entry: "what did you add?" and "how do i remove
   * stuff" show this part and how to change it, "show me my plan" the plan so far, "put it back"
   * puts back what was just taken out, "start part 2 over" empties that part and asks it again.
   * A complaint with it ("ugh stop adding my questions") gets a short sorry first.
   */
  private async planRequest(
    step: WaterfallStepContext,
    state: StepState,
    typed: string,
    again: typeof STEP | typeof MORE,
  ): Promise<DialogTurnResult | undefined> {
    const request = this.partWords.planRequest(typed, state.removed ?? []);
    if (!request) return undefined;
    const { strings } = this.deps;
    if (this.partWords.upset(typed)) await step.context.sendActivity(strings.text('safetyPlan.frustrated'));
    const part = planSteps[state.index] as PlanStep;
    const plan = await this.plan(step);
    const now = this.parts.clock();
    switch (request.kind) {
      case 'showPlan':
        await this.parts.plans.send(step.context, 'safetyPlan.soFar', plan);
        break;
      case 'showPart':
        await step.context.sendActivity(
          strings.text('safetyPlan.showPart', { entries: this.listed(plan, part) }),
        );
        break;
      case 'restore': {
        if (!state.removed?.length) {
          await step.context.sendActivity(
            strings.text('safetyPlan.nothingToRestore', { entries: this.listed(plan, part) }),
          );
          break;
        }
        const restored = state.removed.reduce((changed, entry) => addEntry(changed, part, entry, now), plan);
        await this.save(step, restored);
        await step.context.sendActivity(
          strings.text('safetyPlan.restored', { entries: this.listed(restored, part) }),
        );
        const answered = (state.answered ?? 0) + 1;
        return step.replaceDialog(MORE, {
          ...state,
          removed: undefined,
          simpler: false,
          answered,
        } satisfies StepState);
      }
      case 'restart': {
        const target = request.part ?? part;
        const index = planSteps.indexOf(target);
        await this.save(step, clearStep(plan, target, now));
        await step.context.sendActivity(
          strings.text('safetyPlan.restarted', { name: strings.text(stepKey(target, 'step')) }),
        );
        const returnTo = index === state.index ? state.returnTo : (state.returnTo ?? state.index);
        return step.replaceDialog(STEP, {
          index,
          editing: state.editing,
          returnTo,
          offered: state.offered,
        } satisfies StepState);
      }
    }
    return step.replaceDialog(again, { ...state, simpler: false });
  }

  /** Changing one part, another asked for ("go to part 3"): that part is changed next, nothing kept. */
  private async editOther(step: WaterfallStepContext, state: StepState, part: PlanStep) {
    const index = planSteps.indexOf(part);
    if (index === state.index)
      return step.replaceDialog(STEP, { ...state, answered: undefined } satisfies StepState);
    const name = this.deps.strings.text(stepKey(part, 'step'));
    await step.context.sendActivity(this.deps.strings.text('safetyPlan.backToPart', { name }));
    return step.replaceDialog(STEP, { index, editing: true, returnTo: state.returnTo } satisfies StepState);
  }

  /** The part passed over for now: noted (so it is offered again at the end), and on to the next. */
  private async skip(step: WaterfallStepContext, state: StepState): Promise<DialogTurnResult> {
    const part = planSteps[state.index] as PlanStep;
    await this.save(step, skipStep(await this.plan(step), part, this.parts.clock()));
    await step.context.sendActivity(this.deps.strings.text('safetyPlan.skipped'));
    return this.afterPart(step, state);
  }

  /**
   * "Back" (the part before), "back to warning signs" (that part), "the one I skipped" (the last
   * part skipped, other than this one): that part is asked, and the plan goes on at `from` after it.
   */
  private async goBack(
    step: WaterfallStepContext,
    state: StepState,
    from: number,
    to: PlanStep | 'skipped' | undefined,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const stay = async (key: 'safetyPlan.noneSkipped' | 'answers.nothingBefore') => {
      await step.context.sendActivity(strings.text(key));
      return step.replaceDialog(state.answered ? MORE : STEP, state);
    };
    let target = state.index - 1;
    if (to === 'skipped') {
      const plan = await this.plan(step);
      const last = plan.skipped
        .filter((part) => entriesOf(plan, part).length === 0 && part !== planSteps[state.index])
        .at(-1);
      if (!last) return stay('safetyPlan.noneSkipped');
      target = planSteps.indexOf(last);
    } else if (to) {
      target = planSteps.indexOf(to);
    } else if (target < 0) {
      return stay('answers.nothingBefore');
    }
    if (to) {
      const name = strings.text(stepKey(planSteps[target] as PlanStep, 'step'));
      await step.context.sendActivity(strings.text('safetyPlan.backToPart', { name }));
    }
    const returnTo = state.returnTo ?? (target === from ? undefined : from);
    return step.replaceDialog(STEP, { index: target, returnTo, offered: state.offered } satisfies StepState);
  }

  /** A change made (or not): the plan is shown, or, changed while making it, making goes on. */
  private async doneEditing(
    step: WaterfallStepContext,
    state: StepState,
    said: 'safetyPlan.kept' | 'safetyPlan.changed',
  ): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.deps.strings.text(said));
    if (state.returnTo === undefined) return step.replaceDialog(VIEW);
    return this.nextStep(step, state.returnTo);
  }

  /** Where the plan goes once a part is answered or skipped while making it. */
  private async afterPart(step: WaterfallStepContext, state: StepState): Promise<DialogTurnResult> {
    if (state.offered) return step.replaceDialog(REVISIT, { offered: state.offered } satisfies RevisitState);
    return this.nextStep(step, state.returnTo ?? state.index + 1);
  }

  /** "Anything else for this part?": another answer is added; next (or done, no) moves on. */
  private async askMore(step: WaterfallStepContext<StepState>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { simpler } = step.options;
    return step.prompt(ASK, {
      prompt: strings.text(simpler ? 'safetyPlan.moreAgain' : 'safetyPlan.more'),
      choices: this.moreChoices(),
      style: ListStyle.suggestedAction,
    });
  }

  private async takeMore(step: WaterfallStepContext<StepState>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const state = step.options;
    const typed = this.typed(step);
    const request = await this.planRequest(step, state, typed, MORE);
    if (request) return request;
    // "undo", "delete that" after an entry: that entry goes, and the part is shown without it.
    if ((state.answered ?? 0) > 0 && this.partWords.undoes(typed)) {
      const plan = await this.plan(step);
      const count = entriesOf(plan, planSteps[state.index] as PlanStep).length;
      if (count > 0) return this.takeOut(step, state, plan, [count]);
    }
    // "go to part 3", "change part 3": that part, never an entry here.
    const elsewhere = this.partWords.partAsked(typed);
    if (elsewhere && state.editing) return this.editOther(step, state, elsewhere);
    if (elsewhere) return this.goBack(step, state, state.returnTo ?? state.index + 1, elsewhere);
    const answer = this.partWords.read(typed, 'more', state.editing === true);
    switch (answer.kind) {
      case 'pause':
        return this.onLeave(step, 'cancel');
      case 'next':
        return state.editing
          ? this.doneEditing(step, state, 'safetyPlan.changed')
          : this.afterPart(step, state);
      case 'back':
        // Plain "back" here asks this part again; "the one I skipped" goes there, then on.
        if (!answer.to)
          return step.replaceDialog(STEP, { ...state, answered: undefined } satisfies StepState);
        return this.goBack(step, state, state.returnTo ?? state.index + 1, answer.to);
      case 'none':
        if (answer.frustrated) await step.context.sendActivity(strings.text('safetyPlan.frustrated'));
        // Asked once more in other words; a second non-answer moves on rather than loop.
        if (state.simpler) return this.afterPart(step, state);
        return step.replaceDialog(MORE, { ...state, simpler: true } satisfies StepState);
      case 'question':
        await step.context.sendActivity(sideAnswer(strings, answer.about));
        return step.replaceDialog(MORE, state);
      default:
        return this.add(step, state, typed);
    }
  }

  /**
   * Saves `typed` in the part, then asks for more. Changing a part, the words say how (an edit
   * said in words, spoken-edit.ts): "keep those. add ..." adds, "take out ..." or "remove the
   * second one" takes out, "replace it with ..." replaces, and a plain new answer replaces what
   * was there when it is the edit's first; the part is shown after each change.
   */
  private async add(step: WaterfallStepContext, state: StepState, typed: string): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const part = planSteps[state.index] as PlanStep;
    const now = this.parts.clock();
    let plan = await this.plan(step);
    const entries = entriesOf(plan, part);
    const spoken =
      state.editing || entries.length > 0 ? spokenEdit(strings, typed, [], entries.length) : undefined;
    // While making the plan, only a take-out that points at an entry ("remove that", "take out the
    // second one"); "remove myself from the room" is a coping step to keep. "that wasnt a contact.
    // take it out": a take-out in a sentence of its own counts too.
    const removal = [
      spoken,
      ...(entries.length > 0 ? sentencesOf(typed) : []).map((sentence) =>
        spokenEdit(strings, sentence, [], entries.length),
      ),
    ].find((edit) => edit?.action === 'remove' && this.entriesMeant(entries, edit, typed).length > 0);
    const taking = spoken?.action === 'remove' && state.editing ? spoken : removal;
    if (taking) {
      const meant = this.entriesMeant(entries, taking, typed);
      return this.takeOut(step, state, plan, meant, this.pieceMeant(entries, meant, taking));
    }
    // "take out drinking" again once it is gone: the part is shown, the words never kept.
    const named = spoken?.action === 'remove' ? this.namedWords(spoken) : '';
    if (named && (state.removed ?? []).some((entry) => foldAnswer(entry).includes(named)))
      return this.takeOut(step, state, plan, []);
    const edit = state.editing ? spoken : undefined;
    const told = edit && !edit.plain && edit.value && (edit.action === 'add' || edit.action === 'replace');
    const replaces = told ? edit.action === 'replace' : state.editing && state.answered === 0;
    if (replaces) plan = clearStep(plan, part, now);
    // In their words, without the asides around them ("call my sister lol" is "call my sister").
    for (const entry of this.partWords.entriesIn((told && edit.value) || typed))
      plan = addEntry(plan, part, entry, now);
    await this.save(step, plan);
    const answered = (state.answered ?? 0) + 1;
    await step.context.sendActivity(
      state.editing
        ? strings.text(replaces ? 'safetyPlan.editReplaced' : 'safetyPlan.editAdded', {
            entries: this.listed(plan, part),
          })
        : strings.text('safetyPlan.added', {}, answered - 1),
    );
    return step.replaceDialog(MORE, { ...state, simpler: false, answered } satisfies StepState);
  }

  /** "take out staying in bed", "remove the second one": those entries go; none found, the list is shown. */
  private async takeOut(
    step: WaterfallStepContext,
    state: StepState,
    plan: SafetyPlan,
    positions: readonly number[],
    piece?: Piece,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const part = planSteps[state.index] as PlanStep;
    if (positions.length === 0) {
      await step.context.sendActivity(
        strings.text('safetyPlan.editNotFound', { entries: this.listed(plan, part) }),
      );
      return step.replaceDialog(MORE, {
        ...state,
        simpler: false,
        answered: state.answered ?? 0,
      } satisfies StepState);
    }
    const removed = piece
      ? [piece.piece]
      : positions.flatMap((position) => entriesOf(plan, part)[position - 1] ?? []);
    const changed = piece
      ? rewordEntry(plan, part, piece.position, piece.rest, this.parts.clock())
      : removeEntries(plan, part, positions, this.parts.clock());
    await this.save(step, changed);
    if (this.partWords.upset(this.typed(step)))
      await step.context.sendActivity(strings.text('safetyPlan.frustrated'));
    await step.context.sendActivity(
      strings.text('safetyPlan.editRemoved', { entries: this.listed(changed, part) }),
    );
    const answered = (state.answered ?? 0) + 1;
    return step.replaceDialog(MORE, { ...state, simpler: false, answered, removed } satisfies StepState);
  }

  /**
   * The entries (numbered from 1) a take-out points at: by position, by their words, or "that",
   * "it", "this" for the one added last.
   */
  private entriesMeant(entries: readonly string[], edit: SpokenEdit<string>, typed: string): number[] {
    // "take out the last 2 things": the two added last, not the second.
    const last = this.partWords.lastCount(typed);
    if (last !== undefined && entries.length > 0)
      return entries.map((_, index) => index + 1).slice(-Math.min(last, entries.length));
    if (edit.positions.length > 0) return edit.positions;
    const named = foldAnswer(edit.value ?? '');
    if (
      entries.length > 0 &&
      /^(?:that|it|this|that one|this one|the last thing|(?:the )?last one)$/.test(named)
    )
      return [entries.length];
    const words = this.namedWords(edit);
    return entries.flatMap((entry, index) => {
      const folded = foldAnswer(entry);
      return words && (folded.includes(words) || words.includes(folded)) ? [index + 1] : [];
    });
  }

  /**
   * "take out cold shower" when the one entry it names is "walk my dog, loud music, cold shower":
   * that piece alone goes and the rest of the entry stays. Undefined unless the words name one
   * piece of exactly one entry of several pieces.
   */
  private pieceMeant(
    entries: readonly string[],
    meant: readonly number[],
    edit: SpokenEdit<string>,
  ): Piece | undefined {
    const [position] = meant;
    const entry = position === undefined ? undefined : entries[position - 1];
    if (meant.length !== 1 || edit.positions.length > 0 || !entry || !position) return undefined;
    const named = this.namedWords(edit);
    const pieces = clausesOf(entry);
    const hits = pieces.filter((piece) => foldAnswer(piece).includes(named));
    const [piece] = hits;
    if (!named || pieces.length < 2 || hits.length !== 1 || !piece) return undefined;
    return { position, piece, rest: pieces.filter((other) => other !== piece).join(', ') };
  }

  /**
   * The words a take-out names, without "the ... one" around them ("the drinking one" is
   * "drinking"); none for a number past the list ("take out 2" of one entry is no phone digit).
   */
  private namedWords(edit: SpokenEdit<string>): string {
    const words = foldAnswer(edit.value ?? '')
      .replace(/^the /, '')
      .replace(/ (?:one|thing|item)$/, '');
    return /^[\d ]+$/.test(words) ? '' : words;
  }

  /** A part's entries as a list, or that it is empty. */
  private listed(plan: SafetyPlan, part: PlanStep): string {
    const entries = entriesOf(plan, part);
    return entries.length > 0
      ? entries.map((entry) => `- ${entry}`).join('\n')
      : this.deps.strings.text('safetyPlan.editEmpty');
  }

  private async nextStep(step: WaterfallStepContext, index: number): Promise<DialogTurnResult> {
    if (index >= planSteps.length) return step.replaceDialog(REVISIT, { offered: [] } satisfies RevisitState);
    return step.replaceDialog(STEP, { index } satisfies StepState);
  }

  /**
   * At the end, the parts skipped (and still empty) are offered again: one as "Add it now?",
   * several as a choice of them. A part opened here is not offered again; "Not now" ends it.
   */
  private async askRevisit(step: WaterfallStepContext<RevisitState>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { offered } = step.options;
    const plan = await this.plan(step);
    const parts = emptySteps(plan).filter((p) => plan.skipped.includes(p) && !offered.includes(p));
    const names = parts.map((part) => strings.text(stepKey(part, 'step')));
    const [only] = parts;
    if (!only) return step.replaceDialog(FINISH);
    const choice = (value: string, title: string, synonyms: readonly string[]): Choice => ({
      value,
      action: { type: 'imBack', title, value: title },
      synonyms: [...synonyms],
    });
    const yes = strings.text('safetyPlan.revisitYes');
    const choices = [
      ...(parts.length === 1
        ? [choice(only, yes, [...strings.variants('answers.yesWords'), ...names])]
        : parts.map((part, i) => choice(part, names[i] ?? part, strings.variants(stepKey(part, 'names'))))),
      // "skip", "next", "done": the person is done with skipped parts for now.
      choice('none', strings.text('safetyPlan.revisitNo'), [
        ...strings.variants('answers.noWords'),
        ...strings.variants('answers.noneWords'),
        ...strings.variants('safetyPlan.skipWords'),
        ...strings.variants('safetyPlan.nextWords').filter((word) => !this.okay.has(normalizeText(word))),
      ]),
    ];
    const prompt =
      parts.length === 1
        ? strings.text('safetyPlan.revisitAsk', { name: names[0] as string })
        : strings.text('safetyPlan.revisitWhich', { parts: names.join('; ') });
    return step.prompt(PICK, { prompt, retryPrompt: prompt, choices, style: ListStyle.suggestedAction });
  }

  private async afterRevisit(step: WaterfallStepContext<RevisitState>): Promise<DialogTurnResult> {
    const picked = (step.result as FoundChoice).value;
    if (!isPlanStep(picked)) return step.replaceDialog(FINISH);
    const offered = [...step.options.offered, picked];
    return step.replaceDialog(STEP, { index: planSteps.indexOf(picked), offered } satisfies StepState);
  }

  /** The plan made: saved and shown; the next-day check-in offered once. */
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const plan: SafetyPlan = { ...(await this.plan(step)), madeAt: this.parts.clock().toISOString() };
    await this.save(step, plan);
    await this.parts.plans.send(step.context, 'safetyPlan.saved', plan);
    await this.sayMissing(step.context, plan);
    if (plan.followUpAsked) return step.next(undefined);
    return step.prompt(FOLLOW_UP, {
      prompt: this.deps.strings.text('safetyPlan.followUpAsk'),
      style: ListStyle.suggestedAction,
    });
  }

  /** Yes: the check-in is filed through the scheduler; no: nothing is. Asked once either way. */
  private async afterFollowUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    if (typeof step.result === 'boolean') {
      const plan: SafetyPlan = { ...(await this.plan(step)), followUpAsked: true };
      if (step.result) {
        const { activity } = step.context;
        const followUpId = await scheduleCheckIn(
          this.parts.scheduler,
          {
            userKey: userStateKey(activity.channelId, activity.from.id),
            reference: TurnContext.getConversationReference(activity),
            ...(activity.localTimezone ? { localTimezone: activity.localTimezone } : {}),
            ...localTimestampOf(activity),
          },
          this.parts.clock(),
        );
        plan.followUpId = followUpId;
      }
      await this.save(step, plan);
      await step.context.sendActivity(
        strings.text(step.result ? 'safetyPlan.followUpSet' : 'safetyPlan.followUpNone'),
      );
    }
    await step.context.sendActivity(strings.text('safetyPlan.closing'));
    return step.endDialog();
  }

  /** The plan as a card at once, then what can be done with it. */
  private async show(step: WaterfallStepContext<ViewOptions>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const quiet = step.options?.quiet === true;
    const plan = await this.plan(step);
    if (!quiet) {
      await this.parts.plans.send(step.context, 'safetyPlan.current', plan);
      await this.sayMissing(step.context, plan);
    }
    const action = (value: string, label: StringKey, synonyms: readonly string[] = []): Choice => ({
      value,
      action: { type: 'imBack', title: strings.text(label), value: strings.text(label) },
      synonyms: [strings.text(label), ...synonyms],
    });
    return step.prompt(ACTIONS, {
      prompt: strings.text('safetyPlan.actionsPrompt'),
      retryPrompt: strings.text('safetyPlan.actionsPrompt'),
      choices: [
        action('edit', 'safetyPlan.edit'),
        action('copy', 'safetyPlan.copy'),
        action('finish', 'safetyPlan.finish', strings.variants('safetyPlan.nextWords')),
      ],
      style: ListStyle.suggestedAction,
    });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    switch ((step.result as FoundChoice).value) {
      case 'edit':
        return step.replaceDialog(EDIT);
      case 'copy': {
        await step.context.sendActivity(strings.text('safetyPlan.copyIntro'));
        const view = safetyPlanView(strings, await this.plan(step), this.deps.crisisResources);
        await step.context.sendActivities(planTextActivities(view));
        return step.replaceDialog(VIEW, { quiet: true });
      }
      default:
        await step.context.sendActivity(strings.text('safetyPlan.closing'));
        return step.endDialog();
    }
  }

  /** Which part to change: each by its name, or its number. */
  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const choices: Choice[] = planSteps.map((part) => {
      const title = strings.text(stepKey(part, 'step'));
      const synonyms = [title, ...strings.variants(stepKey(part, 'names'))];
      return { value: part, action: { type: 'imBack', title, value: title }, synonyms };
    });
    // A way out that changes nothing ("never mind"), back to where the plan was.
    const keep = strings.text('safetyPlan.keep');
    choices.push({
      value: 'keep',
      action: { type: 'imBack', title: keep, value: keep },
      synonyms: [keep, ...strings.variants('safetyPlan.keepWords')],
    });
    return step.prompt(PICK, {
      prompt: strings.text('safetyPlan.editWhich'),
      retryPrompt: strings.text('safetyPlan.editWhich'),
      choices,
      style: ListStyle.suggestedAction,
    });
  }

  private async editStep(step: WaterfallStepContext<EditOptions>): Promise<DialogTurnResult> {
    const index = planSteps.indexOf((step.result as FoundChoice).value as PlanStep);
    const { returnTo } = step.options;
    if (index < 0)
      return returnTo === undefined
        ? step.replaceDialog(VIEW, { quiet: true })
        : this.nextStep(step, returnTo);
    return step.replaceDialog(STEP, { index, editing: true, returnTo } satisfies StepState);
  }

  /** The parts still empty, so a skipped one is not forgotten. */
  private async sayMissing(context: TurnContext, plan: SafetyPlan): Promise<void> {
    const { strings } = this.deps;
    const missing = emptySteps(plan).map((part) => strings.text(stepKey(part, 'step')));
    if (missing.length > 0) {
      await context.sendActivity(strings.text('safetyPlan.stillEmpty', { parts: missing.join('; ') }));
    }
  }

  /** The first part neither answered nor skipped, or undefined when every part was reached. */
  private nextToMake(plan: SafetyPlan): number | undefined {
    const index = planSteps.findIndex(
      (part) => entriesOf(plan, part).length === 0 && !plan.skipped.includes(part),
    );
    return index < 0 ? undefined : index;
  }

  /** A part's example answers, then Skip (or, when changing it, Keep it). */
  private stepChoices(state: StepState): Choice[] {
    const { strings } = this.deps;
    const part = planSteps[state.index] as PlanStep;
    const last = strings.text(state.editing ? 'safetyPlan.keep' : 'safetyPlan.skip');
    return this.buttons([...strings.variants(stepKey(part, 'examples')), last]);
  }

  private moreChoices(): Choice[] {
    return this.buttons([this.deps.strings.text('safetyPlan.nextStep')]);
  }

  private buttons(labels: readonly string[]): Choice[] {
    return labels.map((title) => ({ value: title, action: { type: 'imBack', title, value: title } }));
  }

  /**
   * What the person typed (or the button they pressed), as they wrote it; a button picked by its
   * number alone ("2", "the first one", where numbered) is that button's words. A looser reading
   * (a few of its words, a typo) stays in the person's own words: it is their plan.
   */
  private typed(step: WaterfallStepContext): string {
    const text = (step.context.activity.text ?? '').trim();
    const found = step.result as FoundChoice | undefined;
    if (!found || normalizeText(found.value) === normalizeText(text)) return text;
    return found.score >= 1 ? found.value : text;
  }

  private async plan(dc: DialogContext): Promise<SafetyPlan> {
    return (await this.parts.plans.store.get(dc.context)) ?? emptyPlan(this.parts.clock());
  }

  private async save(step: WaterfallStepContext, plan: SafetyPlan): Promise<void> {
    await this.parts.plans.store.save(step.context, plan);
  }

  /**
   * "My safety plan" or "change my warning signs" typed while the plan is open: the plan starts
   * over from its first step (shown, or that part changed). Changing a part while making the
   * plan comes back to the part that was being asked.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { text: typed } = innerDc.context.activity;
    // "no. the plan is wrong. fix warning signs": the sentence that asks for the change.
    const sentences = sentencesOf(typed ?? '');
    const at = sentences.findIndex((sentence) => this.partWords.editRequest(sentence));
    const text = sentences[at] ?? typed;
    // What follows the request is its first answer, never lost: "change warning signs. add ...".
    const said = sentences.slice(at + 1).join(' ') || undefined;
    const changes = this.partWords.changesPlan(text);
    if (!changes && this.deps.commands.recognize(text) !== 'mySafetyPlan')
      return super.onContinueDialog(innerDc);
    const part = this.partWords.editRequest(text);
    // The part's waterfall is under its prompt on this stack (the top is the prompt).
    const asked = innerDc.stack.find((instance) => instance.id === STEP || instance.id === MORE);
    const state = stepStateOf(asked);
    const making = asked && state && !state.editing;
    await innerDc.cancelAllDialogs();
    if (making && !part && !changes) {
      // "my safety plan" while making it: what is kept so far, then the same question again.
      await this.parts.plans.send(innerDc.context, 'safetyPlan.soFar', await this.plan(innerDc));
      return innerDc.beginDialog(asked.id, state);
    }
    const returnTo = making ? (asked.id === STEP ? state.index : state.index + 1) : undefined;
    if (part)
      return innerDc.beginDialog(STEP, {
        index: planSteps.indexOf(part),
        editing: true,
        returnTo,
        said: at >= 0 ? said : undefined,
      } satisfies StepState);
    if (changes) return innerDc.beginDialog(EDIT, { returnTo } satisfies EditOptions);
    return innerDc.beginDialog(OPEN);
  }

  /** "help" at a part: what the part says now and how to change it, then the help and the question. */
  /** "stop", "menu", "skip the rest": each answer is saved as it is given, so leaving says so. */
  protected override async onLeave(
    innerDc: DialogContext,
    command: DialogCommand,
  ): Promise<DialogTurnResult> {
    return super.onLeave(innerDc, command, 'safetyPlan.paused');
  }

  protected override async onHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = stepStateOf(innerDc.stack.find((instance) => instance.id === STEP || instance.id === MORE));
    const part = state && planSteps[state.index];
    const plan = part && (await this.plan(innerDc));
    if (part && plan && entriesOf(plan, part).length > 0) {
      const entries = this.listed(plan, part);
      await innerDc.context.sendActivity(this.deps.strings.text('safetyPlan.showPart', { entries }));
    }
    return super.onHelp(innerDc);
  }

  /** What was begun above the check-in (a crisis reply, the plan itself) answered it: it ends. */
  override async resumeDialog(outerDc: DialogContext, reason: DialogReason, result?: unknown) {
    if (this.createChildContext(outerDc)?.activeDialog?.id === CHECK_IN_ASK) return outerDc.endDialog();
    return super.resumeDialog(outerDc, reason, result);
  }

  /**
   * Only the command words themselves ("help", "menu", "cancel"): an answer in the person's own
   * words ("skip", "I stop answering texts") is never guessed to be one.
   */
  protected override commandIn(dc: DialogContext): DialogCommand | undefined {
    const command = this.deps.commands.recognize(dc.context.activity.text);
    return command === 'help' || command === 'menu' || command === 'cancel' ? command : undefined;
  }

  /** Answers are the person's own words: a topic they mention is not a request to switch. */
  protected override switchesTopics(): boolean {
    return false;
  }
}

function isPlanStep(value: string): value is PlanStep {
  return (planSteps as readonly string[]).includes(value);
}

/** The activity's local timestamp as sent, offset included (botbuilder keeps the raw string). */
function localTimestampOf(activity: Activity): { localTimestamp?: string } {
  const raw: unknown = 'rawLocalTimestamp' in activity ? activity.rawLocalTimestamp : activity.localTimestamp;
  return typeof raw === 'string' ? { localTimestamp: raw } : {};
}
