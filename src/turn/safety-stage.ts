import type { TurnContext } from 'botbuilder';
import { openSafetyQuestion } from '../../dialogs/safety-dialog.js';
import type { SafetyClassifier, SafetyResult } from '../language/safety/safety-classifier.js';
import { span } from '../platform/spans.js';
import * as signals from '../turn-signals.js';
import type { Disclosure } from './disclosure.js';
import type { HintReading } from './hint-reading.js';
import { found, type MessageStage, type MessageTurn } from './message-turn.js';

/** The value type of the SafetyCheck trace activity the Emulator shows. */
export const SAFETY_TRACE_TYPE = 'https://wayfinder.local/schemas/safetyCheck';

/**
 * The safety gate: every message (but a specialist's side of a relay) is classified first, the
 * whole text (the classifier is linear), and the result sent as a `SafetyCheck` trace.
 */
export async function checkSafety(
  classifier: Pick<SafetyClassifier, 'classify'>,
  context: TurnContext,
  reading?: HintReading,
): Promise<SafetyResult> {
  const found = span('safety', () => classifier.classify(context.activity.text ?? ''));
  const result = reading ? await reading.read(context, found) : found;
  // A past-tense story ("two years ago i overdosed") is none; the reply stages need to know it.
  if (result.level === 'none' && result.suppressed.some((entry) => entry.endsWith(':past'))) {
    signals.toldAsPast.set(context, true);
  }
  await context.sendTraceActivity('SafetyCheck', { level: result.level }, SAFETY_TRACE_TYPE, 'Safety check');
  return result;
}

/**
 * The gate for a person's message; the stages after it read what it found. With `reading`, a hint
 * only the learned layer heard is read in the light of the conversation (see HintReading), and a
 * clear "no" to a check-in given this turn is noted for the turns after it.
 */
export function safetyStage(
  classifier: Pick<SafetyClassifier, 'classify'>,
  disclosure: Disclosure,
  reading?: HintReading,
): MessageStage {
  return async (turn, next) => {
    turn.safety = await checkSafety(classifier, turn.context, reading);
    await gate(turn, next, disclosure);
    await reading?.remember(turn.context, turn.safety);
  };
}

/** The stages after the gate, with the one-line disclosure where it belongs. */
async function gate(turn: MessageTurn, next: () => Promise<void>, disclosure: Disclosure): Promise<void> {
  // Nothing comes before a safety reply (911 first; concern met gently); the line waits a turn.
  if (found(turn.safety, 'safety').level !== 'none') return next();
  // Mid-overdose ("do i spray it now??") the answer comes first, and the line after it.
  const midCrisis = openSafetyQuestion(turn.dc) === 'overdose';
  if (!midCrisis) await disclosure.once(turn.context);
  await next();
  if (midCrisis) await disclosure.once(turn.context);
}
