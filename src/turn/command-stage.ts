import {
  APPOINTMENT_PLANS_DIALOG_ID,
  type AppointmentPlansOptions,
} from '../../dialogs/appointment-plans-dialog.js';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { specialistQuestion } from '../../dialogs/handoff-dialog.js';
import { atMainMenu } from '../../dialogs/main-dialog.js';
import { MY_PLANS_DIALOG_ID } from '../../dialogs/my-plans-dialog.js';
import { answersOpenChoice, deletesSavedItem } from '../../dialogs/open-choice.js';
import { SAFETY_PLAN_DIALOG_ID } from '../../dialogs/safety-plan-dialog.js';
import { SAVED_REQUESTS_DIALOG_ID, type SavedRequestsOptions } from '../../dialogs/saved-requests-dialog.js';
import { changesARequest, deletesARequest } from '../accommodations/saved-requests.js';
import type { PlanStore } from '../appointments/plan-store.js';
import { remindable, reminderRequestIn } from '../appointments/reminder-request.js';
import { retimeIn } from '../appointments/retime.js';
import { crisisLinesText } from '../content/crisis-lines.js';
import type { CrisisResource } from '../content/crisis-resources.js';
import type { Strings } from '../content/strings.js';
import { questionToUs } from '../language/answer-check.js';
import type { CommandRecognizer, GlobalCommand } from '../language/commands.js';
import { deleteRequestIn, pointsAtAnItem } from '../language/delete-request.js';
import type { WayfinderRecognition } from '../language/intents/index.js';
import { thresholds } from '../language/routing.js';
import { saysAnyOf } from '../language/says-any-of.js';
import { sentencesOf, typedAnswerReader } from '../language/typed-answer.js';
import { aboutBotText, dataReportActivity, privacyText } from '../privacy/data-replies.js';
import type { PersonalData } from '../privacy/personal-data.js';
import {
  asking,
  continueOrBegin,
  found,
  type MessageStage,
  type MessageTurn,
  reprompt,
} from './message-turn.js';

/**
 * Commands answered above all dialogs, when the recognizer is sure enough of one. "Are you a
 * person?" and "is this private?" are answered on a lower score: an honest answer nobody asked
 * for costs little, a question left unanswered costs trust.
 */
export function rootCommandFrom(recognition: WayfinderRecognition): GlobalCommand | undefined {
  const { intent, score } = recognition;
  if ((intent === 'aboutBot' || intent === 'privacy') && score >= thresholds.confirm) return intent;
  if ((intent === 'showData' || intent === 'deleteData') && score >= thresholds.route) return intent;
  return undefined;
}

export interface CommandParts {
  strings: Strings;
  commands: Pick<CommandRecognizer, 'recognize' | 'recognizeClause'>;
  /** Saved appointment plans: "change my reminder to 7pm" at the menu moves a saved one's reminder. */
  plans?: Pick<PlanStore, 'list'>;
  clock?: () => Date;
  personalData: Pick<PersonalData, 'collect'>;
  retentionDays: number;
  crisisResources: readonly CrisisResource[];
}

/**
 * Show my data, privacy, about the bot, crisis lines, delete my data, my plans, my safety plan: answered above
 * all dialogs, typed or recognized; then the open question again.
 */
export function commandStage(parts: CommandParts): MessageStage {
  const { strings } = parts;
  return async (turn, next) => {
    const { context, dc } = turn;
    const { text } = context.activity;
    const recognition = found(turn.recognition, 'recognition');
    // An advice question is that, whatever the classifier guessed ("is it safe to taper?" is no
    // privacy question); typed commands still win. A button of the open question is its answer,
    // whatever its words sound like ("Don't share").
    // "delete that" (a back word: the last answer, not "delete my data") is the open question's too,
    // and so is "delete 1" where saved things are listed (deleting one of them).
    const answer =
      answersOpenChoice(dc, strings) ||
      typedAnswerReader(strings).stepWord(text) !== undefined ||
      deletesSavedItem(dc, strings);
    // "delete 1" with no list open points at an item, not at everything: never "delete my data".
    const deleting = deleteRequestIn(strings, text);
    const item = deleting !== undefined && pointsAtAnItem(strings, deleting);
    // "are they real people?" while asking for a specialist is about them, not the bot: the step answers.
    const aboutThem = asking(dc, DialogIds.handoff) && specialistQuestion(strings, text ?? '') !== undefined;
    // "it doesnt say anything about recovery right? bc idk who reads this" in a request is about the letter: the step answers.
    const aboutLetter =
      asking(dc, DialogIds.accommodation) && saysAnyOf(strings, 'accommodation.saysQuestionWords', text);
    const fromIntent =
      answer || turn.advice || item || aboutThem || aboutLetter ? undefined : rootCommandFrom(recognition);
    // "no. my plans", "forget it. my plans": the plans asked for in a sentence of their own.
    // At the menu, "could you show me the plan I made for my prescriber appointment?" too.
    const clause =
      parts.commands.recognizeClause(text) === 'myPlans' || (atMainMenu(dc) && asksForSaved(strings, text))
        ? 'myPlans'
        : undefined;
    // "had a hard week. want to make a safety plan": at the menu (whose reader would guess another
    // of its choices from the rest), the plan asked for in a sentence of its own.
    const safetyPlan =
      atMainMenu(dc) && parts.commands.recognizeClause(text) === 'mySafetyPlan' ? 'mySafetyPlan' : undefined;
    // "Does that include my meds? I'd like all of it deleted please.": asked last, after a question.
    // With another command before it ("stop. delete my data"), the open dialog hears both.
    const erase =
      !answer &&
      parts.commands.recognizeClause(text) === 'deleteData' &&
      parts.commands.recognize(sentencesOf(text ?? '').at(-1)) === 'deleteData';
    // "So my hospital IT could see this? I'm a nurse..." at the menu or a "did you mean": who
    // reads it is answered (the privacy note), not a guess at a flow from "nurse".
    // "can you delete what I said earlier about being a nurse?": what is kept, and how to erase it.
    // "i want to delete what i said about my job from my message" (Kim): her request, changed in the handoff.
    const whoReads =
      atMainMenu(dc) &&
      !turn.advice &&
      !saysAnyOf(strings, 'handoff.editMessageWords', text) &&
      (questionToUs(strings, text ?? '') === 'whoReads' ||
        saysAnyOf(strings, 'data.deleteWhatISaidWords', text) ||
        // "how long do u keep it", "does this crisis thing get saved about me now?" (Chris): the
        // privacy note says what is kept and for how long, never a guess at the handoff from "keep".
        saysAnyOf(strings, 'data.keptQuestionWords', text));
    // "I said YES delete it" after the question closed: asked again, never erased on those words.
    // At the menu, "delete it again then and dont save anything", "delete everything incl that
    // message" (Chris) too: asked to confirm, as "delete my data" is. Inside a step, "delete
    // everything" may mean that step's list, so only the menu hears it.
    const again =
      !answer &&
      (saysAnyOf(strings, 'data.deleteAgainWords', text) ||
        (atMainMenu(dc) && saysAnyOf(strings, 'data.deleteAllWords', text)));
    // "how do i delete my letter", "delete my letter" (Tyler): one saved thing, never all the data.
    const oneItem = !answer && saysAnyOf(strings, 'data.deleteItemWords', text);
    if (oneItem) await context.sendActivity(strings.text('data.deleteOneItem'));
    // "what are the 3 other records", "why 3 records?" (Chris, Kim) at the menu or the erase
    // question: the data again, each kind of record named.
    const records =
      !answer &&
      (atMainMenu(dc) || asking(dc, DialogIds.deleteData)) &&
      saysAnyOf(strings, 'data.recordsWords', text);
    const typed =
      (oneItem ? 'myPlans' : undefined) ??
      (records ? 'showData' : undefined) ??
      parts.commands.recognize(text) ??
      (whoReads ? 'privacy' : undefined) ??
      safetyPlan ??
      (answer ? undefined : (clause ?? (erase || again ? 'deleteData' : undefined)));
    // "Crisis lines" is also a button of the handoff offer: a button of the open question is its own.
    const command = typed === 'crisisLines' && answer ? undefined : typed;
    // "if i delete my data does the specialist still get it?", "is it really all gone?": a question
    // about erasing is answered with what erase removes and what is kept now, never an erase offer.
    // "you said it was all gone. why is there a conversation saved" (Chris): the record his new
    // messages made is explained before it is shown, or the report reads as a lie.
    const afterErase = saysAnyOf(strings, 'data.afterEraseWords', text);
    if (
      !answer &&
      !asking(dc, DialogIds.deleteData) &&
      (afterErase || saysAnyOf(strings, 'data.eraseQuestionWords', text))
    ) {
      await context.sendActivity(strings.text(afterErase ? 'data.afterEraseAnswer' : 'data.eraseAnswer'));
      await context.sendActivity(dataReportActivity(strings, await parts.personalData.collect(context)));
      return reprompt(dc);
    }
    // "delete the old letter", "how do i delete my letter": that one request, confirmed; never all data.
    if (
      !answer &&
      !turn.carriedCommand &&
      deletesARequest(strings, text ?? '', asking(dc, DialogIds.accommodation))
    ) {
      await dc.beginDialog(SAVED_REQUESTS_DIALOG_ID, { deleting: true } satisfies SavedRequestsOptions);
      if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
      return;
    }
    // "change the start date on my letter" outside a request: that saved letter, opened for review.
    const inRequest = asking(dc, DialogIds.accommodation) || asking(dc, SAVED_REQUESTS_DIALOG_ID);
    if (!answer && !turn.carriedCommand && !inRequest && changesARequest(strings, text ?? '')) {
      await dc.beginDialog(SAVED_REQUESTS_DIALOG_ID, { editing: true } satisfies SavedRequestsOptions);
      if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
      return;
    }
    switch (turn.carriedCommand ?? command ?? fromIntent) {
      case 'showData':
        await context.sendActivity(dataReportActivity(strings, await parts.personalData.collect(context)));
        return reprompt(dc);
      case 'privacy':
        await context.sendActivity(privacyText(strings, parts.retentionDays, context.activity));
        return reprompt(dc);
      case 'aboutBot':
        await context.sendActivity(aboutBotText(strings));
        return reprompt(dc);
      case 'crisisLines':
        // Typed at any question ("i need the hotline"), not only picked from the menu.
        await context.sendActivity(crisisLinesText(strings, parts.crisisResources));
        return reprompt(dc);
      case 'deleteData':
        // Asked while its own question is open ("you said type delete my data. will it erase that
        // too?"): that question takes it, rather than a second one stacked on it.
        if (asking(dc, DialogIds.deleteData)) return continueOrBegin(dc);
        await dc.beginDialog(DialogIds.deleteData);
        return;
      case 'myPlans':
        // Above whatever is open; that question is asked again when the plans are closed. With
        // nothing saved and nothing open (a concern reply it answered, say), the menu.
        await dc.beginDialog(MY_PLANS_DIALOG_ID);
        if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
        return;
      case 'mySafetyPlan':
        // The plan's own question is open ("change my warning signs" while making it): it takes it.
        if (asking(dc, SAFETY_PLAN_DIALOG_ID)) return continueOrBegin(dc);
        // Above whatever is open, a crisis reply included, which is asked again after.
        await dc.beginDialog(SAFETY_PLAN_DIALOG_ID);
        if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
        return;
      default:
        if (await movesReminder(turn, parts)) return;
        await next();
    }
  };
}

/** True when `text` asks for something already saved ("the one i saved", "the plan I made"). */
function asksForSaved(strings: Strings, text: string | undefined): boolean {
  return saysAnyOf(strings, 'plans.savedWords', text);
}

/**
 * At the menu, "can you change my reminder to 7pm instead of 8?", "remind me december 14 at 7pm
 * about my SNAP appointment" or "is my reminder still set?" with a plan ahead: that plan's
 * reminder is shown and moved in "my plans", never a new plan begun for the reminder's date.
 */
async function movesReminder({ context, dc }: MessageTurn, parts: CommandParts): Promise<boolean> {
  const { text } = context.activity;
  // "hola. actually its 9:30 my cita not 9": a saved plan's time changed, the same way.
  const retimes = !reminderRequestIn(parts.strings, text) && retimeIn(parts.strings, text) !== undefined;
  if (!parts.plans || !atMainMenu(dc) || (!retimes && !reminderRequestIn(parts.strings, text))) return false;
  const now = (parts.clock ?? (() => new Date()))();
  const ahead = (await parts.plans.list(context)).filter((plan) => remindable(plan, now));
  if (ahead.length === 0) return false;
  await dc.cancelAllDialogs();
  await dc.beginDialog(APPOINTMENT_PLANS_DIALOG_ID, {
    action: retimes ? 'retime' : 'reminder',
    text,
  } satisfies AppointmentPlansOptions);
  if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
  return true;
}
