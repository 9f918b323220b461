import type { Activity } from 'botbuilder';
import {
  type ChatAddress,
  type ChatInput,
  messageActivity,
  newIds,
  openingActivity,
} from './channel-activities.js';
import type { ChatPrinter } from './printer.js';
import { type Choice, renderActivities } from './render.js';
import type { ChatTarget } from './target.js';

/** What a line asked for: go on, or end the chat. */
export type LineOutcome = 'continue' | 'quit';

/**
 * One person talking to the bot: sends each line as typed (or a tap of a button, `/tap N`),
 * prints the replies, and remembers the last buttons shown so `/tap N` can press one.
 */
export class ChatSession {
  private choices: Choice[] = [];

  constructor(
    private readonly target: ChatTarget,
    private readonly printer: ChatPrinter,
    readonly address: ChatAddress,
    /** Whether a new conversation opens with the channel's conversationUpdate. */
    private readonly start: boolean,
  ) {}

  /** Opens the conversation as the channel would (unless it begins with a message). */
  async open(): Promise<void> {
    if (this.start) await this.send(openingActivity(this.address));
  }

  /** Handles one line: `/tap N`, `/new`, `/quit`, or a message sent exactly as typed. */
  async line(text: string): Promise<LineOutcome> {
    const command = text.trim();
    if (command === '/quit') return 'quit';
    if (command === '/new') {
      this.address.conversation = newIds(this.address.channel).conversation;
      this.choices = [];
      this.printer.note(`new conversation: --conversation ${shellWord(this.address.conversation)}`);
      await this.open();
      return 'continue';
    }
    const tap = /^\/tap\s+(\S+)$/.exec(command);
    if (tap) await this.tap(tap[1] ?? '');
    else if (command !== '') await this.say({ text });
    return 'continue';
  }

  /** Prints what the bot sent outside a turn (to the serviceUrl), labelled as arriving later. */
  later(activity: Partial<Activity>): void {
    const rendered = renderActivities([activity]);
    if (rendered.choices.length > 0) this.choices = rendered.choices;
    this.printer.replies(rendered, true);
  }

  private async tap(number: string): Promise<void> {
    const choice = /^\d+$/.test(number) ? this.choices[Number(number) - 1] : undefined;
    if (!choice) {
      const shown = this.choices.length;
      return this.printer.note(
        shown === 0 ? 'no buttons are shown to tap' : `tap a number from 1 to ${shown} (got "${number}")`,
      );
    }
    if (!choice.input) {
      return this.printer.note(
        choice.url
          ? `"${choice.label}" opens ${choice.url}; nothing is sent`
          : `"${choice.label}" cannot be tapped here`,
      );
    }
    this.printer.note(`(tapped [${choice.label}])`);
    await this.say(choice.input);
  }

  private say(input: ChatInput): Promise<void> {
    return this.send(messageActivity(this.address, input));
  }

  private async send(activity: Record<string, unknown>): Promise<void> {
    const rendered = renderActivities(await this.target.exchange(activity));
    this.choices = rendered.choices;
    this.printer.replies(rendered);
  }
}

/** An id as it can be pasted into a shell: quoted when it holds anything but safe characters. */
export function shellWord(value: string): string {
  return /^[\w:.@%+=,/-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
