import { ActivityTypes } from 'botbuilder';
import {
  ComponentDialog,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
} from 'botbuilder-dialogs';
import type { DialogCommand } from '../src/language/commands.js';
import type { DialogDeps } from './dialog-deps.js';

/** What a dialog returns when the person left it with "cancel" or "menu". */
export interface LeftResult {
  left: DialogCommand;
}

/**
 * The base of every Wayfinder dialog: "help", "menu" and "cancel"/"start over" work at every
 * prompt. The innermost interruptible dialog handles them, so a feature's own prompt is the one
 * re-asked after help, and leaving a feature returns to its caller (the menu).
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (!this.childIsInterruptible(innerDc)) {
      const command = this.commandIn(innerDc);
      if (command === 'help') return this.onHelp(innerDc);
      if (command) return this.onLeave(innerDc, command);
    }
    return super.onContinueDialog(innerDc);
  }

  /** Help: say what the bot can do, then ask the same question again. */
  protected async onHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
    await sendHelp(innerDc, this.deps);
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  /** Cancel or menu: end this dialog so its caller takes over; nothing stored is lost. */
  protected async onLeave(innerDc: DialogContext, command: DialogCommand): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    await innerDc.context.sendActivity(
      strings.text(command === 'menu' ? 'interruptions.toMenu' : 'interruptions.cancelled'),
    );
    await innerDc.cancelAllDialogs();
    const result: LeftResult = { left: command };
    return { status: DialogTurnStatus.complete, result };
  }

  /** The global command this turn's message is, if it is a message at all. */
  protected commandIn(dc: DialogContext): DialogCommand | undefined {
    const { activity } = dc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const command = this.deps.commands.recognize(activity.text);
    return command === 'help' || command === 'menu' || command === 'cancel' ? command : undefined;
  }

  /** True when the active child will handle interruptions itself (it is deeper). */
  private childIsInterruptible(innerDc: DialogContext): boolean {
    const active = innerDc.activeDialog;
    return active !== undefined && innerDc.findDialog(active.id) instanceof InterruptibleDialog;
  }
}

/** Sends the help text: what works, how to reach a person, privacy in one line. */
export async function sendHelp(dc: DialogContext, { strings }: DialogDeps): Promise<void> {
  const features = strings.text('menu.featureList');
  await dc.context.sendActivity(
    [
      strings.text('help.summary', { features }),
      strings.text('help.person'),
      strings.text('help.privacy'),
    ].join('\n\n'),
  );
}
