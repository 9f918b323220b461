import { ActivityTypes } from 'botbuilder';
import {
  type Choice,
  type DialogContext,
  type DialogTurnResult,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { choicesActivity } from '../src/channels/choice-buttons.js';
import type { StringKey } from '../src/content/strings.js';
import type { DialogCommand } from '../src/language/commands.js';
import type { WayfinderRecognition } from '../src/language/intents/index.js';
import { normalizeText } from '../src/language/normalize.js';
import { typedAnswerReader } from '../src/language/typed-answer.js';
import { FeedbackWriter, type Turn } from '../src/practice/feedback.js';
import { type PracticeHistory, recordSession } from '../src/practice/history.js';
import type { PracticeContent } from '../src/practice/index.js';
import { advance, pickMove, type RolePlayState } from '../src/practice/moves.js';
import { reasonIn } from '../src/practice/reason.js';
import { type Scenario, type SceneChoice, sceneNamedIn, sceneOf } from '../src/practice/scenarios.js';
import { detectSkills } from '../src/practice/skills.js';
import type { UserProperty } from '../src/state/user-property.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog, type LeftResult } from './interruptible-dialog.js';
import { leafOf } from './open-choice.js';
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
}

/** How practice ended: finished, wants a peer (the caller starts the handoff), or left (cancel/menu). */
export type PracticeResult = { done: true } | { next: 'handoff' } | LeftResult;

interface PickState {
  misses: number;
}
/** The scene chosen, and the person's reason for their request when they gave one (their words). */
interface ModeState extends PickState, SceneChoice {
  reason?: string;
}
interface SceneState extends SceneChoice {
  coach: boolean;
  play: RolePlayState;
  /** What the counterpart says next (the prompt, so help and a pause re-ask it). */
  line: string;
  turns: Turn[];
}

const TEXT = 'practiceText';
const CHOOSE = 'practiceChoose';
const MODE = 'practiceMode';
const SCENE = 'practiceScene';
const NEXT = 'practiceNext';

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
    this.addDialog(new TextPrompt(TEXT))
      .addDialog(new WaterfallDialog(CHOOSE, [this.askScenario.bind(this), this.readScenario.bind(this)]))
      .addDialog(new WaterfallDialog(MODE, [this.askMode.bind(this), this.readMode.bind(this)]))
      .addDialog(new WaterfallDialog(SCENE, [this.speak.bind(this), this.hear.bind(this)]))
      .addDialog(new WaterfallDialog(NEXT, [this.offerNext.bind(this), this.actOnNext.bind(this)]));
    this.initialDialogId = CHOOSE;
  }

  /** Says it is a role-play by an automated assistant (no advice), then the scene or the choice. */
  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: object,
  ): Promise<DialogTurnResult> {
    const { scenario: asked, text } = (options ?? {}) as PracticeOptions;
    await innerDc.context.sendActivity(this.deps.strings.text('practice.intro'));
    // "Practice asking my landlord about my support animal" names the scene and the request;
    // an id in the options wins.
    const named = asked !== undefined ? { scenario: asked } : text ? this.sceneNamedIn(text) : undefined;
    if (named !== undefined) {
      if (this.scenario(named.scenario))
        return innerDc.beginDialog(MODE, { ...named, ...this.reasonOf(text), misses: 0 } satisfies ModeState);
      await innerDc.context.sendActivity(this.deps.strings.text('practice.unknownScenario'));
    }
    return innerDc.beginDialog(CHOOSE, { misses: 0 } satisfies PickState);
  }

  /**
   * Role-play lines are about appointments and work by design, so they are never taken as a
   * change of topic; "menu" and "cancel" still leave.
   */
  protected override switchesTopics(): boolean {
    return false;
  }

  /**
   * In a scene, "stop" ends the scene with feedback (instead of cancelling), and only the exact
   * words help/menu/cancel are commands: "can you help me with my shift" is a line to the character.
   */
  protected override commandIn(dc: DialogContext): DialogCommand | undefined {
    if (!dc.stack.some((instance) => instance.id === SCENE)) return super.commandIn(dc);
    const text = dc.context.activity.text;
    if (this.isStop(text)) return undefined;
    const exact = this.deps.commands.recognize(text);
    return exact === 'help' || exact === 'menu' || exact === 'cancel' ? exact : undefined;
  }

  private async askScenario(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { misses } = step.options as PickState;
    const key: StringKey = misses === 0 ? 'practice.chooseScenario' : 'practice.chooseScenarioAgain';
    return this.prompt(step, key, this.scenarioChoices(), misses);
  }

  private async readScenario(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { misses } = step.options as PickState;
    const text = String(step.result ?? '');
    // "My landlord, about my dog" picks the landlord and the request.
    const named = this.sceneNamedIn(text);
    if (named?.situation) return step.replaceDialog(MODE, { ...named, ...this.reasonOf(text), misses: 0 });
    const index = this.pickedIndex(step, this.scenarioChoices());
    const scenario = index === undefined ? undefined : this.practice.content.scenarios[index];
    if (!scenario) return step.replaceDialog(CHOOSE, { misses: misses + 1 } satisfies PickState);
    return step.replaceDialog(MODE, { scenario: scenario.id, misses: 0 } satisfies ModeState);
  }

  /** Sets the scene (who the bot will play), then asks how the person wants coaching. */
  private async askMode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as ModeState;
    const scenario = this.sceneFor(state);
    if (state.misses === 0) {
      const { setting, counterpart, persona } = scenario;
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

  private async readMode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as ModeState;
    // "back": choose the scene again.
    if (typedAnswerReader(this.deps.strings).stepWord(String(step.result ?? '')) === 'back')
      return step.replaceDialog(CHOOSE, { misses: 0 } satisfies PickState);
    const index = this.pickedIndex(step, this.modeChoices());
    if (index === undefined) return step.replaceDialog(MODE, { ...state, misses: state.misses + 1 });
    const scene: SceneState = {
      scenario: state.scenario,
      ...(state.situation ? { situation: state.situation } : {}),
      coach: index === 0,
      play: { exchanges: 0, negotiated: false },
      line: this.sceneFor(state).opening,
      turns: [],
    };
    return step.replaceDialog(SCENE, scene);
  }

  /** The counterpart's line, marked as role-play, as the prompt the person answers. */
  private async speak(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as SceneState;
    return step.prompt(TEXT, { prompt: this.said(state.scenario, state.line) });
  }

  /**
   * The person's line: "stop" ends the scene; otherwise its skills are noted, a tip is given when
   * coaching as they go, and the counterpart reacts (the scene may end with that reply).
   */
  private async hear(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as SceneState;
    const text = String(step.result ?? '');
    // No character may answer a dosing or legal question: the coach declines, then the scene
    // goes on from the counterpart's last line (the turn is not coached or counted).
    if (await this.declinedAdvice(step, text, 'practice.stepOut')) {
      if (this.isStop(text)) return this.finish(step, state, 'practice.stopped');
      await step.context.sendActivity(this.deps.strings.text('practice.backToScene'));
      return step.replaceDialog(SCENE, state);
    }
    if (this.isStop(text)) return this.finish(step, state, 'practice.stopped');
    const scenario = this.sceneFor(state);
    const skills = detectSkills(this.practice.content.rules, text, {
      afterBrushOff: state.play.last === 'brushOff',
    });
    const turn: Turn = { text, skills: [...skills] };
    if (state.coach) await step.context.sendActivity(this.writer.live(turn, state.turns, scenario.goal));
    const move = pickMove(scenario, state.play, skills);
    const next: SceneState = {
      ...state,
      play: advance(state.play, move),
      line: move.line,
      turns: [...state.turns, turn],
    };
    if (!move.ends) return step.replaceDialog(SCENE, next);
    await step.context.sendActivity(this.said(state.scenario, move.line));
    return this.finish(step, next, 'practice.sceneEnded');
  }

  /** Steps out of the role, saves the practice and gives the feedback (none for an empty scene). */
  private async finish(
    step: WaterfallStepContext,
    state: SceneState,
    how: StringKey,
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
      const goal = this.sceneFor(state).goal;
      await step.context.sendActivity(this.writer.summary(state.turns, goal));
      const progress = this.writer.progress(history);
      if (progress) await step.context.sendActivity(progress);
    }
    return step.replaceDialog(NEXT, { misses: 0 } satisfies PickState);
  }

  private async offerNext(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { misses } = step.options as PickState;
    return this.prompt(
      step,
      misses === 0 ? 'practice.nextPrompt' : 'practice.nextPromptAgain',
      this.nextChoices(),
    );
  }

  /** Again: choose a scene; peer: the caller starts the handoff; finished (or twice unclear): done. */
  private async actOnNext(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { misses } = step.options as PickState;
    // "ok but for real, should i split my dose?" is declined, never taken as "finished".
    if (await this.declinedAdvice(step, String(step.result ?? '')))
      return step.replaceDialog(NEXT, { misses } satisfies PickState);
    const index = this.pickedIndex(step, this.nextChoices());
    if (index === 0) return step.replaceDialog(CHOOSE, { misses: 0 } satisfies PickState);
    if (index === 1) return step.endDialog({ next: 'handoff' } satisfies PracticeResult);
    if (index === undefined && misses < 1)
      return step.replaceDialog(NEXT, { misses: misses + 1 } satisfies PickState);
    await step.context.sendActivity(this.deps.strings.text('practice.done'));
    return step.endDialog({ done: true } satisfies PracticeResult);
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
    const clauses = (text ?? '').split(/[.!?,;:\n]+/).map(normalizeText);
    if (clauses.some((clause) => this.stopWords.has(clause))) return true;
    const whole = normalizeText(text ?? '')
      .replace(/\?/g, '')
      .trim();
    return [...this.stopWords].some((stop) => this.feedbackAsks.some((ask) => whole === `${stop} ${ask}`));
  }

  private said(scenario: string, line: string): string {
    return this.deps.strings.text('practice.counterpartSays', {
      counterpart: this.scenarioOf(scenario).counterpart,
      line,
    });
  }

  private scenario(id: string): Scenario | undefined {
    return this.practice.content.scenarios.find((scenario) => scenario.id === id);
  }

  /** The scene to play: the scenario, on the person's request when one was chosen. */
  private sceneFor(choice: SceneChoice): Scenario {
    return sceneOf(this.scenarioOf(choice.scenario), choice.situation);
  }

  private sceneNamedIn(text: string): SceneChoice | undefined {
    return sceneNamedIn(this.practice.content.scenarios, text);
  }

  /** `{ reason }` when `text` says why ("because it helps me stay calm"), else nothing. */
  private reasonOf(text: string | undefined): { reason?: string } {
    const reason = text ? reasonIn(text, this.deps.strings.variants('practice.reasonCues')) : undefined;
    return reason ? { reason } : {};
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

  /** The choice the answer picks, read the shared way (typed-answer.ts), or undefined. */
  private pickedIndex(step: WaterfallStepContext, choices: readonly Choice[]): number | undefined {
    const question = typedQuestionOf(step.context.activity.channelId, choices, {});
    return typedAnswerReader(this.deps.strings).read(String(step.result ?? ''), question)?.index;
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
    const text =
      misses >= 2
        ? typedAnswerReader(this.deps.strings).retryText(question, misses)
        : this.deps.strings.text(key);
    const prompt = choicesActivity(step.context.activity.channelId, choices, text);
    return step.prompt(TEXT, { prompt, retryPrompt: prompt, choices });
  }
}
