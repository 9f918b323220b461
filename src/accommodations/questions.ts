import type { Choice } from 'botbuilder-dialogs';
import type { StringKey, Strings } from '../content/strings.js';
import { checkAnswer, correctionIn, type SideQuestion } from '../language/answer-check.js';
import { escapeText, spellOut } from '../language/free-text.js';
import type { WayfinderRecognition } from '../language/intents/index.js';
import { normalizeText } from '../language/normalize.js';
import { splitAtWords } from '../language/sentences.js';
import {
  type AnswerOption,
  answerOptionOf,
  foldAnswer,
  sentencesOf,
  typedAnswerReader,
} from '../language/typed-answer.js';
import { conditionFrom } from './conditions.js';
import { type AccommodationContent, ideasFor, settingIdeas, settingOf, whoFor } from './content.js';
import type { Draft } from './draft.js';
import {
  type BarrierId,
  barrierIds,
  type ConditionId,
  type DisclosureLevel,
  disclosureLevels,
  type Field,
  MAX_CHANGES,
  MAX_OWN_WORDS,
  type RequestFormat,
  requestFormats,
  type SettingId,
  settingIds,
} from './model.js';
import { narrowedRequest } from './narrow.js';

/** How one message answers the open question; an answer is the draft's new values. */
export type Parsed =
  /** `rewritten`: the letter will not say it in the words typed, so it is shown back. */
  | { kind: 'answer'; patch: Draft; rewritten?: true }
  | { kind: 'own' }
  | { kind: 'back' }
  | { kind: 'skip' }
  | { kind: 'tooLong' }
  | { kind: 'upset' }
  | { kind: 'question'; about: SideQuestion }
  | { kind: 'correction'; words: string }
  | { kind: 'miss' };

/** A question as sent: its words and its buttons. */
export interface Question {
  text: string;
  choices: Choice[];
}

/** Choice values that are not answers but moves. */
const OWN = 'own';
const SKIP = 'skip';
/** "I'd rather not say" at the condition question: the letter names nothing. */
const PRIVATE = 'private';

/** Fields whose free text is the person's own words (the rest need a button or a known word). */
/** Longer than this, a message at an own-words question is the person's words, not a button. */
const MAX_PICK_WORDS = 6;
const ownWordsFields: ReadonlySet<Field> = new Set(['barrier', 'idea', 'who', 'start']);

/** True when `value` is one of `ids` (a choice value read back from prompt state). */
function isOneOfIds<T extends string>(ids: readonly T[], value: string): value is T {
  return (ids as readonly string[]).includes(value);
}

/**
 * True for a message that holds no words: only symbols, a keyboard run ("asdfgh", "qwerty"),
 * or letters no language strings together ("sdkjfh"). A real but unexpected answer is not
 * nonsense; it is taken as the person's own words where the question allows them.
 */
export function looksLikeNonsense(text: string): boolean {
  const words = normalizeText(text)
    .split(' ')
    .filter((word) => /\p{L}/u.test(word));
  return words.length === 0 || words.every(isMash);
}

const keyboardRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function isMash(word: string): boolean {
  if (/(.)\1\1/.test(word)) return true;
  // Abbreviations people use (hr, ssi, ptsd) have no vowels but are short.
  if (word.length >= 5 && !/[aeiouy]/.test(word)) return true;
  return keyboardRows.some((row) => (word.length >= 4 && row.includes(word)) || hasRun(word, row, 5));
}

/** True when `word` contains `length` keys in a row of `row`, in order ("asdfg"). */
function hasRun(word: string, row: string, length: number): boolean {
  for (let i = 0; i + length <= row.length; i += 1) if (word.includes(row.slice(i, i + length))) return true;
  return false;
}

/**
 * The questions of an accommodation request: what each asks, its buttons, and how an answer is
 * read. Kept apart from the dialog so reading answers is testable without a conversation.
 */
export class AccommodationQuestions {
  constructor(
    private readonly strings: Strings,
    private readonly content: AccommodationContent,
  ) {}

  /** The question for `field`; `own` asks for the person's own words (no buttons). */
  ask(field: Field, draft: Draft, own: boolean): Question {
    const { strings } = this;
    if (own) {
      const key: StringKey =
        field === 'barrier'
          ? 'accommodation.askOwnBarrier'
          : field === 'idea'
            ? 'accommodation.askOwnIdea'
            : 'accommodation.askOwnWho';
      return { text: strings.text(key), choices: [] };
    }
    return { text: this.questionText(field, draft), choices: this.choices(field, draft) };
  }

  /** The re-ask after a miss: different words once, then an offer to skip (a Skip button). */
  retry(field: Field, question: Question, attempt: number): Question {
    const again: Record<Field, StringKey> = {
      setting: 'accommodation.askSettingAgain',
      barrier: 'accommodation.askBarrierAgain',
      idea: 'accommodation.askIdeaAgain',
      who: 'accommodation.askWhoAgain',
      format: 'accommodation.askFormatAgain',
      start: 'accommodation.askStartAgain',
      disclosure: 'accommodation.askDisclosureAgain',
      condition: 'accommodation.askConditionAgain',
    };
    const choices = question.choices.filter((choice) => choice.value !== SKIP);
    if (attempt <= 1) return { text: this.strings.text(again[field]), choices };
    return {
      text: `${this.strings.text('accommodation.offerSkip', {}, attempt - 2)} ${this.strings.text('answers.menuOrPerson')}`,
      choices: [...choices, this.choice(SKIP, 'accommodation.skip')],
    };
  }

  private questionText(field: Field, draft: Draft): string {
    const { strings } = this;
    switch (field) {
      case 'idea':
        return strings.text('accommodation.askIdea', {
          setting: strings.text(settingOf(this.content, draft.setting ?? 'other').label),
          barrier: this.barrierLabel(draft.barrier?.id ?? 'none'),
        });
      case 'disclosure':
        return strings.text('accommodation.askDisclosure', {
          levels: this.content.disclosure
            .map((level) =>
              strings.text('accommodation.levelLine', {
                label: strings.text(level.label),
                means: strings.text(level.means),
              }),
            )
            .join('\n'),
        });
      default: {
        const keys: Record<Exclude<Field, 'idea' | 'disclosure'>, StringKey> = {
          setting: 'accommodation.askSetting',
          barrier: 'accommodation.askBarrier',
          who: 'accommodation.askWho',
          format: 'accommodation.askFormat',
          start: 'accommodation.askStart',
          condition: 'accommodation.askCondition',
        };
        return strings.text(keys[field]);
      }
    }
  }

  /** The label of a barrier as the person saw it ("Treatment or meeting times"). */
  barrierLabel(id: BarrierId | 'none'): string {
    const barrier = this.content.barriers.find((entry) => entry.id === id);
    return this.strings.text(barrier?.label ?? 'accommodationBarriers.none');
  }

  /** The buttons for a field; values are ids, or "own" for "Something else". */
  choices(field: Field, draft: Draft): Choice[] {
    const { content } = this;
    const setting = draft.setting ?? 'other';
    switch (field) {
      case 'setting':
        return content.settings.map((entry) => this.choice(entry.id, entry.label, entry.words));
      case 'barrier':
        return content.barriers.map((entry) =>
          this.choice(entry.id === 'other' ? OWN : entry.id, entry.label),
        );
      case 'idea':
        return [
          ...ideasFor(content, setting, draft.barrier?.id ?? 'none').map((idea) =>
            this.choice(idea.id, idea.label, idea.words),
          ),
          this.choice(OWN, 'accommodation.somethingElse'),
        ];
      case 'who':
        return [
          ...whoFor(content, setting).map((who) => this.choice(who.id, who.label)),
          this.choice(OWN, 'accommodation.someoneElse'),
        ];
      case 'format':
        return [
          this.choice('email', 'accommodation.email', 'accommodation.emailWords'),
          this.choice('letter', 'accommodation.letter', 'accommodation.letterWords'),
        ];
      case 'start':
        return [this.choice('asap', 'accommodation.asap', 'accommodation.asapWords')];
      case 'disclosure': {
        const words: Record<string, StringKey> = {
          nothing: 'accommodation.nothingWords',
          general: 'accommodation.generalWords',
          specifics: 'accommodation.specificsWords',
        };
        return content.disclosure.map((level) => this.choice(level.id, level.label, words[level.id]));
      }
      case 'condition':
        return [
          this.choice('recovery', 'accommodation.conditionRecovery'),
          this.choice(PRIVATE, 'accommodation.conditionPrivate'),
        ];
    }
  }

  /** The changes that can be added to a request: the setting's ideas not asked for yet. */
  addChoices(draft: Draft): Choice[] {
    const { idea } = draft;
    const chosen = new Set([...(idea && 'id' in idea ? [idea.id] : []), ...(draft.also ?? [])]);
    return settingIdeas(this.content, draft.setting ?? 'other')
      .filter((idea) => !chosen.has(idea.id))
      .map((idea) => this.choice(idea.id, idea.label, idea.words));
  }

  /** The listed changes the request already asks for, as choices ("add the quiet room" when it is in). */
  chosenChoices(draft: Draft): Choice[] {
    const { idea } = draft;
    const chosen = new Set([...(idea && 'id' in idea ? [idea.id] : []), ...(draft.also ?? [])]);
    return settingIdeas(this.content, draft.setting ?? 'other')
      .filter((listed) => chosen.has(listed.id))
      .map((listed) => this.choice(listed.id, listed.label, listed.words));
  }

  /** True when the request can take one more change. */
  canAdd(draft: Draft): boolean {
    const count = (draft.idea && !('none' in draft.idea) ? 1 : 0) + (draft.also?.length ?? 0);
    return count < MAX_CHANGES && this.addChoices(draft).length > 0;
  }

  /**
   * Several changes in one answer ("1 and 3", "a later start and a quiet room", "both" where two
   * are offered): each part must pick a listed change, or it is not read as several.
   */
  several(
    text: string,
    choices: readonly Choice[],
    numbered: boolean,
    setting?: SettingId,
  ): string[] | undefined {
    const reader = typedAnswerReader(this.strings);
    const listed = choices.filter((choice) => choice.value !== OWN && choice.value !== SKIP);
    const options = listed.map(answerOptionOf);
    // A part may name a change the setting offers for another barrier ("and a quiet room").
    const others = setting
      ? settingIdeas(this.content, setting)
          .filter((idea) => !listed.some((choice) => choice.value === idea.id))
          .map((idea) => answerOptionOf(this.choice(idea.id, idea.label, idea.words)))
      : [];
    const folded = normalizeText(text);
    const both = this.strings.variants('accommodation.bothWords').map(normalizeText);
    if (listed.length === 2 && both.includes(folded)) return listed.map((choice) => choice.value);
    // "1 and 3 both": the "both" only says there are two.
    const bothAtEnd = new RegExp(`(?:^|\\s+)(?:${both.map(escapeText).join('|')})$`);
    // "extensions, like i said. maybe smaller steps too?": sentences are parts too.
    const parts = splitAtWords(text, ['and', 'plus', 'also'], ',.;:!?&+')
      .map((part) => this.withoutChat(part).replace(bothAtEnd, ''))
      .filter((part) => part.trim() !== '');
    if (parts.length < 2) return undefined;
    const picks = parts.map(
      (part) =>
        reader.read(part, { options, numbered: numbered || /^\d+$/.test(part.trim()) })?.value ??
        reader.read(part, { options: others })?.value,
    );
    if (picks.some((pick) => pick === undefined)) return undefined;
    const unique = [...new Set(picks as string[])];
    return unique.length >= 2 ? unique.slice(0, MAX_CHANGES) : undefined;
  }

  /**
   * "4 and a payment plan for the late rent": list numbers, then the person's own change. The
   * numbers are the listed changes they pick, never words in the letter.
   */
  private numberedThenOwn(text: string, choices: readonly Choice[]): Draft | undefined {
    // A connector must follow the numbers: "2 days off" is the person's words, not option 2.
    const match =
      /^\s*(\d+(?:\s*(?:,|&|\+|and)\s*\d+)*)\s*(?:,|&|\+|and|also|plus)\s*(?:also\s+)?(\p{L}.*)$/iu.exec(
        text,
      );
    if (!match) return undefined;
    const [, numbers = '', own = ''] = match;
    const options = choices
      .filter((choice) => choice.value !== OWN && choice.value !== SKIP)
      .map(answerOptionOf);
    const reader = typedAnswerReader(this.strings);
    const ids = (numbers.match(/\d+/g) ?? []).map(
      (number) => reader.read(number, { options, numbered: true })?.value,
    );
    const words = own.trim().replace(/[.!?\s]+$/, '');
    if (ids.length === 0 || ids.some((id) => id === undefined) || words.length > MAX_OWN_WORDS)
      return undefined;
    if (looksLikeNonsense(words)) return undefined;
    return { idea: { own: words }, also: [...new Set(ids as string[])].slice(0, MAX_CHANGES - 1) };
  }

  /** A change as named, folded, without the chat around it ("maybe smaller steps too" is "smaller steps"). */
  withoutChat(text: string): string {
    const chat = new RegExp(
      `(?<=^|\\s)(?:${this.strings
        .variants('accommodation.chatWords')
        .map((words) => escapeText(normalizeText(words)))
        .sort((a, b) => b.length - a.length)
        .join('|')})(?=\\s|$)`,
      'g',
    );
    return normalizeText(normalizeText(text).replace(chat, ' '));
  }

  private choice(value: string, label: StringKey, synonyms?: StringKey): Choice {
    const title = this.strings.text(label);
    return {
      value,
      action: { type: 'imBack', title, value: title },
      synonyms: [title, ...(synonyms ? this.strings.variants(synonyms) : [])],
    };
  }

  /** True when `text` picks one of the buttons of `field` (not the person's own words). */
  picks(field: Field, text: string, draft: Draft): boolean {
    const options = this.choices(field, draft).map(answerOptionOf);
    return typedAnswerReader(this.strings).read(text, { options }) !== undefined;
  }

  /**
   * Reads a message as the answer to `field`: "back" and "skip" first, then a button (its words
   * or its number), then free text as the field allows (a setting the recognizer found, a date,
   * the person's own words).
   */
  parse(field: Field, text: string, choices: readonly Choice[], turn: TurnFacts): Parsed {
    const reader = typedAnswerReader(this.strings);
    // "wait what no. back": a few words, then "back" (or "skip") as a sentence of its own.
    const [last = '', ...before] = sentencesOf(text).reverse();
    const ending = before.join(' ').split(/\s+/).length <= 4 ? reader.stepWord(last) : undefined;
    const stepWord = reader.stepWord(text) ?? ending;
    if (stepWord) return { kind: stepWord };
    // "I meant asking my counselor that. but ok, my supervisor": what follows "but ok" answers.
    const accepted = this.afterGivingIn(text);
    if (accepted) return this.parse(field, accepted, choices, turn);
    // "no I meant ...", "its the med doc not primary" at any question: the dialog finds which answer.
    const corrected = correctionIn(this.strings, text);
    if (corrected) return { kind: 'correction', words: corrected.words };
    // "tuesday afternoons off. I said that": only the answer is read, and only it can reach a letter.
    const meant = ownWordsFields.has(field) ? this.withoutAsides(text) : text;
    if (meant === text) return this.parseMeant(field, text, choices, turn);
    const parsed = this.parseMeant(field, meant, choices, turn);
    return parsed.kind === 'answer' && parsed.patch.idea ? { ...parsed, rewritten: true } : parsed;
  }

  /** The words after "but ok" or "ok fine" ("... but ok, my supervisor" is "my supervisor"), if any. */
  private afterGivingIn(text: string): string | undefined {
    const folded = ` ${foldAnswer(text)} `;
    const lead = this.strings
      .variants('accommodation.givingInLeads')
      .map(foldAnswer)
      .find((words) => folded.includes(` ${words} `));
    if (!lead) return undefined;
    const rest = folded.slice(folded.lastIndexOf(` ${lead} `) + lead.length + 2).trim();
    return rest === '' ? undefined : rest;
  }

  /**
   * The person's words without the sentences they said to us around them: "I said that", "I
   * alredy said", "both", "1 is close", and a question ("..., can i do both in one letter?").
   * A message that is all aside is left as it is, to be read for what it is.
   */
  withoutAsides(text: string): string {
    const asides = this.strings
      .variants('accommodation.asideSentenceWords')
      .map(foldAnswer)
      .sort((a, b) => b.length - a.length);
    const leftovers = new Set(this.strings.variants('accommodation.asideLeftoverWords').map(foldAnswer));
    // An aside is a sentence that, without its aside words, keeps only a number or a word like
    // "that" ("1 is close", "I said that"); "extensions, like i said" keeps its change.
    const aside = (sentence: string) => {
      const folded = ` ${foldAnswer(sentence)} `;
      const said = asides.find((words) => folded.includes(` ${words} `));
      const rest = said === undefined ? [] : folded.replace(` ${said} `, ' ').trim().split(/\s+/);
      return (
        said !== undefined && rest.every((word) => word === '' || /^\d+$/.test(word) || leftovers.has(word))
      );
    };
    const kept = sentencesOf(text)
      .map((sentence) => this.withoutQuestion(sentence))
      .filter((sentence) => sentence !== '' && !aside(sentence));
    const joined = kept.join(' ').trim();
    return joined === '' ? text : joined.replace(/[,;:\s]+$/, '');
  }

  /** A sentence without the question to us that ends it ("a dog, can i do both?" is "a dog"). */
  private withoutQuestion(sentence: string): string {
    const starts = this.strings.variants('accommodation.asideQuestionStarts').map(foldAnswer);
    const asks = (clause: string) =>
      starts.some((start) => ` ${foldAnswer(clause)} `.startsWith(` ${start} `));
    const clauses = sentence.split(',');
    const first = clauses.findIndex((clause) => asks(clause));
    if (first < 0 || !(sentence.trim().endsWith('?') || first > 0)) return sentence;
    return clauses.slice(0, first).join(',').trim();
  }

  /** `parse` for words already without their asides. */
  private parseMeant(field: Field, text: string, choices: readonly Choice[], turn: TurnFacts): Parsed {
    const reader = typedAnswerReader(this.strings);
    if (field === 'idea') {
      const [first, ...also] = this.several(text, choices, turn.numbered === true, turn.setting) ?? [];
      // Several changes are said back, so "did you get both?" is answered before it is asked.
      if (first)
        return this.narrowed({ kind: 'answer', patch: { idea: { id: first }, also }, rewritten: true }, text);
      const numbered = this.numberedThenOwn(text, choices);
      if (numbered) return { kind: 'answer', patch: numbered, rewritten: true };
    }
    if (field === 'barrier') {
      // "3 and also 4 i guess": the first named barrier is the letter's; list numbers are never own words.
      const [first] = this.several(text, choices, turn.numbered === true) ?? [];
      if (first) return this.picked(field, first);
    }
    const options = choices.map(answerOptionOf);
    // "disabilty services I think": the button meant, read without the chat around it.
    const pick =
      reader.read(text, { options, numbered: turn.numbered === true }) ??
      reader.read(this.withoutChat(text), { options });
    // Where a field takes the person's own words, a longer message is their words, not a loose pick.
    const loose = pick?.how === 'sentence' || pick?.how === 'words' || pick?.how === 'typo';
    const ownWords = ownWordsFields.has(field) && text.trim().split(/\s+/).length > MAX_PICK_WORDS;
    const picked = pick && !(loose && ownWords) ? pick : undefined;
    if (!picked) return this.fromText(field, text, turn, options);
    const parsed = this.picked(field, picked.value);
    if (field !== 'idea' || parsed.kind !== 'answer') return parsed;
    // "no. dog. emoshunal suport" is the listed change it names, said back in the letter's words;
    // a button's own words (typos too) or its number need no saying back.
    const label = options.find((option) => option.value === picked.value)?.label ?? '';
    const tapped = picked.how === 'position' || reader.saysLabel(text, label);
    return this.narrowed(tapped ? parsed : { ...parsed, rewritten: true }, text);
  }

  /**
   * A listed change the person narrowed ("extra time on tests only (not assignments)") becomes
   * their change in the letter's words without the part left out; otherwise it stays listed.
   */
  private narrowed(parsed: Parsed & { kind: 'answer' }, text: string): Parsed {
    const { idea, ...rest } = parsed.patch;
    const request = idea && 'id' in idea ? this.ideaRequest(idea.id) : undefined;
    const own = request && narrowedRequest(this.strings, request, text);
    return own ? { kind: 'answer', patch: { ...rest, idea: { own } }, rewritten: true } : parsed;
  }

  /** The request a listed change makes, as the letter words it. */
  ideaRequest(id: string): string | undefined {
    const request = this.content.ideas.find((entry) => entry.id === id)?.request;
    return request && this.strings.text(request);
  }

  /** A button picked: a move ("Something else", "Skip") or the answer it stands for. */
  private picked(field: Field, value: string): Parsed {
    if (value === OWN) return { kind: 'own' };
    if (value === SKIP) return { kind: 'skip' };
    return this.fromChoice(field, value);
  }

  /** A button's value as the answer to `field` (values are ids the content was checked for). */
  private fromChoice(field: Field, value: string): Parsed {
    const answer = (patch: Draft): Parsed => ({ kind: 'answer', patch });
    switch (field) {
      case 'setting':
        return isOneOfIds(settingIds, value) ? answer({ setting: value }) : { kind: 'miss' };
      case 'barrier':
        return isOneOfIds(barrierIds, value) ? answer({ barrier: { id: value } }) : { kind: 'miss' };
      case 'idea':
        return answer({ idea: { id: value } });
      case 'who':
        return answer({ who: { id: value } });
      case 'format':
        return isOneOfIds<RequestFormat>(requestFormats, value)
          ? answer({ format: value })
          : { kind: 'miss' };
      case 'start':
        return answer({ start: { asap: true } });
      case 'disclosure':
        return isOneOfIds<DisclosureLevel>(disclosureLevels, value)
          ? answer({ disclosure: value })
          : { kind: 'miss' };
      case 'condition':
        // Rather not say: the reason stays "a health condition", with nothing named.
        return value === PRIVATE ? answer({ disclosure: 'general' }) : answer({ condition: 'recovery' });
    }
  }

  /**
   * Free text: a setting or date the recognizer found, or the person's own words where allowed,
   * read first for what they are (answer-check.ts): "yea" or "idk" is no answer, "1 is fine" is
   * the first button, "this is useless" is frustration, never words for a letter.
   */
  private fromText(field: Field, text: string, turn: TurnFacts, options: readonly AnswerOption[]): Parsed {
    const answer = (patch: Draft): Parsed => ({ kind: 'answer', patch });
    if (field === 'setting') {
      const setting = settingFrom(turn.recognition);
      return setting ? answer({ setting }) : { kind: 'miss' };
    }
    if (field === 'start') {
      const date = dateFrom(turn.recognition, turn.today);
      if (date) return answer({ start: { date } });
    }
    if (field === 'disclosure' || field === 'condition') return this.conditionAnswer(field, text, options);
    if (!ownWordsFields.has(field)) return { kind: 'miss' };
    const words = text.trim().replace(/\s+/g, ' ');
    if (words.length > MAX_OWN_WORDS) return { kind: 'tooLong' };
    if (looksLikeNonsense(words)) return { kind: 'miss' };
    // "1 and 3 lol both" where those numbers pick nothing: list numbers, never a name or a change.
    if (/^[\d\s]*$/.test(this.withoutChat(words).replace(/\b(?:and|or|also|both)\b/g, ' ')))
      return { kind: 'miss' };
    const checked = checkAnswer(this.strings, words, { options });
    switch (checked.kind) {
      case 'pick':
        return this.picked(field, checked.pick.value);
      case 'empty':
        return { kind: 'miss' };
      case 'upset':
      case 'question':
        return checked;
      case 'correction':
        return { kind: 'correction', words: checked.words };
    }
    // What goes into the letter is what was meant: "idk the disability office i guess?" is "the disability office".
    // "no. extensions" at the change: a yes or no before the words answers the list, not the letter.
    const own = field === 'idea' ? this.withoutYesOrNo(checked.words) : checked.words;
    switch (field) {
      case 'barrier':
        return answer({
          barrier: this.barrierWithWords(words, own),
          ...this.namedIn(words),
        });
      case 'start':
        // A date was found but it has passed: ask again rather than put it in a letter.
        return turn.recognition?.entities.datetime.some((d) => d.value)
          ? { kind: 'miss' }
          : answer({ start: { words: own } });
      case 'idea':
        return { kind: 'answer', patch: { idea: { own } }, ...(own === words ? {} : { rewritten: true }) };
      default:
        // "2. mike": a name typed alone is written as a name.
        return answer({ who: { own: /^\p{Ll}+$/u.test(own) ? own[0]?.toUpperCase() + own.slice(1) : own } });
    }
  }

  /** The words after a first sentence that is only yes or no ("no. a later start"). */
  private withoutYesOrNo(words: string): string {
    const [first = '', ...rest] = sentencesOf(words);
    const reader = typedAnswerReader(this.strings);
    const only = rest.length > 0 && first.split(/\s+/).length <= 2 && reader.yesOrNo(first) !== undefined;
    return only ? rest.join(' ') : words;
  }

  /**
   * "ADHD" or "say I'm in recovery" at the disclosure question shares specifics and names it;
   * at the condition question the person's words are mapped to a plain name ("a health
   * condition" when they name none we know), and "I'd rather not say" names nothing.
   */
  private conditionAnswer(
    field: 'disclosure' | 'condition',
    text: string,
    options: readonly AnswerOption[],
  ): Parsed {
    const answer = (patch: Draft): Parsed => ({ kind: 'answer', patch });
    if (looksLikeNonsense(text)) return { kind: 'miss' };
    const named = conditionFrom(this.strings, text);
    if (field === 'disclosure') {
      if (named === 'health') return answer({ disclosure: 'general' });
      return named && named !== 'private'
        ? answer({ disclosure: 'specifics', condition: named })
        : { kind: 'miss' };
    }
    if (named === 'private') return answer({ disclosure: 'general' });
    if (named) return answer({ condition: named });
    const checked = checkAnswer(this.strings, text, { options });
    if (checked.kind === 'upset' || checked.kind === 'question') return checked;
    return checked.kind === 'words' ? answer({ condition: 'health' }) : { kind: 'miss' };
  }

  /**
   * What a first message says beyond the setting and barrier ("i need a later start on thursdays",
   * "ask my landlord about my dog"): the listed changes it names, in the order said, and who it
   * goes to. A change or a person found in one setting only says where, too.
   */
  firstMessage(text: string, setting: SettingId | undefined): FirstMessage {
    const spelled = ` ${normalizeText(spellOut(text, this.strings.variants('accommodationLetter.letterSpellings')))} `;
    // Where each entry's words are said, and the longest of them ("property manager" over "manager").
    const found = <T extends { label: StringKey; words?: StringKey | undefined }>(entries: readonly T[]) =>
      entries.flatMap((entry) => {
        const hits = [entry.label, ...(entry.words ? this.strings.variants(entry.words) : [])]
          .map((words) => normalizeText(words))
          .map((words) => ({ at: spelled.indexOf(` ${words} `), size: words.length }))
          .filter((hit) => hit.at >= 0);
        if (hits.length === 0) return [];
        return [
          {
            entry,
            at: Math.min(...hits.map((hit) => hit.at)),
            size: Math.max(...hits.map((hit) => hit.size)),
          },
        ];
      });
    const ideas = found(this.content.ideas).sort((a, b) => a.at - b.at);
    const people = found(this.content.who);
    const longest = Math.max(0, ...people.map((hit) => hit.size));
    const named = people.filter((hit) => hit.size === longest);
    const places = [
      ...ideas.map((hit) => settingIds.filter((id) => settingIdeas(this.content, id).includes(hit.entry))),
      ...named.map((hit) => settingIds.filter((id) => whoFor(this.content, id).includes(hit.entry))),
    ];
    const common = places.length > 0 ? places.reduce((a, b) => a.filter((id) => b.includes(id))) : [];
    const where = setting ?? (common.length === 1 ? common[0] : undefined);
    if (!where) return { changes: [] };
    const who = named.filter((hit) => whoFor(this.content, where).includes(hit.entry));
    return {
      ...(setting ? {} : { setting: where }),
      changes: ideas
        .filter((hit) => settingIdeas(this.content, where).includes(hit.entry))
        .map((hit) => hit.entry.id)
        .slice(0, MAX_CHANGES),
      ...(who.length === 1 && who[0] ? { who: who[0].entry.id } : {}),
    };
  }

  /** A condition named in the person's words, kept (as its id) so "specifics" need not ask it. */
  namedIn(text: string): { condition?: ConditionId } {
    const named = conditionFrom(this.strings, text);
    return named && named !== 'private' && named !== 'health' ? { condition: named } : {};
  }

  /**
   * The barrier `text` names, by the words each barrier lists: the one named most, the first
   * named on a tie ("later start because of my clinic" is treatment or meeting times).
   */
  /**
   * The barrier typed, with the words that say more than the letter's own sentence for it:
   * "focus. i have adhd" says only the barrier ("focus") and the condition (named at "what I
   * share"), so nothing of it is quoted as "In my own words" (people9, Tyler).
   */
  private barrierWithWords(words: string, own: string): { id: BarrierId; words?: string } {
    const id = this.barrierFrom(words) ?? 'other';
    const more = sentencesOf(own).filter((sentence) => {
      const short = sentence.split(/\s+/).length <= 4;
      const onlyNames =
        this.namedIn(sentence).condition !== undefined || this.barrierFrom(sentence) !== undefined;
      return !(short && onlyNames);
    });
    return id !== 'other' && more.length === 0 ? { id } : { id, words: own };
  }

  barrierFrom(text: string): BarrierId | undefined {
    const folded = ` ${normalizeText(text)} `;
    let best: { id: BarrierId; count: number; first: number } | undefined;
    for (const barrier of this.content.barriers) {
      if (!barrier.words) continue;
      const hits = this.strings
        .variants(barrier.words)
        .map((word) => folded.indexOf(` ${normalizeText(word)} `))
        .filter((at) => at >= 0);
      if (hits.length === 0) continue;
      const candidate = { id: barrier.id, count: hits.length, first: Math.min(...hits) };
      if (
        !best ||
        candidate.count > best.count ||
        (candidate.count === best.count && candidate.first < best.first)
      ) {
        best = candidate;
      }
    }
    return best?.id;
  }
}

/** What a first message names beyond the setting and barrier: its changes (ids) and who is asked. */
export interface FirstMessage {
  setting?: SettingId;
  changes: string[];
  who?: string;
}

/** What the turn knows besides the text: the recognizer's reading and the person's day. */
export interface TurnFacts {
  recognition?: WayfinderRecognition | undefined;
  /** The person's calendar day (YYYY-MM-DD), so a start date in the past is not accepted. */
  today: string;
  /** The buttons were shown with numbers, so "2" picks the second. */
  numbered?: boolean;
  /** Where the change is needed, so a second change may be any the setting offers. */
  setting?: SettingId | undefined;
}

/**
 * The setting the recognizer found. Health words often say why ("my clinic", "my therapist")
 * rather than where: when another setting is named too, that one is the setting. Two other
 * places ("at work or school") are a question, not an answer, so none is taken.
 */
export function settingFrom(recognition: WayfinderRecognition | undefined): SettingId | undefined {
  const found = [
    ...new Set((recognition?.entities.accommodationSetting ?? []).map((entity) => entity.value)),
  ];
  const places = found.length > 1 ? found.filter((value) => value !== 'healthcare') : found;
  return places.length === 1 ? places[0] : undefined;
}

/** True for a date the recognizer found, not a time of day, a length of time or "every Thursday". */
export function namesADay(entity: WayfinderRecognition['entities']['datetime'][number]): boolean {
  return (
    entity.kind !== 'time' &&
    entity.kind !== 'timerange' &&
    entity.kind !== 'duration' &&
    entity.kind !== 'set'
  );
}

/** A start date the recognizer found, today or later, as YYYY-MM-DD in the person's calendar. */
export function dateFrom(recognition: WayfinderRecognition | undefined, today: string): string | undefined {
  const dated = (recognition?.entities.datetime ?? []).filter(namesADay);
  const day = dated.find((entity) => entity.value)?.value?.local.slice(0, 10);
  return day && day >= today ? day : undefined;
}
