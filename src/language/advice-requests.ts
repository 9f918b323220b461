import { z } from 'zod';
import { loadResource } from '../content/resource-file.js';
import { normalizeText } from './normalize.js';

/** The kind of advice a message asks for that Wayfinder must not give. */
export type AdviceKind = 'medical' | 'legal';

/** A regular expression in a resource file, checked at start (case-insensitive). */
export const regexPattern = z.string().refine((source) => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const adviceRulesSchema = z.strictObject({
  description: z.string(),
  medical: z.array(regexPattern).min(1),
  legal: z.array(regexPattern).min(1),
});

/**
 * Spots questions asking for medical, dosing or legal advice (resources/advice-rules.json), so
 * the bot can decline kindly and turn them into questions for a provider or legal aid. Runs on
 * bounded, normalized text; the patterns have no nested repetition, so matching stays linear.
 */
export class AdviceRequestDetector {
  private readonly rules: ReadonlyArray<[AdviceKind, RegExp]>;

  constructor(rules: z.output<typeof adviceRulesSchema>) {
    this.rules = [
      ...rules.medical.map((source): [AdviceKind, RegExp] => ['medical', new RegExp(source, 'i')]),
      ...rules.legal.map((source): [AdviceKind, RegExp] => ['legal', new RegExp(source, 'i')]),
    ];
  }

  /** Loads the rules from resources/advice-rules.json (validated). */
  static load(dir?: string): AdviceRequestDetector {
    return new AdviceRequestDetector(loadResource('advice-rules.json', adviceRulesSchema, dir));
  }

  /**
   * The kind of advice `text` asks for, or undefined. Only questions count: "my clinic doses me
   * at 7am, so I need a later start" is an accommodation story, not a request for dosing advice.
   */
  detect(text: string | undefined): AdviceKind | undefined {
    if (!text) return undefined;
    const folded = normalizeText(text.slice(0, 1000));
    if (!isQuestion(folded)) return undefined;
    return this.rules.find(([, rule]) => rule.test(folded))?.[0];
  }
}

const questionStart = /^(how|what|which|when|should|can|could|is|are|do|does|will|would|am|may|must|shall)\b/;

/** A question: it has a question mark, opens like one, or asks "should I". */
export function isQuestion(folded: string): boolean {
  return folded.includes('?') || questionStart.test(folded) || /\bshould i\b/.test(folded);
}
