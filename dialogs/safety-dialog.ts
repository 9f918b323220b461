import {
  ChoicePrompt,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { DialogCommand } from '../src/language/commands.js';
import { crisisLinesText } from './crisis-lines.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { yesNoPrompt } from './yes-no-prompt.js';

/** What the safety gate found, as the dialog needs it. */
export interface SafetyDialogOptions {
  level: 'danger' | 'concern';
  /** False when the words only hint at danger: the dialog asks before treating it as one. */
  explicit: boolean;
  /** An overdose or someone not breathing: the safety step is about that. */
  overdose: boolean;
  /** 'es': the person wrote in Spanish; the reply is in Spanish (see SafetyResult.language). */
  language?: 'es';
}

const STEPS = 'safetySteps';
const CHOICES = 'safetyChoices';
const CONFIRM = 'safetyConfirm';
const CHOICE = 'safetyChoice';
type Next = 'person' | 'lines' | 'back' | 'menu';

/**
 * Crisis and concern replies, above whatever dialog was active (which is paused, not lost).
 * Danger gets 911, 988 and the crisis lines at once, a person, and one simple safety step; a
 * hint of danger is checked with the person first; concern is acknowledged gently. Then the
 * person chooses: a person, the lines again, back to what they were doing, or the menu.
 */
export class SafetyDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.safety, deps);
    // Anything but a clear "no" gets the crisis reply: with safety, unsure means yes.
    const confirm = yesNoPrompt(CONFIRM, deps.strings, ['safety.confirmYes', 'safety.confirmNo'], {
      kind: 'assume',
      value: true,
      afterMisses: 1,
    });
    this.addDialog(confirm)
      // Any answer is accepted: free text from someone in distress gets a reply, never "invalid".
      .addDialog(new ChoicePrompt(CHOICE, async () => true))
      .addDialog(new WaterfallDialog(STEPS, [this.open.bind(this), this.afterConfirm.bind(this)]))
      .addDialog(new WaterfallDialog(CHOICES, [this.offer.bind(this), this.act.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Answers at once, or (for a hint of danger) asks first. */
  private async open(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as SafetyDialogOptions;
    if (options.level === 'danger' && !options.explicit) {
      return step.prompt(CONFIRM, {
        prompt: this.deps.strings.text('safety.confirm'),
        style: ListStyle.suggestedAction,
      });
    }
    await this.reply(step, options);
    return step.replaceDialog(CHOICES);
  }

  private async afterConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as SafetyDialogOptions;
    if (step.result === true) await this.reply(step, { ...options, explicit: true });
    else await step.context.sendActivity(this.deps.strings.text('safety.safeThanks'));
    return step.replaceDialog(CHOICES);
  }

  /** The crisis reply (danger) or a gentle acknowledgement (concern). */
  private async reply(step: WaterfallStepContext, options: SafetyDialogOptions): Promise<void> {
    const { strings, crisisResources } = this.deps;
    if (options.level === 'concern') {
      // Varies with the message, so repeated concerns are not met with the same sentence.
      const variant = step.context.activity.text?.length ?? 0;
      await step.context.sendActivity(
        `${strings.text('safety.concernIntro', {}, variant)}\n\n${strings.text('safety.concernAsk')}`,
      );
      return;
    }
    await step.context.sendActivity(
      [
        strings.text('safety.dangerIntro'),
        strings.text('safety.callNow'),
        strings.text('safety.personNow'),
        strings.text(options.overdose ? 'safety.stepOverdose' : 'safety.stepGeneral'),
      ].join('\n\n'),
    );
    await step.context.sendActivity(crisisLinesText(strings, crisisResources));
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const choice = (value: Next, label: Parameters<typeof strings.text>[0]) => ({
      value,
      action: { type: 'imBack', title: strings.text(label), value: strings.text(label) },
      synonyms: [strings.text(label)],
    });
    return step.prompt(CHOICE, {
      prompt: strings.text('safety.choicePrompt'),
      choices: [
        choice('person', 'safety.talkToPerson'),
        choice('lines', 'safety.showLines'),
        choice('back', 'safety.goBack'),
        choice('menu', 'safety.toMenu'),
      ],
      style: ListStyle.suggestedAction,
    });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings, crisisResources } = this.deps;
    const picked = (step.result as FoundChoice | undefined)?.value as Next | undefined;
    switch (picked) {
      case 'back':
        await step.context.sendActivity(strings.text('safety.backAgain'));
        return step.endDialog();
      case 'menu':
        return this.onLeave(step, 'menu');
      case 'person':
        // The lines are people too, and answer at once; a peer specialist may take a while.
        await step.context.sendActivity(strings.text('safety.talkToPersonAnswer'));
        return step.replaceDialog(DialogIds.handoff, { topic: 'safety' });
      case 'lines':
        await step.context.sendActivity(crisisLinesText(strings, crisisResources));
        break;
      default:
        await step.context.sendActivity(strings.text('safety.stillHere', {}, this.round(step)));
    }
    return step.replaceDialog(CHOICES, { round: this.round(step) + 1 });
  }

  /** How many times the choices have been offered in this safety conversation (varies wording). */
  private round(step: WaterfallStepContext): number {
    return (step.options as { round?: number } | undefined)?.round ?? 0;
  }

  /**
   * "menu" closes every dialog so the bot starts the menu; "cancel" just leaves this reply and
   * goes back to what was paused.
   */
  protected override async onLeave(
    innerDc: DialogContext,
    command: DialogCommand,
  ): Promise<DialogTurnResult> {
    if (command === 'cancel') {
      await innerDc.context.sendActivity(this.deps.strings.text('safety.backAgain'));
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete };
    }
    await innerDc.context.sendActivity(this.deps.strings.text('interruptions.toMenu'));
    return innerDc.cancelAllDialogs(true);
  }

  /** Its own buttons are where this goes next; a topic change waits until it is closed. */
  protected override switchesTopics(): boolean {
    return false;
  }
}
