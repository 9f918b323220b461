import { withoutControlCharacters } from '../cards/plain-text.js';
import { escapeText } from '../language/free-text.js';
import { joinedParts, sentencesOf } from '../language/sentences.js';
import { namesOneOf } from './scenarios.js';

/** The longest request kept in the person's words: a few words that name it, not a story. */
const MAX_REQUEST = 60;

/** The words practice reads a request with; they come from resources/locales (practice.*Words). */
export interface RequestWords {
  /** Words before a request: "about" (my dog), "for" (extra time). */
  leads: readonly string[];
  /** Words before a reason ("because"): a request ends where its reason starts. */
  cues: readonly string[];
}

/**
 * What the person wants to ask for, in their words, when those words name the request (hold
 * one of `keywords`): what follows "about" or "for" ("...my PO about getting off probation early
 * because..." -> "getting off probation early"), or a whole short answer that names it. Undefined
 * otherwise, so a line never quotes words that are off the scene's topic.
 */
export function requestIn(
  text: string,
  words: RequestWords,
  keywords: readonly string[],
  whole = false,
): string | undefined {
  return phraseFitting(text, words, (request) => namesOneOf(request, keywords), whole);
}

/**
 * What the person wants to ask a counterpart when no scene of the library is about it, in their
 * words: what follows "about" or "for" ("my boss for a later start on thursdays" -> "a later start
 * on thursdays"), or (`whole`) a short answer itself. Undefined when it only points ("it", "that":
 * `pointers`).
 */
export function ownRequestIn(
  text: string,
  words: RequestWords,
  pointers: readonly string[],
  whole = false,
): string | undefined {
  const pointing = new Set(pointers.map((word) => word.toLowerCase()));
  const fits = (request: string) =>
    !request
      .toLowerCase()
      .split(/[^a-z0-9']+/)
      .filter(Boolean)
      .every((word) => pointing.has(word) || word === 'my' || word === 'the');
  return phraseFitting(text, words, fits, whole);
}

/** The tightest phrase after a lead word (or the whole text) that `fits`. */
function phraseFitting(
  text: string,
  words: RequestWords,
  fits: (request: string) => boolean,
  whole: boolean,
): string | undefined {
  const flat = withoutControlCharacters(text).replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  // Each "about"/"for" starts a candidate; the last one that names the request is the tightest
  // ("practice for my meeting about early termination" -> "early termination"); "not about
  // stopping" (group A, Dee) says what it is not.
  const starts = words.leads.flatMap((word) =>
    [...lower.matchAll(new RegExp(`(?<!\\bnot\\s+)\\b${escapeText(word.toLowerCase())}\\s+`, 'g'))].map(
      (match) => match.index + match[0].length,
    ),
  );
  const candidates = (whole ? [0, ...starts] : starts).sort((a, b) => b - a);
  for (const start of candidates) {
    const request = phraseAt(flat.slice(start), words.cues);
    if (request && fits(request)) return request;
  }
  return undefined;
}

/** A comma that starts a clause of its own ("..., i owe", "..., it's"). */
const TOLD_AFTER_COMMA = /,\s*(?=(?:i|im|i'm|i've|ive|we|it|its|it's|he|she|they)\b)/i;

/** The phrase at the start of `text`, up to a reason cue or the sentence's end; undefined when too long. */
function phraseAt(text: string, cues: readonly string[]): string | undefined {
  const request = sentencesOf(joinedParts(text, cues)[0]?.part ?? '')[0]
    // "a payment plan, i owe like 2 months rent" (group D, Ava): what follows the comma is a story.
    ?.split(TOLD_AFTER_COMMA)[0]
    ?.replace(/[\s,.!?\u2026;]+$/, '')
    .trim()
    // "Extra time on exams" typed as an answer is said mid-sentence; "ESA" stays as typed.
    .replace(/^\p{Lu}(?=\p{Ll})/u, (letter) => letter.toLowerCase());
  return request && request.length <= MAX_REQUEST ? request : undefined;
}

/**
 * The person's words as the counterpart says them back: "my dog" -> "your dog", "i've done 18
 * months" -> "you've done 18 months". `pairs` are "i am|you are" lines from resources/locales;
 * longer phrases are swapped first, each word once.
 */
export function secondPerson(text: string, pairs: readonly string[]): string {
  const table = pairs
    .map((pair) => pair.split('|').map((side) => side.trim()))
    .filter((sides): sides is [string, string] => sides.length === 2 && Boolean(sides[0]))
    .sort((a, b) => b[0].length - a[0].length);
  const pattern = new RegExp(
    `(?<![\\p{L}'’])(${table.map(([from]) => escapeText(from).replace(/'/g, "['’]?")).join('|')})(?![\\p{L}'’])`,
    'giu',
  );
  return text.replace(pattern, (found) => {
    const plain = found.toLowerCase().replace(/’/g, "'");
    return table.find(([from]) => from === plain || from.replace(/'/g, '') === plain)?.[1] ?? found;
  });
}

/** Values for a line's slots: the request always (the person's words or the scene's label), a reason when given. */
export interface Slots {
  request: string;
  reason?: string;
}

/**
 * A counterpart's line with its slots filled: an optional `[...]` part is kept only when every
 * slot in it has a value ("[You mentioned {reason}. ]" is left out without a reason).
 */
export function fillLine(line: string, slots: Slots): string {
  const value = (name: string): string | undefined => (name === 'request' ? slots.request : slots.reason);
  const filled = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => value(name) ?? '');
  return filled(
    line.replace(/\[([^\]]*)\]/g, (_, part: string) =>
      [...part.matchAll(/\{(\w+)\}/g)].every(([, name]) => value(name ?? '')) ? part : '',
    ),
  );
}

/** Words too common to say which request is meant ("for", "with", "your"). */
const COMMON_WORD =
  /^(a|an|the|for|with|about|your|my|one|day|week|time|some|that|this|to|of|and|or|on|in|at|she|shes|she's|he|hes|he's|they|theyre|they're|her|him|them|its|it's|thats|that's|these|those)$/;

/** Words before a correction that are no part of it ("its", "no", "i said"). */
const CORRECTION_LEAD =
  /^(?:(?:no|nope|wait|its|it's|it is|i said|i meant|i want to|i want|i need to|i need|i asked for|i'm asking for|im asking for)\b[\s,]*)+/;

/**
 * The request a correction puts in place of the one being played, in the person's words, lower
 * case ("its a late start not early finish" -> "a late start"; "not early finish. LATE start.
 * 11am thurs" -> "late start"). Only when what it says "not" to names the request being played
 * (`current`: its words, the scene's label or goal); undefined otherwise.
 */
export function correctedRequest(text: string, current: string): string | undefined {
  const played = new Set(contentWords(current));
  const sentences = sentencesOf(withoutControlCharacters(text)).map((sentence) =>
    sentence.toLowerCase().replace(/[.!?]+$/, ''),
  );
  for (const [index, sentence] of sentences.entries()) {
    const match = /^(.*?)[\s,;]*\bnot (?:an? |the )?(.+)$/.exec(sentence);
    if (!match || !contentWords(match[2] ?? '').some((word) => played.has(word))) continue;
    // What comes before the "not", else the next sentence, without its lead words or a tail
    // after a comma ("I want to taper off, like last time" -> "taper off").
    const said = [match[1] ?? '', sentences[index + 1] ?? '']
      .map((part) => part.replace(CORRECTION_LEAD, '').split(',')[0]?.trim())
      .find(Boolean);
    // "shes not a pet" (group D, Ava) says what her dog is, not what she asks for: a request names a thing.
    const words = contentWords(said ?? '');
    return said && said.length <= MAX_REQUEST && words.length > 0 && !words.some((w) => played.has(w))
      ? said
      : undefined;
  }
  return undefined;
}

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter((word) => word.length > 2 && !COMMON_WORD.test(word));
}
