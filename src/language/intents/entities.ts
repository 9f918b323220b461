import { recognizersText } from '../../platform/one-recognizers-text.js';
import { span } from '../../platform/spans.js';
import { type DateTimeEntity, findDateTimes } from './datetime-entities.js';
import type { DomainEntities, EntityLexicon } from './entity-lexicon.js';
import { inputBudget, orNothing } from './input-budget.js';
import type { Zone } from './time-zone.js';

const { Culture, recognizeBoolean, recognizeNumber } = recognizersText;

/** A number in the message ("two", "3.5", "1,200"); start/end index the message. */
export interface NumberEntity {
  text: string;
  value: number;
  start: number;
  end: number;
}

/** A yes or no ("yeah", "nope", "👍"). */
export interface BooleanEntity {
  text: string;
  value: boolean;
}

/** Everything found in a message, keyed by kind; a kind with nothing found is an empty list. */
export interface WayfinderEntities extends DomainEntities {
  datetime: DateTimeEntity[];
  number: NumberEntity[];
  boolean: BooleanEntity[];
}

/** The names of the entity kinds, in the order traces list them. */
export const entityKinds = [
  'datetime',
  'number',
  'boolean',
  'appointmentType',
  'accommodationSetting',
  'groupApproach',
  'groupFormat',
] as const satisfies readonly (keyof WayfinderEntities)[];

/**
 * Extracts every entity kind from `text`, each recognizer within its budget (input-budget.ts).
 * Numbers that are part of a longer date or time ("3" in "3pm", "14" in "the 14th") are left out:
 * they are not quantities. A bare number ("3", "twenty five") is kept as both, since it may answer
 * "how many?" as well as "what time?"; the dialog knows which it asked.
 */
export function extractEntities(
  text: string,
  now: Date,
  zone: Zone,
  lexicon: EntityLexicon,
): WayfinderEntities {
  const datetime = span('datetime', () => findDateTimes(text, now, zone));
  return span('entities', () => ({ datetime, ...otherEntities(text, datetime, lexicon) }));
}

/**
 * What any number the English number recognizer finds must hold: a digit (any script's) or the
 * start of a number word of its tables (cardinals, ordinals, fractions, round numbers, dozens).
 * Most messages hold none, and the recognizer costs more than the rest of a turn's entities, so
 * it runs only when this matches; test/language/intents/entity-cues.test.ts proves it finds
 * nothing in thousands of messages where this does not match.
 */
export const numberCue =
  /\p{N}|\b(?:zero|n[ao]ught|one|two|thr|four|fif|five|six|seven|eigh|nin|ten|eleven|twel|thir|fort|twent|hundred|thousand|million|mln|billion|bln|trillion|tln|lakh|crore|doz|dz|first|second|half|halv|quarter)/iu;

/**
 * What any yes or no the English boolean recognizer finds must hold: a word of its true and false
 * patterns or one of their emoji (the recognizer reads the message lowercased).
 */
export const booleanCue =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the recognizer's own pattern has U+0001 (a mistyped emoji escape)
  /\b(?:true|yes|yep|yup|yeah|y|sure|ok|agree|false|nope|nop|no|not|disagree)\b|[\uD83D\u270B\u0001]/i;

/** Numbers (those not inside a date), yes or no, and the domain's own words. */
function otherEntities(
  text: string,
  datetime: readonly DateTimeEntity[],
  lexicon: EntityLexicon,
): Omit<WayfinderEntities, 'datetime'> {
  const insideDate = (start: number, end: number) =>
    datetime.some((d) => start < d.end && end > d.start && (start > d.start || end < d.end));
  const numberText = text.slice(0, inputBudget.numberChars);
  const number = (
    numberCue.test(numberText) ? orNothing(() => recognizeNumber(numberText, Culture.English)) : []
  ).flatMap((result) => {
    const value = Number(result.resolution?.value);
    const end = result.end + 1;
    return Number.isFinite(value) && !insideDate(result.start, end)
      ? [{ text: result.text, value, start: result.start, end }]
      : [];
  });
  const booleanText = text.slice(0, inputBudget.booleanChars);
  const boolean = (
    booleanCue.test(booleanText) ? orNothing(() => recognizeBoolean(booleanText, Culture.English)) : []
  ).flatMap((result) => {
    const value: unknown = result.resolution?.value;
    return typeof value === 'boolean' ? [{ text: result.text, value }] : [];
  });
  return {
    number,
    boolean,
    ...lexicon.find(text.slice(0, inputBudget.intentChars)),
  };
}

/** A result with no entities, for an empty message. */
export function noEntities(): WayfinderEntities {
  return {
    datetime: [],
    number: [],
    boolean: [],
    appointmentType: [],
    accommodationSetting: [],
    groupApproach: [],
    groupFormat: [],
  };
}
