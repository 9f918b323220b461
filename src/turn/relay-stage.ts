import { DialogIds } from '../../dialogs/dialog-ids.js';
import type { HandoffDialogOptions } from '../../dialogs/handoff-dialog.js';
import { openSafetyQuestion, pauseForSafety, safetyOptionsFor } from '../../dialogs/safety-dialog.js';
import type { HandoffTurns } from '../handoff/handoff-turns.js';
import type { CommandRecognizer } from '../language/commands.js';
import type { SafetyPlanSender } from '../safety-plan/plan-sender.js';
import { asking, found, type MessageStage } from './message-turn.js';

/** A specialist's commands, or their side of a live relay: before the gate, which reads members. */
export function specialistStage(
  handoff: Pick<HandoffTurns, 'isSpecialist' | 'specialistTurn'>,
): MessageStage {
  return async ({ context, link }, next) => {
    if (handoff.isSpecialist(context) && (await handoff.specialistTurn(context, link))) return;
    await next();
  };
}

/**
 * A member with a handoff request or a live relay: their words go to the specialist, or withdraw
 * the request, or open the fallback after nobody came; a safety finding pauses the relay with
 * the crisis reply.
 */
export function relayStage(
  handoff: Pick<HandoffTurns, 'memberTurn' | 'waitingElsewhere'>,
  commands: Pick<CommandRecognizer, 'recognize'>,
  safetyPlans: Pick<SafetyPlanSender, 'send'>,
): MessageStage {
  return async (turn, next) => {
    const { context, dc } = turn;
    const safety = found(turn.safety, 'safety');
    const flagged = safety.level === 'none' ? undefined : safety.level;
    // The check-in is answered first: "no im fine. not like that. just lonely" (Sam, waiting) was
    // met as a follow-up about the wait, the check-in stayed open, and his next plain question
    // got the crisis reply.
    if (!flagged && openSafetyQuestion(dc) === 'checkIn') return next();
    const inForm = asking(dc, DialogIds.handoff);
    // "still up. did anyone answer" in a new chat: the request left in another one is found.
    const link = turn.link ?? (await handoff.waitingElsewhere(context, inForm, flagged));
    if (link?.role !== 'member') return next();
    const ownPlan = commands.recognize(context.activity.text) === 'mySafetyPlan';
    const relayed = await handoff.memberTurn(context, link, flagged, ownPlan, inForm);
    // "My safety plan" (a crisis reply's button) in a live chat: shown to the person alone.
    if (relayed.kind === 'private') return safetyPlans.send(context, 'safetyPlan.current');
    if (relayed.kind === 'relayed' && flagged) await pauseForSafety(dc, safetyOptionsFor(safety));
    if (relayed.kind === 'fallback') {
      const options: HandoffDialogOptions = { fallback: { code: relayed.code, choice: relayed.choice } };
      await dc.beginDialog(DialogIds.handoff, options);
    }
    if (relayed.kind === 'none') await next();
  };
}
