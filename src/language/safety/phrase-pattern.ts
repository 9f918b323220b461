/**
 * A small phrase language for the safety rules, compiled to regular expressions that run in linear
 * time. Patterns are matched against folded text (see safety-text.ts): lowercase words separated
 * by single spaces, "," as a word of its own, one sentence per line.
 *
 * A pattern is words separated by spaces. Each word is one of:
 * - `word`: that word; `word*`: any word starting with it; `a|b|c`: any of them;
 *   `too_many`: several words inside an alternative (`_` stands for a space);
 * - `@name`: any entry of lexicon list `name`; `#`: a number; `#big`: 10 or more; `#year`: 1900-2099;
 * - `~N` (N = 1-6): up to N words of anything, never crossing a comma;
 * - `^` / `$`: the start / end of a sentence (`$` also matches just before a comma); `$` may also
 *   be one alternative of the last word ("slipped $|again": "slipped" at the end, or "slipped again").
 *
 * There is no nesting and the only repetition is a bounded gap of whole words, so matching costs
 * at most (gap size x alternatives) steps per position: no catastrophic backtracking, whatever
 * the input.
 */

/** Lexicon lists that `@name` refers to. */
export type Lexicon = ReadonlyMap<string, readonly string[]>;

/** Words that also match a look-alike: "want 2 die", "4 ever". Kept here because they are grammar. */
const EQUIVALENTS: Readonly<Record<string, readonly string[]>> = { to: ['2'], for: ['4'] };

const LITERAL = /^(?:[\p{Ll}\p{N}]+\*?|,)$/u;
const GAP = /^~([1-6])$/;
const MAX_GAP = 6;

/** A word that is not a word: a comma token or a line break. Gaps skip only real words. */
const GAP_WORD = '[^ \\n,]+';
/** The end of a sentence, or just before a comma. */
const END = '(?=$|\\n| ,)';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One literal word (`word`, `word*` or `,`) as regex source. */
function literalSource(word: string): string {
  if (word.endsWith('*')) return `${escapeRegex(word.slice(0, -1))}[^ \\n]*`;
  const alternatives = [word, ...(EQUIVALENTS[word] ?? [])].map(escapeRegex);
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
}

/** Several literal words separated by spaces (`too many`, a lexicon entry). */
function wordsSource(words: string): string {
  return words.split(' ').map(literalSource).join(' ');
}

/** Why an item (`word`, `two_words`, `@list`, `#`) is not valid, or undefined. */
function itemProblem(item: string, lexicon: Lexicon): string | undefined {
  if (item === '#' || item === '#big' || item === '#year') return undefined;
  if (item.startsWith('@')) {
    return lexicon.has(item.slice(1)) ? undefined : `unknown lexicon list "${item}"`;
  }
  const words = item.split('_');
  if (words.some((word) => !LITERAL.test(word))) {
    return `"${item}" is not a word (lowercase letters and digits, optional * at the end)`;
  }
  return undefined;
}

function itemSource(item: string, lexicon: Lexicon): string {
  if (item === '#') return '\\d+';
  if (item === '#big') return '[1-9]\\d+';
  if (item === '#year') return '(?:19|20)\\d\\d';
  if (item.startsWith('@')) {
    const entries = lexicon.get(item.slice(1)) ?? [];
    return `(?:${entries.map((entry) => (entry === '#' ? '\\d+' : wordsSource(entry))).join('|')})`;
  }
  return wordsSource(item.replaceAll('_', ' '));
}

/**
 * Why `pattern` is not valid, or undefined. Used by the rules schema so that a bad edit names the
 * field, and by compilePattern so that a bad pattern can never be compiled.
 */
export function patternProblem(pattern: string, lexicon: Lexicon): string | undefined {
  const words = pattern.split(' ');
  if (pattern.trim() !== pattern || words.some((word) => word === '')) {
    return 'separate words with single spaces, no leading or trailing space';
  }
  if (words.every((word) => GAP.test(word) || word === '^' || word === '$')) {
    return 'a pattern needs at least one word';
  }
  for (const [index, word] of words.entries()) {
    if (word === '^' && index !== 0) return '^ may only start a pattern';
    if (word === '$' && index !== words.length - 1) return '$ may only end a pattern';
    if (word === '^' || word === '$') continue;
    if (word.startsWith('~')) {
      if (!GAP.test(word)) return `gap "${word}" must be ~1 to ~${MAX_GAP}`;
      if (index === 0 || index === words.length - 1 || GAP.test(words[index + 1] ?? '')) {
        return 'a gap must sit between two words';
      }
      continue;
    }
    for (const item of word.split('|')) {
      if (item === '$' && index === words.length - 1 && index > 0) continue;
      const problem = itemProblem(item, lexicon);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Regex source for one valid pattern, without the word-boundary guards. */
function patternSource(pattern: string, lexicon: Lexicon): string {
  let source = '';
  let needSpace = false;
  for (const word of pattern.split(' ')) {
    if (word === '^') {
      source += '(?<=^|\\n)';
    } else if (word === '$') {
      source += END;
    } else if (word.startsWith('~')) {
      source += `(?: ${GAP_WORD}){0,${word.slice(1)}}`;
    } else {
      const space = needSpace ? ' ' : '';
      const items = word
        .split('|')
        .map((item) => (item === '$' ? END : `${space}${itemSource(item, lexicon)}`));
      source += items.length === 1 ? items[0] : `(?:${items.join('|')})`;
      needSpace = true;
    }
  }
  return source;
}

/**
 * Compiles patterns into one global regex that matches any of them on whole words. Throws on an
 * invalid pattern; the rules schema has already rejected those with the field named.
 */
export function compilePatterns(patterns: readonly string[], lexicon: Lexicon): RegExp {
  const sources = patterns.map((pattern) => {
    const problem = patternProblem(pattern, lexicon);
    if (problem) throw new Error(`Invalid safety pattern "${pattern}": ${problem}`);
    return patternSource(pattern, lexicon);
  });
  return new RegExp(`(?<![^ \\n])(?:${sources.join('|')})(?![^ \\n])`, 'gu');
}
