import { ActivityTypes } from 'botbuilder';
import {
  type Choice,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { conditionFrom } from '../src/accommodations/conditions.js';
import type { RequestToPractice } from '../src/accommodations/letter.js';
import { choicesActivity } from '../src/channels/choice-buttons.js';
import type { StringKey } from '../src/content/strings.js';
import { checkAnswer } from '../src/language/answer-check.js';
import type { DialogCommand } from '../src/language/commands.js';
import { escapeText } from '../src/language/free-text.js';
import type { WayfinderRecognition } from '../src/language/intents/index.js';
import { normalizeText } from '../src/language/normalize.js';
import { type FeatureIntent, isFeatureIntent, thresholds } from '../src/language/routing.js';
import { clausesOf, sentencesOf } from '../src/language/sentences.js';
import { typedAnswerReader } from '../src/language/typed-answer.js';
import { FeedbackWriter, isThing, type Turn } from '../src/practice/feedback.js';
import { type PracticeHistory, recordSession } from '../src/practice/history.js';
import type { PracticeContent } from '../src/practice/index.js';
import { advance, type Move, pickMove, type RolePlayState } from '../src/practice/moves.js';
import { counterpartNameIn, type NameWords, retitled, withName } from '../src/practice/names.js';
import { reasonFromAnswer, reasonIn } from '../src/practice/reason.js';
import {
  namesOneOf,
  type Scenario,
  type SceneChoice,
  type Situation,
  sceneForRequest,
  sceneNamedIn,
  sceneOf,
  situationNamedIn,
} from '../src/practice/scenarios.js';
import { detectSkills } from '../src/practice/skills.js';
import { correctedRequest, fillLine, ownRequestIn, requestIn, secondPerson } from '../src/practice/slots.js';
import type { UserProperty } from '../src/state/user-property.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { leafOf } from './dialog-levels.js';
import { InterruptibleDialog, type LeftResult } from './interruptible-dialog.js';
import { answersOpenChoice } from './open-choice.js';
import { typedQuestionOf } from './typed-choice-prompt.js';

/** The dialog's id (stored in conversation state: renaming it strands conversations in it). */
export const PRACTICE_DIALOG_ID = 'practice';

/** What practice mode needs, beyond what every dialog gets. */
export interface PracticeFeature {
  content: PracticeContent;
  /** "Now", for the date a practice is saved with (tests fix it). */
  clock: () => Date;
  /** User-state property `practiceHistory` (see src/user-properties.ts). */
  history: UserProperty<PracticeHistory>;
}

/**
 * Begin options: what the person already said. `scenario` (an id), or a scene named in `text`
 * ("practice with my landlord"), skips the choice.
 */
export interface PracticeOptions {
  recognition?: WayfinderRecognition;
  text?: string;
  scenario?: string;
  /** A request just saved ("Practice saying it"): its counterpart, ask and reason make the scene. */
  fromRequest?: RequestToPractice;
}

/** How practice ended: finished, wants a peer (the caller starts the handoff), or left (cancel/menu). */
export type PracticeResult = { done: true } | { next: 'handoff' } | LeftResult;

interface PickState {
  misses: number;
  /** What a saved request asks for and why, kept while its counterpart is chosen. */
  carried?: { request?: string; reason?: string };
  /** The scene just played, so what is said after it ("try again w out that") can replay it. */
  played?: SceneChoice;
}
/** What is known of the scene so far, and the questions already put (a skipped one is not asked again). */
interface ModeState extends PickState, SceneChoice {
  asked: Question[];
  /** The question answered last, where "back" at the next one returns. */
  from?: Question;
}
type Question = 'request' | 'reason';
interface SceneState extends SceneChoice {
  coach: boolean;
  play: RolePlayState;
  /** What the counterpart says next (the prompt, so help and a pause re-ask it). */
  line: string;
  turns: Turn[];
  /**
   * The reason the person gave in the scene itself: the only one the counterpart knows (what
   * they told the coach before it stays with the coach; group A, Marcus and his IOP).
   */
  told?: string;
  /** The person said the counterpart must not know something: their reason is never used. */
  keepPrivate?: true;
}

const TEXT = 'practiceText';
const CHOOSE = 'practiceChoose';
const MODE = 'practiceMode';
const REQUEST = 'practiceRequest';
const REASON = 'practiceReason';
const SCENE = 'practiceScene';
const NEXT = 'practiceNext';
const DELETE = 'practiceDelete';
/** Each question's plain one-line version (the scene's lines are the person's to answer). */
const plainKeys: Readonly<Record<string, StringKey>> = {
  [CHOOSE]: 'practice.plainChoose',
  [REQUEST]: 'practice.plainRequest',
  [REASON]: 'practice.plainReason',
  [MODE]: 'practice.plainMode',
  [NEXT]: 'practice.plainNext',
};

/**
 * Whether a role-play scene waits for the person's next line: what they type is said to the
 * counterpart ("I've been having cravings", told to a prescriber), scene content first of all.
 */
export function askingForSceneLine(dc: DialogContext): boolean {
  const { stack } = leafOf(dc);
  return stack.at(-1)?.id === TEXT && stack.at(-2)?.id === SCENE;
}

/**
 * Practice mode (issue 9): the person picks a scene, chooses coaching as they go or at the end,
 * and rehearses while the bot plays the other side, reacting to what they do (see pickMove).
 * "stop" ends the scene with feedback; help, menu and cancel work at every prompt. Feedback names
 * what went well first, then one or two things to try, and a finished practice is saved (skill
 * names only) so progress can be shown.
 */
export class PracticeDialog extends InterruptibleDialog {
  protected override readonly feature = 'practice' as const;
  private readonly practice: PracticeFeature;
  private readonly writer: FeedbackWriter;
  private readonly stopWords: ReadonlySet<string>;
  private readonly feedbackAsks: readonly string[];
  /** How a message that changes the scene starts ("no, my doctor", "not that one"). */
  private readonly changeWords: readonly string[];
  private readonly notThingStarts: ReadonlySet<string>;
  private readonly nameWords: NameWords;

  /** The shared reader of typed answers (built once per locale). */
  private get reader() {
    return typedAnswerReader(this.deps.strings);
  }

  constructor(deps: DialogDeps, feature: PracticeFeature) {
    super(PRACTICE_DIALOG_ID, deps);
    if (!feature?.content?.scenarios?.length || !feature.clock || !feature.history) {
      throw new Error(
        'PracticeDialog needs feature.content (loadPracticeContent()), feature.clock and feature.history',
      );
    }
    this.practice = feature;
    this.writer = new FeedbackWriter(deps.strings);
    this.stopWords = new Set(deps.strings.variants('practice.stopWords').map(normalizeText));
    this.feedbackAsks = deps.strings.variants('practice.feedbackAsks').map(normalizeText);
    this.changeWords = deps.strings.variants('practice.changeCues').map(normalizeText);
    this.notThingStarts = new Set(deps.strings.variants('practice.notThingStarts'));
    this.nameWords = {
      says: deps.strings.variants('practice.nameSaysWords'),
      before: deps.strings.variants('practice.nameBeforeWords'),
      titles: deps.strings.variants('practice.nameTitles'),
      // The words of a scene's button ("the doctor hurry one") describe it, never name anyone.
      notNames: [
        ...deps.strings.variants('practice.notNameWords'),
        ...feature.content.scenarios.flatMap((scenario) =>
          [scenario.title, ...(scenario.situations ?? []).map((situation) => situation.title)].flatMap(
            (title) => title.toLowerCase().split(/[^a-z']+/),
          ),
        ),
      ],
    };
    this.addDialog(new TextPrompt(TEXT))
      .addDialog(
        new WaterfallDialog<PickState>(CHOOSE, [this.askScenario.bind(this), this.readScenario.bind(this)]),
      )
      .addDialog(
        new WaterfallDialog<ModeState>(REQUEST, [this.askRequest.bind(this), this.readRequest.bind(this)]),
      )
      .addDialog(
        new WaterfallDialog<ModeState>(REASON, [this.askReason.bind(this), this.readReason.bind(this)]),
      )
      .addDialog(new WaterfallDialog<ModeState>(MODE, [this.askMode.bind(this), this.readMode.bind(this)]))
      .addDialog(new WaterfallDialog<SceneState>(SCENE, [this.speak.bind(this), this.hear.bind(this)]))
      .addDialog(new WaterfallDialog<PickState>(NEXT, [this.offerNext.bind(this), this.actOnNext.bind(this)]))
      // "...stop. delete my data" in a scene: the bot's own delete question (it finds it above this
      // dialog), then what next; a yes closes every dialog, as everywhere.
      .addDialog(
        new WaterfallDialog(DELETE, [
          (step) => step.beginDialog(DialogIds.deleteData),
          (step) => step.replaceDialog(NEXT, { misses: 0 } satisfies PickState),
        ]),
      );
    this.initialDialogId = CHOOSE;
  }

  /** Says it is a role-play by an automated assistant (no advice), then the scene or the choice. */
  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: object,
  ): Promise<DialogTurnResult> {
    const { scenario: id, text, fromRequest } = (options ?? {}) as PracticeOptions;
    await innerDc.context.sendActivity(this.deps.strings.text('practice.intro'));
    if (fromRequest) return this.practiceRequest(innerDc, fromRequest);
    // "Practice asking my landlord about my support animal" names the scene and the request;
    // an id in the options wins.
    const named = id !== undefined ? { scenario: id } : text ? this.sceneNamedIn(text) : undefined;
    if (named !== undefined) {
      // A scene id chosen by the caller is a whole scene; words are the person's, asked about.
      const asked: Question[] = id !== undefined ? ['request', 'reason'] : [];
      if (this.scenario(named.scenario)) return this.next(innerDc, this.withWords(named, text ?? ''), asked);
      await innerDc.context.sendActivity(this.deps.strings.text('practice.unknownScenario'));
    }
    return innerDc.beginDialog(CHOOSE, { misses: 0 } satisfies PickState);
  }

  /**
   * A saved request rehearsed: its counterpart's scene, on what it asks for and why, in the
   * request's words; the scene list (keeping them) when no scene has that counterpart.
   */
  private practiceRequest(dc: DialogContext, saved: RequestToPractice): Promise<DialogTurnResult> {
    const carried = { request: saved.request, ...(saved.reason ? { reason: saved.reason } : {}) };
    const scene = sceneForRequest(this.practice.content.scenarios, saved.counterparts, saved.request);
    // The request's "who" may name them ("my supervisor mike", group A, Marcus: Pat was played).
    if (scene)
      return this.next(dc, this.namedIn({ ...scene, ...carried }, saved.counterparts.join('. ')), [
        'request',
        'reason',
      ]);
    return dc.beginDialog(CHOOSE, { misses: 0, carried } satisfies PickState);
  }

  /**
   * Role-play lines are about appointments and work by design, so they are never taken as a
   * change of topic; "menu" and "cancel" still leave.
   */
  protected override switchesTopics(): boolean {
    return false;
  }

  /**
   * Asking for a person while choosing a scene or answering a question about it ("talk to a
   * person", "i want a real person") goes to the handoff at once, as a global command; practice
   * is kept to come back to. In the scene, lines are the person's words to the character.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (!this.inScene(innerDc) && this.asksForPerson(innerDc)) return this.switchTo(innerDc, 'handoff');
    const plain = this.plainVersion(innerDc);
    if (plain) {
      // "what", "to hard" (group D, Pat): the question in one plain line, then its choices again.
      await innerDc.context.sendActivity(this.deps.strings.text(plain));
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    return super.onContinueDialog(innerDc);
  }

  /** The plain line for the open question when the whole message says it was not understood. */
  private plainVersion(dc: DialogContext): StringKey | undefined {
    const { activity } = dc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const confused = this.deps.strings.variants('practice.confusedWords').map(normalizeText);
    if (
      !confused.includes(
        normalizeText(activity.text ?? '')
          .replace(/\?/g, '')
          .trim(),
      )
    )
      return undefined;
    return dc.stack.map((instance) => plainKeys[instance.id]).find((key) => key !== undefined);
  }

  private asksForPerson(dc: DialogContext): boolean {
    if (dc.context.activity.type !== ActivityTypes.Message || answersOpenChoice(dc, this.deps.strings))
      return false;
    const recognition = signals.recognition.get(dc.context);
    return recognition?.intent === 'handoff' && recognition.score >= thresholds.route;
  }

  private inScene(dc: DialogContext): boolean {
    return dc.stack.some((instance) => instance.id === SCENE);
  }

  /**
   * In a scene, "stop" ends the scene with feedback (instead of cancelling), and only the exact
   * words help/menu/cancel are commands: "can you help me with my shift" is a line to the character.
   */
  protected override commandIn(dc: DialogContext): DialogCommand | undefined {
    if (!this.inScene(dc)) return super.commandIn(dc);
    const text = dc.context.activity.text;
    if (this.isStop(text)) return undefined;
    const exact = this.deps.commands.recognize(text);
    return exact === 'help' || exact === 'menu' || exact === 'cancel' ? exact : undefined;
  }

  private async askScenario(step: WaterfallStepContext<PickState>): Promise<DialogTurnResult> {
    const { misses } = step.options;
    const key: StringKey = misses === 0 ? 'practice.chooseScenario' : 'practice.chooseScenarioAgain';
    return this.prompt(step, key, this.scenarioChoices(), misses);
  }

  private async readScenario(step: WaterfallStepContext<PickState>): Promise<DialogTurnResult> {
    const { misses, carried } = step.options;
    if (carried) return this.readScenarioFor(step, carried);
    const text = String(step.result ?? '');
    const { scenarios } = this.practice.content;
    const { channelId } = step.context.activity;
    // A scene's button, typed or tapped (its number, a typo, "the doctor hurry one"), is a whole
    // scene, its request and reason included; one or two words of it ("landlord", "my PO") name
    // the counterpart only.
    const titles = scenarios.map((scenario) => scenario.title);
    const button = this.reader.read(text, typedQuestionOf(channelId, titles, {}));
    const fewWords = button?.how === 'words' && text.trim().split(/\s+/).length < 3;
    const whole = button === undefined || fewWords ? undefined : scenarios[button.index];
    if (whole) return this.next(step, { scenario: whole.id }, ['request', 'reason'], true);
    // "My landlord, about my dog" picks the landlord and the request; "probaton officer" the
    // counterpart only: what is missing is asked.
    const named = this.sceneNamedIn(text);
    if (named) return this.next(step, this.withWords(named, text), [], true);
    // "2 i guess but i want to ask for a dose review" (group A, Dee): a number, then their words.
    const [, number, rest] = /^\s*(\d{1,2})\b[\s.,:;)-]*(.+)$/s.exec(text) ?? [];
    const numbered =
      number && this.reader.read(number, typedQuestionOf(channelId, this.scenarioChoices(), {}));
    const listed = numbered ? scenarios[numbered.index] : undefined;
    // "5 but its not an application, ... its about the rent and my dog" (group D, Ava): the
    // situation her words name, not the general scene.
    const scene = listed && (situationNamedIn(listed, rest ?? '') ?? { scenario: listed.id });
    if (scene && rest) return this.next(step, this.withWords(scene, rest), [], true);
    const pick = this.reader.read(text, typedQuestionOf(channelId, this.scenarioChoices(), {}));
    const scenario = pick === undefined ? undefined : scenarios[pick.index];
    if (!scenario) return step.replaceDialog(CHOOSE, { misses: misses + 1 } satisfies PickState);
    return this.next(step, { scenario: scenario.id }, [], true);
  }

  /** The counterpart for a saved request's words: its general scene, or the situation they name. */
  private async readScenarioFor(
    step: WaterfallStepContext<PickState>,
    carried: NonNullable<PickState['carried']>,
  ): Promise<DialogTurnResult> {
    const { misses } = step.options;
    const pick = this.reader.read(
      String(step.result ?? ''),
      typedQuestionOf(step.context.activity.channelId, this.scenarioChoices(), {}),
    );
    const scenario = pick === undefined ? undefined : this.practice.content.scenarios[pick.index];
    if (!scenario) return step.replaceDialog(CHOOSE, { misses: misses + 1, carried } satisfies PickState);
    const situation = scenario.situations?.find((s) => namesOneOf(carried.request ?? '', s.keywords));
    const scene = { scenario: scenario.id, ...(situation ? { situation: situation.id } : {}) };
    return this.next(step, { ...scene, ...carried }, ['request', 'reason'], true);
  }

  /**
   * Asks for what is still missing, one question each: what they want to ask (when the
   * counterpart has more than one scene), then why; then the coaching question.
   */
  private next(
    dc: DialogContext,
    choice: SceneChoice,
    asked: Question[],
    replace = false,
    from?: Question,
  ): Promise<DialogTurnResult> {
    // "practice asking my supervisor mike..." (group A, Marcus): the name is kept from the start.
    const named = this.namedIn(choice, dc.context.activity.text ?? '');
    const missing =
      !choice.situation && !choice.request && !asked.includes('request')
        ? REQUEST
        : !choice.reason && !asked.includes('reason')
          ? REASON
          : MODE;
    const state: ModeState = { ...named, asked, misses: 0, ...(from ? { from } : {}) };
    return replace ? dc.replaceDialog(missing, state) : dc.beginDialog(missing, state);
  }

  /** "What would you like to ask them about?", with the counterpart's requests as buttons. */
  private async askRequest(step: WaterfallStepContext<ModeState>): Promise<DialogTurnResult> {
    const state = step.options;
    const scenario = this.scenarioOf(state.scenario);
    if (!scenario.situations?.length) {
      // One scene with them: what they want is asked in their words, with the scene's as an example.
      const key: StringKey = state.misses === 0 ? 'practice.askRequestOwn' : 'practice.askRequestOwnAgain';
      const example = lowerFirst(scenario.label);
      return step.prompt(TEXT, { prompt: this.deps.strings.text(key, { example }) });
    }
    const key: StringKey = state.misses === 0 ? 'practice.askRequest' : 'practice.askRequestAgain';
    return this.prompt(step, key, this.requestChoices(state.scenario), state.misses);
  }

  /**
   * Their request: a keyword ("my dog", "getting off probation early"), a button's words, a
   * number or a typo of one; their own words otherwise ("coming in at 11 on thursdays"), played
   * in the general scene; "idk" plays the general scene; "skip" picks no scene, the choices are
   * asked again (group B); another counterpart turned to ("no, my doctor") moves there.
   */
  private async readRequest(step: WaterfallStepContext<ModeState>): Promise<DialogTurnResult> {
    const state = step.options;
    const text = String(step.result ?? '');
    const { reader } = this;
    if (reader.stepWord(text) === 'back')
      return step.replaceDialog(CHOOSE, { misses: 0 } satisfies PickState);
    if (await this.declinedAdvice(step, text)) return step.replaceDialog(REQUEST, state);
    const asked: Question[] = [...state.asked, 'request'];
    const scenario = this.scenarioOf(state.scenario);
    const moved = this.turnedTo(step, text, state, 'request');
    if (moved) return this.next(step, moved, state.asked, true);
    const choices = scenario.situations?.length ? this.requestChoices(state.scenario) : [];
    const question = typedQuestionOf(step.context.activity.channelId, choices, {});
    const checked = checkAnswer(this.deps.strings, text, question);
    if (checked.kind === 'pick') {
      const situation = scenario.situations?.[checked.pick.index];
      const picked = { ...this.choiceOf(state), ...(situation ? { situation: situation.id } : {}) };
      // A few words of a button ("the animal one") point at it; other words may be theirs to say back.
      const words = checked.pick.how === 'words' ? picked : this.withWords(picked, text, true);
      return this.next(step, words, asked, true, 'request');
    }
    if (reader.stepWord(text) === 'skip')
      return choices.length
        ? step.replaceDialog(REQUEST, { ...state, misses: state.misses + 1 })
        : this.next(step, this.choiceOf(state), asked, true, 'request');
    if (checked.kind === 'upset') await this.acknowledgeUpset(step);
    const words =
      checked.kind === 'words' || checked.kind === 'correction'
        ? checked.words
        : checked.kind === 'question' && !this.asksBack(text)
          ? text
          : undefined;
    const request = words ? this.ownRequest(words, true) : undefined;
    if (request) return this.next(step, { ...this.choiceOf(state), request }, asked, true, 'request');
    const unclear = words !== undefined || checked.kind === 'question' || checked.kind === 'upset';
    if (unclear && state.misses < 1)
      return step.replaceDialog(REQUEST, { ...state, misses: state.misses + 1 });
    return this.next(step, this.choiceOf(state), asked, true, 'request');
  }

  /** "Why does this matter to you?": their reason, in their words, or none ("skip"). */
  private async askReason(step: WaterfallStepContext<ModeState>): Promise<DialogTurnResult> {
    const { misses } = step.options;
    return step.prompt(TEXT, {
      prompt: this.deps.strings.text(misses === 0 ? 'practice.askReason' : 'practice.askReasonAgain'),
    });
  }

  /**
   * Their reason: "back" goes to the question before; "idk", "skip" or "no" goes on without one;
   * frustration is acknowledged and the question dropped; a lone number or a question ("what do
   * you mean?") gets an example, once; anything else is their reason, in their words.
   */
  private async readReason(step: WaterfallStepContext<ModeState>): Promise<DialogTurnResult> {
    const state = step.options;
    const text = String(step.result ?? '');
    const reader = this.reader;
    if (reader.stepWord(text) === 'back') return this.back(step, { ...state, from: 'request' });
    if (await this.declinedAdvice(step, text)) return step.replaceDialog(REASON, state);
    const moved = this.turnedTo(step, text, state, 'reason');
    if (moved) return this.next(step, moved, [], true);
    const asked: Question[] = [...state.asked, 'reason'];
    // "feedback at the end" answered ahead (group D) is no reason: the coaching question comes next.
    const ahead = reader.read(text, typedQuestionOf(step.context.activity.channelId, this.modeChoices(), {}));
    const answersAhead = ahead !== undefined && ahead.how !== 'position' && ahead.how !== 'words';
    if (reader.saysNothing(text) || answersAhead)
      return this.next(step, this.choiceOf(state), asked, true, 'reason');
    const checked = checkAnswer(this.deps.strings, text, { options: [] });
    if (checked.kind === 'upset') {
      await this.acknowledgeUpset(step);
      return this.next(step, this.choiceOf(state), asked, true, 'reason');
    }
    const words = checked.kind === 'words' || checked.kind === 'correction' ? checked.words : undefined;
    const reason = words
      ? reasonFromAnswer(words, this.deps.strings.variants('practice.reasonCues'))
      : undefined;
    if (reason) return this.next(step, { ...this.choiceOf(state), reason }, asked, true, 'reason');
    if (state.misses < 1) return step.replaceDialog(REASON, { ...state, misses: state.misses + 1 });
    return this.next(step, this.choiceOf(state), asked, true, 'reason');
  }

  /**
   * "back": the question answered before (`state.from`), its answer dropped; the scene list when
   * none was asked (a scene's own button, or everything said in the first message).
   */
  private back(step: WaterfallStepContext, state: ModeState): Promise<DialogTurnResult> {
    const { scenario, reason } = state;
    if (state.from === 'reason')
      return step.replaceDialog(REASON, {
        ...this.choiceOf({ ...state, reason: undefined }),
        asked: state.asked.filter((question) => question !== 'reason'),
        misses: 0,
        from: 'request',
      } satisfies ModeState);
    if (state.from === 'request' && state.asked.includes('request'))
      return step.replaceDialog(REQUEST, {
        scenario,
        ...(reason ? { reason } : {}),
        asked: [],
        misses: 0,
      } satisfies ModeState);
    return step.replaceDialog(CHOOSE, { misses: 0 } satisfies PickState);
  }

  /**
   * Another scene the person turns to while its questions are asked: at the coaching question any
   * scene named ("the landlord one"); at the request, one named after a change word ("no, my
   * doctor", "not that one, my landlord"), by its button's words or by a request of its own ("my
   * dog"); at the reason, only after a change word (a reason may name a doctor). The same
   * counterpart after a change word asks again what it is about. Undefined when nothing changes.
   */
  private turnedTo(
    step: WaterfallStepContext,
    text: string,
    state: ModeState,
    at: 'request' | 'reason' | 'mode',
  ): SceneChoice | undefined {
    const { scenarios } = this.practice.content;
    const titles = scenarios.map((scenario) => scenario.title);
    // A scene's button by its words ("the prescriber one"); a number belongs to the open question.
    const read = this.reader.read(text, typedQuestionOf(step.context.activity.channelId, titles, {}));
    const titled = read && read.how !== 'position' && read.how !== 'yesNo' ? read : undefined;
    const titledScene = titled === undefined ? undefined : scenarios[titled.index];
    const target = this.sceneNamedIn(text) ?? (titledScene ? { scenario: titledScene.id } : undefined);
    if (!target) return undefined;
    const changing = this.changes(text);
    const other = target.scenario !== state.scenario;
    const turns =
      at === 'mode'
        ? other || changing
        : changing || (at === 'request' && other && (titled || target.situation));
    if (!turns) return undefined;
    // At the request question itself, its counterpart again is only an unclear answer.
    if (!other && !target.situation)
      return at === 'request' ? undefined : { scenario: state.scenario, ...reasonOf(state) };
    if (!other && target.situation === state.situation) return undefined;
    return this.withWords({ ...target, ...(other ? {} : reasonOf(state)) }, text);
  }

  /** True when `text` opens with a change word ("no", "wait", "actually", "i meant"). */
  private changes(text: string): boolean {
    return this.changeWords.some((cue) => ` ${normalizeText(text)} `.startsWith(` ${cue} `));
  }

  /**
   * A question put to the bot ("what do you mean?"), not one they want answered in the scene
   * ("what happens at court", asked of a public defender).
   */
  private asksBack(text: string): boolean {
    const words = ` ${normalizeText(text)} `;
    return this.deps.strings.variants('practice.askingBackWords').some((word) => words.includes(` ${word} `));
  }

  /** Their request to a counterpart, in their words, when no scene of the library is about it. */
  private ownRequest(text: string, whole = false): string | undefined {
    const { strings } = this.deps;
    // "i literally just said. what happens at my court date" (group B, Luis): the aside is no request.
    const said = sentencesOf(text).filter(
      (sentence) => !this.saysOneOf(sentence, 'practice.alreadySaidWords'),
    );
    if (said.length === 0) return undefined;
    return ownRequestIn(
      said.join(' '),
      { leads: strings.variants('practice.requestLeadWords'), cues: strings.variants('practice.reasonCues') },
      strings.variants('practice.notThingStarts'),
      whole,
    );
  }

  /** The goal after "the thing i want is" and the like, in the person's words; undefined without one. */
  private restatedRequest(text: string): string | undefined {
    const lower = text.toLowerCase();
    const leads = this.deps.strings.variants('practice.goalLeadWords');
    const at = leads
      .map((lead) => new RegExp(`\\b${escapeText(lead)}\\b[\\s:,-]*`).exec(lower))
      .find((match) => match !== null);
    return at ? this.ownRequest(text.slice(at.index + at[0].length), true) : undefined;
  }

  private async acknowledgeUpset(step: WaterfallStepContext): Promise<void> {
    const { strings } = this.deps;
    await step.context.sendActivity(
      `${strings.text('answers.upset')} ${strings.text('answers.upsetWayOut')}`,
    );
  }

  /** Sets the scene (who the bot will play), then asks how the person wants coaching. */
  private async askMode(step: WaterfallStepContext<ModeState>): Promise<DialogTurnResult> {
    const state = step.options;
    const scenario = this.sceneFor(state);
    if (state.misses === 0) {
      const { persona } = scenario;
      const counterpart = this.counterpartOf(state);
      const setting = this.fill(state, scenario.setting);
      await step.context.sendActivity(
        this.deps.strings.text('practice.scene', { setting, counterpart, persona }),
      );
      if (state.reason) {
        // Their own words, shown as typed (never as markdown).
        await step.context.sendActivity({
          type: ActivityTypes.Message,
          textFormat: 'plain',
          text: this.deps.strings.text('practice.sceneReason', { reason: state.reason }),
        });
      }
    }
    return this.prompt(
      step,
      state.misses === 0 ? 'practice.askMode' : 'practice.askModeAgain',
      this.modeChoices(),
      state.misses,
    );
  }

  private async readMode(step: WaterfallStepContext<ModeState>): Promise<DialogTurnResult> {
    const text = String(step.result ?? '');
    // "back": the question before (group B: it went to the scene list).
    if (this.reader.stepWord(text) === 'back') return this.back(step, step.options);
    // "his name is mike not pat. coach me", "can it be a guy" (group A, Marcus; group D, Ava).
    const state = this.namedIn(step.options, text);
    const renamed = state.name !== step.options.name;
    if (renamed)
      await step.context.sendActivity(
        this.deps.strings.text('practice.renamed', { counterpart: this.counterpartOf(state) }),
      );
    // "its a late start not early finish. feedback at end" (group A, Marcus): their request wins.
    const corrected = this.corrected(state, text);
    const { index, rest } = this.modeIn(step, text);
    if (index === undefined && corrected) return step.replaceDialog(MODE, { ...corrected, misses: 0 });
    if (index === undefined) {
      // A scene picked in haste, corrected ("no, my doctor", "not that one, my landlord").
      const moved = this.turnedTo(step, text, state, 'mode');
      if (moved) return this.next(step, moved, [], true);
      // "no thats wrong. its sertraline" (group D) to a scene on its own request: ask theirs.
      if (this.changes(text) && !state.request)
        return step.replaceDialog(REQUEST, {
          scenario: state.scenario,
          asked: [],
          misses: 0,
        } satisfies ModeState);
      // "wait before that can i ask for an extension too?" (group D, Ava): answered, then asked again.
      const answered = renamed || (await this.answeredAboutScene(step, state, text));
      return step.replaceDialog(MODE, {
        ...state,
        misses: answered ? Math.max(1, state.misses) : state.misses + 1,
      });
    }
    const choice = this.choiceOf(corrected ?? state);
    const scene: SceneState = {
      ...choice,
      coach: index === 0,
      play: { exchanges: 0, negotiated: false },
      line: this.fill(choice, this.sceneFor(choice).opening),
      turns: [],
    };
    // "coach me. hi doctor, before you go, ..." (group A, Dee): the counterpart opens, then hears it.
    if (rest && this.opensLine(rest)) {
      await step.context.sendActivity(this.said(scene, scene.line));
      return this.hearTyped(step, scene, rest);
    }
    if (rest && !renamed) await this.answeredAboutScene(step, scene, rest);
    return step.replaceDialog(SCENE, scene);
  }

  /**
   * The coaching choice in the answer: the whole of it, else one of its sentences ("coach me. also
   * can it be a guy"), with the other sentences as `rest`.
   */
  private modeIn(step: WaterfallStepContext, text: string): { index?: number; rest?: string } {
    const question = typedQuestionOf(step.context.activity.channelId, this.modeChoices(), {});
    const sentences = clausesOf(text);
    for (const sentence of sentences.length > 1 ? sentences : []) {
      const read = this.reader.read(sentence, question);
      if (read === undefined || read.how === 'position' || read.how === 'words') continue;
      const rest = text
        .replace(sentence, ' ')
        .replace(/^[\s.,;:!?-]+/, '')
        .trim();
      return { index: read.index, ...(rest ? { rest } : {}) };
    }
    return { index: this.pickedIndex(step, this.modeChoices()) };
  }

  /** Whether words open a line to the counterpart ("hi doctor, ...", "i need ..."). */
  private opensLine(text: string): boolean {
    const words = ` ${normalizeText(text).replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `;
    return this.deps.strings
      .variants('practice.lineStartWords')
      .some((start) => words.startsWith(` ${start} `));
  }

  /**
   * A question about the scene asked before it starts ("can i ask for an extension too?"): the
   * coach says to bring it up in the scene. False when `text` asks none.
   */
  private async answeredAboutScene(
    step: WaterfallStepContext,
    choice: SceneChoice,
    text: string,
  ): Promise<boolean> {
    const words = ` ${normalizeText(text).replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `;
    const asks =
      text.includes('?') ||
      this.deps.strings.variants('practice.sceneQuestionWords').some((start) => words.includes(` ${start} `));
    if (!asks) return false;
    await step.context.sendActivity(
      this.deps.strings.text('practice.bringItUp', { counterpart: this.counterpartOf(choice) }),
    );
    return true;
  }

  /** `text` without its sentences that name the counterpart to the coach ("his name is mike not pat"). */
  private withoutNaming(text: string, choice: SceneChoice): string {
    const name = (choice.name ?? '').toLowerCase().split(/\s+/).at(-1) ?? '';
    const says = this.deps.strings.variants('practice.nameSaysWords');
    return sentencesOf(text)
      .filter((sentence) => {
        const lower = ` ${normalizeText(sentence)} `;
        return !(
          lower.includes(` ${name}`) &&
          (says.some((word) => lower.includes(` ${word} `)) || / not /.test(lower))
        );
      })
      .join(' ');
  }

  /** The counterpart's line, marked as role-play, as the prompt the person answers. */
  private async speak(step: WaterfallStepContext<SceneState>): Promise<DialogTurnResult> {
    const state = step.options;
    return step.prompt(TEXT, { prompt: this.said(state, state.line) });
  }

  /**
   * The person's line: "stop" ends the scene; otherwise its skills are noted, a tip is given when
   * coaching as they go, and the counterpart reacts (the scene may end with that reply). A line
   * about changing a medicine alone is heard first (see medicineHeard), and "delete my data" in
   * it ends the scene and asks, as everywhere.
   */
  private hear(step: WaterfallStepContext<SceneState>): Promise<DialogTurnResult> {
    return this.hearTyped(step, step.options, String(step.result ?? ''));
  }

  /** What `hear` does with one message, also the line said with the coaching choice. */
  private async hearTyped(
    step: WaterfallStepContext,
    heardState: SceneState,
    heardText: string,
  ): Promise<DialogTurnResult> {
    // "his name is mike not pat" (group A, Marcus) is said to the coach; "hey mike, ..." is a line.
    const state = this.namedIn(heardState, heardText);
    const typed = state.name === heardState.name ? heardText : this.withoutNaming(heardText, state);
    if (!typed) {
      await step.context.sendActivity(
        this.deps.strings.text('practice.renamed', { counterpart: this.counterpartOf(state) }),
      );
      return step.replaceDialog(SCENE, state);
    }
    const scenario = this.sceneFor(state);
    const deleting = this.deps.commands.clauseCommands(typed).includes('deleteData');
    const leaving = deleting || this.isStop(typed);
    // "bro im practicing asking HER lol. ok. can you explain my options" (group B, Luis): said to
    // the coach, so never coached or praised; the rest is the line.
    const text = this.inRole(typed);
    if (!text && !leaving) {
      await step.context.sendActivity(this.deps.strings.text('practice.outOfRoleHeard'));
      return step.replaceDialog(SCENE, state);
    }
    // Asking a prescriber to talk the dose through together is the line being rehearsed (group A,
    // Dee: "I would like to ask if splitting my dose could help"), neither a plan nor a question
    // for the bot.
    const rehearsed =
      scenario.selfChange !== undefined && this.practice.content.medicine.raisesWithPrescriber(text);
    const medicine = rehearsed
      ? undefined
      : await this.medicineHeard(step, state, text, { leaving, deleting });
    if (medicine) return medicine;
    // No character may answer a dosing or legal question: the coach declines, then the scene
    // goes on from the counterpart's last line (the turn is not coached or counted).
    if (!rehearsed && (await this.declinedAdvice(step, text, 'practice.stepOut'))) {
      if (leaving) return this.finish(step, state, 'practice.stopped', deleting);
      await step.context.sendActivity(this.deps.strings.text('practice.backToScene'));
      return step.replaceDialog(SCENE, state);
    }
    if (leaving) return this.finish(step, state, 'practice.stopped', deleting);
    if (this.saysKeepPrivate(text)) return this.keepPrivate(step, state);
    // "ok make mike ask me what the appointments are for" (group A, Marcus): the scene is steered to
    // the question he wants to rehearse; said to the coach, so not coached or counted.
    if (this.saysOneOf(typed, 'practice.nosyAskWords')) return this.askNosy(step, state);
    if (this.asksWhoKnows(text)) return this.answerWhoKnows(step, state, text);
    // "not early finish. LATE start. 11am thurs": the counterpart goes on with their request.
    return this.hearLine(step, this.corrected(state, text) ?? state, text, rehearsed);
  }

  /**
   * "wait i didnt tell him its iop. i dont want him knowing that" (group A, Marcus): said to the
   * coach, not the character. The coach says the counterpart only knows what is said in the scene
   * and the reason is never used again; the counterpart's line is asked again.
   */
  private async keepPrivate(step: WaterfallStepContext, state: SceneState): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.deps.strings.text('practice.keptPrivate'));
    await step.context.sendActivity(this.deps.strings.text('practice.backToScene'));
    const { told: _told, ...rest } = state;
    return step.replaceDialog(SCENE, { ...rest, keepPrivate: true } satisfies SceneState);
  }

  /** The counterpart asks what the request is for, after the coach's note that sharing is a choice. */
  private async askNosy(step: WaterfallStepContext, state: SceneState): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    await step.context.sendActivity(strings.text('practice.nosyCoach'));
    return step.replaceDialog(SCENE, {
      ...state,
      line: strings.text('practice.nosyLine'),
    } satisfies SceneState);
  }

  /**
   * "will my professors know why?" (group D, Ava): no character may promise what others are told
   * (nothing in the sources says it), so the counterpart says it will check, and the coach notes
   * that sharing is the person's choice and the question is theirs to ask. The line counts as a turn.
   */
  private async answerWhoKnows(
    step: WaterfallStepContext,
    state: SceneState,
    text: string,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const skills = detectSkills(this.practice.content.rules, text, {
      afterBrushOff: state.play.last === 'brushOff',
    });
    // Asked again straight after: a second answer, and the coach's note only once.
    const again = state.line === strings.text('practice.whoKnowsLine');
    if (!again) await step.context.sendActivity(strings.text('practice.whoKnowsCoach'));
    return step.replaceDialog(SCENE, {
      ...state,
      line: strings.text(again ? 'practice.whoKnowsLineAgain' : 'practice.whoKnowsLine'),
      turns: [...state.turns, { text, skills: [...skills] }],
    } satisfies SceneState);
  }

  /**
   * Whether a sentence of `text` asks "what", "where", "how"... ("ok but like whats ur number"),
   * which no "Yes" answers (group B, Luis; group D, Ava).
   */
  private asksOpenQuestion(text: string): boolean {
    const starts = new Set(this.deps.strings.variants('practice.openQuestionWords'));
    return clausesOf(text).some((clause) =>
      normalizeText(clause)
        .replace(/'/g, '')
        .split(/\s+/)
        .slice(0, OPEN_QUESTION_REACH)
        .some((word) => starts.has(word)),
    );
  }

  /** Whether `text` asks something: a question mark, or a sentence opening as a question ("do i ..."). */
  private asksQuestion(text: string): boolean {
    const starts = this.deps.strings.variants('practice.questionStartWords');
    return (
      text.includes('?') ||
      clausesOf(text).some((clause) =>
        starts.some((start) => ` ${normalizeText(clause)} `.includes(` ${start} `)),
      )
    );
  }

  /** `text` without its sentences said to the coach about the role-play (practice.outOfRoleWords). */
  private inRole(text: string): string {
    return sentencesOf(text)
      .filter((sentence) => !this.saysOneOf(sentence, 'practice.outOfRoleWords'))
      .join(' ');
  }

  /** Whether `text` says the counterpart must not know something (practice.keepPrivateWords). */
  private saysKeepPrivate(text: string): boolean {
    return this.saysOneOf(text, 'practice.keepPrivateWords');
  }

  /** Whether `text` asks who will know or must be told ("do my profs find out its depression?"). */
  private asksWhoKnows(text: string): boolean {
    // "no i need to know before" (group B, Luis) is what he needs from them, not who will know.
    const rest = this.deps.strings
      .variants('practice.ownNeedWords')
      .reduce((said, words) => said.replace(new RegExp(`\\b${escapeText(words)}\\b`, 'gi'), ' '), text);
    return this.saysOneOf(rest, 'practice.whoKnowsWords');
  }

  private saysOneOf(
    text: string,
    key:
      | 'practice.keepPrivateWords'
      | 'practice.whoKnowsWords'
      | 'practice.nosyAskWords'
      | 'practice.outOfRoleWords'
      | 'practice.otherSceneWords'
      | 'practice.alreadySaidWords'
      | 'practice.saidWorryWords'
      | 'practice.savedLetterWords'
      | 'practice.newLetterWords',
  ): boolean {
    const said = ` ${normalizeText(text)
      .replace(/'/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return this.deps.strings.variants(key).some((words) => said.includes(` ${normalizeText(words)} `));
  }

  /** Notes the line's skills, coaches when asked, and plays the counterpart's move. */
  private async hearLine(
    step: WaterfallStepContext,
    before: SceneState,
    text: string,
    talkedThrough = false,
  ): Promise<DialogTurnResult> {
    const state = this.topicIn(before, text);
    const scenario = this.sceneFor(state);
    const skills = detectSkills(this.practice.content.rules, text, {
      afterBrushOff: state.play.last === 'brushOff',
      afterAskSpecific: state.play.last === 'askSpecific',
    });
    const turn: Turn = { text, skills: [...skills] };
    if (state.coach)
      await step.context.sendActivity(
        this.writer.live(turn, state.turns, this.askedFor(state), this.sharedReason(state)),
      );
    const picked = pickMove(scenario, state.play, skills);
    // "Could we make a slow taper plan together" (group D, Chris): the prescriber agrees to plan it
    // together; no figure is ever said.
    const move: Move =
      talkedThrough && !picked.ends
        ? { move: 'accept', line: this.deps.strings.text('practice.talkItThrough'), ends: false }
        : picked;
    const told = reasonIn(text, this.deps.strings.variants('practice.reasonCues')) ?? state.told;
    const { reason: _toCoach, ...heard } = this.choiceOf(state);
    const next: SceneState = {
      ...state,
      ...(told ? { told } : {}),
      play: advance(state.play, move),
      line: this.fill(
        { ...heard, ...(told ? { reason: told } : {}) },
        move.move === 'confirm' && this.asksOpenQuestion(text) ? withoutYes(move.line) : move.line,
      ),
      turns: [...state.turns, turn],
    };
    if (!move.ends) return step.replaceDialog(SCENE, next);
    await step.context.sendActivity(this.said(state, next.line));
    return this.finish(step, next, 'practice.sceneEnded');
  }

  /**
   * The scene on another of the counterpart's requests when a line turns to it ("also um, i have a
   * dog. shes my emotional support animal", group D, Ava, in the rent scene): the counterpart
   * answers that request, from the start, instead of confirming the one already agreed.
   */
  private topicIn(state: SceneState, text: string): SceneState {
    const situations = this.scenarioOf(state.scenario).situations ?? [];
    const current = situations.find((situation) => situation.id === state.situation);
    if (current && namesOneOf(text, current.keywords)) return state;
    const other = situations.filter((situation) => namesOneOf(text, situation.keywords));
    if (other.length !== 1 || !other[0]) return state;
    const { request: _request, ...rest } = state;
    return { ...rest, situation: other[0].id, play: { exchanges: state.play.exchanges, negotiated: false } };
  }

  /**
   * A line about changing a medicine without the prescriber (group D, Chris): never praised, and
   * named in the feedback. One already made, or feeling unwell after one ("dizzy and zappy since
   * I cut it"), is said out of the role at once: worth telling the prescriber soon, 911/988 if
   * unsafe, no advice. A prescriber answers that they would plan it together; another
   * counterpart's scene steps out for a proposed one ("what if i just stop taking it on my own").
   * Undefined for any other line.
   */
  private async medicineHeard(
    step: WaterfallStepContext,
    state: SceneState,
    text: string,
    { leaving, deleting }: { leaving: boolean; deleting: boolean },
  ): Promise<DialogTurnResult | undefined> {
    const { medicine, advice } = this.practice.content;
    const change = medicine.changeIn(text);
    // "should i split my dose?" asks for advice: declined as any dosing question is.
    if (!change || (change === 'proposed' && advice.detect(text))) return undefined;
    const { strings } = this.deps;
    const safety = strings.text('practice.medicineSafety');
    const unwell = medicine.unwell(text);
    const made = change === 'made' || unwell;
    if (made) {
      const note = unwell ? 'practice.medicineUnwell' : 'practice.medicineMade';
      await step.context.sendActivity(`${strings.text(note)} ${safety}`);
    }
    // A change made is a disclosure, answered above: only a proposed one is a line to coach.
    const turn: Turn = { text, skills: [], changesMedicine: true };
    const heard: SceneState = made ? state : { ...state, turns: [...state.turns, turn] };
    if (leaving) return this.finish(step, heard, 'practice.stopped', deleting);
    const { selfChange } = this.sceneFor(state);
    if (!selfChange) {
      if (!made) await step.context.sendActivity(`${strings.text('practice.medicineProposed')} ${safety}`);
      await step.context.sendActivity(strings.text('practice.backToScene'));
      return step.replaceDialog(SCENE, heard);
    }
    if (state.coach && !made)
      await step.context.sendActivity(
        this.writer.live(turn, state.turns, this.askedFor(state), this.sharedReason(state)),
      );
    const play = { ...state.play, exchanges: state.play.exchanges + 1 };
    return step.replaceDialog(SCENE, { ...heard, play, line: selfChange } satisfies SceneState);
  }

  /** Steps out of the role, saves the practice and gives the feedback (none for an empty scene). */
  private async finish(
    step: WaterfallStepContext,
    state: SceneState,
    how: StringKey,
    deleting = false,
  ): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.deps.strings.text(how));
    if (state.turns.length > 0) {
      const skills = [...new Set(state.turns.flatMap((turn) => turn.skills))];
      const at = this.practice.clock().toISOString();
      const history = await recordSession(this.practice.history, step.context, {
        scenario: state.scenario,
        at,
        skills,
      });
      const { reason: _toCoach, ...said } = this.choiceOf(state);
      const reason = this.sharedReason(state);
      await step.context.sendActivity(
        this.writer.summary(state.turns, this.askedFor(state), { ...said, ...(reason ? { reason } : {}) }),
      );
      const progress = this.writer.progress(history);
      if (progress) await step.context.sendActivity(progress);
    }
    const { reason: _reason, ...withoutReason } = this.choiceOf(state);
    const played = state.keepPrivate ? withoutReason : this.choiceOf(state);
    return step.replaceDialog(deleting ? DELETE : NEXT, { misses: 0, played } satisfies PickState);
  }

  /**
   * The reason feedback may suggest saying, in the person's words: none when it names a health
   * condition, a diagnosis or treatment ("need it for iop"), or when they said the counterpart must
   * not know: how much to share is their choice (domain.md), so the example then gives no reason.
   */
  private sharedReason(state: SceneState): string | undefined {
    const { reason, keepPrivate } = state;
    if (!reason || keepPrivate || conditionFrom(this.deps.strings, reason)) return undefined;
    return reason;
  }

  private async offerNext(step: WaterfallStepContext<PickState>): Promise<DialogTurnResult> {
    const { misses } = step.options;
    return this.prompt(
      step,
      misses === 0 ? 'practice.nextPrompt' : 'practice.nextPromptAgain',
      this.nextChoices(),
    );
  }

  /** Again: choose a scene; peer: the caller starts the handoff; finished (or twice unclear): done. */
  private async actOnNext(step: WaterfallStepContext<PickState>): Promise<DialogTurnResult> {
    const { misses, played } = step.options;
    const text = String(step.result ?? '');
    const { strings } = this.deps;
    // "wait i said iop to him. i didnt want him knowing that. is that bad" (group A, Marcus): the
    // worry is answered out of the role; practicing again leaves the reason out.
    if (played && this.saysOneOf(text, 'practice.saidWorryWords')) {
      const { reason: _reason, ...scene } = played;
      await step.context.sendActivity(strings.text('practice.saidInPractice'));
      return step.replaceDialog(NEXT, { misses, played: scene } satisfies PickState);
    }
    // "ok can u help me write a letter for the dog thing" (group D, Ava): the practice is over, so
    // what is asked for starts, with nothing to come back to.
    // "can the letter not say health condition at all" (group A, Marcus), "can u delete the letter"
    // (group B, Tyler): a saved letter is changed in "my plans", said plainly.
    if (this.saysOneOf(text, 'practice.savedLetterWords')) {
      await step.context.sendActivity(strings.text('practice.savedLetters'));
      return step.endDialog({ done: true } satisfies PracticeResult);
    }
    // "im finished with practice. i want a letter" (group D, Ava).
    const other = this.saysOneOf(text, 'practice.newLetterWords')
      ? 'accommodation'
      : this.otherFeatureIn(step);
    if (other) {
      signals.switchTo.set(step.context, other);
      return step.cancelAllDialogs(true);
    }
    // "but for real do my profs find out its depression?" (group D, Ava; group A, Marcus): answered
    // out of the role, then the same choices.
    if (this.asksWhoKnows(text)) {
      await step.context.sendActivity(strings.text('practice.whoKnowsAnswer'));
      return step.replaceDialog(NEXT, { misses, ...(played ? { played } : {}) } satisfies PickState);
    }
    // "no i said i dont want to say iop. try again w out that": the same scene, without the reason.
    if (played && this.saysKeepPrivate(text)) {
      const { reason: _reason, ...scene } = played;
      await step.context.sendActivity(strings.text('practice.keptPrivateAgain'));
      return this.next(step, scene, ['request', 'reason'], true);
    }
    // "practice again but the thing i want is: what happens at my court date" (group B, Luis): the
    // same scene with the goal as restated, in place of the one played.
    const restated = played && this.restatedRequest(text);
    if (played && restated) {
      await step.context.sendActivity(strings.text('practice.againNewGoal', { request: restated }));
      const { situation: _situation, ...scene } = played;
      return this.next(step, { ...scene, request: restated }, ['request', 'reason'], true);
    }
    // "ok but for real, should i split my dose?" is declined, never taken as "finished".
    if (await this.declinedAdvice(step, text))
      return step.replaceDialog(NEXT, { misses, ...(played ? { played } : {}) } satisfies PickState);
    const index = this.pickedIndex(step, this.nextChoices()) ?? this.openingPick(step, this.nextChoices());
    // "practice again" (group D, Ava) replays the scene just played; "another one", the list.
    if (index === 0 && played && !this.saysOneOf(text, 'practice.otherSceneWords')) {
      await step.context.sendActivity(strings.text('practice.againSame'));
      return this.next(step, played, ['request', 'reason'], true);
    }
    if (index === 0) return step.replaceDialog(CHOOSE, { misses: 0 } satisfies PickState);
    if (index === 1) return step.endDialog({ next: 'handoff' } satisfies PracticeResult);
    // "do i actually need a therapist letter for the dog or no" (group D, Ava): a question the coach
    // cannot answer is said so, with who can, never taken as "finished".
    if (index === undefined && this.asksQuestion(text)) {
      await step.context.sendActivity(strings.text('practice.cannotAnswer'));
      return step.replaceDialog(NEXT, { misses, ...(played ? { played } : {}) } satisfies PickState);
    }
    if (index === undefined && misses < 1)
      return step.replaceDialog(NEXT, {
        misses: misses + 1,
        ...(played ? { played } : {}),
      } satisfies PickState);
    await step.context.sendActivity(this.deps.strings.text('practice.done'));
    return step.endDialog({ done: true } satisfies PracticeResult);
  }

  /** Another guided conversation the message asks for, when the recognizer is sure of it. */
  private otherFeatureIn(step: WaterfallStepContext): FeatureIntent | undefined {
    const recognition = signals.recognition.get(step.context);
    if (!recognition || recognition.score < thresholds.route) return undefined;
    const { intent } = recognition;
    return isFeatureIntent(intent) && intent !== this.feature && intent !== 'handoff' ? intent : undefined;
  }

  /**
   * Declines a medical, dosing or legal question kindly (the menu's words, with its example
   * question, not the person's: theirs may be "i was asking YOU"); false when `text` asks none.
   */
  private async declinedAdvice(step: WaterfallStepContext, text: string, lead?: StringKey): Promise<boolean> {
    const kind = this.practice.content.advice.detect(text);
    if (!kind) return false;
    const { strings } = this.deps;
    const decline = strings.text(`advice.${kind}`, { question: strings.text(`advice.${kind}Question`) });
    await step.context.sendActivity(lead ? `${strings.text(lead)} ${decline}` : decline);
    return true;
  }

  /**
   * Whether the person asked to stop the scene: a stop phrase as the whole message or as one of
   * its sentences ("stop. how did i do?"), or followed by a request for feedback ("stop how did i do").
   */
  private isStop(text: string | undefined): boolean {
    const clauses = clausesOf(text ?? '').map(normalizeText);
    if (clauses.some((clause) => this.stopWords.has(clause))) return true;
    const whole = normalizeText(text ?? '')
      .replace(/\?/g, '')
      .trim();
    return [...this.stopWords].some((stop) => this.feedbackAsks.some((ask) => whole === `${stop} ${ask}`));
  }

  private said(choice: SceneChoice, line: string): string {
    return this.deps.strings.text('practice.counterpartSays', {
      counterpart: this.counterpartOf(choice),
      line,
    });
  }

  /** Who the bot plays, by the person's name for them when they gave one. */
  private counterpartOf(choice: SceneChoice): string {
    const { counterpart, name } = this.scenarioOf(choice.scenario);
    return withName(counterpart, name, choice.name);
  }

  /**
   * `choice` with the name `text` gives the counterpart ("his name is mike not pat", "hey mike,",
   * group A, Marcus), or as it was.
   */
  private namedIn<S extends SceneChoice>(choice: S, text: string): S {
    const played = choice.name ?? this.scenarioOf(choice.scenario).name;
    const roles = this.deps.strings.variants('practice.nameRoleWords');
    const name = counterpartNameIn(text, this.nameWords, roles, played) ?? this.retitledIn(text, played);
    return name && name !== choice.name ? { ...choice, name } : choice;
  }

  /** "can it be a guy, my landlord is a guy" (group D, Ava): the played name as a man's or a woman's. */
  private retitledIn(text: string, played: string): string | undefined {
    const said = (key: 'practice.counterpartManWords' | 'practice.counterpartWomanWords') =>
      this.deps.strings.variants(key).some((words) => ` ${normalizeText(text)} `.includes(` ${words} `));
    if (said('practice.counterpartManWords')) return retitled(played, 'man');
    return said('practice.counterpartWomanWords') ? retitled(played, 'woman') : undefined;
  }

  private scenario(id: string): Scenario | undefined {
    return this.practice.content.scenarios.find((scenario) => scenario.id === id);
  }

  /**
   * What feedback examples are built on when the lines hold no request: the person's own request
   * when it reads as a thing asked for ("coming in at 11 on thursdays", group A: the examples
   * spoke of the scene's early finish), else "this" when they gave one, else the scene's goal.
   */
  private askedFor(choice: SceneChoice): string {
    const { request } = choice;
    if (!request) return this.sceneFor(choice).goal;
    // Their own request that is no thing ("start at 11am on tuesdays") is "this": the scene's goal
    // would coach a request they never made (group A, Marcus: "an early finish", twice).
    return isThing(request, this.notThingStarts) ? request : this.deps.strings.text('practice.askedForOwn');
  }

  /** The scene to play: the scenario, on the person's request when one was chosen. */
  private sceneFor(choice: SceneChoice): Scenario {
    return sceneOf(this.scenarioOf(choice.scenario), choice.situation);
  }

  private sceneNamedIn(text: string): SceneChoice | undefined {
    return sceneNamedIn(this.practice.content.scenarios, text);
  }

  /**
   * `choice` with what `text` says of it in the person's words: their request when it names the
   * chosen one ("about getting off probation early"; `whole`: the whole answer may be it) and
   * their reason ("because I've done 18 months").
   */
  private withWords(choice: SceneChoice, text: string, whole = false): SceneChoice {
    const { strings } = this.deps;
    const cues = strings.variants('practice.reasonCues');
    const situation = this.situationOf(choice);
    const request = situation
      ? requestIn(
          text,
          { leads: strings.variants('practice.requestLeadWords'), cues },
          situation.keywords,
          whole,
        )
      : this.ownRequest(text);
    const reason = reasonIn(text, cues);
    return { ...choice, ...(request ? { request } : {}), ...(reason ? { reason } : {}) };
  }

  /**
   * `state` on the request a correction names, when `text` says "not" to the one being played
   * (its request, else the scene's label or goal); undefined otherwise.
   */
  private corrected<S extends SceneChoice>(
    state: S,
    text: string,
  ): (Omit<S, 'situation'> & { request: string }) | undefined {
    const scene = this.sceneFor(state);
    const played = [state.request ?? this.situationOf(state)?.label ?? scene.label, scene.goal].join(' ');
    const request = correctedRequest(text, played);
    if (!request) return undefined;
    const { situation: _played, ...rest } = state;
    return { ...rest, request };
  }

  /** The scene choice in a question's state, without the question's bookkeeping. */
  private choiceOf(state: SceneChoice): SceneChoice {
    const { scenario, situation, request, name } = state;
    return {
      scenario,
      ...(situation ? { situation } : {}),
      ...(request ? { request } : {}),
      ...reasonOf(state),
      ...(name ? { name } : {}),
    };
  }

  private situationOf(choice: SceneChoice): Situation | undefined {
    return this.scenarioOf(choice.scenario).situations?.find((s) => s.id === choice.situation);
  }

  /**
   * A counterpart's line with its slots filled, as the counterpart says them: the request in the
   * person's words (else the scene's label, "My new prescription" said as "your new
   * prescription") and their reason, turned to "you" ("my dog" -> "your dog").
   */
  private fill(choice: SceneChoice, line: string): string {
    const pairs = this.deps.strings.variants('practice.secondPersonWords');
    const request = choice.request
      ? secondPerson(choice.request, pairs)
      : (this.situationOf(choice)?.label ??
        secondPerson(lowerFirst(this.scenarioOf(choice.scenario).label), pairs));
    return fillLine(line, {
      request,
      ...(choice.reason ? { reason: secondPerson(choice.reason, pairs) } : {}),
    });
  }

  /** A counterpart's requests as buttons (each scene's label, the general scene last). */
  private requestChoices(id: string): Choice[] {
    const scenario = this.scenarioOf(id);
    const capital = (label: string) => `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
    return [
      ...(scenario.situations ?? []).map((situation) => ({
        value: capital(situation.label),
        synonyms: [situation.id, situation.label, ...situation.keywords],
      })),
      { value: capital(scenario.label), synonyms: [scenario.id] },
    ];
  }

  /** The scene by id; stored state names one, and the list is checked at start. */
  private scenarioOf(id: string): Scenario {
    const found = this.scenario(id) ?? this.practice.content.scenarios[0];
    if (!found) throw new Error('PracticeDialog: no scenarios loaded');
    return found;
  }

  private scenarioChoices(): Choice[] {
    return this.practice.content.scenarios.map((scenario) => ({
      value: scenario.title,
      synonyms: [scenario.id, ...scenario.keywords],
    }));
  }

  private modeChoices(): Choice[] {
    return [
      this.choice('practiceChoices.asYouGo', 'practiceChoices.asYouGoWords'),
      this.choice('practiceChoices.atEnd', 'practiceChoices.atEndWords'),
    ];
  }

  private nextChoices(): Choice[] {
    return [
      this.choice('practiceChoices.again', 'practiceChoices.againWords'),
      this.choice('practiceChoices.peer', 'practiceChoices.peerWords'),
      this.choice('practiceChoices.finished', 'practiceChoices.finishedWords'),
    ];
  }

  private choice(label: StringKey, words: StringKey): Choice {
    return { value: this.deps.strings.text(label), synonyms: [...this.deps.strings.variants(words)] };
  }

  /**
   * The choice whose own words open the answer before a comma ("im finished, that second one
   * helped. thanks"; group D, Ava), when the whole answer picks none.
   */
  private openingPick(step: WaterfallStepContext, choices: readonly Choice[]): number | undefined {
    const [opening = ''] = clausesOf(String(step.result ?? ''));
    const pick = this.reader.read(opening, typedQuestionOf(step.context.activity.channelId, choices, {}));
    return pick?.how === 'exact' || pick?.how === 'typo' ? pick.index : undefined;
  }

  /** The choice the answer picks, read the shared way (typed-answer.ts), or undefined. */
  private pickedIndex(step: WaterfallStepContext, choices: readonly Choice[]): number | undefined {
    const question = typedQuestionOf(step.context.activity.channelId, choices, {});
    return this.reader.read(String(step.result ?? ''), question)?.index;
  }

  /**
   * A prompt with buttons; the choices go in its options so InterruptibleDialog sees them as
   * answers. From the second miss on, the shared retry wording (naming the options, offering the
   * menu and a person), so the same words are never sent twice in a row.
   */
  private prompt(
    step: WaterfallStepContext,
    key: StringKey,
    choices: Choice[],
    misses = 0,
  ): Promise<DialogTurnResult> {
    const question = typedQuestionOf(step.context.activity.channelId, choices, {});
    const text = misses >= 2 ? this.reader.retryText(question, misses) : this.deps.strings.text(key);
    const prompt = choicesActivity(step.context.activity.channelId, choices, text);
    return step.prompt(TEXT, { prompt, retryPrompt: prompt, choices });
  }
}

/** `{ reason }` when the choice holds one, else nothing (no undefined fields in stored state). */
function reasonOf(choice: SceneChoice): { reason?: string } {
  return choice.reason ? { reason: choice.reason } : {};
}

/** How far into a clause a question word is looked for ("ok but like whats ..."). */
const OPEN_QUESTION_REACH = 4;

/** A confirmation without its opening "Yes," or "Correct:" (kept when nothing else is left). */
function withoutYes(line: string): string {
  const rest = line.replace(/^(yes|correct)[,:.!]?\s+/i, '');
  return rest ? `${rest.charAt(0).toUpperCase()}${rest.slice(1)}` : line;
}

/** "My new prescription", "A schedule change" as said mid-sentence; "ESA" stays as written. */
function lowerFirst(text: string): string {
  return text.replace(/^\p{Lu}(?=\p{Ll}|\s)/u, (letter) => letter.toLowerCase());
}
