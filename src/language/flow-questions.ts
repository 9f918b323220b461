import { z } from 'zod';
import { loadResource } from '../content/resource-file.js';
import { type StringKey, type Strings, stringKeySchema } from '../content/strings.js';
import { normalizeText } from './normalize.js';

function fileSchema(strings: Strings) {
  return z.strictObject({
    description: z.string(),
    questions: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
          terms: z.array(z.string().regex(/^[a-z0-9 ]+$/, 'lower-case words and spaces only')).min(1),
          answer: z.array(stringKeySchema(strings)).min(1),
        }),
      )
      .min(1),
  });
}

/** A question that opens by asking what or who ("what's", "what does", "who is"). */
const opener = /^(what|whats|what's|wat|who|whos|who's)$/;
/** Words that may stand between the opener and the term ("what is the...", "what was...", "what happens at a..."). */
const fillers = new Set([
  ...['is', 'are', 'was', 'were', 'does', 'do', 'a', 'an', 'the', 'that', 'this', 'my', 'your', 's'],
  ...['happens', 'goes', 'on', 'at', 'in', 'exactly', 'really'],
]);
/** Words said before the question ("wait what was smart again", "no i mean what is ..."). */
const leadIns = new Set([
  'wait',
  'no',
  'ok',
  'okay',
  'so',
  'but',
  'um',
  'hmm',
  'i',
  'mean',
  'sorry',
  'and',
  'hey',
  'yeah',
]);
/** A thing of the term asked for, not what it is ("whats the smart website"). */
const partOf = new Set(['website', 'site', 'number', 'phone', 'link', 'address', 'email', 'hours']);
/** Words after a term that ask what it is ("co-occurring means?", "the office called?"). */
const asksAfter = new Set(['mean', 'means', 'called', 'stand']);

/** True when `words` ask what `term` (its words) is: "what is the TERM", or "TERM means?". */
function asksAbout(words: readonly string[], term: readonly string[]): boolean {
  const start = Math.max(
    0,
    words.findIndex((word) => !leadIns.has(word)),
  );
  for (let at = 0; at + term.length <= words.length; at++) {
    if (!term.every((word, i) => words[at + i] === word)) continue;
    if (partOf.has(words[at + term.length] ?? '')) continue;
    const between = words.slice(start + 1, at);
    if (at > start && opener.test(words[start] ?? '') && between.every((word) => fillers.has(word)))
      return true;
    if (asksAfter.has(words[at + term.length] ?? '')) return true;
  }
  return false;
}

/**
 * Answers questions about the words a flow uses ("what's an interactive process?", "what is the
 * disability office called?") from resources/flow-questions.json, so a side question inside a
 * flow gets an answer and then the flow's own question again, instead of being taken as an answer.
 */
export class FlowQuestions {
  private constructor(private readonly entries: ReadonlyArray<{ terms: string[]; answer: StringKey[] }>) {}

  /** Loads and checks resources/flow-questions.json (each answer must name a string of `strings`). */
  static load(strings: Strings, dir?: string): FlowQuestions {
    return new FlowQuestions(loadResource('flow-questions.json', fileSchema(strings), dir).questions);
  }

  /**
   * The string keys that answer `text`, or undefined when it asks about none of the terms (or
   * about several: the longest term named wins, so "disability services office" is that office).
   */
  answer(text: string | undefined): readonly StringKey[] | undefined {
    if (!text || text.length > 200) return undefined;
    const words = normalizeText(text.replace(/\?/g, ' ')).split(' ');
    let best: { length: number; answer: StringKey[] } | undefined;
    for (const entry of this.entries) {
      for (const term of entry.terms) {
        if (term.length > (best?.length ?? 0) && asksAbout(words, term.split(' '))) {
          best = { length: term.length, answer: entry.answer };
        }
      }
    }
    return best?.answer;
  }
}
