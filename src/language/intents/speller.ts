/**
 * Corrects a typed word to a known word one edit away (a letter added, dropped, changed, or two
 * swapped), as SymSpell does: every known word is indexed under each of its one-letter deletions,
 * so a lookup is a handful of map reads instead of a distance to every word. Short words are left
 * alone: at three letters almost everything is one edit from something else.
 */
export class Speller {
  private readonly known: ReadonlyMap<string, number>;
  private readonly byDeletion = new Map<string, string[]>();

  /** `counts`: known words with how often they occur (the commonest wins a tie). */
  constructor(
    counts: ReadonlyMap<string, number>,
    private readonly minLength = 4,
  ) {
    this.known = counts;
    for (const word of counts.keys()) {
      if (word.length < minLength - 1) continue;
      for (const key of [word, ...deletions(word)]) {
        const words = this.byDeletion.get(key);
        if (words) words.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  /** The known words with their counts, in the order given: what a stored model keeps to rebuild this speller. */
  vocabulary(): [string, number][] {
    return [...this.known];
  }

  /** `word` itself when known or too short, else the likeliest known word one edit away, else `word`. */
  correct(word: string): string {
    if (this.known.has(word) || word.length < this.minLength || /\d/.test(word)) return word;
    let best = word;
    let bestCount = 0;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        const count = this.known.get(candidate) ?? 0;
        // A typo seldom hits the first letter; requiring it keeps "please" from becoming "lease".
        if (count > bestCount && candidate[0] === word[0] && withinOneEdit(word, candidate)) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best;
  }
}

function deletions(word: string): string[] {
  return Array.from(word, (_, index) => word.slice(0, index) + word.slice(index + 1));
}

/** Two words that share a deletion can still be two edits apart ("abcd", "abdc" share "abc"... but so do "abxd", "abdy"); keep one edit or one swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
    const [first, second] = diffs;
    if (diffs.length <= 1) return true;
    return (
      diffs.length === 2 &&
      first !== undefined &&
      second === first + 1 &&
      a[first] === b[second] &&
      a[second] === b[first]
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let index = 0;
  while (index < short.length && short[index] === long[index]) index += 1;
  return short.slice(index) === long.slice(index + 1);
}
