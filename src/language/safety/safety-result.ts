/**
 * danger: someone may die or be hurt now (suicidal intent or plan, an overdose happening, someone
 * not breathing, self-harm now, harm to others). concern: hopelessness, a strong urge to use, fear
 * of returning to use, not safe at home. none: anything else.
 */
export type SafetyLevel = 'danger' | 'concern' | 'none';

/** The levels, most serious first (also the learned layer's labels, in this order). */
export const safetyLevels: readonly SafetyLevel[] = ['danger', 'concern', 'none'];

/** What the safety gate concluded about one message. Holds rule ids only, never message text. */
export interface SafetyResult {
  readonly level: SafetyLevel;
  /**
   * True when the words say it outright ("I took all my pills"); false when they are a hint
   * ("everyone would be better off without me") or only the learned layer saw it: the bot then
   * checks with the person first.
   */
  readonly explicit: boolean;
  /** Ids of the rules (and combinations) that fired, and `learned-danger`/`learned-concern`. */
  readonly signals: readonly string[];
  /** `rule-id:reason` for matches set aside as idiom, negated, past or hypothetical. */
  readonly suppressed: readonly string[];
  /**
   * An overdose is happening now, in their body or someone else's (a rule of an overdose category
   * set the level, or the learned layer read it so): the reply is 911 and naloxone first, whether
   * or not it was on purpose. Always false below danger.
   */
  readonly overdose: boolean;
  /**
   * 'es' when the words that raised the level are Spanish, so the reply is given in Spanish with
   * the Spanish crisis options; absent for English (and for level none).
   */
  readonly language?: 'es';
}

/** True when an overdose is happening now (see SafetyResult.overdose): the overdose step applies. */
export function mentionsOverdose(result: SafetyResult): boolean {
  return result.overdose;
}
