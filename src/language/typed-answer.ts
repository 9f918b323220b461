import { type Choice, ListStyle } from 'botbuilder-dialogs';
import { choicesActivity } from '../channels/choice-buttons.js';
import type { Strings } from '../content/strings.js';
import { recognizersText } from '../platform/one-recognizers-text.js';
import { sentencesOf } from './sentences.js';

const { recognizeBoolean } = recognizersText;

/** One answer a question offers: `value` is what the code sees, `label` what the person sees. */
export interface AnswerOption {
  value: string;
  label: string;
  synonyms?: readonly string[];
  /**
   * It erases something ("Clear the list"): picked only by its own words, a synonym or its
   * number, never by a typo or a few of its words ("listo" is not "Clear the list").
   */
  destructive?: boolean;
}

/** A question as the person saw it. */
export interface TypedQuestion {
  options: readonly AnswerOption[];
  /** The options were shown with numbers, so "2" or "the second one" picks one. */
  numbered?: boolean;
  /** Two options meaning yes (the first) and no (the second): "sure", "nah" pick them. */
  yesNo?: boolean;
}

/** What a typed answer picks: the option's index and value. */
export interface Pick {
  index: number;
  value: string;
  /** How it was read: the exact words of an option, or a looser reading. */
  how: 'exact' | 'position' | 'yesNo' | 'typo' | 'sentence' | 'words';
}

/**
 * Folds text to compare it as people type it: lower case, accents, apostrophes, punctuation and
 * emoji dropped, spaces collapsed ("Don't  share!" and "dont share" are the same).
 */
export function foldAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A botbuilder choice as the reader sees it: the label is the button's title. */
export function answerOptionOf(choice: string | (Choice & { destructive?: boolean })): AnswerOption {
  if (typeof choice === 'string') return { value: choice, label: choice };
  return {
    value: choice.value,
    label: choice.action?.title ?? choice.value,
    synonyms: choice.synonyms ?? [],
    ...(choice.destructive ? { destructive: true } : {}),
  };
}

/** Readings sure enough to pick an option that erases something. */
const certain: ReadonlySet<Pick['how']> = new Set(['exact', 'position', 'yesNo']);

// Readers of answers import the splitter from here with the rest of the typed-answer kit.
export { sentencesOf };

/**
 * True when options labelled `labels` were shown with numbers: the question laid out as this
 * channel really shows `style` (choice-buttons.ts) came with no buttons, so as a numbered list.
 */
export function showsNumbers(
  channelId: string,
  style: ListStyle | undefined,
  labels: readonly string[],
): boolean {
  if (labels.length === 0 || style === ListStyle.none) return false;
  const shown = choicesActivity(channelId, labels, '', style ?? ListStyle.auto);
  return !shown.suggestedActions?.actions?.length && !shown.attachments?.length;
}

const words = (folded: string): string[] => (folded ? folded.split(' ') : []);

/** Edit distance with swaps of neighbours (Damerau, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** How many typos a word or phrase of this length may carry and still be recognized. */
export function typosAllowed(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** The same word, or near enough for its length to be a typo of it ("landlrod", "landlord"). */
export function nearlySame(typed: string, word: string): boolean {
  if (typed === word) return true;
  const allowed = typosAllowed(Math.min(typed.length, word.length));
  // The distance is never less than the difference in length: when that is already too many, no
  // table is built (a long message at a menu was compared with every label, a whole table each).
  return Math.abs(typed.length - word.length) <= allowed && editDistance(typed, word) <= allowed;
}

/**
 * The one way Wayfinder reads a typed answer to a question with options, whatever the dialog:
 * the label or a synonym (case, accents and punctuation ignored), a small typo, the number or
 * ordinal when the options were numbered, yes/no words when the options mean yes and no, or a
 * few words of one label ("the quiet room one"). Words are data (resources/locales, answers).
 */
export class TypedAnswerReader {
  private readonly filler: ReadonlySet<string>;
  private readonly positions: ReadonlyMap<string, number>;
  /** Words that only say a position is meant ("part 3", "step 2"). */
  private readonly positionWords: ReadonlySet<string>;
  private readonly yes: ReadonlySet<string>;
  private readonly no: ReadonlySet<string>;
  private readonly back: ReadonlySet<string>;
  private readonly skip: ReadonlySet<string>;
  private readonly unsure: ReadonlySet<string>;
  private readonly frustration: readonly string[];
  private readonly thanks: readonly string[];
  private readonly changeOfMind: readonly string[];

  constructor(private readonly strings: Strings) {
    const set = (key: Parameters<Strings['variants']>[0]) => new Set(strings.variants(key).map(foldAnswer));
    this.filler = set('answers.fillerWords');
    this.positions = new Map(
      strings
        .variants('answers.positions')
        .flatMap((line, index) => words(foldAnswer(line)).map((w) => [w, index])),
    );
    this.positionWords = set('answers.positionWords');
    this.yes = set('answers.yesWords');
    this.no = set('answers.noWords');
    this.back = set('answers.backWords');
    this.skip = set('answers.skipWords');
    this.unsure = set('answers.unsureWords');
    this.frustration = strings.variants('answers.frustrationWords').map(foldAnswer);
    this.thanks = strings.variants('answers.courtesyWords').map(foldAnswer);
    this.changeOfMind = strings.variants('answers.changeOfMindWords').map(foldAnswer);
  }

  /**
   * The option `text` picks, or undefined when it picks none or several, or when only a guess
   * (a typo, a few words) points at an option that erases something. A message that is no
   * answer as a whole is read again by its last sentence ("Will they see my name? Yes, please
   * send it."): people ask or explain first and answer last.
   */
  read(text: string, question: TypedQuestion): Pick | undefined {
    const pick = this.guess(text, question);
    if (pick) return safe(pick, question);
    const sentences = sentencesOf(text);
    if (sentences.length < 2) return undefined;
    // People answer, then explain ("general. dont want him knowing its rehab"), or the other way;
    // the first sentence only when no other one answers too.
    const [first = '', ...rest] = sentences;
    const inLast = this.guess(sentences.at(-1) ?? '', question);
    // "yea. now if possible" is a yes; "Yes. But make it 8am" asks for something else; "2. mike"
    // is a list number typed before a person's own words.
    const opening = inLast ? undefined : this.guess(first, question);
    const asksMore = opening?.how === 'yesNo' && /\d/.test(rest.join(' '));
    // Only a first sentence that is the answer itself, not one that describes more ("later start on
    // thurs. like 11" keeps its own words).
    const whole = opening && ['exact', 'yesNo', 'typo'].includes(opening.how);
    const inFirst = asksMore || !whole ? undefined : opening;
    const inRest = inFirst && rest.some((sentence) => this.guess(sentence, question));
    const found = inLast ?? (inRest ? undefined : inFirst);
    // Said with other words, even the label itself is only likely: a dialog may read it first.
    return found && safe({ ...found, how: 'sentence' }, question);
  }

  /**
   * True when a guess (a typo, a few words) points at an option that erases something: that is a
   * miss to re-ask, naming the options, not words to keep as an answer.
   */
  guessesDestructive(text: string, question: TypedQuestion): boolean {
    const pick = this.guess(text, question);
    return pick !== undefined && safe(pick, question) === undefined;
  }

  /** The option `text` reads as, however loosely. */
  private guess(text: string, question: TypedQuestion): Pick | undefined {
    const folded = foldAnswer(text);
    if (!folded) return undefined;
    const options = question.options.map((option) => this.withYesNoWords(option));
    const readings: [Pick['how'], () => number | undefined][] = [
      ['exact', () => this.exact(folded, options)],
      ['position', () => (question.numbered ? this.position(folded, options.length) : undefined)],
      ['yesNo', () => (question.yesNo && options.length === 2 ? this.yesNoIndex(text, options) : undefined)],
      ['typo', () => this.typo(folded, options)],
      ['words', () => this.fewWords(folded, options)],
      ['sentence', () => this.inSentence(folded, options)],
    ];
    for (const [how, reading] of readings) {
      const index = reading();
      const option = index === undefined ? undefined : options[index];
      if (option && index !== undefined) return { index, value: option.value, how };
    }
    return undefined;
  }

  /**
   * A button that says yes or no ("Yes" beside "Maybe") is picked by the other yes or no words
   * ("sí, my sister", "yep"); not by those that are filler too ("fine" in "I'm fine going alone").
   */
  private withYesNoWords(option: AnswerOption): AnswerOption {
    const label = foldAnswer(option.label);
    const same = this.yes.has(label) ? this.yes : this.no.has(label) ? this.no : undefined;
    const more = [...(same ?? [])].filter((word) => !this.filler.has(word));
    return more.length ? { ...option, synonyms: [...(option.synonyms ?? []), ...more] } : option;
  }

  /**
   * Yes or no in any usual wording ("yep", "sure", "nah", "no thanks"); undefined otherwise. A
   * first sentence answers for the message when the rest only thanks ("Yes, that's right. Thank
   * you so much for your help today.", "No. But thanks anyway!"); a rest with a number or a yes
   * or no of its own ("Yes. But make it 8am") is an answer of its own, so undefined.
   */
  yesOrNo(text: string): boolean | undefined {
    const changed = this.changedMind(text);
    if (changed !== undefined) return changed;
    const whole = this.yesOrNoSaid(text);
    if (whole !== undefined) return whole;
    const [first = '', ...rest] = sentencesOf(text);
    if (rest.length === 0 || !rest.every((sentence) => this.onlyThanks(sentence))) return undefined;
    // "Yes, that's right.": the yes word that opens it is enough.
    return this.yesOrNoSaid(first) ?? this.yesOrNoSaid(words(foldAnswer(first))[0] ?? '');
  }

  /**
   * A yes or no changed in the same message ("no actually yes delete it all", "yes. wait, no"):
   * the last one said wins. It must open the words after the change of mind ("actually", "i
   * said") and be the only one there; before them, a yes or no, or nothing at all ("actually
   * yes"). "hmm actually wait no" changes nothing, so it stays unclear.
   */
  private changedMind(text: string): boolean | undefined {
    const said = ` ${foldAnswer(text)} `;
    const cuts = this.changeOfMind.flatMap((marker) => {
      const at = said.lastIndexOf(` ${marker} `);
      return at < 0 ? [] : [{ at, end: at + marker.length + 1 }];
    });
    const last = cuts.sort((a, b) => b.end - a.end)[0];
    if (!last) return undefined;
    const before = words(said.slice(0, last.at).trim());
    const after = words(said.slice(last.end).trim());
    const isYesNo = (word: string) => this.yes.has(word) || this.no.has(word);
    const [answer = '', ...rest] = after;
    if (!isYesNo(answer) || rest.some(isYesNo)) return undefined;
    if (before.length > 0 && !before.some(isYesNo)) return undefined;
    return this.yes.has(answer);
  }

  /** A sentence that thanks and answers nothing ("Thank you so much for your help today."). */
  private onlyThanks(sentence: string): boolean {
    const said = ` ${foldAnswer(sentence)} `;
    return (
      !/\d/.test(said) &&
      this.yesOrNoSaid(sentence) === undefined &&
      (this.onlyFiller(said.trim()) || this.thanks.some((phrase) => said.includes(` ${phrase} `)))
    );
  }

  private yesOrNoSaid(text: string): boolean | undefined {
    const folded = foldAnswer(text);
    if (this.yes.has(folded)) return true;
    if (this.no.has(folded)) return false;
    // "fine yes", "ok sure", "sí perfecto, gracias": yes words only, thanks aside.
    const said = words(folded);
    const thanked = (word: string) => this.thanks.includes(word);
    if (said.some((word) => this.yes.has(word)) && said.every((word) => this.yes.has(word) || thanked(word)))
      return true;
    const [match] = recognizeBoolean(text, 'en-us');
    if (!match) return undefined;
    // "I have no car" is not a no: the yes or no must be the whole answer, give or take filler.
    const rest = foldAnswer(`${text.slice(0, match.start)} ${text.slice(match.end + 1)}`);
    const value = (match.resolution as { value?: unknown }).value;
    return typeof value === 'boolean' && this.onlyFiller(rest) ? value : undefined;
  }

  /**
   * True when `text` holds nothing to keep as a name or a message: a yes or no, "back" or
   * "skip", an "I don't know", or filler only ("ok", "idk", "um", "?"). People answer the offer
   * around a question this way; such a reply is not their content.
   */
  saysNothing(text: string): boolean {
    return (
      this.nonAnswer(text) === 'filler' ||
      this.stepWord(text) !== undefined ||
      this.yesOrNo(text) !== undefined
    );
  }

  /** "back" (to the previous question) or "skip" (this one), typed as a whole answer. */
  stepWord(text: string): 'back' | 'skip' | undefined {
    const folded = foldAnswer(text);
    return this.back.has(folded) ? 'back' : this.skip.has(folded) ? 'skip' : undefined;
  }

  /** True when the whole answer is a shrug ("idk", "what", "ok then", "?"): unsure, no answer. */
  unsureOnly(text: string): boolean {
    const folded = foldAnswer(text);
    return !folded || this.unsure.has(folded);
  }

  /**
   * What an answer says when it is no answer to keep: filler ("ok", "what", "?", "idk") or
   * frustration or confusion ("ugh", "this is useless", "im confused"). A phrase of a few words
   * counts anywhere in the message; a single word only with nothing but filler around it, so
   * "when i feel useless" is a warning sign, not frustration. Undefined for anything with content
   * of its own ("I stop eating"). Words are data (answers.unsureWords, frustrationWords).
   */
  nonAnswer(text: string): 'filler' | 'frustration' | undefined {
    const folded = foldAnswer(text);
    if (this.unsureOnly(folded)) return 'filler';
    const said = ` ${folded} `;
    const frustrated = this.frustration.some((phrase) =>
      phrase.includes(' ')
        ? said.includes(` ${phrase} `)
        : said.includes(` ${phrase} `) && this.onlyFiller(said.replace(` ${phrase} `, ' ').trim()),
    );
    if (frustrated) return 'frustration';
    return this.onlyFiller(folded) ? 'filler' : undefined;
  }

  /**
   * The re-ask after a miss, naming the options: a different wording each time, and every second
   * miss in a row offers the menu and a person.
   */
  retryText(question: TypedQuestion, misses: number): string {
    const { strings } = this;
    const labels = question.options.map((option) => strings.text('answers.quoted', { label: option.label }));
    const last = labels.pop();
    // Locale strings are trimmed, so the spaces around the joining words are added here.
    const list = labels.length
      ? `${labels.join(`${strings.text('answers.listJoin')} `)} ${strings.text('answers.listOr')} ${last}`
      : (last ?? '');
    const round = Math.floor((Math.max(misses, 1) - 1) / 2);
    // No "type its number": where numbers are shown they stand next to the options already.
    return misses % 2 === 0
      ? strings.text('answers.stuck', { options: list }, round)
      : strings.text('answers.retry', { options: list }, round);
  }

  private exact(folded: string, options: readonly AnswerOption[]): number | undefined {
    const index = options.findIndex((option) =>
      [option.label, option.value, ...(option.synonyms ?? [])].some((word) => foldAnswer(word) === folded),
    );
    return index >= 0 ? index : undefined;
  }

  /** "2", "#2", "the second one", "part 3", "number 2 please": a position and nothing but filler. */
  private position(folded: string, count: number): number | undefined {
    const all = words(folded).filter((word) => !this.positionWords.has(word));
    const named = all.filter((word) => this.positions.has(word) && word !== 'one');
    const spoken = named.length === 0 && all.includes('one') ? ['one'] : named;
    if (spoken.length !== 1 || !this.onlyFiller(all.filter((word) => word !== spoken[0]).join(' ')))
      return undefined;
    const index = this.positions.get(spoken[0] as string);
    return index !== undefined && index < count ? index : undefined;
  }

  private yesNoIndex(text: string, options: readonly AnswerOption[]): number | undefined {
    const said = this.yesOrNo(text);
    if (said !== undefined) return said ? 0 : 1;
    // "nah keep it", "no keep it for now": a yes or no first, then words of that same option's
    // label and none of the other's ("no erase it" is neither).
    const [first = '', ...rest] = words(foldAnswer(text));
    const index = this.yes.has(first) ? 0 : this.no.has(first) ? 1 : undefined;
    if (index === undefined) return undefined;
    const labelOf = (at: number) => this.content(foldAnswer(options[at]?.label ?? ''));
    const names = (at: number) => rest.some((word) => labelOf(at).some((mine) => nearlySame(word, mine)));
    return names(index) && !names(1 - index) ? index : undefined;
  }

  /** The whole answer is one label or synonym with a small typo ("Shar it", "quite room"). */
  private typo(folded: string, options: readonly AnswerOption[]): number | undefined {
    const near = options.flatMap((option, index) =>
      [option.label, ...(option.synonyms ?? [])].some((word) => {
        const target = foldAnswer(word);
        return target.length >= 4 && nearlySame(folded, target);
      })
        ? [index]
        : [],
    );
    return near.length === 1 ? near[0] : undefined;
  }

  /**
   * A label or synonym said within a sentence ("the day before is good"): it must be at least
   * half of what was said, so "no" in "I have no car" is not the "No" button.
   */
  private inSentence(folded: string, options: readonly AnswerOption[]): number | undefined {
    const said = this.content(folded);
    if (said.length === 0) return undefined;
    const found = new Set<number>();
    options.forEach((option, index) => {
      for (const phrase of [option.label, ...(option.synonyms ?? [])]) {
        const target = foldAnswer(phrase);
        const size = this.content(target).length || words(target).length;
        if (target && ` ${folded} `.includes(` ${target} `) && size * 2 >= said.length) found.add(index);
      }
    });
    return found.size === 1 ? [...found][0] : undefined;
  }

  /**
   * A few words of one label ("the quiet room one", "at the end pls"): every word said, filler
   * aside, is in that option's label (small typos allowed). When several options have them all,
   * the one they cover most wins ("share" is "Share it" rather than "Don't share").
   */
  /** True when every word typed, filler aside, is a word of `label` or a typo of one ("a ltaer start time"). */
  saysLabel(text: string, label: string): boolean {
    const said = this.content(foldAnswer(text));
    const own = this.content(foldAnswer(label));
    return said.length > 0 && said.every((word) => own.some((mine) => nearlySame(word, mine)));
  }

  private fewWords(folded: string, options: readonly AnswerOption[]): number | undefined {
    const said = this.content(folded);
    if (said.length === 0) return undefined;
    // The label's words only: a synonym's single word ("safe" in "my plan to stay safe") is no pick.
    const scored = options.map((option) => {
      const label = this.content(foldAnswer(option.label));
      if (!said.every((word) => label.some((mine) => nearlySame(word, mine)))) return -1;
      // Counted only for a label that holds every word said: a long message fails that at its
      // first stray word, and counting first compared all its words with every label's.
      const covered = label.filter((mine) => said.some((word) => nearlySame(word, mine))).length;
      return covered / Math.max(label.length, 1);
    });
    const best = Math.max(...scored);
    if (best < 0) return undefined;
    const winners = scored.flatMap((score, index) => (score === best ? [index] : []));
    return winners.length === 1 ? winners[0] : undefined;
  }

  private content(folded: string): string[] {
    return words(folded).filter((word) => !this.filler.has(word));
  }

  /** True when a folded answer holds nothing but filler ("the one", "um please"). */
  onlyFiller(folded: string): boolean {
    return this.content(folded).length === 0;
  }
}

/** The pick, unless it is only a guess at an option that erases something. */
function safe(pick: Pick, question: TypedQuestion): Pick | undefined {
  return question.options[pick.index]?.destructive && !certain.has(pick.how) ? undefined : pick;
}

const readers = new WeakMap<Strings, TypedAnswerReader>();

/** The reader for a locale's words, built once. */
export function typedAnswerReader(strings: Strings): TypedAnswerReader {
  let reader = readers.get(strings);
  if (!reader) {
    reader = new TypedAnswerReader(strings);
    readers.set(strings, reader);
  }
  return reader;
}

/** `text` without a leading word of `leads` ("change the date": "the date"), to read the part it names. */
export function withoutLead(text: string, leads: readonly string[]): string {
  const folded = foldAnswer(text);
  const lead = leads.map(foldAnswer).find((word) => word && folded.startsWith(`${word} `));
  return lead ? folded.slice(lead.length + 1) : text;
}
