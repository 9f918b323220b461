import { DialogIds } from '../../dialogs/dialog-ids.js';
import { atMainMenu } from '../../dialogs/main-dialog.js';
import { answersOpenChoice, collectsQuestions, takesOwnWords } from '../../dialogs/open-choice.js';
import { PEER_GROUP_DIALOG_ID } from '../../dialogs/peer-group-dialog.js';
import type { Strings } from '../content/strings.js';
import { asideAnswers, asideIn } from '../language/asides.js';
import { inDialog, type MessageStage, reprompt } from './message-turn.js';

/**
 * An aside (see asides.ts) is answered, then the open question is asked again: never kept as an
 * answer, never met with "didn't catch that" (what counts where: AsideWhere). A plan's questions
 * keep every question, and a role-play its lines.
 */
export function asideStage(strings: Strings): MessageStage {
  return async ({ context, dc }, next) => {
    const text = context.activity.text;
    // The safety replies answer naloxone after an overdose themselves ("will he od again when it
    // wears off"), and in their own order.
    const own = inDialog(dc, DialogIds.practice) || inDialog(dc, DialogIds.safety);
    if (own || answersOpenChoice(dc, strings) || collectsQuestions(dc)) return next();
    // Inside a flow, its questions read frustration themselves (a sorry and the question more
    // simply, checkAnswer); at the menu, or with nothing open, it is answered here.
    const where = takesOwnWords(dc) ? 'ownWords' : atMainMenu(dc) || !dc.activeDialog ? 'menu' : 'flow';
    const aside = asideIn(strings, text, where);
    if (!aside) return next();
    // The group finder hears being judged for one's medication itself, with the sources' answer
    // (Janet: "I asked whether it is wrong of me to stay on it. I am beginning to feel judged").
    if (aside === 'judged' && inDialog(dc, PEER_GROUP_DIALOG_ID)) return next();
    await context.sendActivity(strings.text(asideAnswers[aside], {}, text?.length ?? 0));
    return reprompt(dc);
  };
}
