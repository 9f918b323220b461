import { ComponentDialog, type Dialog, type DialogContext } from 'botbuilder-dialogs';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { SafetyDialog, type SafetyDialogOptions } from '../../dialogs/safety-dialog.js';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';

const classifier = loadSafetyClassifier();

/**
 * Plays the bot's safety gate for one dialog under test: danger or concern pauses it under the
 * real safety dialog, and "Go back" resumes it, as in the bot.
 */
export class SafetyGateHost extends ComponentDialog {
  constructor(deps: DialogDeps, inner: Dialog) {
    super('safetyGateHost');
    this.addDialog(inner).addDialog(new SafetyDialog(deps));
    this.initialDialogId = inner.id;
  }

  protected override async onContinueDialog(innerDc: DialogContext) {
    const result = classifier.classify(innerDc.context.activity.text ?? '');
    if (result.level === 'none') return super.onContinueDialog(innerDc);
    const options: SafetyDialogOptions = { level: result.level, explicit: result.explicit, overdose: false };
    return innerDc.beginDialog(DialogIds.safety, options);
  }
}
