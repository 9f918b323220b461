import type { DialogContext } from 'botbuilder-dialogs';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { askingForSpecialist } from '../../dialogs/handoff-dialog.js';
import { pausedIn } from '../../dialogs/interruptible-dialog.js';
import type { MainDialogOptions } from '../../dialogs/main-dialog.js';
import { askingForSceneLine } from '../../dialogs/practice-dialog.js';
import { pauseForSafety, type SafetyDialogOptions, safetyOptionsFor } from '../../dialogs/safety-dialog.js';
import { askingForPlanPart } from '../../dialogs/safety-plan-dialog.js';
import type { Strings } from '../content/strings.js';
import type { AdviceRequestDetector } from '../language/advice-requests.js';
import type { CommandRecognizer, GlobalCommand } from '../language/commands.js';
import { exceedsInputBudget } from '../language/input-limits.js';
import type { WayfinderRecognizer } from '../language/intents/index.js';
import { type FeatureIntent, hasRequestCue, isFeatureIntent, thresholds } from '../language/routing.js';
import * as signals from '../turn-signals.js';
import { rootCommandFrom } from './command-stage.js';
import type { Disclosure } from './disclosure.js';
import { found, type MessageStage } from './message-turn.js';
import { recognize } from './recognition-stage.js';

export interface SafetyReplyParts {
  strings: Strings;
  commands: Pick<CommandRecognizer, 'recognizeClause'>;
  recognizer: Pick<WayfinderRecognizer, 'recognize'>;
  advice: Pick<AdviceRequestDetector, 'detect'>;
  disclosure: Disclosure;
}

/**
 * Danger or concern: the safety dialog opens above whatever was open. A concern that also asks
 * for something has it done after the reply; a concern written where the open question keeps
 * the person's words is that answer.
 */
export function safetyReplyStage(parts: SafetyReplyParts): MessageStage {
  return async (turn, next) => {
    const { context, dc } = turn;
    const safety = found(turn.safety, 'safety');
    const flagged = safety.level === 'none' ? undefined : safetyOptionsFor(safety);
    // A concern written where the open question keeps the person's words (a plan part, a
    // message for a specialist) is that answer, and one said to the counterpart in a role-play
    // ("I've been having cravings", practising telling a prescriber) is the scene the person is
    // working on: one line says so and the words are kept. Danger still gets its reply first.
    const keepable = flagged?.level === 'concern' && !flagged.overdose && !flagged.language;
    // Told as past and over, in a message for a specialist ("my friend od'd last night, hes ok
    // now"): the same one line, so what was heard is met and the message still goes.
    const toldOver = !flagged && signals.toldAsPast.get(context) === true && askingForSpecialist(dc);
    const keptIn = toldOver
      ? 'handoff.concernKept'
      : !keepable
        ? undefined
        : askingForPlanPart(dc)
          ? 'safetyPlan.concernKept'
          : askingForSpecialist(dc)
            ? 'handoff.concernKept'
            : askingForSceneLine(dc)
              ? 'practice.concernKept'
              : undefined;
    if (keptIn) {
      await context.sendActivity(parts.strings.text(keptIn));
      signals.concernKept.set(context, true);
    }
    const options = keptIn ? undefined : flagged;
    if (!options) return next();
    const carried = await requestWithConcern(parts, dc, options);
    await pauseForSafety(dc, { ...options, request: carried?.request });
    if (!carried) return;
    // The concern was met first; what the message asked for is done now, as if typed after it.
    await parts.disclosure.once(context);
    if (carried.request) {
      const start: MainDialogOptions = { start: signals.switchTo.get(context), resume: pausedIn(context) };
      if (!dc.activeDialog) await dc.beginDialog(DialogIds.main, start);
      return;
    }
    turn.carriedCommand = carried.command;
    await next();
  };
}

/**
 * What a concern message asked for besides ("so scared i'll relapse, find me a group"): a
 * command in one of its sentences, a command the recognizer is sure of, or a guided
 * conversation. Danger, an overdose and Spanish get their reply alone.
 */
async function requestWithConcern(
  parts: SafetyReplyParts,
  dc: DialogContext,
  options: SafetyDialogOptions,
): Promise<{ command?: GlobalCommand; request?: FeatureIntent } | undefined> {
  const { text } = dc.context.activity;
  if (options.level !== 'concern' || options.overdose || options.language) return undefined;
  // A medical or legal question is no request to carry out ("so anxious, is it safe to taper?").
  if (!text?.trim() || exceedsInputBudget(text) || parts.advice.detect(text)) return undefined;
  const recognition = await recognize(parts.recognizer, dc);
  // Sure readings only: "if I tell anyone he'll take the kids" is not a question about privacy.
  const sure = recognition.score >= thresholds.route;
  const command = parts.commands.recognizeClause(text) ?? (sure ? rootCommandFrom(recognition) : undefined);
  if (command === 'help' || command === 'menu' || command === 'cancel')
    signals.carriedCommand.set(dc.context, command);
  if (command) return { command };
  const asked = sure && isFeatureIntent(recognition.intent) && hasRequestCue(parts.strings, text);
  return asked ? { request: recognition.intent as FeatureIntent } : undefined;
}
