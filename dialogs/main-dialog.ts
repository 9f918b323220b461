import type { TurnContext } from 'botbuilder';
import {
  type Choice,
  type Dialog,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  type PromptValidatorContext,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { crisisLinesText } from '../src/content/crisis-lines.js';
import type { StringKey } from '../src/content/strings.js';
import { asksForPerson } from '../src/language/asides.js';
import type { DialogCommand } from '../src/language/commands.js';
import { isPlainFarewell } from '../src/language/farewell.js';
import {
  type FeatureIntent,
  featureListText,
  featureOf,
  features,
  isFeatureIntent,
} from '../src/language/features.js';
import type { IntentName, WayfinderRecognition } from '../src/language/intents/index.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import { answerOptionOf, foldAnswer, typedAnswerReader } from '../src/language/typed-answer.js';
import { turnSignal } from '../src/platform/turn-signal.js';
import { isReturning } from '../src/privacy/returning-person.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { dialogLevels } from './dialog-levels.js';
import {
  type HandoffDialogOptions,
  needsSomeoneNow,
  specialistQuestion,
  wantsLinesNow,
} from './handoff-dialog.js';
import type { HandoffReason } from './handoff-reason.js';
import {
  InterruptibleDialog,
  type LeftResult,
  missedIn,
  type PausedFlow,
  resumeFlow,
  sendHelp,
} from './interruptible-dialog.js';
import { type MenuRoute, menuRouteFor } from './menu-routes.js';
import { NicknameDialog } from './nickname-dialog.js';
import { answersOpenChoice } from './open-choice.js';
import { SAFETY_PLAN_DIALOG_ID, type SafetyPlanOptions } from './safety-plan-dialog.js';
import { optionsOnStack } from './step-options.js';
import { TypedChoicePrompt, type TypedPromptOptions } from './typed-choice-prompt.js';
import { yesNoPrompt } from './yes-no-prompt.js';

/** A menu entry: its stored value, its label and the other words that pick it. */
interface MenuItem {
  value: FeatureIntent | 'crisisSupport' | 'safetyPlan' | 'nickname' | 'help' | 'about';
  label: StringKey;
  synonyms: StringKey;
}

/** Guided conversations first (the registry's, those that exist), then the rest. */
const menuItems: readonly MenuItem[] = [
  ...features.map(({ intent, menuLabel, menuSynonyms }) => ({
    value: intent,
    label: menuLabel,
    synonyms: menuSynonyms,
  })),
  { value: 'crisisSupport', label: 'menu.crisisSupport', synonyms: 'menu.crisisSupportSynonyms' },
  { value: 'nickname', label: 'menu.nickname', synonyms: 'menu.nicknameSynonyms' },
  { value: 'help', label: 'menu.help', synonyms: 'menu.helpSynonyms' },
  { value: 'about', label: 'menu.about', synonyms: 'menu.aboutSynonyms' },
  { value: 'safetyPlan', label: 'safetyPlan.menuLabel', synonyms: 'safetyPlan.menuSynonyms' },
];

/** What a guided conversation may ask for when it ends: another one to start. */
interface FeatureResult {
  handoff?: boolean;
  next?: string;
  /** What the next one begins with ("Practice saying it": the request just saved). */
  with?: object;
  /** The conversation that ended (set when a "did you mean" question started it). */
  started?: FeatureIntent;
}

const MENU_STEPS = 'mainMenuSteps';
const MENU_PROMPT = 'mainMenuPrompt';
const ROUTE_STEPS = 'mainRouteSteps';
const ROUTE_CONFIRM = 'mainRouteConfirm';
/** This turn's request as said over two messages ("...my job" then "work"), for the feature to start with. */
const saidOverTwo = turnSignal<Said>('saidOverTwoMessages');
const ROUTE_CHOICE = 'mainRouteChoice';
/** Where the menu prompt's validator leaves its reading of free text for the next step. */
const menuRoute = turnSignal<MenuRoute>('menuRoute');
/** Noted by the menu prompt's validator when the menu had missed an answer before this one. */
const menuMissed = turnSignal<boolean>('menuMissed');

/**
 * True when nothing is open but the menu's own questions (the menu, "did you mean ...?"), or
 * nothing at all: a request typed there is not the answer to a conversation's question.
 */
export function atMainMenu(dc: DialogContext): boolean {
  const own = new Set<string>([
    DialogIds.main,
    MENU_STEPS,
    MENU_PROMPT,
    ROUTE_STEPS,
    ROUTE_CONFIRM,
    ROUTE_CHOICE,
  ]);
  return dialogLevels(dc).every(({ activeDialog }) => activeDialog === undefined || own.has(activeDialog.id));
}

/** A "did you mean" question, what the message said, and whether the menu had missed an answer before it. */
type AskedRoute = MenuRoute & { said?: Said; missed?: boolean };

/** What the menu's steps remember: the guided conversation they started. */
interface MenuValues {
  started?: FeatureIntent;
}

/** A request as it was said, kept while "did you mean ...?" is asked, so its details reach the feature. */
interface Said {
  recognition: WayfinderRecognition | undefined;
  text: string | undefined;
}

/** How the menu starts: again after a feature, or straight into a feature asked for elsewhere. */
export interface MainDialogOptions {
  again?: boolean;
  start?: FeatureIntent;
  /** Begin options for `start`, from the conversation that asked for it. */
  startWith?: object;
  /** The turn's message began the conversation (or came with nothing open): it is read as typed at the menu. */
  fromMessage?: boolean;
  /** The guided conversation that ended asking for `start`. */
  after?: FeatureIntent;
  /** A conversation left for `start`: resumed where it was when that one ends. */
  resume?: PausedFlow | undefined;
  /** That conversation, put back on top now; its end comes to this loop's last step. */
  resuming?: PausedFlow;
}

/** What a "did you mean" question's steps receive, read from the stack (set by this dialog). */
const askedRouteOf = optionsOnStack<AskedRoute>();

/**
 * The root dialog: a menu of what works, which also understands free text ("I need to get ready
 * for my psychiatrist"), routing to one feature dialog at a time and coming back to the menu
 * when it ends (finished, cancelled, left with "menu", or switched away from).
 */
export class MainDialog extends InterruptibleDialog {
  private readonly features: Partial<Record<FeatureIntent, string>> = {};

  /** `features` maps each guided conversation that exists to its dialog. */
  constructor(deps: DialogDeps, features: Partial<Record<FeatureIntent, Dialog>> = {}) {
    super(DialogIds.main, deps);
    this.addDialog(new TypedChoicePrompt(MENU_PROMPT, deps.strings, this.validateChoice.bind(this)))
      .addDialog(yesNoPrompt(ROUTE_CONFIRM, deps.strings, ['routing.yes', 'routing.no']))
      .addDialog(new TypedChoicePrompt(ROUTE_CHOICE, deps.strings))
      .addDialog(new NicknameDialog(deps))
      .addDialog(
        new WaterfallDialog(MENU_STEPS, [
          this.showMenu.bind(this),
          this.route.bind(this),
          this.loop.bind(this),
        ]),
      )
      .addDialog(
        new WaterfallDialog(ROUTE_STEPS, [
          this.askRoute.bind(this),
          this.afterAsk.bind(this),
          this.passOn.bind(this),
        ]),
      );
    for (const [intent, dialog] of Object.entries(features)) {
      this.addDialog(dialog);
      this.features[intent as FeatureIntent] = dialog.id;
    }
    this.initialDialogId = MENU_STEPS;
  }

  /** A conversation that opens with "help" gets the help text before the menu. */
  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: object,
  ): Promise<DialogTurnResult> {
    if (this.commandIn(innerDc) === 'help') await sendHelp(innerDc, this.deps);
    return super.onBeginDialog(innerDc, options);
  }

  /** Offers the menu as buttons (suggested actions), or a numbered list where a channel has none. */
  private async showMenu(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    if (options.resuming) return resumeFlow(step, options.resuming, this.deps.strings);
    if (options.start)
      return this.startFeature(step, options.start, undefined, startReason(options), options.startWith);
    if (options.fromMessage) {
      const read = await this.readOpeningMessage(step);
      if (read) return read;
    }
    const { strings } = this.deps;
    const menu: TypedPromptOptions = {
      prompt: strings.text(options.again ? 'menu.promptAgain' : 'menu.prompt'),
      choices: this.choices(),
      style: ListStyle.auto,
      positions: true,
    };
    return step.prompt(MENU_PROMPT, menu);
  }

  /** Runs the chosen item or what the free text asked for. */
  private async route(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const { strings, crisisResources } = this.deps;
    // A conversation begun or resumed with the menu loop ended: its result goes to the last step.
    const options = step.options;
    if (options.resuming || options.start) return step.next(step.result);
    const routed = menuRoute.get(step.context);
    if (routed) return this.followRoute(step, routed);
    const value = (step.result as FoundChoice | undefined)?.value ?? '';
    if (isFeatureIntent(value as IntentName)) {
      // The button (its label, or its number where numbers are shown), or the person's own words.
      const text = foldAnswer(step.context.activity.text ?? '');
      const tapped = text === foldAnswer(strings.text('menu.handoff')) || /^\d+$/.test(text);
      const misunderstood = menuMissed.get(step.context) === true;
      return this.startFeature(step, value as FeatureIntent, undefined, {
        kind: tapped ? 'menu' : 'asked',
        misunderstood,
      });
    }
    switch (value) {
      case 'nickname':
        return step.beginDialog(DialogIds.nickname);
      case 'safetyPlan':
        return step.beginDialog(SAFETY_PLAN_DIALOG_ID, { make: true } satisfies SafetyPlanOptions);
      case 'crisisSupport':
        await step.context.sendActivity(crisisLinesText(strings, crisisResources));
        break;
      case 'help':
        await sendHelp(step, this.deps);
        break;
      case 'about':
        await step.context.sendActivity(
          `${strings.text('about.automated')}\n\n${strings.text('about.limits')}`,
        );
        break;
    }
    return step.next();
  }

  private async followRoute(step: WaterfallStepContext, routed: MenuRoute): Promise<DialogTurnResult> {
    switch (routed.kind) {
      case 'feature':
        return this.startFeature(step, routed.intent, undefined, {
          kind: 'asked',
          misunderstood: menuMissed.get(step.context) === true,
        });
      case 'smallTalk':
        await this.sendSmallTalk(step.context, routed.intent);
        return step.next();
      default: {
        // "who else can i talk to tonight": someone who needs a person now is not asked "did you mean".
        const now = needsSomeoneNow(this.deps.strings, step.context.activity.text ?? '');
        if (routed.kind === 'confirm' && routed.intent === 'handoff' && now)
          return this.startFeature(step, 'handoff');
        // What the message said rides along: "yes" to "did you mean ...?" carries none of it.
        // Whether the menu had missed first goes along too, for a handoff's summary.
        const said: Said = {
          recognition: signals.recognition.get(step.context),
          text: step.context.activity.text,
        };
        return step.beginDialog(ROUTE_STEPS, {
          ...routed,
          said,
          missed: menuMissed.get(step.context) === true,
        } satisfies AskedRoute);
      }
    }
  }

  /**
   * A message that came with no question open, read as if typed at the menu: a menu item's words
   * go to that item, a request the recognizer places to its feature (with its entities); a
   * greeting is answered and the menu shown. Undefined when the menu should just be shown.
   */
  private async readOpeningMessage(step: WaterfallStepContext): Promise<DialogTurnResult | undefined> {
    // "help" was answered as the dialog began; "menu" and "cancel" ask for the menu itself.
    if (this.commandIn(step)) return undefined;
    const text = step.context.activity.text ?? '';
    // A menu item's words (read the shared way; no numbers, no menu was shown); a sentence that
    // holds them is left to the recognizer, which keeps its entities.
    const question = { options: this.choices().map(answerOptionOf) };
    const pick = typedAnswerReader(this.deps.strings).read(text, question);
    const picked: FoundChoice | undefined = pick && {
      value: pick.value,
      index: pick.index,
      score: 1,
      synonym: text,
    };
    if (picked && pick?.how !== 'sentence') return step.next(picked);
    const routed = this.routeFor(step.context);
    // "need to make a safety plan": a sentence holding an item's words, and nothing else heard in it.
    if (!routed && picked) return step.next(picked);
    if (!routed) return undefined;
    if (routed.kind === 'smallTalk') {
      await this.sendSmallTalk(step.context, routed.intent);
      return undefined;
    }
    menuRoute.set(step.context, routed);
    return step.next();
  }

  /** Where free text at the menu leads; a plain goodbye is said back, kindly, with 988 named. */
  private routeFor(context: TurnContext): MenuRoute | undefined {
    if (isPlainFarewell(this.deps.strings, context.activity.text ?? '')) {
      return { kind: 'smallTalk', intent: 'goodbye' };
    }
    // "i literally said no crisis line. a PEER" (Sam): a person asked for, the lines turned down.
    // "edit my message" (Kim): the handoff finds the request waiting and offers to change it.
    const text = context.activity.text;
    const person =
      asksForPerson(this.deps.strings, text) ||
      saysAnyOf(this.deps.strings, 'handoff.editMessageWords', text);
    if (this.features.handoff && person) return { kind: 'feature', intent: 'handoff' };
    // "so will they answer tonight or not": about the specialists, answered where they are asked for.
    const routed = menuRouteFor(signals.recognition.get(context));
    const aboutThem =
      this.features.handoff && specialistQuestion(this.deps.strings, context.activity.text ?? '');
    return routed ?? (aboutThem ? { kind: 'feature', intent: 'handoff' } : undefined);
  }

  /** "You're welcome", or a greeting: "welcome back" only for someone here on an earlier visit. */
  private async sendSmallTalk(
    context: TurnContext,
    intent: 'greeting' | 'thanks' | 'goodbye',
  ): Promise<void> {
    const key =
      intent === 'greeting' && isReturning(context)
        ? 'smallTalk.greetingReturning'
        : (`smallTalk.${intent}` as const);
    await context.sendActivity(this.deps.strings.text(key, {}, context.activity.text?.length ?? 0));
  }

  /** "Did you mean X?" or "one of these?", when free text was not clear enough to act on. */
  private async askRoute(step: WaterfallStepContext<AskedRoute>): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const routed = step.options;
    if (routed.kind === 'confirm') {
      const feature = strings.text(featureOf(routed.intent).name);
      return step.prompt(ROUTE_CONFIRM, {
        prompt: strings.text('routing.confirm', { feature }),
        style: ListStyle.suggestedAction,
      });
    }
    if (routed.kind !== 'choose') return step.endDialog();
    const choices: Choice[] = routed.intents.map((intent) => {
      const name = strings.text(featureOf(intent).name);
      return { value: intent, synonyms: [name], action: { type: 'imBack', title: name, value: name } };
    });
    choices.push({
      value: 'else',
      action: {
        type: 'imBack',
        title: strings.text('routing.somethingElse'),
        value: strings.text('routing.somethingElse'),
      },
      synonyms: [...strings.variants('answers.noneWords')],
    });
    return step.prompt(ROUTE_CHOICE, {
      prompt: strings.text('routing.twoOptions'),
      choices,
      style: ListStyle.suggestedAction,
    });
  }

  private async afterAsk(step: WaterfallStepContext<AskedRoute>): Promise<DialogTurnResult> {
    const routed = step.options;
    const reason: HandoffReason = { kind: 'asked', misunderstood: routed.missed };
    if (routed.kind === 'confirm' && step.result === true)
      return this.startFeature(step, routed.intent, routed.said, reason);
    const picked = (step.result as FoundChoice | undefined)?.value;
    if (routed.kind === 'choose' && routed.intents.includes(picked as FeatureIntent)) {
      return this.startFeature(step, picked as FeatureIntent, routed.said, reason);
    }
    // "no" to "did you mean ...?": the wrong guess owned, not a bare menu.
    await step.context.sendActivity(this.deps.strings.text('routing.guessWrong'));
    return step.endDialog();
  }

  /** A guided conversation's result, with the one that ran (a "did you mean" started it). */
  private async passOn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { started } = step.values as MenuValues;
    return step.endDialog({ ...(step.result ?? {}), started } satisfies FeatureResult);
  }

  /**
   * Starts a guided conversation, prefilled from this turn's recognition (or `said`, the request
   * as it was said before a "did you mean"), or says it is not here yet. `reason`: how the person
   * came to ask, for a handoff's summary; `startWith`, what the conversation that asked for it passes on.
   */
  private async startFeature(
    step: WaterfallStepContext,
    intent: FeatureIntent,
    said?: Said,
    reason: HandoffReason = { kind: 'asked' },
    startWith: object = {},
  ): Promise<DialogTurnResult> {
    const dialogId = this.features[intent];
    // The message text too: a recognizer entity can lose words the dialog reads ("weekday").
    const { recognition, text } = said ??
      saidOverTwo.get(step.context) ?? {
        recognition: signals.recognition.get(step.context),
        text: step.context.activity.text,
      };
    (step.values as MenuValues).started = intent;
    if (dialogId)
      return step.beginDialog(dialogId, {
        recognition,
        text,
        ...(intent === 'handoff' ? ({ reason } satisfies HandoffDialogOptions) : {}),
        ...startWith,
      });
    const { strings } = this.deps;
    await step.context.sendActivity(
      intent === 'handoff'
        ? strings.text('routing.handoffNotYet')
        : strings.text('routing.notYet', {
            feature: strings.text(featureOf(intent).name),
            features: featureListText(strings),
          }),
    );
    return step.next();
  }

  /**
   * Back to the menu, asked as "what next?", unless the conversation that ended asked for another,
   * or another was left for it (then that one goes on where it was).
   */
  private async loop(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const ended = (step.result ?? {}) as FeatureResult & Partial<LeftResult>;
    const next = ended.handoff ? 'handoff' : ended.next;
    if (next && isFeatureIntent(next as IntentName)) {
      const after = ended.started ?? (step.values as MenuValues).started;
      return step.replaceDialog(MENU_STEPS, {
        start: next as FeatureIntent,
        ...(after ? { after } : {}),
        ...(ended.with ? { startWith: ended.with } : {}),
      } satisfies MainDialogOptions);
    }
    const { resume } = step.options;
    if (resume && !ended.left)
      return step.replaceDialog(MENU_STEPS, { resuming: resume } satisfies MainDialogOptions);
    return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainDialogOptions);
  }

  /**
   * A button, or free text the recognizer can place, is accepted. Anything else gets a short,
   * varied "didn't catch that" with the menu's buttons; every second miss in a row offers the
   * menu and a person instead, so nobody is left looping on the same sentence.
   */
  private async validateChoice(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    const found = prompt.recognized.succeeded ? prompt.recognized.value : undefined;
    if (prompt.attemptCount > 1) menuMissed.set(prompt.context, true);
    // A button, its number or its words alone are a choice; in a longer sentence ("help me find
    // a group") or a typo, what the recognizer understood comes first.
    if (found && found.score >= 0.9) return true;
    const routed = this.routeFor(prompt.context);
    if (routed && (routed.kind !== 'smallTalk' || !found)) {
      menuRoute.set(prompt.context, routed);
      return true;
    }
    // Read the shared way: a number only on its own ("2", "the second one"), small typos, a few words.
    if (found) return true;
    const { strings } = this.deps;
    const misses = prompt.attemptCount;
    // The retry prompt carries the menu's buttons, so the wording is set on it for this miss.
    // "back" at the menu (Pat, after saving a letter) is said to have nowhere to go, not missed.
    const back = typedAnswerReader(strings).stepWord(prompt.context.activity.text ?? '') === 'back';
    prompt.options.retryPrompt = back
      ? strings.text('menu.nothingBack')
      : misses % 2 === 0
        ? strings.text('fallback.stuck')
        : strings.text('fallback.notUnderstood', {}, Math.floor(misses / 2));
    return false;
  }

  /** At the menu itself, "cancel" has nothing to leave and "menu" just shows it again. */
  /**
   * "Did you mean ...?" answered with another request the recognizer is sure of ("no, I want a
   * group"): that request starts, instead of a re-ask of the question.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const asking = innerDc.activeDialog?.id;
    // "no. like a hotline or something": the lines at once (with a request waiting, that too),
    // from the handoff dialog, whatever the question offered.
    const routing = asking === ROUTE_CONFIRM || asking === ROUTE_CHOICE;
    const text = innerDc.context.activity.text;
    if (routing && this.features.handoff && wantsLinesNow(this.deps.strings, text)) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(MENU_STEPS, { start: 'handoff' } satisfies MainDialogOptions);
    }
    const detail = asking === ROUTE_CONFIRM ? await this.detailFor(innerDc) : undefined;
    if (detail) return detail;
    if (
      (asking === ROUTE_CONFIRM || asking === ROUTE_CHOICE) &&
      !answersOpenChoice(innerDc, this.deps.strings)
    ) {
      const routed = menuRouteFor(signals.recognition.get(innerDc.context));
      if (routed?.kind === 'feature' && !this.commandIn(innerDc)) {
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(MENU_STEPS, { start: routed.intent } satisfies MainDialogOptions);
      }
    }
    return super.onContinueDialog(innerDc);
  }

  /**
   * "Did you mean accommodations?" answered with a detail of it ("work"): that is a yes, and the
   * detail is kept with what was first said, as a person listening would take it.
   */
  private async detailFor(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const recognition = signals.recognition.get(innerDc.context);
    const asked = innerDc.stack.find((instance) => instance.id === ROUTE_STEPS);
    const routing = askedRouteOf(asked);
    if (!recognition || routing?.kind !== 'confirm' || answersOpenChoice(innerDc, this.deps.strings))
      return undefined;
    if (featureOf(routing.intent).details(recognition.entities) === 0 || this.commandIn(innerDc))
      return undefined;
    const text = [routing.said?.text, innerDc.context.activity.text].filter(Boolean).join(' ');
    await innerDc.cancelAllDialogs();
    saidOverTwo.set(innerDc.context, { recognition, text });
    return innerDc.beginDialog(MENU_STEPS, { start: routing.intent } satisfies MainDialogOptions);
  }

  protected override async onLeave(
    innerDc: DialogContext,
    command: DialogCommand,
  ): Promise<DialogTurnResult> {
    if (command === 'cancel') {
      await innerDc.context.sendActivity(this.deps.strings.text('interruptions.nothingToCancel'));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // "menu" at the menu: shown again in other words, so the same text is not sent twice.
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MENU_STEPS, { again: true } satisfies MainDialogOptions);
  }

  /** The menu does its own routing of other topics, so it never offers to switch away. */
  protected override switchesTopics(): boolean {
    return false;
  }

  private choices(): Choice[] {
    const { strings } = this.deps;
    // A guided conversation is offered only once it exists.
    const available = menuItems.filter(
      (item) => !isFeatureIntent(item.value as IntentName) || this.features[item.value as FeatureIntent],
    );
    return available.map((item) => ({
      value: item.value,
      action: { type: 'imBack', title: strings.text(item.label), value: strings.text(item.label) },
      synonyms: [strings.text(item.label), ...strings.variants(item.synonyms)],
    }));
  }
}

/** How a conversation asked for elsewhere came to be asked for: after or during another one. */
function startReason(options: MainDialogOptions): HandoffReason {
  if (options.after) return { kind: 'after', flow: options.after };
  // The conversation left for this one (see pausedIn): its open question may have missed an answer.
  const left = options.resume;
  return left ? { kind: 'during', flow: left.feature, misunderstood: missedIn(left) } : { kind: 'asked' };
}
