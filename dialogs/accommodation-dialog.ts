import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import {
  type Choice,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { leftOutText, requestCardActivity, requestTextActivity } from '../src/accommodations/card.js';
import { conditionFrom, conditionPhrase } from '../src/accommodations/conditions.js';
import {
  type AccommodationContent,
  loadAccommodationContent,
  settingOf,
} from '../src/accommodations/content.js';
import { localDay, nextDayOfMonth } from '../src/accommodations/dates.js';
import {
  accommodationQuestionnaire,
  changeableFields,
  completed,
  type Draft,
  previousField,
  reconcile,
  skip,
  unanswer,
  withAnswers,
} from '../src/accommodations/draft.js';
import { RequestBuilder, type RequestToPractice } from '../src/accommodations/letter.js';
import {
  type ConditionId,
  conditionIds,
  type Field,
  fields,
  MAX_CHANGES,
  MAX_OWN_WORDS,
  type RequestAnswers,
  type SettingId,
} from '../src/accommodations/model.js';
import { daysNamed, narrowedRequest } from '../src/accommodations/narrow.js';
import {
  AccommodationQuestions,
  namesADay,
  type Parsed,
  type Question,
  settingFrom,
} from '../src/accommodations/questions.js';
import {
  type RightsQuestion,
  rightsAnswer,
  rightsBrief,
  rightsQuestionIn,
  rightsSummary,
} from '../src/accommodations/rights.js';
import {
  type AccommodationRequestsProperty,
  MAX_SAVED_REQUESTS,
  saveAccommodationRequest,
} from '../src/accommodations/saved-requests.js';
import { ordinalDay } from '../src/appointments/when.js';
import { choicesActivity } from '../src/channels/choice-buttons.js';
import type { StringKey } from '../src/content/strings.js';
import { sideAnswer } from '../src/language/answer-check.js';
import type { DialogCommand } from '../src/language/commands.js';
import { escapeText } from '../src/language/free-text.js';
import type { WayfinderRecognition } from '../src/language/intents/index.js';
import type { FeatureIntent } from '../src/language/routing.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import { spokenEdit } from '../src/language/spoken-edit.js';
import {
  answerOptionOf,
  foldAnswer,
  sentencesOf,
  showsNumbers,
  typedAnswerReader,
  withoutLead,
} from '../src/language/typed-answer.js';
import { turnSignal } from '../src/platform/turn-signal.js';
import type { Questionnaire } from '../src/questionnaire/questionnaire.js';
import * as signals from '../src/turn-signals.js';
import { askMenu, choiceOf, type MenuItem, menuPick, menuPrompt, picked } from './accommodation-menus.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { leafOf } from './dialog-levels.js';
import { InterruptibleDialog, type LeftResult, sendHelp } from './interruptible-dialog.js';
import { TypedChoicePrompt } from './typed-choice-prompt.js';

/** Stored in conversation state as the dialog's id: renaming it strands conversations in it. */
export const ACCOMMODATION_DIALOG_ID = DialogIds.accommodation;

/** What the accommodation feature needs besides the shared dialog deps. */
export interface AccommodationFeature {
  /** Today's date for letters and follow-ups (tests fix it). */
  clock: () => Date;
  /** User-state property of saved requests (see src/user-properties.ts). */
  requests: AccommodationRequestsProperty;
  /** Validated content; loaded from resources/accommodations.json when left out. */
  content?: AccommodationContent;
  /** Offer "Practice saying it" at the end (ends with `{ next: 'practice' }`). Default true. */
  offerPractice?: boolean;
  /** Offer "Talk with a peer" at the end (ends with `{ next: 'handoff' }`). Default true. */
  offerPeer?: boolean;
}

/**
 * How the dialog starts. From the menu or free text: `recognition` (this turn's, with `text`
 * defaulting to the message) prefills a setting or barrier already said, which is not asked
 * again. Saved requests are browsed in saved-requests-dialog.ts.
 */
export interface AccommodationOptions {
  recognition?: WayfinderRecognition | undefined;
  text?: string | undefined;
  /** A saved request to change: shown at once for review, and saved again in its place. */
  editing?: { id: string; askedOn: string; answers: RequestAnswers } | undefined;
}

/**
 * How the dialog ends: `next` asks the caller to start practice mode or a peer handoff for the
 * saved request; `done` when the person finished; `left` after
 * "cancel" or "menu" (an unfinished request is not kept).
 */
export type AccommodationResult =
  | { next: 'practice'; requestId: string; with: { fromRequest: RequestToPractice } }
  | { next: 'handoff'; requestId: string }
  | { done: true; requestId?: string }
  | LeftResult;

/** Where a request is in the conversation: its answers, and once saved, its id and day. */
interface RequestState {
  draft: Draft;
  /** The next question asks for the person's own words ("Something else"). */
  own?: boolean;
  saved?: { id: string; askedOn: string };
  /** The setting whose rights note was last shown, so a rebuild repeats it only if that changed. */
  rightsShownFor?: SettingId;
  /** The next question asks which change to add to the request ("Add another change"). */
  adding?: boolean;
  /** What the first message said was just noted: a plain "no" to the next question undoes it. */
  noted?: boolean;
  /** A saved request just opened to change: shown as saved, not as "not saved yet". */
  reopened?: boolean;
}

/** What a question's validator needs to read an answer. */
interface QuestionState {
  field: Field;
  draft: Draft;
  adding?: boolean;
  noted?: boolean;
}

const ASK = 'accommodationAsk';
const FINISH = 'accommodationFinish';
const NEXT = 'accommodationNext';
const CHANGE = 'accommodationChange';
const REVIEW = 'accommodationReview';
const REVIEW_PROMPT = 'accommodationReviewPrompt';
/** The button of each answer in "which answer to change", whose words also name it at the review. */
const changeLabels: Record<Field, StringKey> = {
  setting: 'accommodation.changeSetting',
  barrier: 'accommodation.changeBarrier',
  idea: 'accommodation.changeIdea',
  who: 'accommodation.changeWho',
  format: 'accommodation.changeFormat',
  start: 'accommodation.changeStart',
  disclosure: 'accommodation.changeDisclosure',
  condition: 'accommodation.changeCondition',
};
/** Other words that name each answer at the review ("the reason", "the date"). */
const partWords: Record<Field, StringKey> = {
  setting: 'accommodation.partSettingWords',
  barrier: 'accommodation.partBarrierWords',
  idea: 'accommodation.partIdeaWords',
  who: 'accommodation.partWhoWords',
  format: 'accommodation.partFormatWords',
  start: 'accommodation.partStartWords',
  disclosure: 'accommodation.partDisclosureWords',
  condition: 'accommodation.partConditionWords',
};
const questionPrompt = (field: Field) => `accommodationQuestion.${field}`;
/** Each question in the fewest, plainest words, for "what" or "huh" typed back at it. */
const plainWords: Record<Field, StringKey> = {
  setting: 'accommodation.plainSetting',
  barrier: 'accommodation.plainBarrier',
  idea: 'accommodation.plainIdea',
  who: 'accommodation.plainWho',
  format: 'accommodation.plainFormat',
  start: 'accommodation.plainStart',
  disclosure: 'accommodation.plainDisclosure',
  condition: 'accommodation.plainCondition',
};
/** This turn's reading of an answer, left by a validator for the step that follows. */
const parsedAnswer = turnSignal<Parsed>('accommodationParsed');
/** A review pick that adds one change by id ("add:quietSpace"). */
const ADD_PREFIX = 'add:';
/** A review pick that gives a part its new words in the same message ("just put Mike"). */
const SET_PREFIX = 'set:';
/** Those new words, for the step that follows. */
const reviewValue = turnSignal<string>('accommodationReviewValue');
/** A review pick that takes the person's own words about what gets in the way out of the letter. */
const DROP_OWN = 'dropOwnWords';
/** A review pick that narrows the listed change ("i only need it for tests"); its words in reviewValue. */
const NARROW = 'narrow';
/** The review's move for "add a payment plan too", a change not listed: the ones that can be added. */
const ADD_OTHER = 'addOther';
/** The review's move for "fix the send to part its disability services". */
const MOVE_WHO = 'moveWho';
/** The review's move for "I never said I used drugs. I have depression". */
const NOT_RECOVERY = 'notRecovery';

/**
 * Coaches a person through asking for an accommodation (issue 6): where, what gets in the way,
 * ideas that fit, who to ask and how, how much to share and what that means, the rights that
 * may apply (general information), then a written request, a 30-second version and what
 * happens next, shown to save or change, then saved with their plans. "back", "skip", help,
 * cancel, menu, a change of topic and crisis work at every question; nonsense is re-asked once in
 * other words, then skippable.
 */
export class AccommodationDialog extends InterruptibleDialog {
  protected override readonly feature: FeatureIntent = 'accommodation';
  private readonly content: AccommodationContent;
  private readonly questions: AccommodationQuestions;
  private readonly builder: RequestBuilder;
  private readonly questionnaire: Questionnaire<Field, Draft>;

  constructor(
    deps: DialogDeps,
    private readonly setup: AccommodationFeature,
  ) {
    super(ACCOMMODATION_DIALOG_ID, deps);
    if (!setup?.clock || !setup.requests)
      throw new Error('AccommodationDialog needs a clock and a requests accessor');
    this.content = setup.content ?? loadAccommodationContent(deps.strings);
    this.questions = new AccommodationQuestions(deps.strings, this.content);
    this.builder = new RequestBuilder(deps.strings, this.content);
    this.questionnaire = accommodationQuestionnaire(deps.strings);
    for (const field of fields)
      this.addDialog(new TextPrompt(questionPrompt(field), this.validateAnswer.bind(this)));
    this.addDialog(menuPrompt(deps.strings, this.answerAside.bind(this)))
      .addDialog(new TypedChoicePrompt(REVIEW_PROMPT, deps.strings, this.validateReview.bind(this)))
      .addDialog(
        new WaterfallDialog<RequestState>(REVIEW, [this.askReview.bind(this), this.actReview.bind(this)]),
      )
      .addDialog(new WaterfallDialog<RequestState>(ASK, [this.ask.bind(this), this.answer.bind(this)]))
      .addDialog(new WaterfallDialog<RequestState>(FINISH, [this.finish.bind(this)]))
      .addDialog(new WaterfallDialog<RequestState>(NEXT, [this.askNext.bind(this), this.actNext.bind(this)]))
      .addDialog(
        new WaterfallDialog<RequestState>(CHANGE, [this.askChange.bind(this), this.applyChange.bind(this)]),
      );
    this.initialDialogId = ASK;
  }

  /** Introduces a new request with what the person already said. */
  protected override async onBeginDialog(innerDc: DialogContext, given?: object): Promise<DialogTurnResult> {
    const options = (given ?? {}) as AccommodationOptions;
    const { strings } = this.deps;
    const { editing } = options;
    // "change the start date on my letter": that letter, as saved, with the review's question.
    if (editing)
      return innerDc.beginDialog(FINISH, {
        draft: editing.answers,
        saved: { id: editing.id, askedOn: editing.askedOn },
        rightsShownFor: editing.answers.setting,
        reopened: true,
      } satisfies RequestState);
    const draft = this.prefill(options, innerDc.context);
    await innerDc.context.sendActivity(strings.text('accommodation.intro'));
    const { idea, who } = draft;
    const listedWho = who && 'id' in who ? this.content.who.find((entry) => entry.id === who.id) : undefined;
    const facts = [
      ...(draft.setting ? [strings.text(settingOf(this.content, draft.setting).label)] : []),
      ...(draft.barrier ? [this.questions.barrierLabel(draft.barrier.id).toLowerCase()] : []),
      ...(idea && 'own' in idea ? [`"${idea.own}"`] : []),
      ...(listedWho ? [strings.text(listedWho.label).toLowerCase()] : []),
    ];
    if (facts.length > 0) {
      const before = facts.slice(0, -1);
      const last = facts.at(-1) ?? '';
      await innerDc.context.sendActivity(
        strings.text('accommodation.noted', {
          facts:
            before.length > 0
              ? `${before.join(', ')} ${strings.text('accommodation.notedJoin')} ${last}`
              : last,
        }),
      );
    }
    // A person named in the message: how asking them usually works, as when chosen.
    await this.sendWhoTip(innerDc.context, draft);
    return innerDc.beginDialog(ASK, { draft, noted: facts.length > 0 } satisfies RequestState);
  }

  /**
   * What the message already said is not asked again: the setting the recognizer found (or the one
   * its change or person belongs to), the barrier, the changes named (as the letter words them,
   * narrowed as said: "on thursdays"), who it goes to, and a condition named.
   */
  private prefill(options: AccommodationOptions, context: TurnContext): Draft {
    if (!options.recognition && options.text === undefined) return {};
    const text = options.text ?? context.activity.text ?? '';
    const said = settingFrom(options.recognition);
    const barrier = this.questions.barrierFrom(text);
    const first = this.questions.firstMessage(text, said);
    const setting = said ?? first.setting;
    const [change, ...also] = first.changes;
    // Kept as words, so a barrier said later never drops a change the person already named.
    const words = change && this.builder.requestWords({ idea: { id: change }, also });
    return {
      ...(setting ? { setting } : {}),
      ...(barrier ? { barrier: { id: barrier } } : {}),
      ...(words ? { idea: { own: narrowedRequest(this.deps.strings, words, text) ?? words } } : {}),
      ...(first.who ? { who: { id: first.who } } : {}),
      ...this.questions.namedIn(text),
    };
  }

  /** Asks the first unanswered question, or finishes when every one is answered. */
  private async ask(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const state = step.options;
    const field = state.adding ? 'idea' : this.questionnaire.next(state.draft);
    if (!field) return step.replaceDialog(FINISH, state);
    const question = state.adding
      ? {
          text: this.deps.strings.text('accommodation.askAlso'),
          choices: this.questions.addChoices(state.draft),
        }
      : this.questions.ask(field, state.draft, state.own === true);
    const validations: QuestionState = {
      field,
      draft: state.draft,
      adding: state.adding === true,
      noted: state.noted === true,
    };
    return step.prompt(questionPrompt(field), {
      prompt: this.questionActivity(step.context, question),
      choices: question.choices,
      validations,
    });
  }

  /** Applies the answer (or back, skip, "Something else") and moves to the next question. */
  private async answer(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    // Only the first question after the note can be its "no".
    const { noted: _noted, ...state } = step.options;
    const parsed = parsedAnswer.get(step.context);
    if (state.adding) return this.added(step, state, parsed);
    const field = this.questionnaire.next(state.draft);
    if (!field || !parsed) return step.replaceDialog(ASK, state);
    const { strings } = this.deps;
    let draft = state.draft;
    switch (parsed.kind) {
      case 'own':
        return step.replaceDialog(ASK, { ...state, own: true });
      case 'back':
        return this.back(step, state, field);
      case 'skip':
        await step.context.sendActivity(
          strings.text(field === 'disclosure' ? 'accommodation.reasonSkipped' : 'accommodation.skipped'),
        );
        draft = skip(draft, field);
        break;
      case 'answer':
        draft = this.withNextAnswers(step.context, draft, parsed.patch, field);
        if (field === 'who' || parsed.patch.who) await this.sendWhoTip(step.context, draft);
        if (parsed.rewritten && draft.idea) await this.sayBack(step.context, { ...draft, idea: draft.idea });
        break;
      case 'correction':
        return this.correct(step, state, field, parsed.words);
    }
    return step.replaceDialog(ASK, { ...state, draft: reconcile(draft, this.content), own: false });
  }

  /**
   * "email. asap": a sentence after the answer that answers the next question by a button or a
   * date answers it too (people9, Chris), so nothing said is lost. Own words never do: "2 and 1.
   * the meds make mornings hard" is a barrier and its reason, not a change to ask for. When a later
   * sentence answers, the first alone is this answer: "disability office. email" is sent to the
   * disability services office, never to "disability office. email" (people10, Tyler).
   */
  private withNextAnswers(context: TurnContext, before: Draft, patch: Draft, answered: Field): Draft {
    const draft = withAnswers(before, patch);
    const [first = '', ...more] = sentencesOf(context.activity.text ?? '');
    const today = this.today(context);
    const here = this.questions.parse(answered, first, this.questions.choices(answered, draft), { today });
    if (here.kind !== 'answer') return draft;
    const alone = withAnswers(before, here.patch);
    let next = alone;
    for (const sentence of more) {
      const field = this.questionnaire.next(next);
      if (field !== 'format' && field !== 'start' && field !== 'disclosure') break;
      const recognition = signals.recognition.get(context);
      const parsed = this.questions.parse(field, sentence, this.questions.choices(field, next), {
        recognition,
        today,
      });
      const byButtonOrDate =
        parsed.kind === 'answer' && !(parsed.patch.start && 'words' in parsed.patch.start);
      if (parsed.kind !== 'answer' || !byButtonOrDate) break;
      next = withAnswers(next, parsed.patch);
    }
    return next === alone ? draft : next;
  }

  /** A change added to a finished request: the request is shown again; "back" keeps it as it was. */
  private async added(
    step: WaterfallStepContext,
    state: RequestState,
    parsed: Parsed | undefined,
  ): Promise<DialogTurnResult> {
    const idea = parsed?.kind === 'answer' ? parsed.patch.idea : undefined;
    const ids = [
      ...(idea && 'id' in idea ? [idea.id] : []),
      ...(parsed?.kind === 'answer' ? (parsed.patch.also ?? []) : []),
    ];
    if (ids.length === 0) return step.replaceDialog(REVIEW, { ...state, adding: false });
    return step.replaceDialog(FINISH, { ...state, draft: this.withAdded(state.draft, ids), adding: false });
  }

  /** The draft with more changes asked for, each once, at most MAX_CHANGES in all. */
  private withAdded(draft: Draft, ids: readonly string[]): Draft {
    const first = draft.idea && 'id' in draft.idea ? draft.idea.id : undefined;
    const also = [...new Set([...(draft.also ?? []), ...ids])].filter((id) => id !== first);
    return { ...draft, also: also.slice(0, MAX_CHANGES - 1) };
  }

  /**
   * "its the med doc not primary": the answer before takes the new words, said back; where they
   * do not answer it, that question is asked again. At the first question they answer it.
   */
  private async correct(
    step: WaterfallStepContext,
    state: RequestState,
    field: Field,
    words: string,
  ): Promise<DialogTurnResult> {
    const facts = { today: this.today(step.context) };
    const here = this.questions.parse(field, words, this.questions.choices(field, state.draft), facts);
    // "no, I meant email" at the format question picks a button here: it answers this question.
    const answersHere = here.kind === 'answer' && this.questions.picks(field, words, state.draft);
    const target = answersHere ? field : (previousField(field) ?? field);
    const parsed =
      target === field
        ? here
        : this.questions.parse(target, words, this.questions.choices(target, state.draft), facts);
    if (parsed.kind !== 'answer') {
      return step.replaceDialog(ASK, { ...state, draft: unanswer(state.draft, target), own: false });
    }
    if (target !== field)
      await step.context.sendActivity(this.deps.strings.text('answers.corrected', { answer: words }));
    const draft = reconcile(withAnswers(state.draft, parsed.patch), this.content);
    return step.replaceDialog(ASK, { ...state, draft, own: false });
  }

  /** "back": the previous question is asked again (its answer cleared); at the first, say so. */
  private async back(
    step: WaterfallStepContext,
    state: RequestState,
    field: Field,
  ): Promise<DialogTurnResult> {
    const before = this.questionnaire.back(state.draft, field);
    if (!before) await step.context.sendActivity(this.deps.strings.text('answers.nothingBefore'));
    const draft = before?.answers ?? state.draft;
    return step.replaceDialog(ASK, { ...state, draft, own: false });
  }

  /** The change as the letter will word it, when that is not what was typed; "back" changes it. */
  private async sayBack(context: TurnContext, asked: Pick<RequestAnswers, 'idea' | 'also'>): Promise<void> {
    const request = this.builder.requestWords(asked);
    await context.sendActivity(this.deps.strings.text('accommodation.rewritten', { request }));
  }

  /** After choosing who to ask: how that usually works. */
  private async sendWhoTip(context: TurnContext, draft: Draft): Promise<void> {
    const { who } = draft;
    const listed = who && 'id' in who ? this.content.who.find((entry) => entry.id === who.id) : undefined;
    if (!who || 'none' in who) return;
    const how = this.deps.strings.text(listed?.how ?? 'accommodationWho.ownHow');
    await context.sendActivity(this.deps.strings.text('accommodation.whoTip', { how }));
  }

  /**
   * Reads the answer to the open question. A miss is re-asked in other words once, then the
   * person is offered "Skip"; a third miss skips it for them, so nobody is stuck on one question.
   */
  private async validateAnswer(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const { field, draft, adding, noted } = prompt.options.validations as QuestionState;
    const choices = (prompt.options.choices ?? []) as Choice[];
    const { context } = prompt;
    // "do i have to tell them its depression?": answered, and the rest of the message may answer the step.
    const asked = rightsQuestionIn(this.deps.strings, prompt.recognized.value ?? '');
    if (asked) await context.sendActivity(this.answerRights(asked, prompt.recognized.value ?? '', draft));
    const typed = asked ? asked.rest : (prompt.recognized.value ?? '');
    // "wait actually send to HR not mike" after who was answered: who changes, this question stays.
    const moved =
      draft.who !== undefined && field !== 'who'
        ? this.whoMovedIn(typed, draft, this.today(context))
        : undefined;
    if (moved) {
      parsedAnswer.set(context, moved);
      return true;
    }
    // "thats not what i said. tuesday AND thursday" after the change: its days change, this question stays.
    const days =
      field !== 'idea' && field !== 'start' && !adding ? this.narrowedChange(draft, typed) : undefined;
    if (days) {
      parsedAnswer.set(context, { kind: 'answer', patch: { idea: { own: days } }, rewritten: true });
      return true;
    }
    // "i said tuesday and thursday not just thursday. fix it" when it says both: said back, never
    // taken as a correction of another answer (people9, Marcus: it became who to send it to).
    const holds = field !== 'idea' && field !== 'start' && !adding && this.holdsDays(draft, typed);
    if (holds && draft.idea) {
      await this.sayBack(context, { ...draft, idea: draft.idea });
      prompt.options.retryPrompt = this.questionActivity(context, this.questions.ask(field, draft, false));
      return false;
    }
    // "email. and fix the days" when they are right already: said back, and "email" still answers.
    const daysAsked =
      field !== 'idea' &&
      field !== 'start' &&
      !adding &&
      saysAnyOf(this.deps.strings, 'accommodation.partDaysWords', typed);
    if (daysAsked && draft.idea && this.holdsDays(draft, wordsOf(draft.idea) ?? ''))
      await this.sayBack(context, { ...draft, idea: draft.idea });
    let parsed = this.questions.parse(field, typed, choices, {
      recognition: signals.recognition.get(context),
      today: this.today(context),
      setting: draft.setting,
      numbered: showsNumbers(
        context.activity.channelId,
        undefined,
        choices.map((choice) => answerOptionOf(choice).label),
      ),
    });
    // Adding takes a listed change or "back"; the person's own words are no change to add.
    const ownIdea =
      parsed.kind === 'answer' && parsed.patch.idea !== undefined && !('id' in parsed.patch.idea);
    if (
      adding &&
      (parsed.kind === 'own' || parsed.kind === 'skip' || parsed.kind === 'correction' || ownIdea)
    )
      parsed = prompt.attemptCount >= 2 ? { kind: 'back' } : { kind: 'miss' };
    if (asked && parsed.kind !== 'answer') {
      // The question was answered: the same question again, with no count of a miss.
      prompt.options.retryPrompt = this.questionActivity(context, {
        text: this.questions.ask(field, draft, false).text,
        choices: adding ? choices : this.questions.choices(field, draft),
      });
      return false;
    }
    // "no" right after "I've noted: Work. Say back if that's not right" is that "back".
    const saysNo = typedAnswerReader(this.deps.strings).yesOrNo(typed) === false;
    if (noted && saysNo && typed.trim().split(/\s+/).length <= 3 && parsed.kind !== 'answer')
      parsed = { kind: 'back' };
    if (parsed.kind === 'miss' && prompt.attemptCount >= 3) parsed = { kind: 'skip' };
    if (parsed.kind === 'tooLong') {
      prompt.options.retryPrompt = this.questionActivity(context, {
        text: this.deps.strings.text('accommodation.tooLong', { max: MAX_OWN_WORDS }),
        choices: [],
      });
      return false;
    }
    if (parsed.kind === 'miss' || parsed.kind === 'upset' || parsed.kind === 'question') {
      const full: Question = { text: '', choices: adding ? choices : this.questions.choices(field, draft) };
      // "what" is not a miss to count but a question not understood: it is said again, plainer.
      const plain = !adding && this.saysWhat(typed) ? this.deps.strings.text(plainWords[field]) : undefined;
      const retry = adding
        ? { text: this.deps.strings.text('accommodation.askAlsoAgain'), choices }
        : plain
          ? { ...full, text: plain }
          : this.questions.retry(field, full, prompt.attemptCount);
      // Frustration gets a short "sorry" and the way to a person; a side question, that it is not kept.
      const { strings } = this.deps;
      const before =
        parsed.kind === 'upset'
          ? `${strings.text('answers.upset')} ${strings.text('answers.upsetWayOut')}\n\n`
          : parsed.kind === 'question'
            ? `${sideAnswer(strings, parsed.about)}\n\n`
            : '';
      prompt.options.retryPrompt = this.questionActivity(context, {
        ...retry,
        text: `${before}${retry.text}`,
      });
      return false;
    }
    parsedAnswer.set(context, parsed);
    return true;
  }

  /**
   * "it sent to landlord?": nothing is ever sent, and the person needs to know they give it
   * themselves. True when answered.
   */
  private async answerSent(context: TurnContext, text: string): Promise<boolean> {
    const { strings } = this.deps;
    const asks = saysAnyOf(strings, 'accommodation.sentWords', text);
    if (asks) await context.sendActivity(strings.text('accommodation.notSent'));
    return asks;
  }

  /** Whether the letter names the condition `text` asks about, as a reply; undefined for no such question. */
  private letterSays(draft: Draft, text: string, today: string): string | undefined {
    const { strings } = this.deps;
    // Read a sentence at a time: "no i mean the email. does it say recovery" is no "leave it out".
    const asked = saysAnyOf(strings, 'accommodation.saysQuestionWords', text)
      ? sentencesOf(text)
          .map((sentence) => conditionFrom(strings, sentence))
          .find((named) => named !== undefined && named !== 'private' && named !== 'health')
      : undefined;
    const answers = completed(draft);
    if (!answers || !asked) return undefined;
    const built = this.builder.build(answers, today);
    const named = conditionFrom(strings, [...built.letter, built.spoken].join('\n')) === asked;
    const topic = conditionPhrase(strings, asked) ?? strings.text('accommodation.recoveryTopic');
    return strings.text(named ? 'accommodation.letterSaysYes' : 'accommodation.letterSaysNo', { topic });
  }

  /** "More about my rights": the full summary for a finished request. */
  private async sendRightsSummary(context: TurnContext, draft: Draft): Promise<void> {
    const answers = completed(draft);
    if (!answers) return;
    await context.sendActivity(
      // What was named anywhere in the request, not only at "specifics" ("dont say its depression").
      rightsSummary(
        this.deps.strings,
        this.content,
        answers.setting,
        answers.disclosure,
        answers.condition ?? draft.condition,
      ),
    );
  }

  /** A diagnosis named with "I never said I used drugs" (the words are `accommodation.notRecoveryWords`). */
  private namedInstead(text: string): ConditionId | undefined {
    const { strings } = this.deps;
    if (!saysAnyOf(strings, 'accommodation.notRecoveryWords', text)) return undefined;
    return sentencesOf(text)
      .map((sentence) => conditionFrom(strings, sentence))
      .find(
        (named): named is ConditionId =>
          named !== undefined && !['recovery', 'health', 'private'].includes(named),
      );
  }

  /** The person to ask, said again after a lead ("send to HR not mike", "go back to mike"). */
  private whoMovedIn(text: string, draft: Draft, today: string): Parsed | undefined {
    const leads = this.deps.strings.variants('accommodation.whoMoveLeads').map(foldAnswer);
    // The clause with the lead, up to "not": "go back to mike, hr takes forever" is Mike, "HR not mike" is HR.
    const clause = text
      .split(/[,.;!?]/)
      .map((part) => ` ${foldAnswer(part)} `)
      .find((part) => leads.some((words) => part.includes(` ${words} `)));
    const lead = clause && leads.find((words) => clause.includes(` ${words} `));
    if (!clause || !lead) return undefined;
    const after = clause.slice(clause.indexOf(` ${lead} `) + lead.length + 2);
    const who = this.afterLineWord(after.split(/\s+not\s+/)[0]?.trim() ?? '');
    if (!who) return undefined;
    const parsed = this.questions.parse('who', who, this.questions.choices('who', draft), { today });
    return parsed.kind === 'answer' && parsed.patch.who
      ? { kind: 'answer', patch: { who: parsed.patch.who } }
      : undefined;
  }

  /**
   * Who, after "send it to": "the send to part its disability services office" names the line and
   * then who; "the send it to line has my typing in it" names only the line, so no one.
   */
  private afterLineWord(words: string): string | undefined {
    const { strings } = this.deps;
    const [first = '', ...rest] = words.split(' ');
    if (!strings.variants('accommodation.whoLineWords').map(foldAnswer).includes(first))
      return words || undefined;
    const leads = [...strings.variants('edits.joinWords'), ...strings.variants('edits.valueLeads')]
      .map(foldAnswer)
      .sort((a, b) => b.length - a.length);
    const lead = leads.find((words) => ` ${rest.join(' ')} `.startsWith(` ${words} `));
    return lead ? rest.join(' ').slice(lead.length).trim() || undefined : undefined;
  }

  /** True for "what", "huh?", "wdym": the question was not understood. */
  private saysWhat(text: string): boolean {
    const folded = foldAnswer(text);
    return this.deps.strings
      .variants('accommodation.whatWords')
      .some((words) => foldAnswer(words) === folded);
  }

  /** A rights question's answer for this request's setting, and the condition it names. */
  private answerRights(asked: RightsQuestion, text: string, draft: Draft): string {
    // "im not in recovery i have depression. does 504 still cover me": the note is not about recovery.
    const named =
      sentencesOf(text)
        // Typed without stops, a new "i" starts a new clause: "im not in recovery | i have depression".
        .flatMap((sentence) => sentence.split(/\bi\b/i))
        .map((clause) => this.questions.namedIn(clause).condition)
        .find((condition) => condition !== undefined && condition !== 'recovery') ?? draft.condition;
    return rightsAnswer(this.deps.strings, this.content, asked, draft.setting ?? 'other', named);
  }

  /** Rights summary and the request as it would be saved (card and text fallback); then the review. */
  private async finish(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const state = step.options;
    const answers = completed(state.draft);
    if (!answers) return step.replaceDialog(ASK, state);
    const { strings } = this.deps;
    const built = this.builder.build(answers, state.saved?.askedOn ?? this.today(step.context));
    if (state.rightsShownFor !== answers.setting) {
      await step.context.sendActivity(
        rightsBrief(strings, this.content, answers.setting, answers.condition ?? state.draft.condition),
      );
    }
    await step.context.sendActivity(
      requestCardActivity(
        strings,
        built,
        state.reopened
          ? 'accommodationSaved.shown'
          : state.saved
            ? 'accommodation.updated'
            : 'accommodation.ready',
      ),
    );
    const leftOut = leftOutText(strings, built);
    if (leftOut) await step.context.sendActivity(leftOut);
    if (built.answers.noReason) await step.context.sendActivity(strings.text('accommodation.noReason'));
    const next: RequestState = {
      ...state,
      reopened: false,
      draft: built.answers,
      own: false,
      rightsShownFor: answers.setting,
    };
    return step.replaceDialog(REVIEW, next);
  }

  /** One question before anything is kept: save it, or change something (a part may be named). */
  private async askReview(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const state = step.options;
    return step.prompt(REVIEW_PROMPT, {
      prompt: strings.text('accommodation.askReview'),
      retryPrompt: strings.text('accommodation.askReviewAgain'),
      choices: [
        this.choiceOf('save', strings.text('accommodation.reviewSave'), 'accommodation.reviewSaveWords'),
        this.choiceOf(
          'change',
          strings.text('accommodation.reviewChange'),
          'accommodation.reviewChangeWords',
        ),
        ...(this.questions.canAdd(state.draft)
          ? [this.choiceOf('add', strings.text('accommodation.reviewAdd'), 'accommodation.reviewAddWords')]
          : []),
        this.choiceOf('more', strings.text('accommodation.reviewMore'), 'accommodation.reviewMoreWords'),
      ],
      style: ListStyle.auto,
      validations: state.draft,
    });
  }

  /** Saves the request just shown, or asks which part to change (that question, when named). */
  private async actReview(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const state = step.options;
    const picked = this.picked(step);
    if (picked === 'save') return this.save(step, state);
    if (picked === 'more') {
      await this.sendRightsSummary(step.context, state.draft);
      return step.replaceDialog(REVIEW, state);
    }
    if (picked === MOVE_WHO) {
      const moved = this.whoMovedIn(step.context.activity.text ?? '', state.draft, this.today(step.context));
      const draft = moved?.kind === 'answer' ? withAnswers(state.draft, moved.patch) : state.draft;
      return step.replaceDialog(FINISH, { ...state, draft: reconcile(draft, this.content) });
    }
    if (picked === NOT_RECOVERY) {
      const named = conditionIds.find((id) => id === reviewValue.get(step.context));
      const draft: Draft = { ...state.draft, ...(named ? { condition: named } : {}) };
      await step.context.sendActivity(this.deps.strings.text('accommodation.notRecoverySorry'));
      await this.sendRightsSummary(step.context, draft);
      return step.replaceDialog(REVIEW, { ...state, draft });
    }
    if (picked === ADD_OTHER)
      await step.context.sendActivity(this.deps.strings.text('accommodation.addOnlyListed'));
    if (picked === 'add' || picked === ADD_OTHER) return step.replaceDialog(ASK, { ...state, adding: true });
    if (picked === 'shorter')
      return step.replaceDialog(FINISH, { ...state, draft: { ...state.draft, short: true } });
    if (picked === DROP_OWN && state.draft.barrier)
      return step.replaceDialog(FINISH, {
        ...state,
        draft: { ...state.draft, barrier: { id: state.draft.barrier.id } },
      });
    if (picked === NARROW)
      return step.replaceDialog(FINISH, {
        ...state,
        draft: { ...state.draft, idea: { own: reviewValue.get(step.context) ?? '' } },
      });
    if (picked?.startsWith(SET_PREFIX))
      return this.setPart(step, state, picked.slice(SET_PREFIX.length) as Field);
    if (picked?.startsWith(ADD_PREFIX)) {
      const added = this.withAdded(state.draft, [picked.slice(ADD_PREFIX.length)]);
      // "i also want a quieter room. and fix the send to part its disability services": both.
      const moved = this.whoMovedIn(step.context.activity.text ?? '', added, this.today(step.context));
      const draft =
        moved?.kind === 'answer' ? reconcile(withAnswers(added, moved.patch), this.content) : added;
      return step.replaceDialog(FINISH, { ...state, draft });
    }
    const field = fields.find((f) => f === picked);
    if (field) return step.replaceDialog(ASK, { ...state, draft: unanswer(state.draft, field), own: false });
    return step.replaceDialog(CHANGE, state);
  }

  /**
   * "just put Mike", "change it to start at 10am on thursdays": the part takes the new words, read
   * as that question reads them, and the request is shown again; words it cannot take ask it.
   */
  private async setPart(
    step: WaterfallStepContext,
    state: RequestState,
    field: Field,
  ): Promise<DialogTurnResult> {
    const value = reviewValue.get(step.context) ?? '';
    const recognition = signals.recognition.get(step.context);
    // Only the dates inside the new words: "this thurs is too soon. make it the 17th" is the 17th.
    const inValue = recognition && {
      ...recognition,
      entities: {
        ...recognition.entities,
        datetime: recognition.entities.datetime.filter((d) =>
          value.toLowerCase().includes(d.text.toLowerCase()),
        ),
      },
    };
    const today = this.today(step.context);
    // "make it the 17th": the recognizer finds no date in "the 17th" alone.
    const ordinal = ordinalDay.exec(value)?.[1];
    const date =
      field === 'start' && ordinal ? nextDayOfMonth(today, Number.parseInt(ordinal, 10)) : undefined;
    const parsed: Parsed = date
      ? { kind: 'answer', patch: { start: { date } } }
      : this.questions.parse(field, value, this.questions.choices(field, state.draft), {
          recognition: inValue,
          today,
          setting: state.draft.setting,
        });
    if (parsed.kind !== 'answer')
      return step.replaceDialog(ASK, { ...state, draft: unanswer(state.draft, field), own: false });
    const draft = reconcile(withAnswers(state.draft, parsed.patch), this.content);
    return step.replaceDialog(FINISH, { ...state, draft });
  }

  /** Keeps the request the person said yes to, with their plans; then what next. */
  private async save(step: WaterfallStepContext, state: RequestState): Promise<DialogTurnResult> {
    const answers = completed(state.draft);
    if (!answers) return step.replaceDialog(ASK, state);
    const { strings } = this.deps;
    const askedOn = state.saved?.askedOn ?? this.today(step.context);
    const saved = await saveAccommodationRequest(
      this.setup.requests,
      step.context,
      { id: state.saved?.id, askedOn, answers: this.builder.build(answers, askedOn).answers },
      this.setup.clock(),
    );
    if (saved.removedOldest)
      await step.context.sendActivity(strings.text('accommodation.savedFull', { max: MAX_SAVED_REQUESTS }));
    await step.context.sendActivity(
      strings.text(state.saved ? 'accommodation.savedAgain' : 'accommodation.saved'),
    );
    return step.replaceDialog(NEXT, { ...state, saved: { id: saved.id, askedOn } });
  }

  /**
   * The review reads a button (or its words), a part named ("change the date", "the reason"),
   * or yes/no words (no: which part); anything else is asked again, never taken as a save.
   */
  private async validateReview(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    const { context } = prompt;
    const { strings } = this.deps;
    const text = context.activity.text ?? '';
    const reader = typedAnswerReader(strings);
    // "add that i need a quiet room too": that change, added; never the words themselves.
    const draft = prompt.options.validations as Draft;
    if (await this.answerSent(context, text)) return false;
    // "does the email say recovery anywhere" (people8, Tyler): a plain yes or no from the letter itself.
    const says = this.letterSays(draft, text, this.today(context));
    if (says) {
      await context.sendActivity(says);
      return false;
    }
    // "why is this all about drugs. I never said I used drugs. I have depression": an apology and
    // the rights for what they named; never taken as a new reason for the letter.
    const instead = this.namedInstead(text);
    if (instead) {
      menuPick.set(context, NOT_RECOVERY);
      reviewValue.set(context, instead);
      return true;
    }
    // "can they fire me for asking": answered, then the same question; nothing is saved or changed.
    const asked = rightsQuestionIn(strings, text);
    if (asked) {
      await context.sendActivity(this.answerRights(asked, text, draft));
      return false;
    }
    // "i only need it for tests": the change the letter asks for, narrowed as the person said.
    // "change the start date to next monday" is the date, not the days of the change.
    const aboutStart = saysAnyOf(strings, 'accommodation.partStartWords', text);
    const narrowed = aboutStart ? undefined : this.narrowedChange(draft, text);
    if (narrowed) {
      menuPick.set(context, NARROW);
      reviewValue.set(context, narrowed);
      return true;
    }
    // "better. can i add the smaller steps thing too": a sentence asks to add; "ok add the dog
    // one too. emotional support animal": the change may be named in the sentence after it.
    const sentences = sentencesOf(text);
    const leads = strings.variants('accommodation.reviewAddLead');
    const addAt = sentences.findIndex((sentence) => withoutLead(sentence, leads) !== sentence);
    const toAdd =
      addAt < 0 ? [] : [withoutLead(sentences[addAt] ?? '', leads), ...sentences.slice(addAt + 1)];
    const options = this.questions.canAdd(draft) ? this.questions.addChoices(draft).map(answerOptionOf) : [];
    // "a quieter room not just time": the change is what comes before "not".
    const add = toAdd
      .map((words) =>
        reader.read(this.questions.withoutChat(words.split(/\s+not\s+/)[0] ?? words), { options }),
      )
      .find((found) => found !== undefined);
    if (add) {
      menuPick.set(context, `${ADD_PREFIX}${add.value}`);
      return true;
    }
    const shorter = {
      value: 'shorter',
      label: '',
      synonyms: strings.variants('accommodation.reviewShorterWords'),
    };
    if (reader.read(text, { options: [shorter] })) {
      menuPick.set(context, shorter.value);
      return true;
    }
    // "change" alone is the button, not "The change I'm asking for".
    const changeWords = strings.variants('accommodation.reviewChangeWords').map(foldAnswer);
    if (changeWords.includes(foldAnswer(text))) {
      menuPick.set(context, 'change');
      return true;
    }
    const parts = fields.map((field) => ({
      value: field,
      label: strings.text(changeLabels[field]),
      synonyms: strings.variants(partWords[field]),
    }));
    const named = reader.read(withoutLead(text, strings.variants('accommodation.reviewChangeWords')), {
      options: parts,
    });
    // "change it to 10 not 11": the part that says 11 says 10 instead.
    const swapped = swapIn(draft, text);
    if (swapped) {
      menuPick.set(context, `${SET_PREFIX}${swapped.part}`);
      reviewValue.set(context, swapped.value);
      return true;
    }
    // An edit said in words: a part and its new words ("just put Mike", "make it the 17th").
    const edit = spokenEdit(
      strings,
      text,
      fields.map((field) => ({
        value: field,
        words: strings.variants(partWords[field]),
        now: wordsOf(draft[field]),
      })),
    );
    // "change it to 10 not 11" holds times, not a day: the start date is not what changes.
    const dated = signals.recognition
      .get(context)
      ?.entities.datetime.filter(namesADay)
      .some((d) => edit.value?.toLowerCase().includes(d.text.toLowerCase()));
    // A date in the new words is the start date, unless another part was named or quoted.
    const part =
      (edit.part as Field | undefined) ?? (dated || ordinalDay.test(edit.value ?? '') ? 'start' : undefined);
    // "take out the in my own words part": the letter keeps the reason, without their words.
    const drops = edit.action === 'remove' || saysAnyOf(strings, 'accommodation.reviewDropWords', text);
    if (!edit.plain && drops && part === 'barrier' && draft.barrier?.words) {
      menuPick.set(context, DROP_OWN);
      return true;
    }
    if (!edit.plain && part && edit.value && edit.action !== 'remove') {
      menuPick.set(context, `${SET_PREFIX}${part}`);
      reviewValue.set(context, edit.value);
      return true;
    }
    // "fix the send to thing its the disability services office": who it goes to, said again.
    const moved = this.whoMovedIn(text, draft, this.today(context));
    if (moved) {
      menuPick.set(context, MOVE_WHO);
      return true;
    }
    // "add a payment plan for the rent too" names no listed change and no part ("add the reason"):
    // the changes that can be added.
    // "i want to ADD quieter room as another thing" when it is in already: said so, nothing added twice.
    const inAlready = toAdd
      .map((words) =>
        reader.read(this.questions.withoutChat(words), {
          options: this.questions.chosenChoices(draft).map(answerOptionOf),
        }),
      )
      .find((found) => found !== undefined);
    if (inAlready) {
      await context.sendActivity(strings.text('accommodation.addedAlready'));
      return false;
    }
    const tapped = prompt.recognized.value?.value;
    if (toAdd.length > 0 && options.length > 0 && !named && !part && tapped !== 'add') {
      menuPick.set(context, ADD_OTHER);
      return true;
    }
    const yes = reader.yesOrNo(text);
    // "no!! it says recovery", "dont say adhd": a condition named at the review objects to what is shared.
    const shared = conditionFrom(strings, text) ? 'disclosure' : undefined;
    const chosen =
      (named && fields[named.index]) ??
      (edit.plain ? undefined : part) ??
      prompt.recognized.value?.value ??
      shared ??
      (yes === undefined ? undefined : yes ? 'save' : 'change');
    // "add the reason" where why was skipped: what is missing is how much to share.
    const picked = chosen === 'barrier' && draft.noReason ? 'disclosure' : chosen;
    if (picked) menuPick.set(context, picked);
    return picked !== undefined;
  }

  /** True when `text` names days of the week and the change already says every one of them. */
  private holdsDays(draft: Draft, text: string): boolean {
    const { idea } = draft;
    const request = idea && 'own' in idea ? idea.own : undefined;
    const days = daysNamed(this.deps.strings, text);
    return request !== undefined && days.length > 0 && days.every((day) => request.includes(`${day}s`));
  }

  /**
   * The change the request asks for first (listed, or as narrowed before: "on Thursdays"),
   * narrowed by `text`; undefined when nothing narrows.
   */
  private narrowedChange(draft: Draft, text: string): string | undefined {
    const { idea } = draft;
    const request =
      idea && ('id' in idea ? this.questions.ideaRequest(idea.id) : 'own' in idea ? idea.own : undefined);
    return request && narrowedRequest(this.deps.strings, request, text);
  }

  /** What next: practise, a peer, the text to copy, change an answer, or done. */
  private async askNext(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const items: MenuItem[] = [
      ...(this.setup.offerPractice !== false
        ? [{ value: 'practice', label: 'accommodation.nextPractice' } as const]
        : []),
      ...(this.setup.offerPeer !== false
        ? [
            {
              value: 'peer',
              label: 'accommodation.nextPeer',
              synonyms: 'accommodation.nextPeerWords',
            } as const,
          ]
        : []),
      { value: 'text', label: 'accommodation.nextText', synonyms: 'accommodation.nextTextWords' },
      // "more about my rights", as the note before the letter says, shows them and keeps the request.
      { value: 'more', label: 'accommodation.reviewMore', synonyms: 'accommodation.reviewMoreWords' },
      { value: 'change', label: 'accommodation.nextChange' },
      { value: 'done', label: 'accommodation.nextDone', synonyms: 'accommodation.doneWords' },
    ];
    return this.menu(step, 'accommodation.askNext', 'accommodation.askNextAgain', items);
  }

  private async actNext(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const state = step.options;
    const requestId = state.saved?.id ?? '';
    const { strings } = this.deps;
    switch (this.picked(step)) {
      case 'practice': {
        // The scene is built from this request: its counterpart, what it asks and why.
        const answers = completed(state.draft);
        if (!answers) return step.endDialog({ done: true, requestId } satisfies AccommodationResult);
        const fromRequest = this.builder.forPractice(answers);
        return step.endDialog({
          next: 'practice',
          requestId,
          with: { fromRequest },
        } satisfies AccommodationResult);
      }
      case 'peer':
        return step.endDialog({ next: 'handoff', requestId } satisfies AccommodationResult);
      case 'more':
        await this.sendRightsSummary(step.context, state.draft);
        return step.replaceDialog(NEXT, state);
      case 'text': {
        const answers = completed(state.draft);
        if (answers)
          await step.context.sendActivity(
            requestTextActivity(
              this.deps.strings,
              this.builder.build(answers, state.saved?.askedOn ?? this.today(step.context)),
            ),
          );
        // The text is for them to copy: nobody has it until they give it.
        await step.context.sendActivity(strings.text('accommodation.notSent'));
        return step.replaceDialog(NEXT, state);
      }
      case 'change':
      case 'back':
        return step.replaceDialog(CHANGE, state);
      case 'gaveUp':
        await step.context.sendActivity(strings.text('accommodation.leaveItHere'));
        return step.endDialog({ done: true, requestId } satisfies AccommodationResult);
      default:
        await step.context.sendActivity(strings.text('accommodation.finished'));
        return step.endDialog({ done: true, requestId } satisfies AccommodationResult);
    }
  }

  /** Which answer to change: one button per question, or keep it as it is. */
  private async askChange(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const state = step.options;
    const items: MenuItem[] = [
      ...changeableFields(state.draft).map(
        (field): MenuItem => ({ value: field, label: changeLabels[field] }),
      ),
      { value: 'keep', label: 'accommodation.changeKeep' },
    ];
    return this.menu(step, 'accommodation.askChange', 'accommodation.askChangeAgain', items);
  }

  /** Asks that one question again; the request is rebuilt when every answer is in. */
  private async applyChange(step: WaterfallStepContext<RequestState>): Promise<DialogTurnResult> {
    const state = step.options;
    const field = fields.find((f) => f === this.picked(step));
    // Nothing changed: a saved request is as it was; an unsaved one is still waiting for its yes.
    if (!field) return step.replaceDialog(state.saved ? NEXT : REVIEW, state);
    return step.replaceDialog(ASK, { ...state, draft: unanswer(state.draft, field), own: false });
  }

  /** A button menu whose value the next step reads with `picked`. */
  private menu(
    step: WaterfallStepContext<RequestState>,
    prompt: StringKey,
    retry: StringKey,
    items: readonly MenuItem[],
  ): Promise<DialogTurnResult> {
    const { draft } = step.options;
    return askMenu(step, this.deps.strings, { prompt, retry }, items, false, draft);
  }

  /** "does 504 still cover me" at a menu after the letter: answered, and the menu stays. */
  private async answerAside(context: TurnContext, validations: unknown): Promise<boolean> {
    const text = context.activity.text ?? '';
    if (await this.answerSent(context, text)) return true;
    const asked = rightsQuestionIn(this.deps.strings, text);
    if (asked) await context.sendActivity(this.answerRights(asked, text, (validations ?? {}) as Draft));
    return asked !== undefined;
  }

  private choiceOf(value: string, title: string, synonyms?: StringKey): Choice {
    return choiceOf(this.deps.strings, value, title, synonyms);
  }

  private picked(step: WaterfallStepContext): string | undefined {
    return picked(step.context);
  }

  /** A question with its buttons as the channel shows them (suggested actions, or a list). */
  private questionActivity(context: TurnContext, question: Question): Partial<Activity> {
    if (question.choices.length === 0) return { type: ActivityTypes.Message, text: question.text };
    return choicesActivity(context.activity.channelId, question.choices, question.text);
  }

  /** The person's calendar day, in their time zone when the channel says it. */
  private today(context: TurnContext): string {
    return localDay(this.setup.clock(), context.activity.localTimezone);
  }

  /** "home" at "Where do you need the change?" is Housing, not the menu. */
  protected override commandIn(dc: DialogContext): DialogCommand | undefined {
    const asked = leafOf(dc).activeDialog?.id === questionPrompt('setting');
    if (asked && this.questions.picks('setting', dc.context.activity.text ?? '', {})) return undefined;
    return super.commandIn(dc);
  }

  /** Help: the usual help, what works in this conversation, then the same question again. */
  protected override async onHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
    await sendHelp(innerDc, this.deps);
    await innerDc.context.sendActivity(this.deps.strings.text('accommodation.helpHere'));
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  /**
   * Cancel or menu. An unfinished request is dropped, and the person is told so plainly
   * (the usual "nothing is lost" would not be true); a saved one stays saved.
   */
  protected override async onLeave(
    innerDc: DialogContext,
    command: DialogCommand,
  ): Promise<DialogTurnResult> {
    const asking = innerDc.stack.find((instance) => instance.id === ASK || instance.id === REVIEW)?.state as
      | { options?: RequestState }
      | undefined;
    const unfinished = asking?.options !== undefined && !asking.options.saved;
    if (!unfinished) return super.onLeave(innerDc, command);
    return super.onLeave(
      innerDc,
      command,
      command === 'menu' ? 'accommodation.leftToMenu' : 'accommodation.leftCancelled',
    );
  }
}

/**
 * "to 10 not 11", "10am not 11": the own-words part that holds the old word, with the new one in
 * its place. Undefined when no part holds it, or more than one does.
 */
function swapIn(draft: Draft, text: string): { part: Field; value: string } | undefined {
  const said = /([\p{L}\p{N}:]+)\s*,?\s+not\s+([\p{L}\p{N}:]+)/iu.exec(text);
  if (!said?.[1] || !said[2]) return undefined;
  const [, now, before] = said;
  const old = new RegExp(`(?<![\\p{L}\\p{N}])${escapeText(before)}(?![\\p{L}\\p{N}])`, 'iu');
  const holding = fields.flatMap((field) => {
    const words = wordsOf(draft[field]);
    return words && old.test(words) ? [{ part: field, value: words.replace(old, now) }] : [];
  });
  return holding.length === 1 ? holding[0] : undefined;
}

/** The words an answer holds now (its own words, a name), for finding the part a message quotes. */
function wordsOf(answer: unknown): string | undefined {
  if (typeof answer === 'string') return answer;
  if (!answer || typeof answer !== 'object') return undefined;
  return Object.values(answer)
    .filter((value): value is string => typeof value === 'string')
    .join(' ');
}
