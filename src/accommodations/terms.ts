import type { Strings } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';
import { type TermKind, termKinds } from './model.js';

/**
 * The words that say something about a person's health, recovery or diagnosis, from the
 * locale's `accommodationTerms` section. A letter at a disclosure level may contain only the
 * kinds that level allows, so each text that goes into it is checked here.
 */
export class DisclosureTerms {
  private constructor(private readonly terms: ReadonlyMap<TermKind, readonly string[]>) {}

  /** Reads the lists for `strings`' locale (words folded as messages are). */
  static from(strings: Strings): DisclosureTerms {
    const terms = new Map<TermKind, readonly string[]>();
    for (const kind of termKinds) {
      terms.set(
        kind,
        strings.variants(`accommodationTerms.${kind}`).map((term) => normalizeText(term)),
      );
    }
    return new DisclosureTerms(terms);
  }

  /** The terms in `text` of kinds `allowed` does not include, as folded ("methadone"). */
  beyond(text: string, allowed: readonly TermKind[]): string[] {
    const folded = ` ${normalizeText(text)} `;
    const found: string[] = [];
    for (const [kind, terms] of this.terms) {
      if (allowed.includes(kind)) continue;
      // Whole words only, so "mat" is found in "my MAT program" but not in "format".
      for (const term of terms) if (folded.includes(` ${term} `)) found.push(term);
    }
    return found;
  }

  /** True when `text` says nothing beyond what `allowed` lets a letter say. */
  fits(text: string, allowed: readonly TermKind[]): boolean {
    return this.beyond(text, allowed).length === 0;
  }
}
