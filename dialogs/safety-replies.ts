import type { Choice } from 'botbuilder-dialogs';
import type { SpanishStrings } from '../src/content/content.js';
import { crisisLinesText } from '../src/content/crisis-lines.js';
import type { CrisisResource } from '../src/content/crisis-resources.js';
import type { SectionKey, Strings } from '../src/content/strings.js';
import { isExplainedFarewell } from '../src/language/farewell.js';
import { normalizeText } from '../src/language/normalize.js';
import { sentencesOf } from '../src/language/typed-answer.js';

/** The language of a safety reply: Spanish when the person wrote in Spanish. */
export type SafetyLanguage = 'en' | 'es';

/** A safety string: every one has its Spanish translation (checked at start). */
type SafetyKey = SectionKey<'safety'>;

/** A concern reply that opens with words for what happened instead of the usual acknowledgement. */
export type ConcernOpening = 'safety.usingAgain' | 'safety.aftermath';

/** A button of a safety reply: what pressing it means, its label, and other words that pick it. */
export type SafetyButton<V extends string> = readonly [value: V, label: SafetyKey, words?: SafetyKey];

/** Folds an answer to words, with "?" as a word of its own ("no?" is not a clear no). */
function wordsOf(text: string): string {
  return ` ${normalizeText(text).replace(/\?/g, ' ? ')} `.replace(/\s+/g, ' ');
}

/**
 * A question to the bot after the answer ("No, I'm safe. Why do you keep asking me that?") is no
 * doubt about the answer: its question mark is dropped. The first sentence keeps its own ("no?").
 */
function withoutLaterQuestionsToUs(text: string): string {
  const [first = '', ...rest] = sentencesOf(text);
  const toUs = (sentence: string) => /\?\s*$/.test(sentence) && /\b(you|u)\b/i.test(sentence);
  return [
    first,
    ...rest.map((sentence) => (toUs(sentence) ? sentence.replace(/\?+\s*$/, '') : sentence)),
  ].join(' ');
}

/**
 * "im ok right now tho", "not in danger or anything", in English (what it is said with, a safety
 * plan, is English), with no word of doubt.
 */
export function saysSafeNow(english: Strings, text: string): boolean {
  const words = wordsOf(text);
  const says = (key: SafetyKey) => english.variants(key).some((phrase) => words.includes(wordsOf(phrase)));
  return says('safety.safeNowWords') && !says('safety.notClearNo');
}

/**
 * Every sentence of the safety replies, in English or in Spanish. Kept apart from the dialog so
 * the dialog reads as what happens when, and a test can check every Spanish line is there.
 */
export class SafetyReplies {
  constructor(
    private readonly english: Strings,
    private readonly spanish: SpanishStrings,
    private readonly lines: readonly CrisisResource[],
  ) {}

  /** One safety string in `language`, variant `variant` (wrapping). */
  text(language: SafetyLanguage, key: SafetyKey, variant = 0): string {
    return language === 'es' ? this.spanish.text(key, {}, variant) : this.english.text(key, {}, variant);
  }

  /**
   * The first reply to danger. An overdose: 911 first, the overdose steps, don't stay or use
   * alone; whether it was on purpose changes nothing. Otherwise: 911, a person now (988), one
   * safety step, then the crisis lines. In Spanish, the Spanish options and a note that the
   * rest of the coach is in English and that a person is available.
   */
  danger(language: SafetyLanguage, overdose: boolean): string[] {
    const say = (key: SafetyKey) => this.text(language, key);
    const first = overdose
      ? [say('safety.overdoseNow'), say('safety.stepOverdose'), say('safety.overdoseSelf')]
      : [
          say('safety.dangerIntro'),
          say('safety.callNow'),
          say('safety.personNow'),
          say('safety.stepGeneral'),
        ];
    if (language === 'es') return [first.join('\n\n'), this.spanish.text('safety.englishOnly')];
    return overdose ? [first.join('\n\n')] : [first.join('\n\n'), this.linesText(language)];
  }

  /** A second danger message in a row: shorter than the first reply, and never the same twice. */
  again(language: SafetyLanguage, overdose: boolean, round: number): string {
    if (!overdose) return this.text(language, 'safety.dangerAgain', round);
    return `${this.text(language, 'safety.overdoseAgain', round)}\n\n${this.text(language, 'safety.stepOverdose')}`;
  }

  /**
   * The concern reply: acknowledged once (the variant follows the message, so two people are not
   * met with one sentence) with a person offered; a second one in a row is shorter and different.
   */
  concern(language: SafetyLanguage, round: number, variant: number, opening?: ConcernOpening): string {
    if (opening === 'safety.usingAgain')
      return this.withEnglishNote(language, [this.text(language, opening)]);
    if (round > 0) return this.text(language, 'safety.concernAgain', round - 1);
    const parts = [
      this.text(language, opening ?? 'safety.concernIntro', variant),
      this.text(language, 'safety.concernAsk'),
    ];
    return this.withEnglishNote(language, parts);
  }

  /** In Spanish, the note that the rest of the coach is in English (and a person is available). */
  private withEnglishNote(language: SafetyLanguage, parts: string[]): string {
    return (language === 'es' ? [...parts, this.spanish.text('safety.englishOnly')] : parts).join('\n\n');
  }

  /**
   * The concern reply when the message also asked for something: acknowledged (shorter after a
   * first one) with a person offered, no question, since what was asked for starts next.
   */
  concernCarried(language: SafetyLanguage, round: number, variant: number, opening?: ConcernOpening): string {
    // Using again: the line offers a group, the helpline and a person itself; the request follows.
    if (opening === 'safety.usingAgain') return this.text(language, opening);
    if (round > 0) return this.text(language, 'safety.concernAgain', round - 1);
    return `${this.text(language, opening ?? 'safety.concernIntro', variant)}\n\n${this.text(language, 'safety.concernCarry')}`;
  }

  /** The crisis lines: the verified list in English, the Spanish options in Spanish. */
  linesText(language: SafetyLanguage): string {
    return language === 'es' ? this.spanish.text('safety.lines') : crisisLinesText(this.english, this.lines);
  }

  /** Buttons; after a Spanish reply they carry both languages, so the English flow still works. */
  choices<V extends string>(language: SafetyLanguage, buttons: readonly SafetyButton<V>[]): Choice[] {
    return buttons.map(([value, label, words]) => {
      const english = this.english.text(label);
      const title = language === 'es' ? `${this.spanish.text(label)} / ${english}` : english;
      const typed = words ? [...this.english.variants(words), ...this.spanish.variants(words)] : [];
      return {
        value,
        action: { type: 'imBack', title, value: title },
        synonyms: [title, english, this.spanish.text(label), ...typed],
      };
    });
  }

  /**
   * True only for a clear "no" to the check-in, in either language: it starts with a no ("no",
   * "nope", "I'm safe", "estoy bien") and has no word of doubt ("not sure", "but", "no idea",
   * "not ok", "?"). Anything else (yes, "idk", "kind of", "...", an emoji, silence) is not.
   * "I was simply saying goodbye" is a no too: the check-in came after a goodbye it misread.
   */
  isClearNo(text: string): boolean {
    const words = this.withoutEmphasis(this.withoutOpeners(wordsOf(withoutLaterQuestionsToUs(text))));
    const startsNo = this.phrases('safety.clearNo').some((no) => words.startsWith(no));
    const no = startsNo || this.saysSafe(words) || isExplainedFarewell(this.english, text);
    return no && !this.doubts(words);
  }

  /**
   * True when the person says they are safe right now ("I'm safe now", "estoy a salvo"), with no
   * word of doubt: only then is a safety plan offered after a crisis or concern reply.
   */
  isSafeNow(text: string): boolean {
    const words = this.withoutOpeners(wordsOf(text));
    return this.saysSafe(words) && !this.doubts(words);
  }

  /**
   * "I am not in any danger. I said I am safe.", "i told you im fine": after a danger reply, the
   * person says again that they were safe all along (not "safe now"), with no word of doubt.
   */
  isSafeRestated(text: string): boolean {
    const words = this.withoutOpeners(wordsOf(text));
    return this.mentions('safety.safeRestatedWords', text) && !this.doubts(words);
  }

  /**
   * "I am safe" anywhere in the answer ("Oh no, nothing like that. I am safe, thank you"): people
   * open with "goodness" or "honestly" and thank the bot after it, and the statement still stands.
   */
  private saysSafe(words: string): boolean {
    return this.phrases('safety.safeNowWords').some((phrase) => words.includes(phrase));
  }

  private doubts(words: string): boolean {
    return this.phrases('safety.notClearNo').some((doubt) => words.includes(doubt));
  }

  /**
   * "no?? im safe", "no lol im fine": a no, then "?" or a laugh, then words that say safe is an
   * emphatic no; "no?" alone or "no? maybe" keeps its doubt.
   */
  private withoutEmphasis(words: string): string {
    const emphatic = /^ (no|nope|nah)(?: (?:\?|lol|haha|lmao))+ /.exec(words);
    if (!emphatic) return words;
    const after = ` ${words.slice(emphatic[0].length)}`;
    const safe = this.saysSafe(after) || this.phrases('safety.clearNo').some((no) => after.startsWith(no));
    return safe ? ` ${emphatic[1]}${after}` : words;
  }

  /** "goodness, no", "what?? no", "honestly no": the opener (and its "??") is not the answer. */
  private withoutOpeners(words: string): string {
    const openers = this.phrases('safety.answerOpeners');
    let rest = words;
    for (
      let opener = openers.find((o) => rest.startsWith(o));
      opener;
      opener = openers.find((o) => rest.startsWith(o))
    )
      rest = ` ${rest.slice(opener.length).trimStart()}`.replace(/^( \?)+/, '');
    return rest;
  }

  /**
   * True when the person says help has come during an overdose ("ems is here", "they gave her
   * narcan, she's awake") and no word says the danger goes on ("...but he's still not breathing",
   * "?"): only then do the overdose steps give way to what comes next.
   */
  isHelpCame(text: string): boolean {
    // "hes breathing weird" names breathing, but as a sign of the overdose, not of help come.
    const signs =
      this.mentions('safety.breathingWords', text) ||
      this.mentions('safety.noResponseWords', text) ||
      this.mentions('safety.denialDoubtWords', text);
    return (
      this.mentions('safety.helpCameWords', text) &&
      !signs &&
      !this.isStillDanger(text) &&
      !this.isHelpComing(text)
    );
  }

  /** "called 911 theyre coming", "theyre not here yet": help is on its way, not there. */
  isHelpComing(text: string): boolean {
    return this.mentions('safety.helpComingWords', text);
  }

  /** "gave the second one. hes kinda moaning now": a sign of response, with no word of danger. */
  isResponding(text: string): boolean {
    return this.mentions('safety.respondingWords', text) && !this.isStillDanger(text);
  }

  /** "i have narcan. do i spray it now??": asked, so the answer is yes, first. */
  isNaloxoneQuestion(text: string): boolean {
    return this.mentions('safety.naloxoneNowWords', text) && this.mentions('safety.askWords', text);
  }

  /**
   * "no one overdosed. i was practicing", "no its not happening now lol i mean next time": the
   * overdose reply misread them. A sign named with it ("not happening now, he's still not
   * breathing") keeps the emergency.
   */
  isOverdoseDenied(text: string): boolean {
    const signs =
      this.mentions('safety.breathingWords', text) ||
      this.mentions('safety.noResponseWords', text) ||
      this.mentions('safety.denialDoubtWords', text);
    return this.mentions('safety.overdoseDeniedWords', text) && !signs;
  }

  /** "still", "breathing kinda slow", "?": the danger goes on, whatever else was said. */
  private isStillDanger(text: string): boolean {
    return this.mentions('safety.stillDangerWords', text);
  }

  /** "should i call?", "didnt call yet": after the overdose steps, the answer is yes, first. */
  isCallQuestion(text: string): boolean {
    return this.mentions('safety.callQuestionWords', text);
  }

  /** "will he od again when it wears off?": the answer is the fact the steps end with. */
  isWearOffQuestion(text: string): boolean {
    return this.mentions('safety.wearOffWords', text);
  }

  /** Help has come: stay with them or go with the medics, then a person and the safety plan. */
  helpCame(language: SafetyLanguage): string {
    return `${this.text(language, 'safety.helpCame')}\n\n${this.text(language, 'safety.helpCameAfter')}`;
  }

  /** "should i do the second one": after the overdose steps, a question about another dose of naloxone. */
  isSecondDoseQuestion(text: string): boolean {
    // Asked, not told: "ok did the second one. hes coughing" is news, not a question.
    return this.mentions('safety.secondDoseWords', text) && this.mentions('safety.askWords', text);
  }

  /** "will i get in trouble if i call? theres stuff here": the fear that keeps people from calling. */
  isTroubleQuestion(text: string): boolean {
    return this.mentions('safety.troubleWords', text);
  }

  /** "what do i do", "steps again", "qué hago": mid-overdose, the whole steps are asked for. */
  isStepsAsked(text: string): boolean {
    return this.mentions('safety.overdoseStepsWords', text);
  }

  /**
   * Mid-overdose, after the steps: the one line that answers what was said, if one does ("i cant
   * find the narcan", "hes breathing weird", "my phone is at 2%", "i dont know his address", "is
   * he gonna die"). Most specific first: no naloxone at hand changes what the others would say,
   * and a sign named with the fear ("he wont wake up, is he gonna die") gets its step.
   */
  overdoseAnswer(text: string): SafetyKey | undefined {
    const answers: readonly (readonly [words: SafetyKey, reply: SafetyKey])[] = [
      ['safety.noNaloxoneWords', 'safety.noNaloxone'],
      ['safety.noResponseWords', 'safety.noResponse'],
      ['safety.breathingWords', 'safety.breathingSigns'],
      ['safety.phoneWords', 'safety.phoneLow'],
      ['safety.addressWords', 'safety.noAddress'],
      // No one can promise; the honest answer is what gives them the best chance.
      ['safety.survivalWords', 'safety.survival'],
    ];
    return answers.find(([words]) => this.mentions(words, text))?.[1];
  }

  /**
   * Mid-overdose, after the steps, what nothing else answers: a question ("should i give him
   * water", "can i put him in the shower") goes to the 911 dispatcher, since the sources say no
   * more; anything else ("ok") gets the essentials in one line, in new words each time.
   */
  overdoseLine(language: SafetyLanguage, text: string, round: number): string {
    if (this.mentions('safety.askWords', text)) return this.text(language, 'safety.askDispatcher', round);
    return this.text(language, 'safety.overdoseShort', round);
  }

  /** "I've been using again", "i relapsed too": said, not feared ("scared I'll start using again"). */
  isUsingAgain(text: string): boolean {
    return this.mentions('safety.usingAgainWords', text);
  }

  /** "What made you ask that?" after the check-in: the person is owed a short reason. */
  isWhyAsked(text: string): boolean {
    return this.mentions('safety.whyAskedWords', text);
  }

  /** True when the whole answer is a yes ("yes", "sure", "sí"), in either language. */
  isClearYes(text: string): boolean {
    return this.phrases('safety.clearYes').includes(wordsOf(text));
  }

  /** True when `text` says one of the phrases of `key`, in either language. */
  private mentions(key: SafetyKey, text: string): boolean {
    const words = wordsOf(text);
    return this.phrases(key).some((phrase) => words.includes(phrase));
  }

  /** A list of words in both languages, folded as answers are. */
  private phrases(key: SafetyKey): string[] {
    return [...this.english.variants(key), ...this.spanish.variants(key)].map(wordsOf);
  }
}
