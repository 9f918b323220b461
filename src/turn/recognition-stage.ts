import type { DialogContext } from 'botbuilder-dialogs';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { openSafetyQuestion } from '../../dialogs/safety-dialog.js';
import type { AdviceRequestDetector } from '../language/advice-requests.js';
import {
  intentTrace,
  type WayfinderRecognition,
  type WayfinderRecognizer,
} from '../language/intents/index.js';
import * as signals from '../turn-signals.js';
import { inDialog, type MessageStage } from './message-turn.js';

/** This turn's recognition: once per turn, traced, and kept for the dialogs. */
export async function recognize(
  recognizer: Pick<WayfinderRecognizer, 'recognize'>,
  dc: DialogContext,
): Promise<WayfinderRecognition> {
  const known = signals.recognition.get(dc.context);
  if (known) return known;
  const recognition = (await recognizer.recognize(dc, dc.context.activity)).wayfinder;
  await dc.context.sendActivity(intentTrace(recognition));
  signals.recognition.set(dc.context, recognition);
  return recognition;
}

/** What the message is: the recognizer's intent and details, and whether it asks for advice. */
export function recognitionStage(
  recognizer: Pick<WayfinderRecognizer, 'recognize'>,
  advice: Pick<AdviceRequestDetector, 'detect'>,
): MessageStage {
  return async (turn, next) => {
    const { dc } = turn;
    turn.recognition = await recognize(recognizer, dc);
    // A role-play declines advice itself, stepping out of the scene and back (practice-dialog.ts).
    // During an overdose, "how much naloxone?" is answered by the overdose steps, not declined.
    const declinedElsewhere = inDialog(dc, DialogIds.practice) || openSafetyQuestion(dc) === 'overdose';
    turn.advice = declinedElsewhere ? undefined : advice.detect(dc.context.activity.text);
    await next();
  };
}
