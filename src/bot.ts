import {
  ActivityTypes,
  type BotState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { type Dialog, type DialogContext, DialogSet, type DialogState } from 'botbuilder-dialogs';
import { APPOINTMENT_DIALOG_ID } from '../dialogs/appointment-dialog.js';
import { DialogIds } from '../dialogs/dialog-ids.js';
import { askingForSpecialist, type HandoffDialogOptions } from '../dialogs/handoff-dialog.js';
import { pausedIn } from '../dialogs/interruptible-dialog.js';
import type { MainDialogOptions } from '../dialogs/main-dialog.js';
import { MY_PLANS_DIALOG_ID } from '../dialogs/my-plans-dialog.js';
import { answersOpenChoice, collectsQuestions, deletesSavedItem } from '../dialogs/open-choice.js';
import { askingForSceneLine } from '../dialogs/practice-dialog.js';
import {
  openSafetyQuestion,
  pauseForSafety,
  type SafetyDialogOptions,
  safetyOptionsFor,
} from '../dialogs/safety-dialog.js';
import { askingForPlanPart, SAFETY_PLAN_DIALOG_ID } from '../dialogs/safety-plan-dialog.js';
import type { Strings } from './content/strings.js';
import type { HandoffTurns } from './handoff/handoff-turns.js';
import type { AdviceRequestDetector } from './language/advice-requests.js';
import type { CommandRecognizer, GlobalCommand } from './language/commands.js';
import { deleteRequestIn, pointsAtAnItem } from './language/delete-request.js';
import type { FlowQuestions } from './language/flow-questions.js';
import { exceedsInputBudget, MAX_MESSAGE_LENGTH } from './language/input-limits.js';
import {
  intentTrace,
  type WayfinderRecognition,
  type WayfinderRecognizer,
} from './language/intents/index.js';
import { type FeatureIntent, hasRequestCue, isFeatureIntent, thresholds } from './language/routing.js';
import type { SafetyClassifier, SafetyResult } from './language/safety/safety-classifier.js';
import { typedAnswerReader } from './language/typed-answer.js';
import { span } from './platform/spans.js';
import { aboutBotText, dataReportActivity, privacyText } from './privacy/data-replies.js';
import { type PersonRecord, touchPersonRecord } from './privacy/person-record.js';
import type { PersonalData } from './privacy/personal-data.js';
import { dayOf, type RetentionIndex } from './privacy/retention-index.js';
import { noteReturning } from './privacy/returning-person.js';
import { userStateKey } from './privacy/state-keys.js';
import { adviceReply } from './safety/advice-reply.js';
import type { SafetyPlanSender } from './safety-plan/plan-sender.js';
import { TurnStateSaver } from './state/turn-state-saver.js';
import type { UserProperty } from './state/user-property.js';
import type { GroupTurns } from './teams/group-turns.js';
import { isGroupConversation, TEAMS_CHANNEL } from './teams/scope.js';
import * as signals from './turn-signals.js';

/**
 * Bumped when a release changes dialogs in a way old saved stacks cannot resume; a conversation
 * saved under another version starts again at the menu instead of failing every turn.
 */
export const DIALOG_STATE_VERSION = 2;

/** The value type of the SafetyCheck trace activity the Emulator shows. */
export const SAFETY_TRACE_TYPE = 'https://wayfinder.local/schemas/safetyCheck';

export interface WayfinderBotDeps {
  conversationState: BotState;
  userState: BotState;
  /** Root-level dialogs: the main menu and those that sit above it (delete data). */
  dialogs: readonly Dialog[];
  strings: Strings;
  commands: CommandRecognizer;
  /** Understands free text (intents, entities); its result is traced and shared with dialogs. */
  recognizer: WayfinderRecognizer;
  /** Classifies every message for danger or concern before anything else sees it. */
  safety: SafetyClassifier;
  /** Specialists' commands and both sides of a live relay. */
  handoff: HandoffTurns;
  /** The bot in a group chat or team channel, where nothing personal is asked, shown or kept. */
  group: GroupTurns;
  /** Spots requests for medical, dosing or legal advice, which are declined kindly. */
  advice: AdviceRequestDetector;
  /** Answers questions about a flow's own words ("what's an interactive process?"). */
  flowQuestions: FlowQuestions;
  personalData: PersonalData;
  /** Shows the person their safety plan, also during a live chat with a specialist. */
  safetyPlans: SafetyPlanSender;
  /** The person record (user state), touched every message turn. */
  person: UserProperty<PersonRecord>;
  retentionDays: number;
  /** Who was active on which day, for retention; noted on each person's first message of a day. */
  retentionIndex: RetentionIndex;
  clock?: () => Date;
}

/**
 * The one activity handler every turn goes through: welcome on join; for messages, commands
 * that work above every dialog (show/delete my data, privacy, "are you a bot?"), then the
 * dialogs. State is saved at the end of each turn, never after a failed one.
 */
/**
 * Commands answered above all dialogs, when the recognizer is sure enough of one. "Are you a
 * person?" and "is this private?" are answered on a lower score: an honest answer nobody asked
 * for costs little, a question left unanswered costs trust.
 */
function rootCommandFrom(recognition: WayfinderRecognition): GlobalCommand | undefined {
  const { intent, score } = recognition;
  if ((intent === 'aboutBot' || intent === 'privacy') && score >= thresholds.confirm) return intent;
  if ((intent === 'showData' || intent === 'deleteData') && score >= thresholds.route) return intent;
  return undefined;
}

/** True when the dialog `id` is active anywhere in the stack of nested dialogs. */
function inDialog(dc: DialogContext, id: string): boolean {
  for (let at: DialogContext | undefined = dc; at; at = at.child) {
    if (at.stack.some((instance) => instance.id === id)) return true;
  }
  return false;
}

/** True when `id` is on the path of active dialogs: the open question is its own, none above it. */
function asking(dc: DialogContext, id: string): boolean {
  for (let at: DialogContext | undefined = dc; at; at = at.child) {
    if (at.activeDialog?.id === id) return true;
  }
  return false;
}

export class WayfinderBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly stateVersion: StatePropertyAccessor<number>;
  /** Set once the conversation was told the bot is automated (the welcome, or the first-message line). */
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly dialogSet: DialogSet;
  private readonly clock: () => Date;
  private readonly saver: TurnStateSaver;

  /** The dialogs this bot runs (a test enumerates their prompts). */
  dialogs(): readonly Dialog[] {
    return this.dialogSet.getDialogs();
  }

  constructor(private readonly deps: WayfinderBotDeps) {
    super();
    if (!deps.conversationState || !deps.userState || !deps.strings || !deps.commands || !deps.personalData) {
      throw new Error('WayfinderBot needs conversationState, userState, strings, commands and personalData');
    }
    this.clock = deps.clock ?? (() => new Date());
    this.saver = new TurnStateSaver(deps.conversationState, deps.userState);
    this.dialogState = deps.conversationState.createProperty('dialogState');
    this.stateVersion = deps.conversationState.createProperty('stateVersion');
    this.welcomed = deps.conversationState.createProperty('welcomed');
    this.dialogSet = new DialogSet(this.dialogState);
    for (const dialog of deps.dialogs) this.dialogSet.add(dialog);

    this.onMembersAdded(async (context, next) => {
      const { activity } = context;
      const added = activity.membersAdded ?? [];
      const botAdded = added.some((m) => m.id === activity.recipient?.id);
      const personAdded = added.some((m) => m.id !== activity.recipient?.id);
      if (isGroupConversation(activity)) {
        // Once, when the bot joins; people joining a team later are not greeted in the channel.
        if (botAdded) await deps.group.welcome(context);
      } else if (
        (personAdded || (botAdded && activity.channelId === TEAMS_CHANNEL)) &&
        // A conversation that began with a message (or a second join event) is not welcomed again.
        !(await this.welcomed.get(context))
      ) {
        // The welcome starts a dialog, so this conversation's state is stored from now on: it
        // goes in the person record at once, or "delete my data" and retention would miss it.
        if (activity.from?.id && activity.from.id !== activity.recipient?.id)
          await this.noteActivity(context);
        // Teams announces a personal chat by adding the bot to it.
        await this.welcome(context);
        await this.continueOrBegin(await this.dialogContext(context));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.onUserMessage(context);
      await next();
    });
  }

  /**
   * A turn the bot starts itself (the scheduler's check-in): opens `dialogId` above whatever the
   * conversation has open, so the person's next message answers it; saved as any turn is.
   */
  async beginProactive(context: TurnContext, dialogId: string, options?: object): Promise<void> {
    await this.saver.recover(context);
    const dc = await this.dialogContext(context);
    await dc.beginDialog(dialogId, options);
    await this.saver.save(context);
  }

  override async run(context: TurnContext): Promise<void> {
    // A turn without a sender has no user state to read (the HTTP route refuses such activities).
    const hasUser = Boolean(context.activity.from?.id);
    if (hasUser) await this.saver.recover(context);
    await super.run(context);
    if (signals.eraseRequested.get(context)) {
      await this.erase(context);
      return;
    }
    if (hasUser) await this.saver.save(context);
    else await this.deps.conversationState.saveChanges(context, false);
  }

  /**
   * A message: bookkeeping; a specialist's command or relay; the safety gate; a member's relay;
   * then commands above all dialogs, or the dialogs.
   */
  private async onUserMessage(context: TurnContext): Promise<void> {
    const { strings, handoff } = this.deps;
    const { text, value } = context.activity;
    if (isGroupConversation(context.activity)) return this.groupMessage(context);
    await this.noteActivity(context);
    const dc = await this.dialogContext(context);
    const link = await handoff.link(context);
    if (handoff.isSpecialist(context) && (await handoff.specialistTurn(context, link))) return;
    const safety = await this.safetyCheck(context);
    // Nothing comes before a safety reply (911 first; concern met gently); the line waits a turn.
    if (safety.level === 'none') await this.discloseOnce(context);
    if (link?.role === 'member') {
      const flagged = safety.level === 'none' ? undefined : safety.level;
      const ownPlan = this.deps.commands.recognize(text) === 'mySafetyPlan';
      const turn = await handoff.memberTurn(context, link, flagged, ownPlan);
      // "My safety plan" (a crisis reply's button) in a live chat: shown to the person alone.
      if (turn.kind === 'private') return this.deps.safetyPlans.send(context, 'safetyPlan.current');
      if (turn.kind === 'relayed' && flagged) await pauseForSafety(dc, safetyOptionsFor(safety));
      if (turn.kind === 'fallback') {
        const options: HandoffDialogOptions = { fallback: { code: turn.code, choice: turn.choice } };
        await dc.beginDialog(DialogIds.handoff, options);
      }
      if (turn.kind !== 'none') return;
    }
    const flagged = safety.level === 'none' ? undefined : safetyOptionsFor(safety);
    // A concern written where the open question keeps the person's words (a plan part, a
    // message for a specialist) is that answer, and one said to the counterpart in a role-play
    // ("I've been having cravings", practising telling a prescriber) is the scene the person is
    // working on: one line says so and the words are kept. Danger still gets its reply first.
    const keepable = flagged?.level === 'concern' && !flagged.overdose && !flagged.language;
    const keptIn = !keepable
      ? undefined
      : askingForPlanPart(dc)
        ? 'safetyPlan.concernKept'
        : askingForSpecialist(dc)
          ? 'handoff.concernKept'
          : askingForSceneLine(dc)
            ? 'practice.concernKept'
            : undefined;
    if (keptIn) {
      await context.sendActivity(strings.text(keptIn));
      signals.concernKept.set(context, true);
    }
    const options = keptIn ? undefined : flagged;
    const carried = options && (await this.requestWithConcern(dc, options));
    if (options) {
      await pauseForSafety(dc, { ...options, request: carried?.request });
      if (!carried) return;
      // The concern was met first; what the message asked for is done now, as if typed after it.
      await this.discloseOnce(context);
      if (carried.request) {
        const options: MainDialogOptions = {
          start: signals.switchTo.get(context),
          resume: pausedIn(context),
        };
        if (!dc.activeDialog) await dc.beginDialog(DialogIds.main, options);
        return;
      }
    }
    const question = openSafetyQuestion(dc);
    if (!text?.trim()) {
      // Silence (an empty message, a sticker) after a safety question is an answer too.
      if (question) return this.continueOrBegin(dc);
      if (value === undefined) {
        await context.sendActivity(strings.text('errors.notText'));
        return;
      }
      // Card data with no text: no card a member is sent submits data (their buttons send text),
      // so whatever it holds is not read; the open question is asked again.
      await context.sendActivity(strings.text('errors.submitNotUnderstood'));
      return this.reprompt(dc);
    }
    if (exceedsInputBudget(text)) {
      await context.sendActivity(strings.text('errors.tooLong', { max: MAX_MESSAGE_LENGTH }));
      return;
    }
    const recognition = await this.recognize(dc);
    // A role-play declines advice itself, stepping out of the scene and back (practice-dialog.ts).
    // During an overdose, "how much naloxone?" is answered by the overdose steps, not declined.
    const advice =
      inDialog(dc, DialogIds.practice) || question === 'overdose' ? undefined : this.deps.advice.detect(text);
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
    const fromIntent = answer || advice || item ? undefined : rootCommandFrom(recognition);
    switch (carried?.command ?? this.deps.commands.recognize(text) ?? fromIntent) {
      case 'showData':
        await context.sendActivity(
          dataReportActivity(strings, await this.deps.personalData.collect(context)),
        );
        return this.reprompt(dc);
      case 'privacy':
        await context.sendActivity(privacyText(strings, this.deps.retentionDays));
        return this.reprompt(dc);
      case 'aboutBot':
        await context.sendActivity(aboutBotText(strings));
        return this.reprompt(dc);
      case 'deleteData':
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
        if (asking(dc, SAFETY_PLAN_DIALOG_ID)) return this.continueOrBegin(dc);
        // Above whatever is open, a crisis reply included, which is asked again after.
        await dc.beginDialog(SAFETY_PLAN_DIALOG_ID);
        if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
        return;
      default: {
        if (advice && collectsQuestions(dc)) {
          // A plan's questions are open: declined as advice, kept as a question to ask them.
          await context.sendActivity(adviceReply(strings, advice, text ?? '', 'planQuestions'));
          return this.continueOrBegin(dc);
        }
        if (advice) {
          const planning = inDialog(dc, APPOINTMENT_DIALOG_ID) ? 'planning' : 'elsewhere';
          await context.sendActivity(adviceReply(strings, advice, text ?? '', planning));
          return this.reprompt(dc);
        }
        // "What's an interactive process?" mid-flow: answered, then the open question again. At a
        // plan's questions, "what is MAT?" is one to ask the provider: the plan keeps it.
        const explained =
          inDialog(dc, DialogIds.practice) || collectsQuestions(dc)
            ? undefined
            : this.deps.flowQuestions.answer(text);
        if (explained) {
          await context.sendActivity(explained.map((key) => strings.text(key)).join('\n\n'));
          return this.reprompt(dc);
        }
        await this.continueOrBegin(dc);
      }
    }
  }

  /** This turn's recognition: once per turn, traced, and kept for the dialogs. */
  private async recognize(dc: DialogContext): Promise<WayfinderRecognition> {
    const known = signals.recognition.get(dc.context);
    if (known) return known;
    const recognition = (await this.deps.recognizer.recognize(dc, dc.context.activity)).wayfinder;
    await dc.context.sendActivity(intentTrace(recognition));
    signals.recognition.set(dc.context, recognition);
    return recognition;
  }

  /**
   * What a concern message asked for besides ("so scared i'll relapse, find me a group"): a
   * command in one of its sentences, a command the recognizer is sure of, or a guided
   * conversation. Danger, an overdose and Spanish get their reply alone.
   */
  private async requestWithConcern(
    dc: DialogContext,
    options: SafetyDialogOptions,
  ): Promise<{ command?: GlobalCommand; request?: FeatureIntent } | undefined> {
    const { text } = dc.context.activity;
    if (options.level !== 'concern' || options.overdose || options.language) return undefined;
    // A medical or legal question is no request to carry out ("so anxious, is it safe to taper?").
    if (!text?.trim() || exceedsInputBudget(text) || this.deps.advice.detect(text)) return undefined;
    const recognition = await this.recognize(dc);
    // Sure readings only: "if I tell anyone he'll take the kids" is not a question about privacy.
    const sure = recognition.score >= thresholds.route;
    const command =
      this.deps.commands.recognizeClause(text) ?? (sure ? rootCommandFrom(recognition) : undefined);
    if (command === 'help' || command === 'menu' || command === 'cancel')
      signals.carriedCommand.set(dc.context, command);
    if (command) return { command };
    const asked = sure && isFeatureIntent(recognition.intent) && hasRequestCue(this.deps.strings, text);
    return asked ? { request: recognition.intent as FeatureIntent } : undefined;
  }

  /**
   * A message in a group chat or channel: the safety gate first, as everywhere; then an Accept in
   * the specialists' channel, or the few things that work where others read along. Nothing is
   * stored: no person record, no retention index, no dialog state.
   */
  private async groupMessage(context: TurnContext): Promise<void> {
    const safety = await this.safetyCheck(context);
    if (safety.level === 'none' && (await this.deps.handoff.groupTurn(context))) return;
    await this.deps.group.turn(context, safety);
  }

  /**
   * The safety gate: every message (but a specialist's side of a relay) is classified first, the
   * whole text (the classifier is linear), and the result sent as a `SafetyCheck` trace.
   */
  private async safetyCheck(context: TurnContext): Promise<SafetyResult> {
    const result = span('safety', () => this.deps.safety.classify(context.activity.text ?? ''));
    if (result.level === 'none' && result.suppressed.some((entry) => entry.endsWith(':past'))) {
      signals.toldAsPast.set(context, true);
    }
    await context.sendTraceActivity(
      'SafetyCheck',
      { level: result.level },
      SAFETY_TRACE_TYPE,
      'Safety check',
    );
    return result;
  }

  /**
   * Updates the person record (erasing the state of a conversation it no longer tracks); on their
   * first activity of a day, indexes them for retention.
   */
  private async noteActivity(context: TurnContext): Promise<void> {
    const now = this.clock();
    const { channelId, from } = context.activity;
    const { before, dropped } = await touchPersonRecord(this.deps.person, context, now);
    noteReturning(context, before, now);
    if (dropped.length > 0) await this.deps.personalData.eraseConversations(channelId, dropped);
    if (!before || dayOf(new Date(before.lastActiveAt)) !== dayOf(now)) {
      await this.deps.retentionIndex.noteActivity(userStateKey(channelId, from.id), now);
    }
  }

  /**
   * A conversation that begins with a message (no join event, state erased or lost) was never
   * told it talks to a program: one line says so, with 911 and 988, before the message is handled.
   */
  private async discloseOnce(context: TurnContext): Promise<void> {
    if (await this.welcomed.get(context)) return;
    await this.welcomed.set(context, true);
    await context.sendActivity(this.deps.strings.text('firstMessage.disclosure'));
  }

  /**
   * Says in three short lines that this is an automated coach, where help is in a crisis, and how
   * to go on; what it can do is the menu that follows (a long welcome goes unread).
   */
  private async welcome(context: TurnContext): Promise<void> {
    const { strings } = this.deps;
    await this.welcomed.set(context, true);
    await context.sendActivity({
      type: ActivityTypes.Message,
      text: [
        strings.text('welcome.greeting'),
        strings.text('welcome.crisis'),
        strings.text('welcome.nextStep'),
      ].join('\n\n'),
    });
  }

  /** The turn's dialog context, first dropping a stack saved by an incompatible release. */
  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    if ((await this.stateVersion.get(context)) !== DIALOG_STATE_VERSION) {
      await this.dialogState.delete(context);
      await this.stateVersion.set(context, DIALOG_STATE_VERSION);
    }
    return this.dialogSet.createContext(context);
  }

  /**
   * Continues the active dialog; when none is left, starts the menu (or, after a change of
   * topic, the topic asked for), unless the person's data was just erased.
   */
  private async continueOrBegin(dc: DialogContext): Promise<void> {
    // A message that finds nothing open (a new conversation, erased or reset state) is a request
    // in its own right: it is read as typed at the menu, not answered with the menu.
    const fromMessage = !dc.activeDialog && dc.context.activity.type === ActivityTypes.Message;
    await dc.continueDialog();
    const erased = signals.eraseRequested.get(dc.context) === true;
    if (dc.activeDialog || erased) return;
    const options: MainDialogOptions = {
      start: signals.switchTo.get(dc.context),
      fromMessage,
      resume: pausedIn(dc.context),
    };
    await dc.beginDialog(DialogIds.main, options);
  }

  /**
   * After a command answered above the dialogs, asks the current question again. A concern reply
   * was answered by that request: it closes, and what it paused is asked again.
   */
  private async reprompt(dc: DialogContext): Promise<void> {
    if (openSafetyQuestion(dc) === 'concern') await dc.endDialog();
    else if (dc.activeDialog) await dc.repromptDialog();
    if (!dc.activeDialog) await dc.beginDialog(DialogIds.main);
  }

  /** Erases every record about the person and says what was erased; nothing is saved after. */
  private async erase(context: TurnContext): Promise<void> {
    const { personalData, strings, conversationState, userState } = this.deps;
    const { channelId, from, conversation } = context.activity;
    const erasure = await personalData.erase(userStateKey(channelId, from.id), {
      now: this.clock(),
      conversationIds: [conversation.id],
    });
    const count = erasure?.documents ?? 0;
    // Drop this turn's cached state too, so nothing is written back.
    await conversationState.delete(context);
    await userState.delete(context);
    await context.sendActivity(
      count > 0 ? strings.text('data.deleted', { count }) : strings.text('data.deletedNothing'),
    );
  }
}
