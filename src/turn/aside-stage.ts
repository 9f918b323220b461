import { DialogIds } from '../../dialogs/dialog-ids.js';
import { answersOpenChoice, collectsQuestions, takesOwnWords } from '../../dialogs/open-choice.js';
import type { Strings } from '../content/strings.js';
import { asideAnswers, asideIn } from '../language/asides.js';
import { inDialog, type MessageStage, reprompt } from './message-turn.js';

/**
 * An aside (see asides.ts) is answered, then the open question is asked again: never kept as an
 * answer, never met with "didn't catch that". Where words are kept (a name, a message) only a
 * question counts; a plan's questions keep every question, and a role-play its lines.
 */
export function asideStage(strings: Strings): MessageStage {
  return async ({ context, dc }, next) => {
    const text = context.activity.text;
    if (answersOpenChoice(dc, strings) || collectsQuestions(dc) || inDialog(dc, DialogIds.practice))
      return next();
    const aside = asideIn(strings, text, takesOwnWords(dc));
    if (!aside) return next();
    await context.sendActivity(strings.text(asideAnswers[aside], {}, text?.length ?? 0));
    return reprompt(dc);
  };
}
