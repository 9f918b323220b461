import type { Strings } from '../content/strings.js';
import { normalizeText } from './normalize.js';
import { clausesOf, sentencesOf } from './sentences.js';

/** Commands that work from any state of any conversation. */
export const globalCommands = [
  'help',
  'menu',
  'cancel',
  'showData',
  'deleteData',
  'privacy',
  'aboutBot',
  'myPlans',
  'mySafetyPlan',
  'crisisLines',
] as const;
export type GlobalCommand = (typeof globalCommands)[number];

/** The commands a dialog handles itself (the rest are answered by the bot, above all dialogs). */
export type DialogCommand = Extract<GlobalCommand, 'help' | 'menu' | 'cancel'>;

/**
 * Recognizes a whole message that is a global command ("help", "start over", "main menu").
 * Only whole messages count, so "I need help with my landlord" is not taken as "help".
 */
export class CommandRecognizer {
  private readonly phrases = new Map<string, GlobalCommand>();

  /** `more`: wordings a feature builds from its own data ("change my warning signs"). */
  constructor(strings: Strings, more: Partial<Record<GlobalCommand, readonly string[]>> = {}) {
    for (const command of globalCommands) {
      // "my plans" and "my safety plan" belong to their features' strings; the rest are core.
      const key =
        command === 'myPlans'
          ? 'plans.commandWords'
          : command === 'mySafetyPlan'
            ? 'safetyPlan.commandWords'
            : (`commands.${command}` as const);
      for (const phrase of [...strings.variants(key), ...(more[command] ?? [])]) {
        this.phrases.set(normalizeText(phrase) || phrase, command);
      }
    }
  }

  /**
   * The command one sentence or clause of `text` is ("so scared. my safety plan"), or undefined.
   * Only for a message already flagged as concern, where the rest is how the person feels.
   */
  recognizeClause(text: string | undefined): GlobalCommand | undefined {
    return this.clauseCommands(text)[0];
  }

  /** Every command a sentence or clause of `text` is, in order ("...stop. delete my data": cancel, deleteData). */
  clauseCommands(text: string | undefined): GlobalCommand[] {
    return clausesOf(text ?? '').flatMap((clause) => this.recognize(clause) ?? []);
  }

  /**
   * The command a longer message opens with, as a sentence of its own ("Cancel, please. I said I
   * do not want a second message", "stop. i didnt want to leave a new message"), or undefined.
   * People say the command first and then why, as they answer a question first (typed-answer.ts).
   */
  recognizeOpening(text: string | undefined): GlobalCommand | undefined {
    const [first, ...rest] = sentencesOf(text ?? '');
    return rest.length > 0 ? this.recognize(first) : undefined;
  }

  /** The command `text` is, or undefined. */
  recognize(text: string | undefined): GlobalCommand | undefined {
    if (!text) return undefined;
    const folded = normalizeText(text)
      .replace(/^(please|pls|ok|okay) /, '')
      .replace(/ (please|pls|plz)$/, '');
    return this.phrases.get(folded) ?? this.phrases.get(folded.replace(/\?$/, '').trim());
  }
}
