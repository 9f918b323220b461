import type { Middleware } from 'botbuilder';
import {
  ComponentDialog,
  type DialogContext,
  type DialogTurnResult,
  TextPrompt,
  WaterfallDialog,
} from 'botbuilder-dialogs';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { InterruptibleDialog } from '../../dialogs/interruptible-dialog.js';
import {
  pauseForSafety,
  SafetyDialog,
  type SafetyDialogOptions,
  safetyOptionsFor,
} from '../../dialogs/safety-dialog.js';
import type { FeatureIntent } from '../../src/language/routing.js';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import * as signals from '../../src/turn-signals.js';
import { testContent } from './content.js';

const classifier = loadSafetyClassifier();

/** The guided conversation the stand-in below is, so asking for it again is going back to it. */
export const PAUSED_FEATURE: FeatureIntent = 'accommodation';
const PAUSED_ID = 'pausedStandIn';

/** A stand-in guided conversation waiting at one question (the nickname question's words). */
class PausedQuestion extends InterruptibleDialog {
  protected override readonly feature = PAUSED_FEATURE;
  constructor(deps: DialogDeps) {
    super(PAUSED_ID, deps);
    this.addDialog(new TextPrompt('pausedAsk')).addDialog(
      new WaterfallDialog('pausedSteps', [
        async (step) => step.prompt('pausedAsk', { prompt: deps.strings.text('nickname.ask') }),
        async (step) => step.endDialog(),
      ]),
    );
    this.initialDialogId = 'pausedSteps';
  }
}

/** How a case sets the gate up. */
export interface GateSetup {
  /** What the gate "found" for these exact messages; others are classified by the real gate. */
  flags?: Record<string, SafetyDialogOptions>;
  /** A guided conversation is open underneath (it asks its question on the first message). */
  paused?: boolean;
}

/**
 * The bot's safety gate around the safety dialog alone: every message is classified (or looked
 * up in `flags`) and a flagged one opens the reply or goes to the one open, as the bot does. The
 * handoff is a stand-in that says its intro.
 */
export class GatedSafety extends ComponentDialog {
  constructor(
    deps: DialogDeps,
    private readonly setup: GateSetup = {},
  ) {
    super('gatedSafety');
    const handoff = new WaterfallDialog(DialogIds.handoff, [
      async (step) => {
        await step.context.sendActivity(deps.strings.text('handoff.intro'));
        return step.endDialog();
      },
    ]);
    this.addDialog(new SafetyDialog(deps, testContent().spanish))
      .addDialog(new PausedQuestion(deps))
      .addDialog(handoff);
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (this.setup.paused) return innerDc.beginDialog(PAUSED_ID);
    return this.onContinueDialog(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const text = innerDc.context.activity.text ?? '';
    const result = classifier.classify(text);
    const flagged =
      this.setup.flags?.[text] ?? (result.level === 'none' ? undefined : safetyOptionsFor(result));
    if (flagged) return pauseForSafety(innerDc, flagged);
    return super.onContinueDialog(innerDc);
  }
}

/** Notes the topic each turn asked to switch to (the bot would start it from the menu). */
export function switchRecorder(): { switched: (FeatureIntent | undefined)[]; middleware: Middleware } {
  const switched: (FeatureIntent | undefined)[] = [];
  return {
    switched,
    middleware: {
      async onTurn(context, next) {
        await next();
        switched.push(signals.switchTo.get(context));
      },
    },
  };
}
