import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { TeamsActivityHandler } from 'botbuilder';
import { type Dialog, type DialogContext, DialogSet, type DialogState } from 'botbuilder-dialogs';
import type { PlanStore } from './appointments/plan-store.js';
import type { CrisisResource } from './content/crisis-resources.js';
import type { Strings } from './content/strings.js';
import type { HandoffTurns } from './handoff/handoff-turns.js';
import type { AdviceRequestDetector } from './language/advice-requests.js';
import type { CommandRecognizer } from './language/commands.js';
import type { FlowQuestions } from './language/flow-questions.js';
import type { WayfinderRecognizer } from './language/intents/index.js';
import type { SafetyClassifier } from './language/safety/safety-classifier.js';
import { compose, type Stage } from './platform/pipeline.js';
import { erasedText } from './privacy/data-replies.js';
import { noteActivity } from './privacy/note-activity.js';
import type { PersonRecord } from './privacy/person-record.js';
import type { PersonalData } from './privacy/personal-data.js';
import type { RetentionIndex } from './privacy/retention-index.js';
import { userStateKey } from './privacy/state-keys.js';
import type { SafetyPlanSender } from './safety-plan/plan-sender.js';
import type { TrackedState } from './state/tracked-state.js';
import { TurnStateSaver } from './state/turn-state-saver.js';
import type { UserProperty } from './state/user-property.js';
import type { GroupTurns } from './teams/group-turns.js';
import { isGroupConversation, TEAMS_CHANNEL } from './teams/scope.js';
import { adviceStage } from './turn/advice-stage.js';
import { asideStage } from './turn/aside-stage.js';
import { commandStage } from './turn/command-stage.js';
import { Disclosure } from './turn/disclosure.js';
import { groupStage } from './turn/group-stage.js';
import { HintReading } from './turn/hint-reading.js';
import { limitsStage } from './turn/limits-stage.js';
import { continueOrBegin, dialogStage, type MessageTurn } from './turn/message-turn.js';
import { recognitionStage } from './turn/recognition-stage.js';
import { relayStage, specialistStage } from './turn/relay-stage.js';
import { safetyReplyStage } from './turn/safety-reply-stage.js';
import { safetyStage } from './turn/safety-stage.js';
import * as signals from './turn-signals.js';

export { SAFETY_TRACE_TYPE } from './turn/safety-stage.js';

/**
 * Bumped when a release changes dialogs in a way old saved stacks cannot resume; a conversation
 * saved under another version starts again at the menu instead of failing every turn.
 */
export const DIALOG_STATE_VERSION = 3;

export interface WayfinderBotDeps {
  conversationState: BotState;
  /** Tracked, so the crash-safe saver can tell whether the turn changed it. */
  userState: TrackedState;
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
  /** The verified crisis lines, for "crisis lines" typed at any question. */
  crisisResources: readonly CrisisResource[];
  /** Spots requests for medical, dosing or legal advice, which are declined kindly. */
  advice: AdviceRequestDetector;
  /** Answers questions about a flow's own words ("what's an interactive process?"). */
  flowQuestions: FlowQuestions;
  personalData: PersonalData;
  /** Saved appointment plans, for a reminder moved from the menu. */
  plans?: Pick<PlanStore, 'list'>;
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
 * The one activity handler every turn goes through: welcome on join; for messages, the stages of
 * the turn in order (src/turn/), each answering or passing the message on. State is saved at the
 * end of each turn, never after a failed one.
 */
export class WayfinderBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly stateVersion: StatePropertyAccessor<number>;
  private readonly disclosure: Disclosure;
  private readonly dialogSet: DialogSet;
  private readonly clock: () => Date;
  private readonly saver: TurnStateSaver;
  /** A message's turn: group, then (a person's own conversation) the message stages. */
  private readonly message: Stage<TurnContext>;

  /** The dialogs this bot runs (a test enumerates their prompts). */
  dialogs(): readonly Dialog[] {
    return this.dialogSet.getDialogs();
  }

  constructor(private readonly deps: WayfinderBotDeps) {
    super();
    if (!deps.conversationState || !deps.userState || !deps.strings || !deps.commands || !deps.personalData) {
      throw new Error('WayfinderBot needs conversationState, userState, strings, commands and personalData');
    }
    const { strings, handoff, commands, recognizer, advice } = deps;
    this.clock = deps.clock ?? (() => new Date());
    this.saver = new TurnStateSaver(deps.conversationState, deps.userState);
    this.dialogState = deps.conversationState.createProperty('dialogState');
    this.stateVersion = deps.conversationState.createProperty('stateVersion');
    this.disclosure = new Disclosure(deps.conversationState, strings);
    this.dialogSet = new DialogSet(this.dialogState);
    for (const dialog of deps.dialogs) this.dialogSet.add(dialog);

    // The order of a person's message turn; a stage that answers ends it.
    const personal = compose<MessageTurn>([
      specialistStage(handoff),
      safetyStage(deps.safety, this.disclosure, HintReading.of(deps.conversationState, strings)),
      relayStage(handoff, commands, deps.safetyPlans),
      safetyReplyStage({ strings, commands, recognizer, advice, disclosure: this.disclosure }),
      limitsStage(strings),
      recognitionStage(recognizer, advice),
      commandStage({
        strings,
        commands,
        personalData: deps.personalData,
        ...(deps.plans ? { plans: deps.plans } : {}),
        clock: this.clock,
        retentionDays: deps.retentionDays,
        crisisResources: deps.crisisResources,
      }),
      asideStage(strings),
      adviceStage(strings, deps.flowQuestions),
      dialogStage,
    ]);
    this.message = compose<TurnContext>([
      groupStage(deps.safety, handoff, deps.group),
      async (context) => {
        await this.noteActivity(context);
        const dc = await this.dialogContext(context);
        const link = await handoff.link(context);
        await personal({ context, dc, link }, async () => {});
      },
    ]);

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
        !(await this.disclosure.done(context))
      ) {
        // The welcome starts a dialog, so this conversation's state is stored from now on: it
        // goes in the person record at once, or "delete my data" and retention would miss it.
        if (activity.from?.id && activity.from.id !== activity.recipient?.id)
          await this.noteActivity(context);
        // Teams announces a personal chat by adding the bot to it.
        await this.disclosure.welcome(context);
        await continueOrBegin(await this.dialogContext(context));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.message(context, async () => {});
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

  /** The person record and the retention index, at this turn's time. */
  private noteActivity(context: TurnContext): Promise<void> {
    return noteActivity(this.deps, context, this.clock());
  }

  /** The turn's dialog context, first dropping a stack saved by an incompatible release. */
  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    if ((await this.stateVersion.get(context)) !== DIALOG_STATE_VERSION) {
      await this.dialogState.delete(context);
      await this.stateVersion.set(context, DIALOG_STATE_VERSION);
    }
    return this.dialogSet.createContext(context);
  }

  /** Erases every record about the person and says what was erased; nothing is saved after. */
  private async erase(context: TurnContext): Promise<void> {
    const { personalData, strings, conversationState, userState } = this.deps;
    const { channelId, from, conversation } = context.activity;
    // What was there, read first, so the reply names what was erased and nothing else.
    const before = await personalData.collect(context);
    const erasure = await personalData.erase(userStateKey(channelId, from.id), {
      now: this.clock(),
      conversationIds: [conversation.id],
    });
    const count = erasure?.documents ?? 0;
    // Drop this turn's cached state too, so nothing is written back.
    await conversationState.delete(context);
    await userState.delete(context);
    await context.sendActivity(count > 0 ? erasedText(strings, before) : strings.text('data.deletedNothing'));
  }
}
