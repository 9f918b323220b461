import type { StringKey, Strings } from '../content/strings.js';
import { questionToUs, type SideQuestion } from '../language/answer-check.js';
import { cleanFreeText } from '../language/free-text.js';
import { normalizeText } from '../language/normalize.js';
import { saysAnyOf } from '../language/says-any-of.js';
import { clausesOf } from '../language/sentences.js';
import { numbersIn } from '../language/spoken-edit.js';
import {
  foldAnswer,
  sentencesOf,
  type TypedAnswerReader,
  typedAnswerReader,
} from '../language/typed-answer.js';
import { type PlanStep, planSteps } from './plan.js';
import { stepKey } from './plan-view.js';

/** Words that may stand before a part's name ("change MY warning signs", "THE coping part"). */
const leading = /^(?:(?:my|the|that|this|part|step) )+/;
const trailing = / (?:part|step|one|section|please|pls)$/;

/** What an answer at a plan question asks for; `words` is an answer to keep as typed. */
export type PartAnswer =
  /** While changing a part: leave it as it was ("keep it", "skip"). */
  | { kind: 'keep' }
  /** Asked a part: pass over it for now ("skip", "idk", "no one"). */
  | { kind: 'skip' }
  /** Asked for more: go on ("next", "done", "no"). */
  | { kind: 'next' }
  /** Stop for now, the rest later ("skip the rest. im tired", "done for tonight"). */
  | { kind: 'pause' }
  /** The part before ("back"), a part by name, or the last one skipped. */
  | { kind: 'back'; to?: PlanStep | 'skipped' }
  /** No answer to keep ("ok", "what", "?"), or frustration ("ugh"). */
  | { kind: 'none'; frustrated: boolean }
  /** A question to the bot ("what did you add?", "why do you need that?"): answered, not kept. */
  | { kind: 'question'; about: SideQuestion }
  | { kind: 'words' };

/**
 * A message about the plan itself, never an entry: show the whole plan so far, show this part
 * (and how to change it), put back what was just taken out, or empty a part to fill it again.
 */
export type PlanRequest =
  | { kind: 'showPlan' }
  | { kind: 'showPart' }
  | { kind: 'restore' }
  | { kind: 'restart'; part?: PlanStep };

/**
 * How a person names the parts of their plan in their own words: "change my warning signs"
 * (a change from any state), "go back to the one I skipped", "back to coping". Words are data
 * (resources/locales: safetyPlan.<part>Words, editVerbs, returnWords, skippedWords).
 */
export class PlanWords {
  private readonly names = new Map<string, PlanStep>();
  private readonly verbs: readonly string[];
  private readonly returns: readonly string[];
  private readonly skipped: ReadonlySet<string>;
  private readonly changes: ReadonlySet<string>;
  private readonly undo: ReadonlySet<string>;
  private readonly said: Record<'skip' | 'back' | 'next' | 'keep' | 'pause', ReadonlySet<string>>;
  private readonly reader: TypedAnswerReader;
  private readonly restarts: readonly RegExp[];

  constructor(private readonly strings: Strings) {
    const set = (key: StringKey, label?: StringKey) =>
      new Set([...strings.variants(key), ...(label ? [strings.text(label)] : [])].map(normalizeText));
    this.said = {
      skip: set('safetyPlan.skipWords', 'safetyPlan.skip'),
      back: set('safetyPlan.backWords'),
      next: set('safetyPlan.nextWords', 'safetyPlan.nextStep'),
      keep: set('safetyPlan.keepWords', 'safetyPlan.keep'),
      pause: set('safetyPlan.pauseWords'),
    };
    this.reader = typedAnswerReader(strings);
    for (const step of planSteps) {
      for (const name of [strings.text(stepKey(step, 'step')), ...strings.variants(stepKey(step, 'names'))])
        this.names.set(bare(foldAnswer(name)), step);
    }
    // Longest first, so "go back to" is tried before "go to" and "do".
    const byLength = (words: readonly string[]) => words.map(foldAnswer).sort((a, b) => b.length - a.length);
    this.verbs = byLength(strings.variants('safetyPlan.editVerbs'));
    this.returns = byLength(strings.variants('safetyPlan.returnWords'));
    this.skipped = new Set(strings.variants('safetyPlan.skippedWords').map(foldAnswer));
    this.changes = new Set(strings.variants('safetyPlan.changePlanWords').map(foldAnswer));
    this.undo = new Set(strings.variants('safetyPlan.undoWords').map(foldAnswer));
    // "start {part} over": the words around the part, folded, with the part's words caught.
    this.restarts = strings.variants('safetyPlan.restartWords').map((template) => {
      const [before = '', after = ''] = template.split('{part}').map(foldAnswer);
      return new RegExp(`^${before ? `${before} ` : ''}(.+?)${after ? ` ${after}` : ''}$`);
    });
  }

  /**
   * What a message asks of the plan itself ("what did you add?", "show me my plan", "put it
   * back", "start part 2 over"), read before anything is kept. `removed`: what was just taken out
   * of this part, so "put music back" puts it back. Undefined for an answer.
   */
  planRequest(typed: string, removed: readonly string[]): PlanRequest | undefined {
    const folded = foldAnswer(typed);
    const restart = this.restartIn(typed);
    if (restart) return restart;
    const says = (key: StringKey) => saysAnyOf(this.strings, key, folded);
    // "take out no put it back" takes something out; it puts nothing back.
    const removing = sentencesOf(typed).some((sentence) =>
      this.strings
        .variants('edits.removeLeads')
        .some((lead) => `${foldAnswer(sentence)} `.startsWith(`${foldAnswer(lead)} `)),
    );
    const namesRemoved = removed.some((entry) => ` ${folded} `.includes(` ${foldAnswer(entry)} `));
    if (
      !removing &&
      (says('safetyPlan.restoreWords') || (namesRemoved && says('safetyPlan.restoreCueWords')))
    )
      return { kind: 'restore' };
    if (says('safetyPlan.showPlanWords')) return { kind: 'showPlan' };
    if (
      says('safetyPlan.showPartWords') ||
      this.strings.variants('safetyPlan.removeOnlyWords').map(foldAnswer).includes(folded)
    )
      return { kind: 'showPart' };
    return undefined;
  }

  /** "start part 2 over", "clear this part": that part (none named: this one) emptied to ask again. */
  private restartIn(typed: string): PlanRequest | undefined {
    for (const sentence of sentencesOf(typed)) {
      const folded = foldAnswer(sentence);
      for (const pattern of this.restarts) {
        const named = pattern.exec(folded)?.[1];
        if (!named) continue;
        if (this.strings.variants('safetyPlan.thisPartWords').map(foldAnswer).includes(named))
          return { kind: 'restart' };
        const part = this.partNamed(named);
        if (part) return { kind: 'restart', part };
      }
    }
    return undefined;
  }

  /** "i want to make a safety plan", "safety plan pls": asked to make one, not only to see one. */
  asksToMake(text: string | undefined): boolean {
    return saysAnyOf(this.strings, 'safetyPlan.makeWords', text);
  }

  /**
   * A complaint or a word of frustration anywhere in the message ("ugh stop adding my
   * questions", "this is a mess", "i already told you her"): acknowledged, never kept.
   */
  upset(typed: string): boolean {
    return sentencesOf(typed).some((sentence) => this.complaint(sentence));
  }

  /** "the last 2 things", "the last one": how many of the last entries are meant, if any. */
  lastCount(typed: string): number | undefined {
    const words = foldAnswer(typed).split(' ');
    const lasts = new Set(this.strings.variants('safetyPlan.lastWords').map(foldAnswer));
    const at = words.findIndex((word) => lasts.has(word));
    if (at < 0) return undefined;
    const [count] = numbersIn(this.strings, words[at + 1] ?? '', 99);
    return count ?? 1;
  }

  private complaint(text: string): boolean {
    return (
      this.reader.nonAnswer(text) === 'frustration' ||
      saysAnyOf(this.strings, 'safetyPlan.complaintWords', text)
    );
  }

  /**
   * Another part asked for by its name or number while changing one: "go to part 3", "change
   * part 3", "also part 3 has junk in it. fix that". Undefined when no other part is asked for.
   */
  partAsked(typed: string): PlanStep | undefined {
    for (const sentence of sentencesOf(typed)) {
      const to = this.returnRequest(sentence) ?? this.editRequest(sentence);
      if (to && to !== 'skipped') return to;
    }
    const folded = foldAnswer(typed);
    const number = /\bpart (\d)\b/.exec(folded)?.[1];
    const asks =
      saysAnyOf(this.strings, 'safetyPlan.editVerbs', folded) ||
      saysAnyOf(this.strings, 'safetyPlan.returnWords', folded);
    return number && asks ? planSteps[Number(number) - 1] : undefined;
  }

  /**
   * The entries one answer holds: "cant sleep. drinking more" and "drinking more, cant sleep" are
   * two signs, so "take out drinking more" takes out one. Commas divide only a list of short
   * items without numbers ("Eli, 555-0142" stays whole); asides and shrugs ("idk") are left out.
   */
  entriesIn(typed: string): string[] {
    const short = (clause: string) =>
      clause.split(' ').length <= 3 && !/\d|^(and|or|but|so|then|if|when|because) /i.test(clause);
    const items = sentencesOf(typed).flatMap((sentence) => {
      // "dr okafor, i already told you her": the words to the bot are no part of the entry.
      const clauses = clausesOf(sentence).filter((clause) => !this.complaint(clause));
      if (clauses.length === 0) return [];
      const whole = clauses.length < clausesOf(sentence).length ? clauses.join(', ') : sentence;
      return clauses.length > 1 && clauses.every(short) ? clauses : [whole.replace(/(?<!\.)\.$/, '')];
    });
    const kept = items
      .map((item) => cleanFreeText(this.strings, item))
      .filter((item) => item && !this.reader.nonAnswer(item));
    return kept.length > 0 ? kept : [cleanFreeText(this.strings, typed)];
  }

  /** "undo", "delete that", "that wasnt a contact. take it out": the entry just added is to go. */
  undoes(typed: string): boolean {
    return sentencesOf(typed).some((sentence) => this.undo.has(foldAnswer(sentence)));
  }

  /** "edit my plan", "how do i fix my plan": a request to change a part, none named yet. */
  changesPlan(text: string | undefined): boolean {
    return this.changes.has(foldAnswer(text ?? ''));
  }

  /**
   * What `typed` asks for at a part's question (`part`) or at "anything else?" (`more`), when
   * making the plan or changing a part (`editing`: no moving between parts then).
   */
  read(typed: string, at: 'part' | 'more', editing: boolean): PartAnswer {
    const folded = this.instructionIn(typed);
    const step = this.reader.stepWord(typed);
    const skips = !typed || this.said.skip.has(folded) || step === 'skip';
    const no = this.reader.yesOrNo(typed) === false;
    const back = this.said.back.has(folded) || step === 'back';
    // Changing one part, "skip", "no", "back" and "next part" all leave it as it was.
    const keeps = this.said.keep.has(folded) || this.said.next.has(folded);
    // "skip the rest. im tired": a sentence that stops the plan for now, whatever is said with it.
    if (sentencesOf(typed).some((sentence) => this.said.pause.has(normalizeText(sentence))))
      return { kind: 'pause' };
    if (at === 'part' && editing && (skips || no || back || keeps)) return { kind: 'keep' };
    // "keep it" (the button's label typed) after a change is done with the part, never an entry.
    if (at === 'more' && (skips || no || keeps || this.said.next.has(folded))) return { kind: 'next' };
    if (!editing) {
      const to = this.returnRequest(typed);
      if (to) return { kind: 'back', to };
      if (back) return { kind: 'back' };
      const [first = '', ...rest] = sentencesOf(typed);
      // "back. want to do the coping one.", "wait. go back to warning signs. want to change them.":
      // a way back said first, or in a sentence of its own, is never an answer to keep.
      const backFirst = rest.length > 0 && this.said.back.has(normalizeText(first));
      const toLater = [first, ...rest].map((sentence) => this.returnRequest(sentence)).find(Boolean);
      const named = backFirst ? rest.map((sentence) => this.partWanted(sentence)).find(Boolean) : undefined;
      if (toLater ?? named) return { kind: 'back', to: toLater ?? named };
      if (backFirst) return { kind: 'back' };
    }
    // "next part" at a part's question passes over it, as "skip" does ("ok" alone asks again).
    const onward = this.said.next.has(folded) && !this.reader.nonAnswer(folded);
    if (at === 'part' && (skips || no || onward)) return { kind: 'skip' };
    const none = this.reader.nonAnswer(typed);
    if (none) return { kind: 'none', frustrated: none === 'frustration' };
    // "ugh stop adding my questions": only complaints and filler, nothing to keep.
    const sentences = sentencesOf(typed);
    if (
      sentences.some((s) => this.complaint(s)) &&
      sentences.every((s) => this.complaint(s) || this.reader.nonAnswer(s))
    )
      return { kind: 'none', frustrated: true };
    const about = questionToUs(this.strings, typed);
    return about ? { kind: 'question', about } : { kind: 'words' };
  }

  /**
   * The words that say what to do: all of `typed`, or its last sentence when what comes before is
   * only filler or frustration ("ugh. next part"); "can I skip this one" is "skip". A sentence of
   * content before ("I stop eating. next") keeps the whole message, so nothing typed is lost.
   */
  private instructionIn(typed: string): string {
    const folded = normalizeText(typed);
    if (
      /^(can|could|may) (i|we) (just )?skip\b|\bskip (this|it|that)( one| part| question)?( please| pls)?$/.test(
        folded,
      )
    )
      return 'skip';
    const sentences = sentencesOf(typed).map((sentence) => this.withoutFiller(normalizeText(sentence)));
    const last = sentences.at(-1);
    if (!last || sentences.length < 2) return this.withoutFiller(folded);
    // "dont have one. skip": a way on said twice is still a way on, never an answer to keep.
    const passing = (sentence: string) =>
      this.reader.nonAnswer(sentence) || this.said.skip.has(sentence) || this.said.next.has(sentence);
    return sentences.slice(0, -1).every(passing) ? last : folded;
  }

  /** "ok next", "yeah skip": the way on without the filler word before it; other text as it is. */
  private withoutFiller(folded: string): string {
    const [first = '', ...rest] = folded.split(' ');
    const after = rest.join(' ');
    const onward = [this.said.skip, this.said.next, this.said.back, this.said.keep].some((said) =>
      said.has(after),
    );
    return onward && this.reader.nonAnswer(first) === 'filler' ? after : folded;
  }

  /** The part a sentence after "back" asks for ("want to do the coping one", "coping"). */
  private partWanted(sentence: string): PlanStep | undefined {
    const folded = foldAnswer(sentence).replace(
      /^(?:i )?(?:want|wanna|need|would like) to (?:do |change |fix )?/,
      '',
    );
    return this.partNamed(folded);
  }

  /** The part `text` names ("warning signs", "the coping part", "People I can ask for help"). */
  partNamed(text: string): PlanStep | undefined {
    const name = bare(foldAnswer(text));
    // "go back to part 2", "change part 3": the number each part is shown with.
    const numbered = /^\d$/.test(name) ? planSteps[Number(name) - 1] : undefined;
    return numbered ?? this.names.get(name);
  }

  /** The part a request to change it names ("change my warning signs", "edit coping"). */
  editRequest(text: string | undefined): PlanStep | undefined {
    const rest = after(foldAnswer(text ?? ''), this.verbs);
    return rest === undefined ? undefined : this.partNamed(rest);
  }

  /**
   * Every "change my <part>" wording, for the "my safety plan" command to recognize (a command
   * is a whole message, so "the ... part" said around a name is for editRequest alone).
   */
  editPhrases(): string[] {
    const names = [...this.names.keys()];
    // "edit my plan" could be an appointment plan: from anywhere, only those that say "safety plan".
    const whole = [...this.changes].filter((words) => words.includes('safety plan'));
    return [
      ...whole,
      ...this.verbs.flatMap((verb) =>
        names.flatMap((name) => [`${verb} ${name}`, `${verb} my ${name}`, `${verb} the ${name}`]),
      ),
    ];
  }

  /**
   * Where a request to go back points, made mid-plan: "skipped" for "go back to the one I
   * skipped" (or "the one i skipped"), a part for "back to warning signs"; undefined otherwise.
   */
  returnRequest(text: string): PlanStep | 'skipped' | undefined {
    const folded = foldAnswer(text);
    if (this.skipped.has(folded)) return 'skipped';
    const rest = after(folded, this.returns);
    if (rest === undefined) return undefined;
    return this.skipped.has(rest) ? 'skipped' : this.partNamed(rest);
  }
}

/** What follows the first of `starts` that `folded` begins with, or undefined. */
function after(folded: string, starts: readonly string[]): string | undefined {
  const start = starts.find((words) => folded.startsWith(`${words} `));
  return start === undefined ? undefined : folded.slice(start.length + 1);
}

function bare(folded: string): string {
  return folded.replace(leading, '').replace(trailing, '');
}
