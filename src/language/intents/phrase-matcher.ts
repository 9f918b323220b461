/** A value found in a message, with the phrase that named it (as folded, e.g. "psychiatrist"). */
export interface DomainEntity<V extends string> {
  value: V;
  text: string;
}

/**
 * Finds known phrases in a list of words, longest first and without overlaps, so "not religious"
 * wins over "religious" and "eye doctor" over "doctor".
 */
export class PhraseMatcher<V extends string> {
  private readonly phrases = new Map<string, V>();
  private readonly longest: number;

  constructor(synonyms: Readonly<Partial<Record<V, readonly string[]>>>, values: readonly V[]) {
    for (const value of values) for (const phrase of synonyms[value] ?? []) this.phrases.set(phrase, value);
    this.longest = Math.max(1, ...[...this.phrases.keys()].map((phrase) => phrase.split(' ').length));
  }

  /** Every word that appears in some phrase (for spelling correction). */
  words(): string[] {
    return [...this.phrases.keys()].flatMap((phrase) => phrase.split(' '));
  }

  /** The phrases in `words`, left to right; the same value may be named more than once. */
  find(words: readonly string[]): DomainEntity<V>[] {
    const found: DomainEntity<V>[] = [];
    let index = 0;
    while (index < words.length) {
      let length = Math.min(this.longest, words.length - index);
      for (; length > 0; length -= 1) {
        const text = words.slice(index, index + length).join(' ');
        const value = this.phrases.get(text);
        if (value !== undefined) {
          found.push({ value, text });
          break;
        }
      }
      index += Math.max(length, 1);
    }
    return found;
  }
}
