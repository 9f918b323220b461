import type { Strings } from '../content/strings.js';
import { cleanFreeText, phrase } from './free-text.js';
import { saysAnyOf } from './says-any-of.js';
import { foldAnswer, type Pick, type TypedQuestion, typedAnswerReader } from './typed-answer.js';

/**
 * What a free-text answer is, read before anything is kept: a pointer to one of the options
 * shown, no content at all (yes/no, filler, "idk", "what"), frustration or confusion, a side
 * question, a correction of the answer before, or the person's own words.
 */
export type CheckedAnswer =
  | { kind: 'pick'; pick: Pick }
  | { kind: 'empty' }
  | { kind: 'upset' }
  | { kind: 'question'; about: SideQuestion }
  | ({ kind: 'correction' } & Correction)
  | { kind: 'words'; words: string };

/**
 * What a question to the bot inside a step asks: who will read what is typed ("may I ask who will
 * read my message?"), why the step asks ("why do you need that?"), one said to be for the bot
 * ("oye, one question for you: ..."), or something else.
 */
export type SideQuestion = 'whoReads' | 'why' | 'forUs' | 'other';

/** An earlier answer said again: the new words, and the words it replaces when they were said. */
export interface Correction {
  words: string;
  /** "not primary": what the earlier answer said, so a caller can tell which answer it was. */
  replaces?: string;
}

/** How the question takes free text. */
export interface CheckOptions {
  /** The question collects questions (a plan's questions): a question is content there. */
  takesQuestions?: boolean;
}

/**
 * How questions open: a question word and a verb ("what is", "how do"), or a verb and who
 * ("can I", "should we"). "when the new schedule comes out" is an answer, and so is "a later
 * start?" (a question mark alone is someone unsure, not asking).
 */
const questionStart = [
  /^(what|whats|how|why|when|where|who|whos|which)( (is|are|do|does|did|can|could|should|would|will|am|was|were|s|about|much|many|long|if|happens|kind))\b/,
  /^(can|could|should|would|will|is|are|do|does|did|am|was|were) (i|you|we|they|it|he|she|there|that|this|my|your|someone|anyone)\b/,
  /^(whats|hows|whys|wheres|whos)\b/,
];

/**
 * Reads a free-text answer for what it is before a dialog keeps it. Built on the shared reader
 * (typed-answer.ts) so a pointer to an option is read the same way everywhere; its words are data
 * (resources/locales, answers).
 */
export function checkAnswer(
  strings: Strings,
  text: string,
  question: TypedQuestion,
  options: CheckOptions = {},
): CheckedAnswer {
  const reader = typedAnswerReader(strings);
  const words = text.trim().replace(/\s+/g, ' ');
  const folded = foldAnswer(words);
  if (!folded) return { kind: 'empty' };
  const corrected = correctionIn(strings, words);
  if (corrected) return { kind: 'correction', ...corrected };
  // A number can never be someone's own words: where options were shown, it points at one.
  const pick =
    reader.read(words, question) ??
    (/\d/.test(folded) ? reader.read(words, { ...question, numbered: true }) : undefined);
  // "what" or "idk" points at no option, even where a label has that word ("What I take").
  if (pick?.how !== 'exact' && reader.unsureOnly(folded)) return { kind: 'empty' };
  if (pick) return { kind: 'pick', pick };
  const none = reader.nonAnswer(folded);
  if (none === 'frustration') return { kind: 'upset' };
  if (none || reader.yesOrNo(words) !== undefined || /^\d+$/.test(folded)) return { kind: 'empty' };
  // A plan's questions are for someone else ("can you explain my options?"): only "why do you need
  // that?" and one said to be for the bot are to the bot there.
  const toUs = questionToUs(strings, words);
  const forUs = toUs === 'why' || toUs === 'forUs' || !options.takesQuestions;
  if (toUs && forUs) return { kind: 'question', about: toUs };
  if (!options.takesQuestions && asksSomething(folded)) return { kind: 'question', about: 'other' };
  return { kind: 'words', words: cleanFreeText(strings, withoutLead(strings, words)) };
}

/**
 * The question to the bot `text` is, wherever it is typed: who will read it, why it is asked
 * (words are data: answers.whoReadsWords, whyWords, forUsWords), or a question that names the bot ("what did
 * you add?"). Undefined for anything else, so "when i feel useless" stays a plan entry.
 */
export function questionToUs(strings: Strings, text: string): SideQuestion | undefined {
  const folded = foldAnswer(text);
  const says = (key: 'answers.whoReadsWords' | 'answers.whyWords' | 'answers.forUsWords') =>
    saysAnyOf(strings, key, folded);
  if (says('answers.whoReadsWords')) return 'whoReads';
  if (says('answers.whyWords')) return 'why';
  if (says('answers.forUsWords')) return 'forUs';
  return asksSomething(folded) && /\b(you|u)\b/.test(folded) ? 'other' : undefined;
}

/**
 * The answer to a question to the bot inside a step, before the step's question again: who reads
 * (the privacy text's own line), what the step is for (`purpose`, else in general), or that it is
 * not kept.
 */
export function sideAnswer(strings: Strings, about: SideQuestion, purpose?: string): string {
  if (about === 'whoReads')
    return `${strings.text('privacy.whoSees')} ${strings.text('answers.sideNotKept')}`;
  if (about === 'why')
    return `${purpose ?? strings.text('answers.sideWhy')} ${strings.text('answers.sideNotKept')}`;
  return strings.text('answers.sideQuestion');
}

/** "its my supervisor mike" is "my supervisor mike": the lead words of an answer are not its content. */
function withoutLead(strings: Strings, words: string): string {
  for (const lead of strings.variants('answers.answerLeads')) {
    const rest = words.replace(new RegExp(`^${phrase(lead)}\\b[\\s,:.-]*`, 'i'), '');
    if (rest !== words && rest.trim()) return rest.trim();
  }
  return words;
}

/** Three words or more opening like a question ("what is the office called"). */
function asksSomething(folded: string): boolean {
  return folded.split(' ').length >= 3 && questionStart.some((start) => start.test(folded));
}

/**
 * The words that replace an earlier answer: "no I meant the med doc", "its the med doc not
 * primary" (the part before "not"). Undefined when the message corrects nothing.
 */
export function correctionIn(strings: Strings, text: string): Correction | undefined {
  for (const lead of strings.variants('answers.correctionLeads')) {
    const rest = new RegExp(`^\\W*${phrase(lead)}\\b[\\s,:.-]*(.+)$`, 'i').exec(text)?.[1];
    if (rest?.trim()) return split(rest);
  }
  // "its the med doc not primary": a correction only where the caller finds "primary" answered.
  const swap = /^\W*(?:no\W+)?(?:it['\u2019]?s|it is)\s+(.+\s+not\s+\S.*)$/i.exec(text)?.[1];
  return swap ? split(swap) : undefined;
}

/** "the med doc, not primary" as the new words and the words they replace. */
function split(text: string): Correction {
  const [, words = text, replaces] = /^(.+?)\s*,?\s+not\s+(.+)$/i.exec(text.trim()) ?? [];
  const replaced = replaces ? trimEnds(replaces) : '';
  return { words: trimEnds(words), ...(replaced ? { replaces: replaced } : {}) };
}

/**
 * The name inside an answer to "what should I call you?": "call me Jay", "it's Jay", "Jay is
 * fine", "thanks, call me Jay" are all Jay. Undefined when no name is left ("ok", "idk").
 */
export function nicknameIn(strings: Strings, text: string): string | undefined {
  const cut = (name: string, key: NameWords, at: 'start' | 'end'): string | undefined => {
    for (const words of strings.variants(key)) {
      const pattern =
        at === 'start'
          ? new RegExp(`^${phrase(words)}\\b[\\s,:.!-]*`, 'i')
          : new RegExp(`[\\s,.!-]*\\b${phrase(words)}$`, 'i');
      const next = trimEnds(name.replace(pattern, ''));
      if (next !== name && next) return next;
    }
    return undefined;
  };
  // Openers ("thanks", "ok") and leads ("call me", "it's") may come in any number, in order.
  const lead = (from: string) =>
    cut(from, 'answers.nameOpeners', 'start') ?? cut(from, 'answers.nameLeads', 'start');
  const tail = (from: string) => cut(from, 'answers.nameTails', 'end');
  let name = trimEnds(text);
  for (let next = lead(name); next !== undefined; next = lead(name)) name = next;
  for (let next = tail(name); next !== undefined; next = tail(name)) name = next;
  // "42" can be a name; a lone digit is more likely a menu number typed at the wrong question.
  if (/^\d{2,}$/.test(name)) return name;
  // "K is fine", "call me J": an initial said as a name (a lone "k" is an okay, so a capital only).
  // "K" alone at a name question is Kim's initial too: it is shown back, so it can be changed.
  if ((name !== trimEnds(text) || name.length === 1) && /^\p{Lu}\p{L}?$/u.test(name)) return name;
  const checked = checkAnswer(strings, name, { options: [] });
  if (checked.kind === 'correction') return nicknameIn(strings, checked.words);
  // "Jay?" is a name said unsurely; "why do you need my name?" is a question, not a name.
  const unsure = checked.kind === 'question' && name.split(/\s+/).length <= 2;
  return checked.kind === 'words' || unsure ? name : undefined;
}

type NameWords = 'answers.nameOpeners' | 'answers.nameLeads' | 'answers.nameTails';

function trimEnds(text: string): string {
  return text.replace(/^[\s"'“”‘’.,!:;-]+|[\s"'“”‘’.,!?:;-]+$/g, '');
}
