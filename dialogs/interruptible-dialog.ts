import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogReason,
  type DialogTurnResult,
  DialogTurnStatus,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { reminderRequestIn } from '../src/appointments/reminder-request.js';
import type { StringKey, Strings } from '../src/content/strings.js';
import { asksForPerson } from '../src/language/asides.js';
import type { DialogCommand } from '../src/language/commands.js';
import { featureListText, featureOf } from '../src/language/features.js';
import { type FeatureIntent, hasSwitchCue, isFeatureIntent, thresholds } from '../src/language/routing.js';
import { foldAnswer, typedAnswerReader } from '../src/language/typed-answer.js';
import { turnSignal } from '../src/platform/turn-signal.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { answersOpenChoice, takesOwnWords } from './open-choice.js';
import { yesNoPrompt } from './yes-no-prompt.js';

const SWITCH_STEPS = 'topicSwitchSteps';
const SWITCH_CONFIRM = 'topicSwitchConfirm';
/** What the "switch to X?" steps receive: the conversation asked for. */
interface SwitchOptions {
  intent: FeatureIntent;
}
/** The conversation left this turn for another topic (see PausedFlow); the bot reads it with pausedIn. */
const pausedFlow = turnSignal<PausedFlow>('pausedFlow');

/**
 * A guided conversation left for another: its dialog instance as it was (answers, open question),
 * so it can be resumed where it was once the other one ends. Stored in the menu's dialog state.
 */
export interface PausedFlow {
  feature: FeatureIntent;
  instance: DialogInstance;
}

/** The conversation left this turn for another topic, if any (see PausedFlow). */
export function pausedIn(context: TurnContext): PausedFlow | undefined {
  return pausedFlow.get(context);
}

/**
 * Puts a paused conversation back on top of `dc`'s stack and asks its open question again,
 * after saying where the person is ("Back to ...: here's where we were").
 */
export async function resumeFlow(
  dc: DialogContext,
  paused: PausedFlow,
  strings: Strings,
): Promise<DialogTurnResult> {
  const feature = strings.text(featureOf(paused.feature).name);
  await dc.context.sendActivity(strings.text('routing.resume', { feature }));
  dc.stack.push(structuredClone(paused.instance));
  await dc.repromptDialog();
  return Dialog.EndOfTurn;
}

/**
 * Whether the paused conversation's open question had missed an answer before it was left:
 * its prompt (the innermost active dialog, last on each stack) counts the earlier tries.
 */
export function missedIn(paused: PausedFlow): boolean {
  let top: DialogInstance | undefined = paused.instance;
  for (;;) {
    const stack: DialogInstance[] | undefined = (
      top?.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined
    )?.dialogs?.dialogStack;
    if (!stack?.length) break;
    top = stack[stack.length - 1];
  }
  const prompt = top?.state as { state?: { attemptCount?: number } } | undefined;
  return (prompt?.state?.attemptCount ?? 0) > 0;
}

/** What a dialog returns when the person left it with "cancel" or "menu". */
export interface LeftResult {
  left: DialogCommand;
}

/**
 * The base of every Wayfinder dialog: "help", "menu" and "cancel"/"start over" work at every
 * prompt, and so does a change of topic ("actually, can you find me a group?"). The innermost
 * interruptible dialog handles them, so a feature's own prompt is the one re-asked after help,
 * and leaving a feature returns to its caller (the menu).
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  /** The guided conversation this dialog is, if any: asking for it again is not a switch. */
  protected readonly feature: FeatureIntent | undefined = undefined;

  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
    this.addDialog(
      yesNoPrompt(
        SWITCH_CONFIRM,
        deps.strings,
        ['routing.switchYes', 'routing.switchNo'],
        undefined,
        'routing.switchNoWords',
      ),
    ).addDialog(new WaterfallDialog(SWITCH_STEPS, [this.askSwitch.bind(this), this.afterSwitch.bind(this)]));
  }

  /**
   * When a dialog above this one ends (a safety reply), the question open inside is asked again
   * through a child context: the safety plan may run inside from the bot's own dialog set (a
   * crisis reply opens it too), which ComponentDialog's own reprompt, with no parent, cannot find.
   */
  override async resumeDialog(
    outerDc: DialogContext,
    _reason?: DialogReason,
    _result?: unknown,
  ): Promise<DialogTurnResult> {
    await this.checkForVersionChange(outerDc);
    await this.createChildContext(outerDc).repromptDialog();
    return Dialog.EndOfTurn;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (!this.childIsInterruptible(innerDc)) {
      const command = this.commandIn(innerDc);
      if (command === 'help') return this.onHelp(innerDc);
      if (command) return this.onLeave(innerDc, command);
      // "does a real person work here? i want a person" (Luis, at his plan): a person asked for is
      // never an answer to the open question, whatever option it sounds like ("bring a person").
      if (this.asksForAPerson(innerDc)) return this.switchTo(innerDc, 'handoff');
      const target = this.switchTarget(innerDc);
      if (target?.ask)
        return innerDc.beginDialog(SWITCH_STEPS, { intent: target.intent } satisfies SwitchOptions);
      if (target) return this.switchTo(innerDc, target.intent);
    }
    return super.onContinueDialog(innerDc);
  }

  /** The guided conversation this dialog is, if any (what a safety reply paused, for one). */
  guides(): FeatureIntent | undefined {
    return this.feature;
  }

  /**
   * Whether this dialog offers to switch to another topic (the menu routes topics itself); `text`
   * is the message, for a dialog that reads some words as its own ("i dont go to meetings").
   */
  protected switchesTopics(_text?: string): boolean {
    return true;
  }

  /**
   * Whether a switch away keeps this guided conversation to resume after the other. The menu
   * resumes it among its own dialogs, so one the menu does not run says no.
   */
  protected resumesAfterSwitch(): boolean {
    return true;
  }

  /**
   * Another guided conversation asked for while this one waits: switch at once when the
   * recognizer is sure and the words say so ("actually..."), ask when it is fairly sure, and
   * otherwise take the message as the answer it probably is.
   */
  private switchTarget(innerDc: DialogContext): { intent: FeatureIntent; ask: boolean } | undefined {
    const { context } = innerDc;
    const recognition = signals.recognition.get(context);
    const switches = this.switchesTopics(context.activity.text ?? '');
    if (!recognition || !switches || innerDc.activeDialog?.id === SWITCH_STEPS) return undefined;
    if (answersOpenChoice(innerDc, this.deps.strings)) return undefined;
    const { intent, score } = recognition;
    if (!isFeatureIntent(intent) || intent === this.feature || score < thresholds.switchAsk) return undefined;
    const now = score >= thresholds.switchNow && hasSwitchCue(this.deps.strings, context.activity.text);
    return { intent, ask: !now };
  }

  /** True when the message asks for a person, in a guided conversation other than the handoff itself. */
  private asksForAPerson(innerDc: DialogContext): boolean {
    const text = innerDc.context.activity.text;
    return (
      this.feature !== undefined &&
      this.feature !== 'handoff' &&
      this.switchesTopics() &&
      innerDc.activeDialog?.id !== SWITCH_STEPS &&
      asksForPerson(this.deps.strings, text)
    );
  }

  private async askSwitch(step: WaterfallStepContext<SwitchOptions>): Promise<DialogTurnResult> {
    const { intent } = step.options;
    const feature = this.deps.strings.text(featureOf(intent).name);
    return step.prompt(SWITCH_CONFIRM, {
      prompt: this.deps.strings.text('routing.switchConfirm', { feature }),
      style: ListStyle.suggestedAction,
    });
  }

  /** Yes: switch. No: back to the question that was open (it is asked again). */
  private async afterSwitch(step: WaterfallStepContext<SwitchOptions>): Promise<DialogTurnResult> {
    const { intent } = step.options;
    return step.result === true ? this.switchTo(step, intent) : step.endDialog();
  }

  /**
   * Closes every dialog and notes the topic, so the bot starts it from the menu. A guided
   * conversation is noted too, as it was before the switch was asked, to resume after.
   */
  protected async switchTo(dc: DialogContext, intent: FeatureIntent): Promise<DialogTurnResult> {
    signals.switchTo.set(dc.context, intent);
    const own = dc.parent?.activeDialog;
    if (this.feature && this.resumesAfterSwitch() && own?.id === this.id) {
      const instance = structuredClone(own);
      const inner = (instance.state as { dialogs?: { dialogStack?: DialogInstance[] } }).dialogs;
      if (inner?.dialogStack)
        inner.dialogStack = inner.dialogStack.filter((d) => d.id !== SWITCH_STEPS && d.id !== SWITCH_CONFIRM);
      pausedFlow.set(dc.context, { feature: this.feature, instance });
    }
    return dc.cancelAllDialogs(true);
  }

  /** Help: say what the bot can do, then ask the same question again. */
  protected async onHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
    await sendHelp(innerDc, this.deps);
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  /**
   * Cancel or menu: end this dialog so its caller takes over; nothing stored is lost. `said`: a
   * feature's own words for it (a safety plan keeps each answer as it is given).
   */
  protected async onLeave(
    innerDc: DialogContext,
    command: DialogCommand,
    said?: StringKey,
  ): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    await innerDc.context.sendActivity(
      strings.text(said ?? (command === 'menu' ? 'interruptions.toMenu' : 'interruptions.cancelled')),
    );
    await innerDc.cancelAllDialogs();
    const result: LeftResult = { left: command };
    return { status: DialogTurnStatus.complete, result };
  }

  /**
   * The help/menu/cancel command this turn's message is: the exact words, or a sentence the
   * recognizer is sure means one ("can we start again from the top").
   */
  protected commandIn(dc: DialogContext): DialogCommand | undefined {
    const { activity } = dc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const exact = signals.carriedCommand.get(dc.context) ?? this.deps.commands.recognize(activity.text);
    // A bare "?" at a guided question asks about that question: it is asked again, shorter and
    // with an example (the question's own re-ask), not answered with the whole help text.
    const shrug =
      exact === 'help' &&
      this.feature &&
      typedAnswerReader(this.deps.strings).unsureOnly(activity.text ?? '');
    if (shrug) return undefined;
    if (exact === 'help' || exact === 'menu' || exact === 'cancel') return exact;
    // "cancel the reminder" removes a reminder; it does not leave.
    if (reminderRequestIn(this.deps.strings, activity.text) === 'remove') return undefined;
    // A button of the open prompt is its answer, whatever it sounds like ("Go back"); "back" and
    // "skip" belong to the question too (the recognizer may read them as "cancel").
    if (answersOpenChoice(dc, this.deps.strings)) return undefined;
    if (typedAnswerReader(this.deps.strings).stepWord(activity.text ?? '')) return undefined;
    // "Cancel, please. I said I do not want a second message": leaving, said first, then why; even
    // where words are kept (a name, a message), since nobody opens their words with "cancel." Help
    // is not taken this way: "Help. I need someone to talk to" is a message.
    const opening = this.deps.commands.recognizeOpening(activity.text);
    if (opening === 'menu' || opening === 'cancel') return opening;
    if (takesOwnWords(dc)) return undefined;
    const recognition = signals.recognition.get(dc.context);
    const { intent, score } = recognition ?? { intent: 'none', score: 0 };
    const sure = score >= thresholds.command;
    return sure && (intent === 'help' || intent === 'menu' || intent === 'cancel') ? intent : undefined;
  }

  /** True when the active child will handle interruptions itself (it is deeper). */
  private childIsInterruptible(innerDc: DialogContext): boolean {
    const active = innerDc.activeDialog;
    return active !== undefined && innerDc.findDialog(active.id) instanceof InterruptibleDialog;
  }
}

/** Sends the help: two short lines (what works, how to reach a person), or all of it on "more help". */
export async function sendHelp(dc: DialogContext, { strings }: DialogDeps): Promise<void> {
  // Two short lines first (Pat reads slowly: a wall of text for "help" lost him); "more help" gives it all.
  const more = strings
    .variants('help.moreWords')
    .map(foldAnswer)
    .includes(foldAnswer(dc.context.activity.text ?? ''));
  const lines = more
    ? [
        strings.text('help.summary', { features: featureListText(strings) }),
        strings.text('help.person'),
        strings.text('help.privacy'),
      ]
    : [strings.text('help.short'), strings.text('help.personShort')];
  await dc.context.sendActivity(lines.join('\n\n'));
}
