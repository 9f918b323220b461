import type { StringKey, Strings } from '../content/strings.js';
import { phrase, spellOut } from '../language/free-text.js';
import { conditionPhrase } from './conditions.js';
import { type AccommodationContent, levelOf, settingOf } from './content.js';
import { addDays, sayDay } from './dates.js';
import type { RequestAnswers, TermKind } from './model.js';
import { appliesTo, sourcedText } from './rights.js';
import { DisclosureTerms } from './terms.js';

/** Answers of the person's own that a letter left out, because they say more than was chosen. */
export type LeftOutPart = 'barrier' | 'idea' | 'who' | 'start';

/** Everything a finished request produces, as plain text (cards and messages render it). */
export interface BuiltRequest {
  /** The answers the request is built from, own words beyond the disclosure level removed. */
  answers: RequestAnswers;
  /** The email or letter, paragraph by paragraph. */
  letter: string[];
  /** What to say in about 30 seconds. */
  spoken: string;
  /** What happens next: the process, documentation, copies, dates. */
  nextSteps: string[];
  leftOut: LeftOutPart[];
}

/**
 * What practice needs to rehearse a saved request: words that may name who it goes to (the
 * person's own, the setting, the listed role), what it asks for and why, at the level shared.
 */
export interface RequestToPractice {
  counterparts: string[];
  request: string;
  reason?: string;
}

/** How many days after asking the letter proposes to talk (and the person should follow up). */
export const FOLLOW_UP_DAYS = 7;

/**
 * Builds the request from the answers: pure, so every disclosure level can be tested for
 * saying exactly what it allows. Own words go in only where they fit the chosen level; the
 * barrier in the person's own words appears only at "specifics".
 */
export class RequestBuilder {
  private readonly terms: DisclosureTerms;

  constructor(
    private readonly strings: Strings,
    private readonly content: AccommodationContent,
  ) {
    this.terms = DisclosureTerms.from(strings);
  }

  /** Builds the request as asked on `askedOn` (the person's calendar day, YYYY-MM-DD). */
  build(given: RequestAnswers, askedOn: string): BuiltRequest {
    const { answers, leftOut } = this.fitToLevel(given);
    return {
      answers,
      letter: this.letter(answers, askedOn),
      spoken: this.spoken(answers),
      nextSteps: this.nextSteps(answers, askedOn),
      leftOut,
    };
  }

  /** Writes out the person's words (spelledOut), then removes those the chosen level does not allow; notes what was removed. */
  fitToLevel(typed: RequestAnswers): { answers: RequestAnswers; leftOut: LeftOutPart[] } {
    const given = this.spelledOut(typed);
    const { condition: _condition, ...rest } = given;
    const specifics = given.disclosure === 'specifics';
    const allows = this.allows(given);
    const fits = (text: string) => this.terms.fits(text, allows);
    const leftOut: LeftOutPart[] = [];
    // What was named is kept only where the letter names it.
    const answers: RequestAnswers = {
      ...rest,
      ...(specifics ? { condition: given.condition ?? 'health' } : {}),
      barrier: specifics ? given.barrier : { id: given.barrier.id },
    };
    if (specifics && given.barrier.words && !fits(given.barrier.words)) {
      answers.barrier = { id: given.barrier.id };
      leftOut.push('barrier');
    }
    if ('own' in given.idea && !fits(given.idea.own)) {
      answers.idea = { none: true };
      leftOut.push('idea');
    }
    if ('own' in given.who && !fits(given.who.own)) {
      answers.who = { none: true };
      leftOut.push('who');
    }
    if ('words' in given.start && !fits(given.start.words)) {
      answers.start = { asap: true };
      leftOut.push('start');
    }
    return { answers, leftOut };
  }

  /**
   * The person's words as a letter to an employer or landlord needs them: texting shorthand
   * written out and plain misspellings of common words corrected ("suport anmal dog" is "support
   * animal dog"), from a short list in the locale; any word not on it (a name, a medication) stays
   * as typed; the change asked for without the chat around it ("none of those really, i need").
   * The review shows the letter built from these, so the person sees every change.
   */
  private spelledOut(answers: RequestAnswers): RequestAnswers {
    const lines = this.strings.variants('accommodationLetter.letterSpellings');
    const spell = (words: string) => spellOut(words, lines);
    const { barrier, idea, who, start } = answers;
    return {
      ...answers,
      barrier: barrier.words ? { ...barrier, words: spell(barrier.words) } : barrier,
      idea: 'own' in idea ? { own: this.ownRequest(idea.own) } : idea,
      who: 'own' in who ? { own: spell(who.own) } : who,
      start: 'words' in start ? { words: spell(start.words) } : start,
    };
  }

  /** The change in the person's words as the letter writes it: spelled out, without the chat around it. */
  private ownRequest(own: string): string {
    return this.withoutLead(spellOut(own, this.strings.variants('accommodationLetter.letterSpellings')));
  }

  /** The change itself, after "this change:": "none of those really, I need extensions" is "extensions". */
  private withoutLead(request: string): string {
    const leads = this.strings
      .variants('accommodationLetter.requestLeads')
      // "i need to start at 10" keeps its lead: "to start at 10" does not read as a change.
      .map((lead) => new RegExp(`^${phrase(lead)}\\b(?![\\s,:.-]*to\\b)[\\s,:.-]*`, 'i'));
    let rest = request;
    for (let lead = leads.find((l) => l.test(rest)); lead; lead = leads.find((l) => l.test(rest))) {
      const next = rest.replace(lead, '');
      if (!next.trim()) break;
      rest = next;
    }
    return rest;
  }

  private text(key: StringKey, vars: Record<string, string> = {}): string {
    return this.strings.text(key, vars);
  }

  private day(day: string, withYear = false): string {
    return sayDay(day, this.text('accommodationLetter.dateLocale'), withYear);
  }

  /** The change asked for as the letter will word it, before every answer is in (to show it back). */
  requestWords(asked: Pick<RequestAnswers, 'idea' | 'also'>): string {
    const { idea } = asked;
    return this.request({ ...asked, idea: 'own' in idea ? { own: this.ownRequest(idea.own) } : idea }).text;
  }

  /** The change asked for, as it reads after "ask for". */
  request(answers: Pick<RequestAnswers, 'idea' | 'also'>): { text: string; own: boolean } {
    const { idea } = answers;
    const listed = (id: string) => this.content.ideas.find((entry) => entry.id === id)?.request;
    const more = (answers.also ?? []).flatMap((id) => {
      const key = listed(id);
      return key ? [this.text(key)] : [];
    });
    const first =
      'own' in idea
        ? withoutFinalStop(idea.own)
        : this.text(('id' in idea ? listed(idea.id) : undefined) ?? 'accommodationIdeas.unspecifiedRequest');
    return { text: this.listed([first, ...more]), own: 'own' in idea };
  }

  /** "a, b and c", as the locale joins a list. */
  private listed(items: readonly string[]): string {
    if (items.length < 2) return items[0] ?? '';
    // Strings are trimmed when loaded, so the space after the comma is added here.
    return this.text('accommodationLetter.requestsAnd', {
      list: items.slice(0, -1).join(`${this.text('accommodationLetter.requestsJoin')} `),
      last: items.at(-1) ?? '',
    });
  }

  private letter(answers: RequestAnswers, askedOn: string): string[] {
    const setting = settingOf(this.content, answers.setting);
    const request = this.request(answers);
    const opening = request.own ? 'accommodationLetter.openingOwn' : 'accommodationLetter.opening';
    const ownWords =
      answers.disclosure === 'specifics' && answers.barrier.words
        ? [this.text('accommodationLetter.ownWords', { words: withoutFinalStop(answers.barrier.words) })]
        : [];
    const followUp = this.day(addDays(askedOn, FOLLOW_UP_DAYS));
    return [
      answers.format === 'email'
        ? this.text('accommodationLetter.subject')
        : this.text('accommodationLetter.letterHeader', { today: this.day(askedOn, true) }),
      this.salutation(answers),
      [
        this.text(opening, { request: request.text }),
        ...this.barrierSentence(answers),
        // Shorter: the ask, the reason and the dates; nothing that only adds words.
        ...(answers.short ? [] : ownWords),
        ...(answers.short
          ? []
          : [this.text('accommodationLetter.benefit', { benefit: this.text(setting.benefit) })]),
      ].join(' '),
      [
        this.startSentence(answers),
        ...(answers.disclosure === 'nothing' || answers.short
          ? []
          : [this.text('accommodationLetter.noteOffer')]),
        this.text(answers.short ? 'accommodationLetter.followUpShort' : 'accommodationLetter.followUp', {
          date: followUp,
        }),
      ].join(' '),
      this.text('accommodationLetter.closing'),
    ];
  }

  /**
   * Why, at the chosen level. A skipped barrier or question why says nothing at "nothing specific"; at the other
   * levels the person chose to share a reason, so the general sentence for that level is used.
   */
  private barrierSentence(answers: RequestAnswers): string[] {
    // Why was skipped: no sentence that hints at a reason the person never gave.
    if (answers.noReason || (answers.barrier.id === 'none' && answers.disclosure === 'nothing')) return [];
    const id = answers.barrier.id === 'none' ? 'other' : answers.barrier.id;
    const barrier = this.content.barriers.find((entry) => entry.id === id);
    if (!barrier) return [];
    if (answers.disclosure !== 'specifics') return [this.text(barrier.letter[answers.disclosure])];
    // At "specifics" the letter names what the person named, and nothing else.
    const condition = answers.condition ?? 'health';
    if (condition === 'recovery') return [this.text(barrier.letter.specifics)];
    const phrase = conditionPhrase(this.strings, condition);
    return [
      phrase ? this.text(barrier.letter.named, { condition: phrase }) : this.text(barrier.letter.general),
    ];
  }

  private salutation(answers: RequestAnswers): string {
    const { who } = answers;
    const listed = 'id' in who ? this.content.who.find((entry) => entry.id === who.id) : undefined;
    return this.text(listed?.salutation ?? 'accommodationWho.genericSalutation');
  }

  private startSentence(answers: RequestAnswers): string {
    const { start } = answers;
    if ('date' in start) return this.text('accommodationLetter.startDate', { date: this.day(start.date) });
    if ('words' in start)
      return this.text('accommodationLetter.startWords', { words: withoutFinalStop(start.words) });
    return this.text('accommodationLetter.startAsap');
  }

  /** About 30 seconds said aloud (under 80 words): the ask, the reason at the level, the start. */
  private spoken(answers: RequestAnswers): string {
    const request = this.request(answers);
    const setting = settingOf(this.content, answers.setting);
    const { start } = answers;
    const when =
      'date' in start
        ? this.text('accommodationLetter.spokenStartDate', { date: this.day(start.date) })
        : 'words' in start
          ? withoutFinalStop(start.words)
          : this.text('accommodationLetter.spokenStartAsap');
    return [
      this.text(request.own ? 'accommodationLetter.spokenOpeningOwn' : 'accommodationLetter.spokenOpening', {
        request: request.text,
      }),
      ...this.spokenReason(answers),
      this.text('accommodationLetter.spokenBenefit', { benefit: this.text(setting.benefit) }),
      this.text('accommodationLetter.spokenStart', { start: when }),
      this.text('accommodationLetter.spokenClose'),
    ].join(' ');
  }

  /** Why, said aloud at the chosen level: recovery only when the person named it. */
  private spokenReason(answers: RequestAnswers): string[] {
    const named = this.named(answers);
    if (named === undefined) return [];
    if (named === 'recovery') return [this.text('accommodationLetter.spokenSpecifics')];
    return [
      named === 'health'
        ? this.text('accommodationLetter.spokenGeneral')
        : this.text('accommodationLetter.spokenNamed', { condition: named }),
    ];
  }

  /**
   * What the reason names at the chosen level: nothing (undefined), recovery, a diagnosis's
   * phrase ("ADHD"), or only a health condition.
   */
  private named(answers: RequestAnswers): string | undefined {
    if (answers.disclosure === 'nothing') return undefined;
    const condition = answers.disclosure === 'specifics' ? (answers.condition ?? 'health') : 'health';
    if (condition === 'recovery') return 'recovery';
    return conditionPhrase(this.strings, condition) ?? 'health';
  }

  /** The request as practice plays it: its counterpart, its ask, and a reason no fuller than the letter's. */
  forPractice(given: RequestAnswers): RequestToPractice {
    const { answers } = this.fitToLevel(given);
    const { who } = answers;
    const listed = 'id' in who ? this.content.who.find((entry) => entry.id === who.id) : undefined;
    const counterparts = [
      ...('own' in who ? [who.own] : []),
      this.text(settingOf(this.content, answers.setting).label),
      ...(listed ? [this.text(listed.label)] : []),
    ];
    const named = this.named(answers);
    const reason =
      named === undefined
        ? undefined
        : named === 'recovery'
          ? this.text('accommodationLetter.practiceReasonRecovery')
          : named === 'health'
            ? this.text('accommodationLetter.practiceReasonGeneral')
            : this.text('accommodationLetter.practiceReasonNamed', { condition: named });
    return { counterparts, request: this.request(answers).text, ...(reason ? { reason } : {}) };
  }

  /** The process, documentation (rights statements where resources have them), copies, dates. */
  private nextSteps(answers: RequestAnswers, askedOn: string): string[] {
    const statement = (step: 'process' | 'documentation') => {
      const found = this.content.rights.find(
        (r) => r.nextStep === step && appliesTo(r, answers.setting, answers.disclosure),
      );
      return found ? sourcedText(this.strings, found.text, found.source) : undefined;
    };
    const nothing = answers.disclosure === 'nothing';
    const documentation = statement('documentation');
    const { who } = answers;
    return [
      statement('process') ?? this.text('accommodationLetter.nextProcess'),
      ...(documentation ? [documentation] : []),
      ...(nothing || !documentation
        ? [
            this.text(
              nothing ? 'accommodationLetter.nextDocsNothing' : 'accommodationLetter.nextDocsProvider',
            ),
          ]
        : []),
      this.text('accommodationLetter.nextCopies'),
      this.text('accommodationLetter.nextDates', {
        today: this.day(askedOn),
        followUp: this.day(addDays(askedOn, FOLLOW_UP_DAYS)),
      }),
      ...('own' in who ? [this.text('accommodationLetter.nextSendTo', { who: who.own })] : []),
    ];
  }

  /**
   * The kinds of term the letter may hold: the chosen level's, and at "specifics" no recovery
   * word unless recovery is what the person named.
   */
  allows(answers: RequestAnswers): readonly TermKind[] {
    const allows = levelOf(this.content, answers.disclosure).allows;
    if (answers.disclosure !== 'specifics' || answers.condition === 'recovery') return allows;
    return allows.filter((kind) => kind !== 'recovery');
  }
}

/** A person's words without their closing full stop, so a template's own punctuation ends the sentence. */
function withoutFinalStop(words: string): string {
  return words.replace(/[\s.]+$/, '');
}
