import {
  ActivityTypes,
  type BotState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { type Dialog, type DialogState, runDialog } from 'botbuilder-dialogs';
import type { Strings } from './content/strings.js';

/**
 * Bumped when a release changes dialogs in a way old saved stacks cannot resume; a conversation
 * saved under another version starts again at the menu instead of failing every turn.
 */
export const DIALOG_STATE_VERSION = 1;

export interface WayfinderBotDeps {
  conversationState: BotState;
  userState: BotState;
  dialog: Dialog;
  strings: Strings;
}

/**
 * The one activity handler every turn goes through: welcome on join, messages into the dialogs,
 * and state saved at the end of each turn (never after a failed turn, so a failure loses nothing).
 */
export class WayfinderBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly stateVersion: StatePropertyAccessor<number>;

  constructor(private readonly deps: WayfinderBotDeps) {
    super();
    if (!deps.conversationState || !deps.userState || !deps.dialog || !deps.strings) {
      throw new Error('WayfinderBot needs conversationState, userState, dialog and strings');
    }
    this.dialogState = deps.conversationState.createProperty('dialogState');
    this.stateVersion = deps.conversationState.createProperty('stateVersion');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some(
        (m) => m.id !== context.activity.recipient?.id,
      );
      if (joined) {
        await this.welcome(context);
        await this.runDialog(context);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const { text, value } = context.activity;
      if (!text?.trim() && value === undefined) {
        await context.sendActivity(deps.strings.text('errors.notText'));
      } else {
        await this.runDialog(context);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  /** Says plainly that this is an automated coach, what it can do, and where help is. */
  private async welcome(context: TurnContext): Promise<void> {
    const { strings } = this.deps;
    await context.sendActivity({
      type: ActivityTypes.Message,
      text: [
        strings.text('welcome.greeting'),
        strings.text('welcome.purpose', { features: strings.text('menu.featureList') }),
        strings.text('welcome.crisis'),
        strings.text('welcome.nextStep'),
      ].join('\n\n'),
    });
  }

  /** Continues the conversation's dialog, first dropping a stack saved by an incompatible release. */
  private async runDialog(context: TurnContext): Promise<void> {
    if ((await this.stateVersion.get(context)) !== DIALOG_STATE_VERSION) {
      await this.dialogState.delete(context);
      await this.stateVersion.set(context, DIALOG_STATE_VERSION);
    }
    await runDialog(this.deps.dialog, context, this.dialogState);
  }
}
