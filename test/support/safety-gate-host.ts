import { ComponentDialog, type Dialog, type DialogContext } from 'botbuilder-dialogs';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { pauseForSafety, SafetyDialog, safetyOptionsFor } from '../../dialogs/safety-dialog.js';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import { testContent } from './content.js';

const classifier = loadSafetyClassifier();

/**
 * Plays the bot's safety gate for one dialog under test: danger or concern pauses it under the
 * real safety dialog (or goes to the one already open), and "Go back" resumes it, as in the bot.
 */
export class SafetyGateHost extends ComponentDialog {
  constructor(deps: DialogDeps, inner: Dialog) {
    super('safetyGateHost');
    this.addDialog(inner).addDialog(new SafetyDialog(deps, testContent().spanish));
    this.initialDialogId = inner.id;
  }

  protected override async onContinueDialog(innerDc: DialogContext) {
    const result = classifier.classify(innerDc.context.activity.text ?? '');
    if (result.level === 'none') return super.onContinueDialog(innerDc);
    return pauseForSafety(innerDc, safetyOptionsFor(result));
  }
}
