import type { Strings } from '../content/strings.js';
import { questionToUs, type SideQuestion } from '../language/answer-check.js';
import { saysAnyOf } from '../language/says-any-of.js';
import { foldAnswer, sentencesOf, typedAnswerReader } from '../language/typed-answer.js';

/**
 * What a message at a plan question says beside its answer, sentence by sentence: a complaint
 * ("i just told you my questions"), a question put to the bot ("no im asking YOU. is it from the
 * methadone"), a request for a reminder ("nothing. can i get a reminder the night before"), that
 * recovery does not apply ("fyi im not in recovery"), "skip", or filler ("ugh."). None of these is
 * the person's answer, so none goes into the plan; `answer` is what is left (maybe "").
 */
export interface Asides {
  answer: string;
  complaint: boolean;
  /** The question the person put to the bot ("is it from the methadone"), when they did. */
  askedUs?: string;
  /** The words that asked for a reminder, kept to answer the reminder question after saving. */
  reminder?: string;
  notInRecovery: boolean;
  skip: boolean;
  /** A question to the bot beside the answer ("also can u give me the public defenders number"). */
  sideQuestion?: SideQuestion;
}

type WordsKey =
  | 'appointment.complaintWords'
  | 'appointment.askingUsWords'
  | 'appointment.reminderWords'
  | 'appointment.notInRecoveryWords'
  | 'appointment.notForMeWords';

/** Reads `text` for its asides; undefined when it has none, so the answer is the text as typed. */
export function asidesIn(
  strings: Strings,
  text: string,
  opts: { recoveryQuestion: boolean; questionsApart: boolean },
): Asides | undefined {
  const reader = typedAnswerReader(strings);
  const says = (key: WordsKey, sentence: string) => saysAnyOf(strings, key, foldAnswer(sentence));
  const kept: string[] = [];
  const found: Asides = { answer: '', complaint: false, notInRecovery: false, skip: false };
  let toUs = false;
  let any = false;
  const sentences = sentencesOf(text);
  // "ask about the night sweats. is that from the methadone?": a question beside the goal is asked
  // of the bot, and goes on the list only if the person wants it there.
  const asked =
    opts.questionsApart && sentences.length > 1 ? sentences.filter((s) => s.trim().endsWith('?')) : [];
  if (asked.length > 0 && asked.length < sentences.length) {
    const rest = asidesIn(strings, sentences.filter((s) => !asked.includes(s)).join(' '), {
      ...opts,
      questionsApart: false,
    });
    const answer = rest?.answer ?? sentences.filter((s) => !asked.includes(s)).join(' ');
    const base = rest ?? { complaint: false, notInRecovery: false, skip: false };
    return { ...base, answer, askedUs: asQuestion(asked.join(' ')) };
  }
  for (const sentence of sentences) {
    const folded = foldAnswer(sentence);
    const notInRecovery =
      says('appointment.notInRecoveryWords', sentence) ||
      (opts.recoveryQuestion && says('appointment.notForMeWords', sentence));
    if (notInRecovery) found.notInRecovery = true;
    else if (says('appointment.reminderWords', sentence)) found.reminder = sentence;
    else if (says('appointment.askingUsWords', sentence)) toUs = true;
    else if (says('appointment.complaintWords', sentence)) found.complaint = true;
    else if (reader.stepWord(sentence) === 'skip') found.skip = true;
    else if (sentences.length > 1 && toBot(strings, sentence)) found.sideQuestion = toBot(strings, sentence);
    else if (folded && reader.nonAnswer(folded) === 'frustration') found.complaint = true;
    else {
      kept.push(sentence);
      continue;
    }
    any = true;
  }
  if (!any) return undefined;
  const answer = kept.join(' ').trim();
  if (toUs && answer) return { ...found, askedUs: asQuestion(answer) };
  return { ...found, complaint: found.complaint || toUs, answer };
}

/** "also can u give me the public defenders number": a question to the bot, after a joining word, "u" read as "you". */
function toBot(strings: Strings, sentence: string): SideQuestion | undefined {
  const words = foldAnswer(sentence).split(' ');
  const joins = strings.variants('appointment.joinWords').map(foldAnswer);
  const from = joins.includes(words[0] ?? '') ? words.slice(1) : words;
  return questionToUs(strings, from.map((word) => (word === 'u' ? 'you' : word)).join(' '));
}

/** "is it from the methadone" as it would stand on a list: a capital first, a question mark last. */
export function asQuestion(words: string): string {
  const trimmed = words.trim().replace(/[\s.?!,]+$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}?`;
}
