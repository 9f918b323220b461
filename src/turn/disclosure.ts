import { ActivityTypes, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Strings } from '../content/strings.js';

/**
 * Telling a conversation that it talks to a program: the welcome, or one line before the first
 * message is handled when there was no welcome. Noted in conversation state, so it is said once.
 */
export class Disclosure {
  /** Set once the conversation was told the bot is automated (the welcome, or the first-message line). */
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(
    conversationState: BotState,
    private readonly strings: Strings,
  ) {
    this.welcomed = conversationState.createProperty('welcomed');
  }

  /** True once the conversation was welcomed or told. */
  async done(context: TurnContext): Promise<boolean> {
    return (await this.welcomed.get(context)) === true;
  }

  /**
   * A conversation that begins with a message (no join event, state erased or lost) was never
   * told it talks to a program: one line says so, with 911 and 988, before the message is handled.
   */
  async once(context: TurnContext): Promise<void> {
    if (await this.welcomed.get(context)) return;
    await this.welcomed.set(context, true);
    await context.sendActivity(this.strings.text('firstMessage.disclosure'));
  }

  /**
   * Says in three short lines that this is an automated coach, where help is in a crisis, and how
   * to go on; what it can do is the menu that follows (a long welcome goes unread).
   */
  async welcome(context: TurnContext): Promise<void> {
    const { strings } = this;
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
}
