import { ACCOMMODATION_DIALOG_ID } from '../../dialogs/accommodation-dialog.js';
import { APPOINTMENT_DIALOG_ID } from '../../dialogs/appointment-dialog.js';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { collectsQuestions } from '../../dialogs/open-choice.js';
import { PEER_GROUP_DIALOG_ID } from '../../dialogs/peer-group-dialog.js';
import { rightsQuestionIn } from '../accommodations/rights.js';
import { ventIn } from '../appointments/question-edits.js';
import type { Strings } from '../content/strings.js';
import type { FlowQuestions } from '../language/flow-questions.js';
import { medicationWorryIn } from '../peer-groups/medication-worry.js';
import { adviceReply } from '../safety/advice-reply.js';
import { continueOrBegin, inDialog, type MessageStage, reprompt } from './message-turn.js';

/**
 * A medical or legal question is declined kindly; a question about a flow's own words ("what's
 * an interactive process?") is answered; then the open question again.
 */
export function adviceStage(strings: Strings, flowQuestions: Pick<FlowQuestions, 'answer'>): MessageStage {
  return async ({ context, dc, advice }, next) => {
    const text = context.activity.text ?? '';
    // "can they fire me for asking?" inside a request: the request answers it as general information.
    const rightsInRequest =
      advice === 'legal' &&
      inDialog(dc, ACCOMMODATION_DIALOG_ID) &&
      rightsQuestionIn(strings, text) !== undefined;
    if (rightsInRequest) return next();
    // "should I stop my buprenorphine to fit in at meetings?" in the group finder: it answers the
    // worry behind it (no advice), as a peer would, and asks its question again.
    if (advice && inDialog(dc, PEER_GROUP_DIALOG_ID) && medicationWorryIn(strings, text)) return next();
    // "man this is stressing me out. should i just plead guilty": the plan hears the vent first.
    if (advice && collectsQuestions(dc) && ventIn(strings, text)) return next();
    if (advice && collectsQuestions(dc)) {
      // A plan's questions are open: declined as advice, kept as a question to ask them.
      await context.sendActivity(adviceReply(strings, advice, text, 'planQuestions'));
      return continueOrBegin(dc);
    }
    if (advice) {
      const planning = inDialog(dc, APPOINTMENT_DIALOG_ID) ? 'planning' : 'elsewhere';
      await context.sendActivity(adviceReply(strings, advice, text, planning));
      return reprompt(dc);
    }
    // "What's an interactive process?" mid-flow: answered, then the open question again. At a
    // plan's questions, "what is MAT?" is one to ask the provider: the plan keeps it.
    const explained =
      inDialog(dc, DialogIds.practice) || collectsQuestions(dc) ? undefined : flowQuestions.answer(text);
    if (explained) {
      await context.sendActivity(explained.map((key) => strings.text(key)).join('\n\n'));
      return reprompt(dc);
    }
    await next();
  };
}
