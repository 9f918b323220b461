import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { saysSafeNow } from '../../dialogs/safety-replies.js';
import type { Strings } from '../content/strings.js';
import { isPlainFarewell } from '../language/farewell.js';
import { normalizeText } from '../language/normalize.js';
import { learnedConcern, learnedDanger, type SafetyResult } from '../language/safety/safety-classifier.js';
import { foldAnswer } from '../language/typed-answer.js';
import * as signals from '../turn-signals.js';

/**
 * Cues of the rules that only say a person is alone or waiting ("nobody is around", "tonight"):
 * they set no level and name no means, place or substance, so with them danger is still the
 * learned layer's alone. Every other cue (pills at hand, a place, a substance) keeps its check-in.
 */
const contextCues: ReadonlySet<string> = new Set(['waiting-cue', 'isolation-cue']);

/** Danger that only the learned layer heard: no rule's words, nothing said outright, no overdose. */
function learnedHint(result: SafetyResult): boolean {
  return (
    result.level === 'danger' &&
    !result.explicit &&
    !result.overdose &&
    result.signals.includes(learnedDanger) &&
    result.signals.every((signal) => signal === learnedDanger || contextCues.has(signal))
  );
}

/**
 * A level only the learned layer raised (danger as learnedHint, or concern without a rule's word):
 * what the conversation may set aside.
 */
function learnedOnly(result: SafetyResult): boolean {
  const concernOnly =
    result.level === 'concern' &&
    !result.explicit &&
    result.signals.includes(learnedConcern) &&
    result.signals.every((signal) => signal === learnedConcern || contextCues.has(signal));
  return concernOnly || learnedHint(result);
}

/**
 * Whole messages that are never a safety signal from the learned layer alone: a plain goodbye to
 * the bot, "i just told you all of it??" (safety.toldAlready). Also what the threshold pick leaves
 * out of the bot's own words (test/language/safety/cross-validate.ts): people never meet the
 * layer's level on them, so it must not move the thresholds (the toldAlready list moved them).
 */
export function setAsideWhole(strings: Strings, text: string): boolean {
  const words = foldAnswer(text);
  const toldAlready = strings.variants('safety.toldAlready').some((phrase) => foldAnswer(phrase) === words);
  return toldAlready || isPlainFarewell(strings, text);
}

/**
 * How the conversation reads a hint of danger that only the learned layer heard (no rule did):
 * - a plain goodbye to the bot ("Done. Thank you for your time. Goodbye.") is no goodbye note:
 *   none (a farewell with finality, "goodbye forever", "thank you for everything", is a rule's or
 *   not plain, and keeps its check-in); nor is "i just told you all of it??", said alone, and
 *   neither is a concern only the layer heard in them ("i just told you everything" typed at a
 *   question got the concern reply);
 * - after the person answered a check-in "safe" (or said so unasked) in this conversation, later
 *   sadness ("i just feel like nobody is around") is met as a concern (a warm word, a person
 *   offered), not the same question again, and so is asking to be heard ("i just want to vent a
 *   bit"), unless the message takes a safe answer back ("i'm safe but i have the pills").
 * A rule's finding always stands. Only a flag is kept (never the message).
 */
export class HintReading {
  /** Reads and keeps its flag in conversation state: set once the person said they are safe. */
  static of(conversationState: BotState, strings: Strings): HintReading {
    return new HintReading(conversationState.createProperty('saidSafe'), strings);
  }

  private constructor(
    private readonly saidSafe: StatePropertyAccessor<boolean>,
    private readonly strings: Strings,
  ) {}

  /** The gate's result as this conversation reads it. */
  async read(context: TurnContext, result: SafetyResult): Promise<SafetyResult> {
    const text = context.activity.text ?? '';
    if (learnedOnly(result) && setAsideWhole(this.strings, text)) {
      const others = result.signals.filter((signal) => signal !== learnedDanger && signal !== learnedConcern);
      return { ...result, level: 'none', signals: others };
    }
    if (!learnedHint(result)) return result;
    const others = result.signals.filter((signal) => signal !== learnedDanger);
    const gently = (await this.saidSafe.get(context)) || this.says('safety.wantsToTalk', text);
    if (!gently || this.says('safety.safeTakenBack', text)) return result;
    return { ...result, level: 'concern', signals: [...others, learnedConcern] };
  }

  /**
   * Notes a clear "no" to a check-in given this turn (see signals.answeredSafe), or "no im safe.
   * just lonely" said unasked in a message the gate left alone.
   */
  async remember(context: TurnContext, result: SafetyResult): Promise<void> {
    const unasked = result.level === 'none' && saysSafeNow(this.strings, context.activity.text ?? '');
    if (signals.answeredSafe.get(context) || unasked) await this.saidSafe.set(context, true);
  }

  /**
   * True when `text` says a phrase of `key`: "safety.safeTakenBack" ("i'm safe now but...", "not
   * ok anymore": the earlier "safe" no longer holds), "safety.wantsToTalk" ("i just want to vent").
   */
  private says(key: 'safety.safeTakenBack' | 'safety.wantsToTalk', text: string): boolean {
    const words = ` ${normalizeText(text)} `;
    return this.strings.variants(key).some((phrase) => words.includes(` ${phrase} `));
  }
}
