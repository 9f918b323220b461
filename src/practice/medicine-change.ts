import { normalizeText } from '../language/normalize.js';
import type { MedicineChangeRules } from './scenarios.js';

/**
 * How a role-play line speaks of changing a medicine without the prescriber: a change already
 * `made` (worth telling them soon), or one `proposed` (never a skill to praise).
 */
export type MedicineChange = 'made' | 'proposed';

/** Reads role-play lines with the rules of resources/practice-scenarios.json (`medicineChange`). */
export class MedicineChangeReader {
  private readonly rules: { [Rule in keyof MedicineChangeRules]: readonly RegExp[] };

  constructor(rules: MedicineChangeRules) {
    const compile = (sources: readonly string[]) => sources.map((source) => new RegExp(source, 'i'));
    this.rules = {
      proposes: compile(rules.proposes),
      made: compile(rules.made),
      unwell: compile(rules.unwell),
      raises: compile(rules.raises),
      figures: compile(rules.figures),
    };
  }

  /** The change `text` speaks of, a change already made first ("i already started cutting my pills"). */
  changeIn(text: string): MedicineChange | undefined {
    const folded = fold(text);
    if (this.test('made', folded)) return 'made';
    return this.test('proposes', folded) ? 'proposed' : undefined;
  }

  /** Whether `text` says the person feels unwell ("dizzy and zappy"). */
  unwell(text: string): boolean {
    return this.test('unwell', fold(text));
  }

  /**
   * Whether `text` puts the dose to a prescriber as something to talk through together ("can we
   * talk about my dose and what we could change?"): the question to rehearse, not one for the
   * bot. Asking for an amount or a schedule ("is 10 percent ok") never is.
   */
  raisesWithPrescriber(text: string): boolean {
    const folded = fold(text);
    return this.test('raises', folded) && !this.test('figures', folded);
  }

  private test(rule: keyof MedicineChangeRules, folded: string): boolean {
    return this.rules[rule].some((pattern) => pattern.test(folded));
  }
}

/** Bounded and normalized, as the advice rules read text. */
function fold(text: string): string {
  return normalizeText(text.slice(0, 1000));
}
