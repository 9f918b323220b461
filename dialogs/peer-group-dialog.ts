import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  type Choice,
  type DialogContext,
  type DialogTurnResult,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { showsAdaptiveCards } from '../src/channels/card-support.js';
import { choicesActivity } from '../src/channels/choice-buttons.js';
import type { StringKey } from '../src/content/strings.js';
import { checkAnswer } from '../src/language/answer-check.js';
import { noEntities } from '../src/language/intents/entities.js';
import type { WayfinderRecognition } from '../src/language/intents/index.js';
import { ianaZone, type Zone } from '../src/language/intents/time-zone.js';
import {
  answerOptionOf,
  sentencesOf,
  showsNumbers,
  typedAnswerReader,
} from '../src/language/typed-answer.js';
import { AnswerReader } from '../src/peer-groups/answers.js';
import type { PeerDirectory } from '../src/peer-groups/directory.js';
import {
  type Filter,
  filters,
  type Match,
  PeerSearch,
  type Preferences,
  type SearchContext,
} from '../src/peer-groups/matching.js';
import { medicationWorryIn } from '../src/peer-groups/medication-worry.js';
import { PolicyQuestions } from '../src/peer-groups/policy-question.js';
import { peerQuestionnaire, peerQuestions } from '../src/peer-groups/questionnaire.js';
import { filterTerms, PeerGroupWriter } from '../src/peer-groups/render.js';
import { type ResultsAsk, ResultsQuestions } from '../src/peer-groups/results-question.js';
import type { Attempt, Questionnaire, QuestionnaireState } from '../src/questionnaire/questionnaire.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog, type LeftResult } from './interruptible-dialog.js';
import { typedQuestionOf } from './typed-choice-prompt.js';

/** The dialog's id (stored in conversation state: renaming it strands conversations in it). */
export const PEER_GROUP_DIALOG_ID = 'peerGroup';

/** The zone meeting times are said in when the channel sends no `localTimezone`. */
export const DEFAULT_PEER_GROUP_TIMEZONE = 'America/New_York';

/** What the finder works with, beyond what every dialog gets. */
export interface PeerGroupFeature {
  directory: PeerDirectory;
  /** "Now", for the next meeting (tests fix it). */
  clock: () => Date;
  /** IANA zone for people whose channel sends none; default America/New_York. */
  defaultTimezone?: string;
}

/** Begin options: what the person already said, so it is not asked again. */
export interface PeerGroupOptions {
  /** The recognition of the message that asked for groups: its kind, format and time fill answers. */
  recognition?: WayfinderRecognition;
  /** That message's text, for "weekdays"/"weekends", which the date recognizer leaves out. */
  text?: string;
}

/**
 * How the finder ended, for its caller:
 * - `{ handoff: true }`: "Connect me to a peer" after the results; the caller starts the handoff
 *   (this dialog says nothing more, so the handoff's own first words come next);
 * - `{ done: true }`: finished with the results;
 * - `{ left: 'cancel' | 'menu' }` (LeftResult): left with "cancel" or "menu".
 * A switch to another topic closes every dialog (see InterruptibleDialog) and returns nothing.
 */
export type PeerGroupResult = { handoff: true } | { done: true } | LeftResult;

/** Where the search is: the answers so far and how many answers in a row were not understood. */
interface FinderState extends QuestionnaireState<Preferences> {
  /** Nothing fitted: the next prompt offers a peer. */
  nothingFit?: boolean;
  /** The answer offered to leave out, when nothing fitted. */
  relax?: Filter;
  /** A question about the results was just answered: the next prompt says more can be asked. */
  answered?: boolean;
}

type NextStep = 'relax' | 'change' | 'peer' | 'done' | 'keep';

const ASK = 'peerGroupAsk';
const NEXT = 'peerGroupNext';
const CHANGE = 'peerGroupChange';
const TEXT = 'peerGroupText';

/** "Which answer to change?" as first asked, after one miss, and after two. */
const whichChange: Readonly<Record<Attempt, StringKey>> = {
  first: 'peerGroups.whichChange',
  again: 'peerGroups.whichChangeAgain',
  stuck: 'peerGroups.stuck',
};

const approachExplained: readonly StringKey[] = [
  'peerGroups.explainTwelveStep',
  'peerGroups.explainSecular',
  'peerGroups.explainFaithBased',
  'peerGroups.explainBuddhist',
  'peerGroups.explainAllPathways',
  'peerGroups.explainNoPreference',
];

/**
 * The peer group finder (issue 7): asks what the person wants (focus, kind of group, format,
 * when, where, medication-friendly), skipping what they already said, then shows at most five
 * groups, best fit first, each with why it fits, its next meeting on the person's clock and how
 * to reach it. When nothing fits it says so, offers to leave out one named answer, shows national
 * options and offers a peer. Each question is re-asked differently once, then offered as a skip.
 */
export class PeerGroupDialog extends InterruptibleDialog {
  /** Asking for groups again here is not a change of topic. */
  protected override readonly feature = 'peerGroup';
  private readonly finder: PeerGroupFeature;
  private readonly reader: AnswerReader;
  private readonly policy: PolicyQuestions;
  private readonly results: ResultsQuestions;
  private readonly questionnaire: Questionnaire<Filter, Preferences>;
  private readonly defaultZone: Zone;

  constructor(deps: DialogDeps, feature: PeerGroupFeature) {
    super(PEER_GROUP_DIALOG_ID, deps);
    if (!feature?.directory || !feature.clock) {
      throw new Error('PeerGroupDialog needs feature.directory (from loadPeerDirectory()) and feature.clock');
    }
    this.finder = feature;
    const zoneName = feature.defaultTimezone ?? DEFAULT_PEER_GROUP_TIMEZONE;
    const zone = ianaZone(zoneName);
    if (zone === undefined) {
      throw new Error(
        `PeerGroupDialog: unknown defaultTimezone "${zoneName}"; use an IANA name such as America/Chicago`,
      );
    }
    this.defaultZone = zone;
    this.reader = new AnswerReader(deps.strings);
    this.policy = new PolicyQuestions(deps.strings, this.reader, feature.directory);
    this.results = new ResultsQuestions(deps.strings, this.reader, feature.directory);
    this.questionnaire = peerQuestionnaire(deps.strings, feature.directory);
    this.addDialog(new TextPrompt(TEXT))
      .addDialog(new WaterfallDialog(ASK, [this.ask.bind(this), this.read.bind(this)]))
      .addDialog(new WaterfallDialog(NEXT, [this.offerNext.bind(this), this.actOnNext.bind(this)]))
      .addDialog(new WaterfallDialog(CHANGE, [this.askWhich.bind(this), this.readWhich.bind(this)]));
    this.initialDialogId = ASK;
  }

  /** Says what the finder does and what it took from the first message, then asks. */
  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: object,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const { recognition, text = '' } = (options ?? {}) as PeerGroupOptions;
    // "Can I go to NA on suboxone?" asks about NA; it does not choose 12-step groups.
    const asked = this.policy.groupAskedAbout(text);
    const medication = this.reader.medicationOf(text);
    const answers = asked
      ? { ...(medication ? { medication } : {}) }
      : recognition
        ? this.reader.prefill(recognition, text)
        : {};
    await innerDc.context.sendActivity(strings.text('peerGroups.intro'));
    if (asked) await plain(innerDc.context, this.policy.answer(asked));
    if (Object.keys(answers).length > 0) {
      const summary = this.writer(innerDc.context).summary(answers);
      await innerDc.context.sendActivity(strings.text('peerGroups.prefilled', { summary }));
    }
    await this.sayNoLocalList(innerDc, text);
    const state: FinderState = { answers, misses: 0 };
    return super.onBeginDialog(innerDc, state);
  }

  /** Asks the next unanswered question; with none left, shows the results. */
  private async ask(step: WaterfallStepContext<FinderState>): Promise<DialogTurnResult> {
    const state = step.options;
    const filter = this.questionnaire.next(state.answers);
    if (filter === undefined) return this.showResults(step, state);
    const { strings } = this.deps;
    const { ask, again } = peerQuestions[filter];
    const attempt = this.questionnaire.attempt(state.misses);
    const lines =
      attempt === 'first'
        ? [strings.text(ask), ...(filter === 'approach' ? [this.explainApproaches()] : [])]
        : attempt === 'again'
          ? [strings.text(again)]
          : [
              `${strings.text('peerGroups.offerSkip')} ${strings.text('answers.menuOrPerson')}`,
              strings.text(again),
            ];
    // A skip is understood even before it is offered ("skip this" is not "cancel" here).
    const shown = this.reader.choices(filter, attempt === 'stuck');
    return this.prompt(step, lines.join('\n\n'), shown, this.reader.choices(filter, true));
  }

  /**
   * Takes the answer (and any other answer named with it); else a change of another answer;
   * else asks again in other words, then offers a skip, then leaves the question open.
   */
  private async read(step: WaterfallStepContext<FinderState>): Promise<DialogTurnResult> {
    const state = step.options;
    const filter = this.questionnaire.next(state.answers);
    const text = String(step.result ?? '');
    const policyAnswered = await this.answerPolicyQuestion(step, state, text, ASK);
    if (policyAnswered) return policyAnswered;
    const recognition = this.recognition(step.context);
    const numbered =
      filter &&
      showsNumbers(
        step.context.activity.channelId,
        undefined,
        this.reader
          .choices(filter, this.questionnaire.attempt(state.misses) === 'stuck')
          .map((choice) => answerOptionOf(choice).label),
      );
    const reading = this.questionnaire.read(filter, text, (field) =>
      this.reader.read(field, text, recognition, numbered === true),
    );
    if (filter && reading.kind === 'back') return this.back(step, state, filter);
    // "in person in tucson": said plainly that no town can be searched; what else it says is kept.
    const noted = filter !== 'place' && (await this.sayNoLocalList(step, text));
    if (reading.kind === 'answer') {
      // "Alcohol, online please" answers this question and the format one.
      const patch = { ...this.reader.mentions(recognition, text), ...reading.patch };
      return step.replaceDialog(ASK, this.questionnaire.take(state.answers, patch));
    }
    const elsewhere = await this.otherRequest(step, state, text, recognition, 'question');
    if (elsewhere) return elsewhere;
    if (noted) return step.replaceDialog(ASK, state);
    // "wheres the link" before any group is shown: it can be asked at the results. Still a miss
    // here, so a person who keeps asking is offered a skip instead of the same line again.
    if (aboutGroups.has(this.results.read(text)?.kind ?? ''))
      await step.context.sendActivity(this.deps.strings.text('peerGroupResults.atResults'));
    await this.acknowledgeUpset(step.context, text);
    const missed = this.questionnaire.miss(state, filter);
    if (missed.skipped)
      await step.context.sendActivity(this.deps.strings.text('peerGroups.skippedAfterMisses'));
    return step.replaceDialog(ASK, missed.state);
  }

  /** "this is useless", "ugh": a short sorry and the way to a person before the simpler question. */
  private async acknowledgeUpset(context: TurnContext, text: string): Promise<void> {
    const { strings } = this.deps;
    if (checkAnswer(strings, text, { options: [] }).kind !== 'upset') return;
    await context.sendActivity(`${strings.text('answers.upset')} ${strings.text('answers.upsetWayOut')}`);
  }

  /**
   * Results: at most five cards, each with a text fallback in the message. When nothing fits:
   * says so, names one answer to leave out, shows national options, and offers a peer.
   */
  private async showResults(step: WaterfallStepContext, state: FinderState): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const search = new PeerSearch(this.finder.directory, this.searchContext(step.context));
    const writer = this.writer(step.context);
    const summary = writer.summary(state.answers);
    const matches = search.find(state.answers);
    if (matches.length > 0) {
      const timed = matches.some((match) => match.nextMeeting !== undefined);
      await this.sendMatches(step.context, writer, matches, [
        strings.text('peerGroups.resultsIntro', { summary }),
        ...(timed ? [this.timesIn(step.context)] : []),
      ]);
      return step.replaceDialog(NEXT, { answers: state.answers, misses: 0 });
    }
    const relax = search.relaxation(state.answers);
    await plain(step.context, strings.text('peerGroups.nothingFits', { summary }));
    // Medication is never left out: say so, and what they can do instead.
    if (state.answers.medication === 'required') {
      await step.context.sendActivity(strings.text('peerGroups.nothingFitsMedication'));
    }
    await step.context.sendActivity(
      relax
        ? strings.text('peerGroups.relaxOffer', {
            filter: strings.text(filterTerms[relax.filter]),
            count: relax.count,
          })
        : strings.text('peerGroups.noRelax'),
    );
    const national = search.nationalOptions(state.answers);
    if (national.length > 0) {
      await this.sendMatches(step.context, writer, national, [strings.text('peerGroups.nationalOptions')]);
    }
    const next: FinderState = { answers: state.answers, misses: 0, nothingFit: true };
    return step.replaceDialog(NEXT, relax ? { ...next, relax: relax.filter } : next);
  }

  /** What next: leave out the named answer (when nothing fitted), change one, a peer, or done. */
  private async offerNext(step: WaterfallStepContext<FinderState>): Promise<DialogTurnResult> {
    const state = step.options;
    const { strings } = this.deps;
    const attempt = this.questionnaire.attempt(state.misses);
    const lines =
      attempt === 'first' && state.answered
        ? [strings.text('peerGroupResults.nextAfterAnswer')]
        : attempt === 'first'
          ? [
              ...(state.nothingFit ? [strings.text('peerGroups.offerPeer')] : []),
              strings.text('peerGroups.nextPrompt'),
            ]
          : [strings.text(attempt === 'again' ? 'peerGroups.nextPromptAgain' : 'peerGroups.stuck')];
    return this.prompt(step, lines.join('\n\n'), this.nextChoices(state));
  }

  private async actOnNext(step: WaterfallStepContext<FinderState>): Promise<DialogTurnResult> {
    const state = step.options;
    const text = String(step.result ?? '');
    const policyAnswered = await this.answerPolicyQuestion(step, state, text, NEXT);
    if (policyAnswered) return policyAnswered;
    // "Change the format" names the answer: straight to it, not to the list of answers.
    const change = this.reader.changeRequest(text);
    if (change) return step.replaceDialog(ASK, this.questionnaire.change(state.answers, change));
    const asks = this.results.readEach(text);
    const picked = this.picked(step.context, text, this.nextChoices(state));
    // "Thank you. Is SMART Recovery free of charge?" is a question, not goodbye: the results stay open.
    switch (picked === 'done' && asks.length > 0 ? undefined : picked) {
      case 'relax':
        if (!state.relax) break;
        return this.showResults(step, { answers: { ...state.answers, [state.relax]: 'any' }, misses: 0 });
      case 'change':
        return step.replaceDialog(CHANGE, { answers: state.answers, misses: 0 });
      case 'peer':
        return step.endDialog({ handoff: true } satisfies PeerGroupResult);
      case 'done':
        await step.context.sendActivity(this.deps.strings.text('peerGroups.done'));
        return step.endDialog({ done: true } satisfies PeerGroupResult);
    }
    const last = asks.at(-1);
    // Each question but the last is answered in a line; the last as its own turn (it may move on).
    for (const asked of asks.slice(0, -1)) await this.sayAboutResults(step, state, asked);
    if (last) return this.answerAboutResults(step, state, last);
    const elsewhere = await this.otherRequest(step, state, text, this.recognition(step.context), 'results');
    return elsewhere ?? step.replaceDialog(NEXT, { ...state, misses: state.misses + 1, answered: false });
  }

  /**
   * A question or request typed at the results: "none of these" (change an answer), "more",
   * a place, or a question about the groups shown, answered from the directory; then the
   * results' choices again.
   */
  private async answerAboutResults(
    step: WaterfallStepContext,
    state: FinderState,
    asked: ResultsAsk,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const search = new PeerSearch(this.finder.directory, this.searchContext(step.context));
    const writer = this.writer(step.context);
    const shown = state.nothingFit ? search.nationalOptions(state.answers) : search.find(state.answers);
    const again = () => step.replaceDialog(NEXT, { ...state, misses: 0, answered: true });
    switch (asked.kind) {
      case 'none':
        await step.context.sendActivity(strings.text('peerGroupResults.noneFit'));
        return step.replaceDialog(CHANGE, { answers: state.answers, misses: 0 });
      case 'more': {
        const more = state.nothingFit ? [] : search.find(state.answers, shown.length * 2).slice(shown.length);
        if (more.length > 0)
          await this.sendMatches(step.context, writer, more, [strings.text('peerGroupResults.moreIntro')]);
        else await step.context.sendActivity(strings.text('peerGroupResults.noMore'));
        return again();
      }
      case 'place':
        if (this.results.hasLocalGroups() && asked.place)
          return this.showResults(step, { answers: { ...state.answers, place: asked.place }, misses: 0 });
        await this.sayNoLocalList(step, step.context.activity.text ?? '');
        await step.context.sendActivity(strings.text('peerGroupResults.offerOnline'));
        return again();
      default:
        await plain(step.context, this.results.answer(asked.kind, shown, writer));
        // A question the directory cannot answer counts as a miss: asked twice, the menu and a person.
        if (asked.kind === 'unknown') return step.replaceDialog(NEXT, { ...state, misses: state.misses + 1 });
        return again();
    }
  }

  /** One of several questions asked at once: answered from the directory, the results kept. */
  private async sayAboutResults(step: WaterfallStepContext, state: FinderState, asked: ResultsAsk) {
    if (asked.kind === 'none' || asked.kind === 'more') return;
    if (asked.kind === 'place') {
      if (!this.results.hasLocalGroups()) await this.sayNoLocalList(step, step.context.activity.text ?? '');
      return;
    }
    const search = new PeerSearch(this.finder.directory, this.searchContext(step.context));
    const shown = state.nothingFit ? search.nationalOptions(state.answers) : search.find(state.answers);
    await plain(step.context, this.results.answer(asked.kind, shown, this.writer(step.context)));
  }

  /**
   * A place said ("anything near me", "close to 85705") where the directory has no local groups:
   * said plainly, once in this message, so nobody waits for a meeting list that does not exist.
   */
  private async sayNoLocalList(dc: DialogContext, text: string): Promise<boolean> {
    if (this.results.hasLocalGroups() || !this.results.placeIn(text)) return false;
    // Once per search in full (group B: the paragraph came back on every screen), then a short line.
    const search = this.searchState(dc);
    await dc.context.sendActivity(
      this.deps.strings.text(
        search.noLocalListSaid ? 'peerGroupResults.noLocalListAgain' : 'peerGroupResults.noLocalList',
      ),
    );
    search.noLocalListSaid = true;
    return true;
  }

  /** This search's own state (the finder's instance), whichever of its steps `dc` is in. */
  private searchState(dc: DialogContext): { noLocalListSaid?: boolean } {
    for (let at: DialogContext | undefined = dc; at; at = at.parent)
      if (at.activeDialog?.id === this.id) return at.activeDialog.state as { noLocalListSaid?: boolean };
    return {};
  }

  /** Which answer to change: the current answers, and a button for each (or keep them). */
  private async askWhich(step: WaterfallStepContext<FinderState>): Promise<DialogTurnResult> {
    const state = step.options;
    const { strings } = this.deps;
    const writer = this.writer(step.context);
    const current = this.questionnaire.changeable(state.answers).map((filter) =>
      strings.text('peerGroups.currentAnswer', {
        filter: strings.text(peerQuestions[filter].change),
        value: writer.value(filter, state.answers),
      }),
    );
    const intro = strings.text(whichChange[this.questionnaire.attempt(state.misses)]);
    return this.prompt(step, [intro, ...current].join('\n'), this.changeChoices(state.answers));
  }

  private async readWhich(step: WaterfallStepContext<FinderState>): Promise<DialogTurnResult> {
    const state = step.options;
    const text = String(step.result ?? '');
    const policyAnswered = await this.answerPolicyQuestion(step, state, text, CHANGE);
    if (policyAnswered) return policyAnswered;
    const picked = this.picked(step.context, text, this.changeChoices(state.answers));
    if (picked === 'keep') return this.showResults(step, { answers: state.answers, misses: 0 });
    const filter = filters.find((f) => f === picked) ?? this.reader.changeRequest(text);
    // "what its for. pills and alcohol": an answer said after the choice is taken at once.
    const after = sentencesOf(text).slice(1).join(' ');
    const said = filter && after && this.reader.read(filter, after, this.recognition(step.context));
    if (said) return this.showResults(step, { answers: { ...state.answers, ...said }, misses: 0 });
    if (filter) return step.replaceDialog(ASK, this.questionnaire.change(state.answers, filter));
    const elsewhere = await this.otherRequest(step, state, text, this.recognition(step.context), 'results');
    return elsewhere ?? step.replaceDialog(CHANGE, { ...state, misses: state.misses + 1 });
  }

  /**
   * A message that is no answer here but changes one: an answer named in passing ("make it
   * online": taken, then the same question again, or the results again), or a request to change
   * one ("change the format"). Undefined when it is neither. (Other topics, a person, help,
   * menu and cancel are handled above, by InterruptibleDialog.)
   */
  private async otherRequest(
    step: WaterfallStepContext,
    state: FinderState,
    text: string,
    recognition: WayfinderRecognition,
    /** Asking a question (re-ask it after an answer named in passing), or after results (show them again). */
    at: 'question' | 'results',
  ): Promise<DialogTurnResult | undefined> {
    const { strings } = this.deps;
    // "is it like AA?" asks; it does not choose 12-step groups: a question changes no answer.
    const asking = checkAnswer(strings, text, { options: [] }).kind === 'question';
    const focus = at === 'results' && !asking ? this.reader.focusSaid(text) : undefined;
    if (focus && focus === state.answers.focus) {
      // Said again as a correction ("its not just alcohol its pills mostly"): it is what I have.
      const summary = this.writer(step.context).summary({ focus });
      await step.context.sendActivity(strings.text('peerGroups.updated', { summary }));
      return step.replaceDialog(NEXT, { ...state, misses: 0 });
    }
    const mentioned = asking
      ? {}
      : {
          ...this.reader.mentions(recognition, text),
          ...(focus && focus !== state.answers.focus ? { focus } : {}),
        };
    if (Object.keys(mentioned).length > 0) {
      const answers = { ...state.answers, ...mentioned };
      if (at === 'question') {
        await step.context.sendActivity(
          strings.text('peerGroups.updated', { summary: this.writer(step.context).summary(mentioned) }),
        );
        return step.replaceDialog(ASK, { answers, misses: 0 });
      }
      return this.showResults(step, { answers, misses: 0 });
    }
    const change = this.reader.changeRequest(text);
    return change ? step.replaceDialog(ASK, this.questionnaire.change(state.answers, change)) : undefined;
  }

  /**
   * A worry about one's own medication (answered kindly, with no advice) or a question about a
   * group's medication policy ("can i go to NA on suboxone?"): answered from the directory, then
   * the open prompt (`again`) once more. Medication named in it is kept;
   * the group named is not taken as a choice.
   */
  private async answerPolicyQuestion(
    step: WaterfallStepContext,
    state: FinderState,
    text: string,
    again: typeof ASK | typeof NEXT | typeof CHANGE,
  ): Promise<DialogTurnResult | undefined> {
    const { strings } = this.deps;
    // "Should I stop my buprenorphine so that I fit in?": her path is a recognized one, and the
    // choice is hers and her prescriber's; no advice, and the same question again.
    const worry = medicationWorryIn(strings, text);
    if (worry === 'judged') await step.context.sendActivity(strings.text('peerGroups.feltJudged'));
    if (worry) await step.context.sendActivity(strings.text('peerGroups.medicationReassure'));
    const group = worry ? undefined : this.policy.groupAskedAbout(text);
    if (!group && !worry) return undefined;
    if (group) await plain(step.context, this.policy.answer(group));
    const medication = again === ASK ? this.reader.medicationOf(text) : undefined;
    const answers = medication ? { ...state.answers, medication } : state.answers;
    return step.replaceDialog(again, { ...state, answers });
  }

  /** "back": the question before this one asked again (its answer cleared), the other answers kept. */
  private async back(
    step: WaterfallStepContext,
    state: FinderState,
    current: Filter,
  ): Promise<DialogTurnResult> {
    const before = this.questionnaire.back(state.answers, current);
    if (before) return step.replaceDialog(ASK, before);
    await step.context.sendActivity(this.deps.strings.text('answers.nothingBefore'));
    return step.replaceDialog(ASK, { ...state, misses: 0 });
  }

  private changeChoices(answers: Preferences): Choice[] {
    return [
      ...this.questionnaire
        .changeable(answers)
        .map((filter) => this.reader.changeChoice(filter, peerQuestions[filter].change)),
      this.reader.choice({
        value: 'keep',
        label: 'peerGroupChoices.keepAnswers',
        words: 'peerGroupChoices.keepAnswersWords',
      }),
    ];
  }

  private nextChoices(state: FinderState): Choice[] {
    const choice = (value: NextStep, label: StringKey, words: StringKey) =>
      this.reader.choice({ value, label, words });
    return [
      ...(state.relax ? [choice('relax', 'peerGroupChoices.relax', 'peerGroupChoices.relaxWords')] : []),
      choice('change', 'peerGroupChoices.changeAnswer', 'peerGroupChoices.changeAnswerWords'),
      choice('peer', 'peerGroupChoices.connectPeer', 'peerGroupChoices.connectPeerWords'),
      choice('done', 'peerGroupChoices.finished', 'peerGroupChoices.finishedWords'),
    ];
  }

  /** The value of the one choice `text` picks (button, number or synonym), or undefined. */
  private picked(context: TurnContext, text: string, choices: readonly Choice[]): string | undefined {
    return typedAnswerReader(this.deps.strings).read(
      text,
      typedQuestionOf(context.activity.channelId, choices, {}),
    )?.value;
  }

  private async sendMatches(
    context: TurnContext,
    writer: PeerGroupWriter,
    matches: readonly Match[],
    intro: string[],
  ): Promise<void> {
    await context.sendActivity(
      writer.matchesActivity(matches, intro, showsAdaptiveCards(context.activity.channelId)),
    );
  }

  private explainApproaches(): string {
    return approachExplained.map((key) => `- ${this.deps.strings.text(key)}`).join('\n');
  }

  /** Which zone times are said in, and why. */
  private timesIn(context: TurnContext): string {
    const { zone, known } = this.zoneOf(context);
    return this.deps.strings.text(known ? 'peerGroups.timesIn' : 'peerGroups.timesInDefault', {
      zone: zone.name,
    });
  }

  /** The person's zone: the channel's localTimezone when it is a real IANA zone, else the default. */
  private zoneOf(context: TurnContext): { zone: Zone; known: boolean } {
    const named = context.activity.localTimezone ? ianaZone(context.activity.localTimezone) : undefined;
    return named ? { zone: named, known: true } : { zone: this.defaultZone, known: false };
  }

  private searchContext(context: TurnContext): SearchContext {
    return { now: this.finder.clock(), zone: this.zoneOf(context).zone };
  }

  private writer(context: TurnContext): PeerGroupWriter {
    return new PeerGroupWriter(this.deps.strings, this.zoneOf(context).zone);
  }

  /**
   * This message as the bot's recognizer read it (entities, dates in the person's zone). Without
   * one, only buttons, numbers and the words in resources/locales are understood.
   */
  private recognition(context: TurnContext): WayfinderRecognition {
    return signals.recognition.get(context) ?? { intent: 'none', score: 1, entities: noEntities() };
  }

  /**
   * A text prompt with buttons (or the channel's substitute: a card or a numbered list). The
   * answers it accepts go in the prompt's options, where InterruptibleDialog looks to tell an
   * answer ("In person", "Skip this question") from a change of topic or a command.
   */
  private prompt(
    step: WaterfallStepContext,
    text: string,
    shown: Choice[],
    accepted: Choice[] = shown,
  ): Promise<DialogTurnResult> {
    const prompt = shown.length > 0 ? choicesActivity(step.context.activity.channelId, shown, text) : text;
    return step.prompt(TEXT, { prompt, retryPrompt: prompt, choices: accepted });
  }
}

/** Questions about the groups that are answered once they are shown. */
const aboutGroups: ReadonlySet<string> = new Set(['link', 'time', 'cost', 'talk', 'family']);

/** Sends text as plain text: it carries data (the place typed), never to be read as markdown. */
async function plain(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.Message, textFormat: 'plain', text });
}
