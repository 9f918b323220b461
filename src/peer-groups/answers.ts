import { type Choice, recognizeChoices } from 'botbuilder-dialogs';
import type { StringKey, Strings } from '../content/strings.js';
import type { GroupApproach, GroupFormat, WayfinderRecognition } from '../language/intents/index.js';
import { normalizeText } from '../language/normalize.js';
import { clausesOf } from '../language/sentences.js';
import { answerOptionOf, typedAnswerReader } from '../language/typed-answer.js';
import { type ApproachAnswer, type Filter, filters, type Place, type Preferences } from './matching.js';
import { type Daypart, dayparts, daypartsOf, type When, weekdayOf } from './schedule.js';
import type { Focus } from './schema.js';

/** One button: the value it stands for, its label, and other words that pick it. */
interface Option<V extends string> {
  value: V;
  label: StringKey;
  words: StringKey;
}

const focusOptions: readonly Option<Focus>[] = [
  { value: 'alcohol', label: 'peerGroupChoices.focusAlcohol', words: 'peerGroupChoices.focusAlcoholWords' },
  {
    value: 'otherDrugs',
    label: 'peerGroupChoices.focusOtherDrugs',
    words: 'peerGroupChoices.focusOtherDrugsWords',
  },
  {
    value: 'anySubstance',
    label: 'peerGroupChoices.focusAnySubstance',
    words: 'peerGroupChoices.focusAnySubstanceWords',
  },
  {
    value: 'mentalHealth',
    label: 'peerGroupChoices.focusMentalHealth',
    words: 'peerGroupChoices.focusMentalHealthWords',
  },
  {
    value: 'coOccurring',
    label: 'peerGroupChoices.focusCoOccurring',
    words: 'peerGroupChoices.focusCoOccurringWords',
  },
  {
    value: 'familyFriends',
    label: 'peerGroupChoices.focusFamilyFriends',
    words: 'peerGroupChoices.focusFamilyFriendsWords',
  },
];

const approachOptions: readonly Option<GroupApproach>[] = [
  {
    value: 'twelveStep',
    label: 'peerGroupChoices.approachTwelveStep',
    words: 'peerGroupChoices.approachTwelveStepWords',
  },
  {
    value: 'secular',
    label: 'peerGroupChoices.approachSecular',
    words: 'peerGroupChoices.approachSecularWords',
  },
  {
    value: 'faithBased',
    label: 'peerGroupChoices.approachFaithBased',
    words: 'peerGroupChoices.approachFaithBasedWords',
  },
  {
    value: 'buddhist',
    label: 'peerGroupChoices.approachBuddhist',
    words: 'peerGroupChoices.approachBuddhistWords',
  },
  {
    value: 'allPathways',
    label: 'peerGroupChoices.approachAllPathways',
    words: 'peerGroupChoices.approachAllPathwaysWords',
  },
];

const formatOptions: readonly Option<GroupFormat>[] = [
  { value: 'online', label: 'peerGroupChoices.formatOnline', words: 'peerGroupChoices.formatOnlineWords' },
  {
    value: 'inPerson',
    label: 'peerGroupChoices.formatInPerson',
    words: 'peerGroupChoices.formatInPersonWords',
  },
  { value: 'phone', label: 'peerGroupChoices.formatPhone', words: 'peerGroupChoices.formatPhoneWords' },
];

const medicationOptions: readonly Option<'required' | 'any'>[] = [
  {
    value: 'required',
    label: 'peerGroupChoices.medicationRequired',
    words: 'peerGroupChoices.medicationRequiredWords',
  },
  { value: 'any', label: 'peerGroupChoices.medicationAny', words: 'peerGroupChoices.medicationAnyWords' },
];

const noPreference: Option<'any'> = {
  value: 'any',
  label: 'peerGroupChoices.noPreference',
  words: 'peerGroupChoices.noPreferenceWords',
};
const anyTime: Option<'any'> = {
  value: 'any',
  label: 'peerGroupChoices.anyTime',
  words: 'peerGroupChoices.anyTimeWords',
};
const skip: Option<'any'> = {
  value: 'any',
  label: 'peerGroupChoices.skip',
  words: 'peerGroupChoices.skipWords',
};

/** The buttons of each question, in the order shown (numbers typed refer to this order). */
const optionsOf: Readonly<Record<Filter, readonly Option<string>[]>> = {
  focus: focusOptions,
  approach: [...approachOptions, noPreference],
  format: [...formatOptions, noPreference],
  when: [anyTime],
  place: [skip],
  medication: medicationOptions,
};

/** Which answer "change the format" or "a different time" is about: its cue words. */
const filterWords: Readonly<Record<Filter, StringKey>> = {
  focus: 'peerGroupChoices.focusFilterWords',
  approach: 'peerGroupChoices.approachFilterWords',
  format: 'peerGroupChoices.formatFilterWords',
  when: 'peerGroupChoices.whenFilterWords',
  place: 'peerGroupChoices.placeFilterWords',
  medication: 'peerGroupChoices.medicationFilterWords',
};

const daypartWords: Readonly<Record<Daypart, StringKey>> = {
  morning: 'peerGroupWhen.morningWords',
  afternoon: 'peerGroupWhen.afternoonWords',
  evening: 'peerGroupWhen.eveningWords',
  night: 'peerGroupWhen.nightWords',
};

const workweek = [1, 2, 3, 4, 5];
const weekend = [0, 6];

/** TIMEX parts of the day ("XXXX-WXX-6TMO" is Saturday morning). */
const timexParts: Readonly<Record<string, Daypart>> = {
  MO: 'morning',
  AF: 'afternoon',
  EV: 'evening',
  NI: 'night',
};

/**
 * Reads the finder's answers from what people type or tap: a button, its number, a synonym in a
 * sentence ("mostly drinking"), the recognizer's entities ("not religious" is secular, "zoom"
 * is online, "Saturday morning" a day and a part of the day), or a skip. All words are data in
 * resources/locales, so a second language needs no code.
 */
export class AnswerReader {
  constructor(private readonly strings: Strings) {}

  /** The buttons for `filter`; after misses, one more to skip the question. */
  choices(filter: Filter, offerSkip = false): Choice[] {
    const own = optionsOf[filter];
    const options = offerSkip && !own.includes(skip) ? [...own, skip] : own;
    return options.map((option) => this.choice(option));
  }

  /** A button with `label` that also answers to `words` (and to its own label). */
  choice(option: { value: string; label: StringKey; words?: StringKey }): Choice {
    const title = this.strings.text(option.label);
    return {
      value: option.value,
      action: { type: 'imBack', title, value: title },
      synonyms: [title, ...(option.words ? this.strings.variants(option.words) : [])],
    };
  }

  /** A button to change the answer to `filter`, also picked by its words ("the time", "city"). */
  changeChoice(filter: Filter, label: StringKey): Choice {
    return this.choice({ value: filter, label, words: filterWords[filter] });
  }

  /**
   * The answer to `filter` in `text` (as a one-field Preferences), or undefined when the text
   * answers something else or nothing. `recognition` is the recognizer's reading of `text`.
   */
  read(
    filter: Filter,
    text: string,
    recognition: WayfinderRecognition,
    numbered = false,
  ): Preferences | undefined {
    // "2" or "the second one", where the buttons were numbered: the button in that place.
    if (numbered) {
      const options = this.choices(filter, true).map(answerOptionOf);
      const pick = typedAnswerReader(this.strings).read(text, { options, numbered });
      if (pick?.how === 'position') return { [filter]: pick.value } as Preferences;
    }
    // The answer itself first: "any substance" and "any evening" are answers, not skips.
    const skipped = () => this.pick([noPreference, skip, anyTime], text) !== undefined;
    switch (filter) {
      case 'focus': {
        const focus = this.readFocus(text) ?? (skipped() ? 'any' : undefined);
        return focus && { focus };
      }
      case 'approach': {
        const approach =
          this.approachOf(text, recognition) ??
          this.pick(approachOptions, text) ??
          (skipped() ? 'any' : undefined);
        return approach && { approach };
      }
      case 'format': {
        const format =
          oneOrAny(this.formatsWanted(recognition, text).map((entity) => entity.value)) ??
          this.pick(formatOptions, text) ??
          (skipped() ? 'any' : undefined);
        return format && { format };
      }
      case 'when': {
        const when = this.readWhen(text, recognition) ?? (skipped() ? 'any' : undefined);
        return when && { when };
      }
      case 'place': {
        // Skips first here: "not sure" would read as a town's name.
        const place = skipped() ? 'any' : readPlace(text);
        return place && { place };
      }
      case 'medication': {
        const said = recognition.entities.boolean[0]?.value;
        const medication =
          this.pick(medicationOptions, text) ??
          this.medicationOf(text) ??
          (said === undefined ? undefined : said ? 'required' : 'any') ??
          (skipped() ? 'any' : undefined);
        return medication && { medication };
      }
    }
  }

  /**
   * Answers named in passing ("online, not 12 step, evenings, I'm on suboxone"): the kind of
   * group, the format, when, and medication taken for recovery. The person need not be asked them.
   */
  mentions(recognition: WayfinderRecognition, text: string): Preferences {
    const approach = this.approachOf(text, recognition);
    const folded = ` ${normalizeText(text)} `;
    // "remove the religious options" is read by the spell fixer as "remote": a format only where
    // its words were typed, when the message asks to leave something out.
    const removing = this.has(normalizeText(text), 'peerGroupChoices.removeWords');
    const formats = this.formatsWanted(recognition, text).filter(
      (entity) => !removing || folded.includes(` ${normalizeText(entity.text)} `),
    );
    const format = oneOrAny(formats.map((entity) => entity.value));
    // Only times that recur ("evenings", "Saturdays"): "I slipped last night" is no meeting time.
    const when = this.readWhen(text, recognition, true);
    const medication = this.medicationOf(text);
    return {
      ...(approach ? { approach } : {}),
      ...(format ? { format } : {}),
      ...(when ? { when } : {}),
      ...(medication ? { medication } : {}),
    };
  }

  /**
   * What the support is for, said again at the results ("its not just alcohol its pills
   * mostly"): a substance or mental health named, never family (a friend may be in a story).
   */
  focusSaid(text: string): Focus | undefined {
    const focus = this.readFocus(text);
    return focus === 'familyFriends' ? undefined : focus;
  }

  /**
   * The formats named as wanted: "in person if possible, i'm not great with video" is in person,
   * a format in a clause with "not" or "no" being one not wanted (notFocusWords, whole words).
   */
  private formatsWanted(recognition: WayfinderRecognition, text: string) {
    const refused = clausesOf(text)
      .map(normalizeText)
      .filter((clause) => this.has(clause, 'peerGroupChoices.notFocusWords'));
    return recognition.entities.groupFormat.filter(
      (entity) => !refused.some((clause) => ` ${clause} `.includes(` ${normalizeText(entity.text)} `)),
    );
  }

  /** What a first message already says (any time, "tonight" too), so it is not asked again. */
  prefill(recognition: WayfinderRecognition, text: string): Preferences {
    const when = this.readWhen(text, recognition);
    return { ...this.mentions(recognition, text), ...(when ? { when } : {}) };
  }

  /**
   * 'required' when the person says they take medication for recovery ("I'm on suboxone", "I
   * take methadone"): groups that turn such people away are left out without asking. A "not"
   * just before it ("I'm not on methadone") says nothing either way.
   */
  medicationOf(text: string): 'required' | undefined {
    const words = withoutQuestionMarks(text).split(' ');
    const said = this.strings.variants('peerGroupChoices.onMedicationWords').some((phrase) => {
      const at = indexOfPhrase(words, normalizeText(phrase).split(' '));
      if (at < 0) return false;
      const before = ` ${words.slice(Math.max(0, at - 3), at).join(' ')} `;
      return !this.strings
        .variants('peerGroupChoices.notOnMedicationWords')
        .some((cue) => before.includes(` ${normalizeText(cue)} `));
    });
    return said ? 'required' : undefined;
  }

  /**
   * The kind of group in `text`: "no god stuff" / "NOT faith based" first (secular: no religion,
   * and no higher power either, so it also keeps out 12-step; the recognizer would read "faith
   * based" in it), then "not 12 step" / "no AA" (any kind but 12-step), else the one kind the
   * recognizer found.
   */
  private approachOf(text: string, recognition: WayfinderRecognition): ApproachAnswer | 'any' | undefined {
    const folded = normalizeText(text);
    if (this.has(folded, 'peerGroupChoices.notFaithWords') || this.removesFaith(folded)) return 'secular';
    // "secular and not 12-step" (Janet, group B): secular keeps out religion, and 12-step with it.
    if (this.has(folded, 'peerGroupChoices.secularWords')) return 'secular';
    if (this.has(folded, 'peerGroupChoices.notTwelveStepWords')) return 'notTwelveStep';
    return oneOrAny(recognition.entities.groupApproach.map((entity) => entity.value));
  }

  /** "remove the religious options", "I do not want a religious program": faith named to leave it out. */
  private removesFaith(folded: string): boolean {
    const faith = this.strings.variants('peerGroupChoices.faithWords').map(normalizeText);
    const cues = this.strings.variants('peerGroupChoices.removeWords').map(normalizeText);
    const words = folded.split(' ');
    return words.some((_, at) => {
      const cue = cues.find((c) => ` ${words.slice(at).join(' ')} `.startsWith(` ${c} `));
      if (!cue) return false;
      // The faith word within four words after the cue ("remove all the religious ones").
      const from = at + cue.split(' ').length;
      const window = ` ${words.slice(from, from + 4).join(' ')} `;
      return faith.some((word) => window.includes(` ${word} `));
    });
  }

  /** The answer "change the format" or "different time" asks to change, if the text asks that. */
  changeRequest(text: string): Filter | undefined {
    const folded = normalizeText(text);
    if (!this.has(folded, 'peerGroupChoices.changeCues')) return undefined;
    return filters.find((filter) => this.has(folded, filterWords[filter]));
  }

  /** True when `text` opens with one of the phrases of `key`. */
  private opensWith(text: string, key: StringKey): boolean {
    const folded = `${normalizeText(text)} `;
    return this.strings.variants(key).some((phrase) => folded.startsWith(`${normalizeText(phrase)} `));
  }

  /** True when `folded` contains one of the phrases of `key`, as whole words. */
  has(folded: string, key: StringKey): boolean {
    return this.strings.variants(key).some((phrase) => ` ${folded} `.includes(` ${normalizeText(phrase)} `));
  }

  /** The one option `text` picks (button, number or synonym); undefined for none or several. */
  private pick<V extends string>(options: readonly Option<V>[], text: string): V | undefined {
    const choices = options.map((option) => answerOptionOf(this.choice(option)));
    const read = typedAnswerReader(this.strings).read(text, { options: choices });
    if (read) return options[read.index]?.value;
    const values = this.found(options, text);
    return values.length === 1 ? values[0] : undefined;
  }

  private found<V extends string>(options: readonly Option<V>[], text: string): V[] {
    const choices = options.map((option) => this.choice(option));
    const matches = recognizeChoices(text, choices, { allowPartialMatches: false });
    const values = matches.map((match) => options[match.resolution.index]?.value);
    return [...new Set(values.filter((value): value is V => value !== undefined))];
  }

  /**
   * One focus; two substances are any substance, a substance and mental health co-occurring. What
   * is said not to be it is left out: "depression. not drugs or alcohol" is mental health.
   */
  private readFocus(typed: string): Focus | undefined {
    const said = clausesOf(typed).filter(
      (clause) => !this.opensWith(clause, 'peerGroupChoices.notFocusWords'),
    );
    const text = said.length > 0 ? said.join('. ') : typed;
    // "pills mostly. and some drinking" names two: read together, before one of them is picked.
    const found = this.found(focusOptions, text);
    if (found.length <= 1) return this.pick(focusOptions, text) ?? found[0];
    const substance = found.some((f) => f === 'alcohol' || f === 'otherDrugs' || f === 'anySubstance');
    if (substance && found.includes('mentalHealth')) return 'coOccurring';
    return found.every((f) => f === 'alcohol' || f === 'otherDrugs' || f === 'anySubstance')
      ? 'anySubstance'
      : undefined;
  }

  /**
   * Days and parts of the day from the recognizer's dates and times ("Saturday morning",
   * "tonight", "this weekend", "7pm") and from words it leaves out ("weekdays", "after work").
   */
  private readWhen(text: string, recognition: WayfinderRecognition, recurringOnly = false): When | undefined {
    const days = new Set<number>();
    const parts = new Set<Daypart>();
    for (const entity of recognition.entities.datetime) {
      const timex = entity.timex;
      if (recurringOnly && /^\d{4}/.test(timex)) continue;
      const weekday = /W\d\d-([1-7])|WXX-([1-7])/.exec(timex);
      const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(timex);
      if (weekday) days.add(Number(weekday[1] ?? weekday[2]) % 7);
      else if (date)
        days.add(weekdayOf({ year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) }));
      if (/-WE$/.test(timex)) addAll(days, weekend);
      const part = /T(MO|AF|EV|NI)$/.exec(timex)?.[1];
      const hour = /T(\d{2})/.exec(timex)?.[1];
      if (part && timexParts[part]) parts.add(timexParts[part]);
      else if (hour) for (const p of daypartsOf(Number(hour))) parts.add(p);
    }
    const folded = normalizeText(text);
    if (this.has(folded, 'peerGroupWhen.weekdayWords')) addAll(days, workweek);
    if (this.has(folded, 'peerGroupWhen.weekendWords')) addAll(days, weekend);
    for (const part of dayparts) if (this.has(folded, daypartWords[part])) parts.add(part);
    if (days.size === 0 && parts.size === 0) return undefined;
    return { days: [...days].sort((a, b) => a - b), parts: [...parts] };
  }
}

/** Several different values named at once ("online or by phone") mean either will do. */
function oneOrAny<V extends string>(values: readonly V[]): V | 'any' | undefined {
  const distinct = new Set(values);
  return distinct.size === 0 ? undefined : distinct.size === 1 ? values[0] : 'any';
}

/**
 * A place to look near: a 5-digit ZIP code (ZIP+4 accepted), or a city with an optional state
 * ("Springfield", "Springfield, IL", "in Springfield IL"). Letters, spaces, periods, hyphens
 * and apostrophes only (at most four words), so nothing typed here can carry markup or links
 * into a reply.
 */
export function readPlace(text: string): Place | undefined {
  const trimmed = text.trim().replace(/^(in|near|around|close to)\s+/i, '');
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(trimmed);
  if (zip?.[1]) return { text: zip[1], zip: zip[1] };
  const city = /^(\p{L}[\p{L} .'-]{0,38}?)(?:,?\s+([A-Z]{2})|,\s*([A-Za-z]{2}))?$/u.exec(trimmed);
  const name = city?.[1]?.trim();
  if (!city || !name || name.split(/\s+/).length > 4) return undefined;
  const state = (city[2] ?? city[3])?.toUpperCase();
  return { text: state ? `${name}, ${state}` : name, city: name, ...(state ? { state } : {}) };
}

/** The text folded (normalizeText) with its question marks gone too: "suboxone?" is "suboxone". */
export function withoutQuestionMarks(text: string): string {
  return normalizeText(text.replace(/\?/g, ' '));
}

/** Where `phrase` (words) starts in `words`, or -1. */
function indexOfPhrase(words: readonly string[], phrase: readonly string[]): number {
  for (let at = 0; at + phrase.length <= words.length; at++) {
    if (phrase.every((word, i) => words[at + i] === word)) return at;
  }
  return -1;
}

function addAll<T>(set: Set<T>, values: readonly T[]): void {
  for (const value of values) set.add(value);
}
