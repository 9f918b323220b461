import type { Strings } from '../content/strings.js';
import { foldAnswer, typedAnswerReader } from '../language/typed-answer.js';

/** Details a first message may hold beside the kind and the date ("Dr. Patel, about side effects"). */
export interface SaidDetails {
  /** Who the appointment is with, as "Dr. Patel". */
  provider?: string;
  /** What the person wants to talk about, in their words ("side effects"). */
  topic?: string;
}

const MAX_TOPIC_WORDS = 6;

/**
 * Reads who the appointment is with and what it is about from the words that asked for it. The
 * titles, and the words that end a topic or are no name, are data (resources/locales).
 */
export function saidDetails(strings: Strings, text: string): SaidDetails {
  const stop = new Set(strings.variants('appointment.detailStopWords').map(foldAnswer));
  const titles = strings.variants('appointment.providerTitles').map(foldAnswer);
  const words = text.split(/[\s,;!?]+/).filter(Boolean);
  let provider: string | undefined;
  words.forEach((word, at) => {
    const name = (words[at + 1] ?? '').replace(/[^\p{L}'-]/gu, '');
    const title = foldAnswer(word);
    if (provider || !titles.includes(title) || name.length < 2 || stop.has(foldAnswer(name))) return;
    provider = strings.text('appointment.doctorName', { name: capitalized(name) });
  });
  const about = /\babout\s+([^.,;!?]+)/i.exec(text)?.[1] ?? '';
  const topicWords: string[] = [];
  for (const word of about.trim().split(/\s+/)) {
    if (!word || stop.has(foldAnswer(word)) || topicWords.length >= MAX_TOPIC_WORDS) break;
    topicWords.push(word);
  }
  // "about my appointment" names no topic: only filler was left before the stop.
  const topic = typedAnswerReader(strings).onlyFiller(foldAnswer(topicWords.join(' ')))
    ? ''
    : topicWords.join(' ');
  return { ...(provider ? { provider } : {}), ...(topic ? { topic } : {}) };
}

function capitalized(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
