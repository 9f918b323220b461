import {
  type DialogTurnResult,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { readProfile } from '../src/state/profile.js';
import * as signals from '../src/turn-signals.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { InterruptibleDialog } from './interruptible-dialog.js';
import { yesNoPrompt } from './yes-no-prompt.js';

const STEPS = 'deleteDataSteps';
const CONFIRM = 'deleteDataConfirm';

/**
 * "Delete my data": says exactly what will be erased and asks to confirm. Erasing happens at
 * the end of the turn (in the bot), after every dialog is closed, so nothing is written back.
 */
export class DeleteDataDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.deleteData, deps);
    // After two unclear answers, nothing is erased: the safe reading of "I'm not sure".
    const confirm = yesNoPrompt(CONFIRM, deps.strings, ['data.confirmYes', 'data.confirmNo'], {
      kind: 'assume',
      value: false,
      afterMisses: 2,
    });
    this.addDialog(confirm).addDialog(
      new WaterfallDialog(STEPS, [this.confirm.bind(this), this.act.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  /** Says what will be erased: the nickname only when one was set. */
  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings, profile } = this.deps;
    const { nickname } = await readProfile(profile, step.context);
    const stored = [
      ...(nickname ? [strings.text('data.storedNickname', { nickname })] : []),
      strings.text('data.storedAlways'),
    ].join(', ');
    return step.prompt(CONFIRM, {
      prompt: strings.text('data.confirmDelete', { stored }),
      retryPrompt: strings.text('data.confirmRetry'),
      style: ListStyle.auto,
    });
  }

  /** Yes: close every dialog and flag the turn for erasure. No: say nothing was erased. */
  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === true) {
      signals.eraseRequested.set(step.context, true);
      return step.cancelAllDialogs(true);
    }
    await step.context.sendActivity(this.deps.strings.text('data.keptData'));
    return step.endDialog();
  }

  /** Its own buttons are where this goes next; a topic change waits until it is closed. */
  protected override switchesTopics(): boolean {
    return false;
  }
}
