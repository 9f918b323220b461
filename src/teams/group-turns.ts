import type { TurnContext } from 'botbuilder';
import { crisisLinesText } from '../content/crisis-lines.js';
import type { CrisisResource } from '../content/crisis-resources.js';
import type { Strings } from '../content/strings.js';
import type { CommandRecognizer } from '../language/commands.js';
import { featureListText } from '../language/features.js';
import { exceedsInputBudget } from '../language/input-limits.js';
import type { WayfinderRecognizer } from '../language/intents/index.js';
import { normalizeText } from '../language/normalize.js';
import { thresholds } from '../language/routing.js';
import { mentionsOverdose, type SafetyResult } from '../language/safety/safety-classifier.js';
import { aboutBotText, privacyText } from '../privacy/data-replies.js';
import { privateChatInvite } from './scope.js';

export interface GroupTurnsDeps {
  strings: Strings;
  commands: CommandRecognizer;
  recognizer: WayfinderRecognizer;
  crisisResources: readonly CrisisResource[];
  retentionDays: number;
  /** The bot's app id, for the link to a private chat when the activity does not carry it. */
  appId?: string;
}

/** What the bot answers in a group, where others read along. */
type GroupAnswer = 'help' | 'aboutBot' | 'privacy' | 'crisis' | 'safetyPlan' | 'private';

/**
 * The bot in a group chat or team channel. Everyone there reads along, so it never asks for or
 * shows anything personal, and keeps nothing: no dialog, no person record, no state. What works
 * there: the welcome when it is added, help, what it is, privacy, the crisis lines, and the
 * safety gate (crisis language gets the lines at once, with no questions asked). Everything else
 * gets a short, kind line and an invitation to a private chat, where all of it works.
 */
export class GroupTurns {
  private readonly crisisWords: ReadonlySet<string>;

  constructor(private readonly deps: GroupTurnsDeps) {
    this.crisisWords = new Set(deps.strings.variants('teams.crisisWords').map(normalizeText));
  }

  /** The welcome when the bot is added to a group: automated, what it does here, crisis lines, a private chat. */
  async welcome(context: TurnContext): Promise<void> {
    const { strings } = this.deps;
    await this.say(context, [
      strings.text('welcome.greeting'),
      strings.text('teams.groupWelcome', { features: featureListText(strings) }),
      strings.text('welcome.crisis'),
    ]);
  }

  /** A message in a group, after the safety gate read it (`safety`). */
  async turn(context: TurnContext, safety: SafetyResult): Promise<void> {
    const { strings, crisisResources, retentionDays } = this.deps;
    const lines = crisisLinesText(strings, crisisResources);
    if (safety.level === 'danger' && safety.explicit) {
      // Public facts only: who to call and one safety step. No question is asked here.
      await this.say(context, [
        strings.text('safety.dangerIntro'),
        strings.text('safety.callNow'),
        ...(mentionsOverdose(safety) ? [strings.text('safety.stepOverdose')] : []),
        lines,
      ]);
      return;
    }
    if (safety.level !== 'none') {
      await this.say(context, [strings.text('teams.groupConcern'), lines]);
      return;
    }
    switch (this.answerFor(context.activity.text)) {
      case 'help':
        await this.say(context, [strings.text('teams.groupHelp', { features: featureListText(strings) })]);
        return;
      case 'aboutBot':
        await this.say(context, [aboutBotText(strings)]);
        return;
      case 'privacy':
        await this.say(context, [strings.text('teams.groupPrivacy'), privacyText(strings, retentionDays)]);
        return;
      case 'crisis':
        await this.say(context, [lines]);
        return;
      case 'safetyPlan':
        // Private: never shown or made where others read along.
        await this.say(context, [strings.text('safetyPlan.inGroup')]);
        return;
      default:
        await this.say(context, [
          strings.text('teams.groupRedirect', {}, context.activity.text?.length ?? 0),
        ]);
    }
  }

  /** Which of the few group answers a message asks for; anything else is for a private chat. */
  private answerFor(text: string | undefined): GroupAnswer {
    if (!text?.trim() || exceedsInputBudget(text)) return 'private';
    if (this.crisisWords.has(normalizeText(text))) return 'crisis';
    const command = this.deps.commands.recognize(text);
    if (command === 'help' || command === 'aboutBot' || command === 'privacy') return command;
    if (command === 'mySafetyPlan') return 'safetyPlan';
    if (command) return 'private';
    const { intent, score } = this.deps.recognizer.recognizeNow(text).recognition;
    if (intent === 'help' && score >= thresholds.route) return 'help';
    if ((intent === 'aboutBot' || intent === 'privacy') && score >= thresholds.confirm) return intent;
    return 'private';
  }

  /** Sends `paragraphs` as one message, ending with the invitation to a private chat. */
  private async say(context: TurnContext, paragraphs: string[]): Promise<void> {
    const invite = privateChatInvite(this.deps.strings, context.activity, this.deps.appId);
    await context.sendActivity({ type: 'message', text: [...paragraphs, invite].join('\n\n') });
  }
}
