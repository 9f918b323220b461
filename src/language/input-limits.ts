import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Strings } from '../content/strings.js';

/**
 * The longest message the recognizers are given. The date-time recognizer is superlinear (about
 * 5 ms for 80 characters, 2 s for 2,000), and a slow turn blocks every conversation on the process.
 */
export const MAX_MESSAGE_LENGTH = 1000;

/**
 * Answers an over-long message kindly and stops it before any recognizer runs. Nothing is stored
 * for that turn, so the person's place in the conversation is kept.
 */
export function inputLimits(strings: Strings, maxLength = MAX_MESSAGE_LENGTH): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { type, text } = context.activity;
      if (type === ActivityTypes.Message && typeof text === 'string' && text.length > maxLength) {
        await context.sendActivity(strings.text('errors.tooLong', { max: maxLength }));
        return;
      }
      await next();
    },
  };
}
