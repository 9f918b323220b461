import { openSafetyQuestion } from '../../dialogs/safety-dialog.js';
import type { Strings } from '../content/strings.js';
import { exceedsInputBudget, MAX_MESSAGE_LENGTH } from '../language/input-limits.js';
import { continueOrBegin, type MessageStage, reprompt } from './message-turn.js';

/**
 * Messages with nothing to read, or too much: no text, card data with no text, or over the
 * length the recognizers are given. Silence after a safety question is an answer, though.
 */
export function limitsStage(strings: Strings): MessageStage {
  return async ({ context, dc }, next) => {
    const { text, value } = context.activity;
    if (!text?.trim()) {
      // Silence (an empty message, a sticker) after a safety question is an answer too.
      if (openSafetyQuestion(dc)) return continueOrBegin(dc);
      if (value === undefined) {
        await context.sendActivity(strings.text('errors.notText'));
        return;
      }
      // Card data with no text: no card a member is sent submits data (their buttons send text),
      // so whatever it holds is not read; the open question is asked again.
      await context.sendActivity(strings.text('errors.submitNotUnderstood'));
      return reprompt(dc);
    }
    if (exceedsInputBudget(text)) {
      await context.sendActivity(strings.text('errors.tooLong', { max: MAX_MESSAGE_LENGTH }));
      return;
    }
    await next();
  };
}
