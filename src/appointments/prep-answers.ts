import type { Strings } from '../content/strings.js';
import type { WayfinderRecognition } from '../language/intents/wayfinder-recognizer.js';
import { saysAnyOf } from '../language/says-any-of.js';
import { isOneOf } from './choices.js';
import { type AppointmentContent, tipsFor } from './content.js';
import { MAX_QUESTIONS, type PlanDraft, type PlanItem } from './plan.js';
import type { PrepQuestions } from './prep-questions.js';
import type { PrepState } from './prep-state.js';
import {
  askedIn,
  lastItemBefore,
  numbersIn,
  type QuestionEdit,
  questionEdit,
  splitAtRemove,
} from './question-edits.js';
import {
  type AppointmentTime,
  correctedDate,
  dateCheck,
  type FindDates,
  formatWhen,
  readDayIn,
  readWhen,
  type WhenReading,
} from './when.js';

/**
 * One answer: the text, the value of the button it picked among those shown (by number, label or
 * synonym), what the recognizer found in it, and a way to re-read parts of it.
 */
export interface AnswerInput {
  text: string;
  choice: string | undefined;
  /** The whole message is the choice (its words, a typo of them, its number), not a sentence holding it. */
  choiceIsWhole?: boolean;
  recognition: WayfinderRecognition;
  findDates: FindDates;
  now: Date;
}

/**
 * What an answer leads to: this question is done (`next`), asked again with the draft updated
 * (`again`, lists that take several answers), another question (`goto`), or not understood
 * (`miss`). `say` is sent first, in the bot's words (tips, "Got it: ...").
 */
export type Outcome =
  | { kind: 'next'; draft: PlanDraft; say?: string[] }
  | { kind: 'again'; draft: PlanDraft; say?: string[] }
  | { kind: 'goto'; state: Partial<PrepState> & Pick<PrepState, 'step'>; say?: string[] }
  | { kind: 'miss' };

const MAX_LIST = 10;
const miss: Outcome = { kind: 'miss' };

/** Reads answers to the preparation questions into the draft. Pure: no I/O, no clock of its own. */
export class PrepAnswers {
  constructor(
    private readonly strings: Strings,
    private readonly content: AppointmentContent,
    private readonly questions: PrepQuestions,
  ) {}

  /** The outcome of `input` as the answer to the question `state` is at (a preparation question). */
  answer(state: PrepState, input: AnswerInput): Outcome {
    const { draft } = state;
    switch (state.step) {
      case 'type':
        return this.type(draft, input);
      case 'when':
        return this.when(draft, input);
      case 'whenPast':
        return this.whenPast(state, input);
      case 'whenCheck':
        return this.whenCheck(state, input);
      case 'whenDay':
        return this.whenDay(state, input);
      case 'whenTime':
        return this.whenTime(state, input);
      case 'goal':
        return { kind: 'next', draft: { ...draft, goal: input.text } };
      case 'questions':
        return this.addQuestion(draft, input);
      case 'topQuestions':
        return this.rank(draft, input);
      case 'barriers':
        return this.barrier(draft, input);
      case 'bring':
        return this.bring(draft, input);
      case 'support':
        return this.support(draft, input);
      case 'share':
        return this.share(draft, input);
      case 'talk':
        return this.talk(draft, input);
      default:
        return miss;
    }
  }

  private type(draft: PlanDraft, input: AnswerInput): Outcome {
    const type = input.choice ?? input.recognition.entities.appointmentType[0]?.value;
    if (!type || !isAppointmentType(type, this.content)) return miss;
    return { kind: 'next', draft: { ...draft, type } };
  }

  /**
   * A date: noted and said back; one that has passed, or may mean another day, is checked first.
   * Asked again (after "back" or "change"), a day alone keeps the hour said before.
   */
  private when(draft: PlanDraft, input: AnswerInput): Outcome {
    if (input.choice === 'notSure') return { kind: 'next', draft: withoutWhen(draft) };
    const reading = this.readDate(input, draft.when);
    if (!reading) return miss;
    return this.dated(draft, reading, input.now);
  }

  /**
   * A date typed as a correction at a later question ("sorry, I meant Wednesday", "actually
   * 4pm"): the day or hour it names replaces that part of the date, and it is checked like any
   * date. Undefined when the words hold no date.
   */
  corrected(draft: PlanDraft, input: AnswerInput): Outcome | undefined {
    const reading = this.readDate(input, draft.when);
    return reading && this.dated(draft, reading, input.now);
  }

  private readDate(input: AnswerInput, before?: AppointmentTime): WhenReading | undefined {
    const { text, recognition, findDates, now } = input;
    // "No no, not December 8! Sorry, ... is December 15 at 9am": the date it corrects to.
    const fixed = correctedDate(text, this.strings.variants('appointment.dateLeads'), findDates);
    if (fixed) return readWhen(fixed, findDates(fixed), findDates, now, before);
    return readWhen(text, recognition.entities.datetime, findDates, now, before);
  }

  /**
   * A date read: one that has passed, may mean another day, is a span ("next month") or a day
   * with no time is asked about first; anything else is noted and said back.
   */
  private dated(draft: PlanDraft, reading: WhenReading, now: Date): Outcome {
    const step = dateCheck(reading, now);
    if (step) return { kind: 'goto', state: { step, checkWhen: reading.time, misses: 0 } };
    return this.noted(draft, reading.time, now);
  }

  private noted(draft: PlanDraft, when: AppointmentTime, now: Date): Outcome {
    const said = this.strings.text('appointment.whenNoted', { when: formatWhen(when, this.strings, now) });
    return { kind: 'next', draft: { ...draft, when }, say: [said] };
  }

  /**
   * "Which day in January?": a weekday or a day of the month is read inside that span, a full
   * date as said; "not sure yet" leaves the date open rather than keep a guess.
   */
  private whenDay(state: PrepState, input: AnswerInput): Outcome {
    const span = state.checkWhen;
    if (!span || input.choice === 'notSure' || isOneOf(this.strings, 'appointment.notSureWords', input.text))
      return { kind: 'next', draft: withoutWhen(state.draft) };
    const { text, recognition, findDates, now } = input;
    const reading = readDayIn(text, recognition.entities.datetime, findDates, now, span);
    if (reading) return this.dated(state.draft, reading, now);
    // "not sure yet, its on the paper somewhere": no day in it, and unsure said in a sentence.
    const unsure = saysAnyOf(this.strings, 'appointment.notSureWords', text);
    return unsure ? { kind: 'next', draft: withoutWhen(state.draft) } : miss;
  }

  /**
   * "What time on Friday, December 11?": an hour goes on that day; "not sure yet", "idk" or
   * "skip" keep the day without one (reminders then count from the day, and say so).
   */
  private whenTime(state: PrepState, input: AnswerInput): Outcome {
    const day = state.checkWhen;
    if (!day) return miss;
    if (input.choice === 'notSure' || isOneOf(this.strings, 'appointment.notSureWords', input.text))
      return this.noted(state.draft, day, input.now);
    const reading = this.readDate(input, day);
    // The same day again ("friday") is no hour: asked once more, then "not sure" is offered.
    if (!reading || (reading.time.precision === 'day' && reading.time.start === day.start)) return miss;
    return this.dated(state.draft, reading, input.now);
  }

  /** The check: "that's right" keeps the date, a new date replaces it, "not sure" leaves it open. */
  private whenPast(state: PrepState, input: AnswerInput): Outcome {
    if (input.choice === 'right' && state.checkWhen) {
      return { kind: 'next', draft: { ...state.draft, when: state.checkWhen } };
    }
    if (input.choice === 'another') {
      const ask = this.strings.text('appointment.askAnotherDate');
      return { kind: 'goto', state: { step: 'when', misses: 0 }, say: [ask] };
    }
    if (input.choice === 'notSure') return { kind: 'next', draft: withoutWhen(state.draft) };
    const reading = this.readDate(input, state.checkWhen);
    return reading ? this.dated(state.draft, reading, input.now) : miss;
  }

  /**
   * "Wednesday, December 16: is that right?": yes keeps it, no asks for the date again, and a
   * date typed instead is taken (the person has seen how the first one was read).
   */
  private whenCheck(state: PrepState, input: AnswerInput): Outcome {
    const { strings } = this;
    const said = input.choice ?? input.recognition.entities.boolean[0]?.value;
    if (isOneOf(strings, 'appointment.notSureWords', input.text)) {
      return { kind: 'next', draft: withoutWhen(state.draft) };
    }
    const reading = this.readDate(input, state.checkWhen);
    if (reading) return this.dated(state.draft, { ...reading, unsure: false }, input.now);
    if ((said === 'yes' || said === true) && state.checkWhen) {
      // A day said right, with no time yet: what time is asked next.
      const day = state.checkWhen.precision === 'day';
      return day
        ? { kind: 'goto', state: { step: 'whenTime', misses: 0 } }
        : { kind: 'next', draft: { ...state.draft, when: state.checkWhen } };
    }
    if (said === 'no' || said === false) {
      return {
        kind: 'goto',
        state: { step: 'when', misses: 0 },
        say: [strings.text('appointment.askDateExact')],
      };
    }
    return miss;
  }

  private addQuestion(draft: PlanDraft, input: AnswerInput): Outcome {
    const { strings } = this;
    const edit = input.choice ? undefined : questionEdit(strings, input.text, draft.questions.length);
    const done = input.choice === 'done' || edit?.kind === 'done';
    // "When will I know if my benefits continue? done": the question goes on the list, then on.
    const last = done && !input.choiceIsWhole ? lastItemBefore(strings, input.text) : undefined;
    if (last)
      return { kind: 'next', draft: { ...draft, questions: [...draft.questions, last], topCount: 0 } };
    if (done) return { kind: 'next', draft };
    if (input.choice === 'clear') {
      return {
        kind: 'again',
        draft: { ...draft, questions: [], topCount: 0 },
        say: [strings.text('appointment.cleared')],
      };
    }
    if (edit) return this.edit(draft, edit);
    const suggested = this.questions.askMeThree(draft).find((c) => c.value === input.choice);
    const questions = [...draft.questions, suggested?.label ?? askedIn(strings, input.text)];
    const updated = { ...draft, questions, topCount: 0 };
    if (questions.length >= MAX_QUESTIONS) {
      return {
        kind: 'next',
        draft: updated,
        say: [strings.text('appointment.questionsFull', { max: MAX_QUESTIONS })],
      };
    }
    return { kind: 'again', draft: updated, say: [strings.text('appointment.questionAdded')] };
  }

  /**
   * "I am done", "remove numbers 2 and 3" or "can I fix the second question?" are about the list,
   * never a question on it: the list moves on, loses those, or loses that one to be typed again.
   */
  private edit(draft: PlanDraft, edit: QuestionEdit): Outcome {
    const { strings } = this;
    if (edit.kind === 'done') return { kind: 'next', draft };
    const out = edit.kind === 'remove' ? edit.numbers : [edit.number];
    const questions = draft.questions.filter((_, i) => !out.includes(i + 1));
    const say =
      edit.kind === 'remove'
        ? strings.text('appointment.questionsRemoved', {
            numbers: out.join(`${strings.text('answers.listJoin')} `),
          })
        : strings.text('appointment.questionToFix', {
            number: edit.number,
            question: (draft.questions[edit.number - 1] ?? '').replace(/[.\s]+$/, ''),
          });
    return { kind: 'again', draft: { ...draft, questions, topCount: 0 }, say: [say] };
  }

  /** "2, 1": those go first, in that order; the rest keep theirs. "Please leave out 3" takes 3 out. */
  private rank(draft: PlanDraft, input: AnswerInput): Outcome {
    if (input.choice === 'keep') return { kind: 'next', draft };
    const [keep, remove] = splitAtRemove(this.strings, input.text);
    const count = draft.questions.length;
    const out = remove ? numbersIn(this.strings, remove, count) : [];
    const typed = [...keep.matchAll(/\d+/g)].map((m) => Number(m[0]));
    const numbers =
      typed.length > 0 || remove ? typed : input.recognition.entities.number.map((n) => n.value);
    const picks = [...new Set(numbers)].filter(
      (n) => Number.isInteger(n) && n >= 1 && n <= count && !out.includes(n),
    );
    if (picks.length === 0 && out.length === 0) return miss;
    const first = picks.map((n) => draft.questions[n - 1] ?? '');
    const rest = draft.questions.filter((_, i) => !picks.includes(i + 1) && !out.includes(i + 1));
    const questions = [...first, ...rest];
    return {
      kind: 'next',
      draft: { ...draft, questions, topCount: picks.length },
      say: [this.strings.text('appointment.topNoted')],
    };
  }

  /** A barrier by name, or in the person's words; either way answered with practical tips. */
  private barrier(draft: PlanDraft, input: AnswerInput): Outcome {
    const { strings, content } = this;
    if (input.choice === 'done') return { kind: 'next', draft };
    const barrier = content.barriers.find((b) => b.id === input.choice);
    const item: PlanItem = barrier ? { id: barrier.id } : { words: input.text };
    const heading = barrier
      ? strings.text('appointment.barrierTips', { barrier: strings.text(barrier.label).toLowerCase() })
      : strings.text('appointment.ownBarrierTips');
    const tips = tipsFor(content, barrier?.tips ?? content.ownBarrierTips, draft.type).map(
      (key) => `- ${strings.text(key)}`,
    );
    const barriers = [...draft.barriers, item];
    const updated = { ...draft, barriers };
    const say = [[heading, ...tips].join('\n')];
    return barriers.length >= MAX_LIST
      ? { kind: 'next', draft: updated, say }
      : { kind: 'again', draft: updated, say };
  }

  /** Extra things to bring, several at once ("my lease, a pen"). */
  private bring(draft: PlanDraft, input: AnswerInput): Outcome {
    // "my award letter. nothing else": the item goes on the list, then on.
    const last =
      input.choice === 'done' && !input.choiceIsWhole ? lastItemBefore(this.strings, input.text) : undefined;
    if (input.choice === 'done' && !last) return { kind: 'next', draft };
    const items = (last ?? input.text)
      .split(/[,;\n]+/)
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    const bring = [...new Set([...draft.bring, ...items])].slice(0, MAX_LIST);
    return { kind: 'next', draft: { ...draft, bring }, say: [this.strings.text('appointment.bringAdded')] };
  }

  private support(draft: PlanDraft, input: AnswerInput): Outcome {
    const said = input.recognition.entities.boolean[0]?.value;
    const support =
      input.choice ?? (said === undefined ? undefined : said ? 'yes' : 'no') ?? this.someone(input.text);
    if (support !== 'yes' && support !== 'no' && support !== 'maybe') return miss;
    return { kind: 'next', draft: { ...draft, support } };
  }

  /** "Sí, my sister maybe comes", "my brother probably, he can drive me": someone named is a yes, or a maybe. */
  private someone(text: string): 'yes' | 'maybe' | undefined {
    if (!saysAnyOf(this.strings, 'appointment.supportPersonWords', text)) return undefined;
    return saysAnyOf(this.strings, 'appointment.supportMaybeWords', text) ? 'maybe' : 'yes';
  }

  /** What to share: a choice (including nothing), or the person's own words. */
  private share(draft: PlanDraft, input: AnswerInput): Outcome {
    const picked = this.content.share.find((c) => c.id === input.choice);
    return { kind: 'next', draft: { ...draft, share: picked ? { id: picked.id } : { words: input.text } } };
  }

  /** A way to have things explained, with what to say to ask for it; several may be chosen. */
  private talk(draft: PlanDraft, input: AnswerInput): Outcome {
    const { strings, content } = this;
    if (input.choice === 'done') return { kind: 'next', draft };
    const chosen = content.talk.find((t) => t.id === input.choice);
    const talk = [...draft.talk, chosen ? { id: chosen.id } : { words: input.text }];
    const say = chosen ? [strings.text('appointment.talkSay', { say: strings.text(chosen.say) })] : [];
    const updated = { ...draft, talk };
    return talk.length >= MAX_LIST
      ? { kind: 'next', draft: updated, say }
      : { kind: 'again', draft: updated, say };
  }
}

function withoutWhen(draft: PlanDraft): PlanDraft {
  const { when: _when, ...rest } = draft;
  return rest;
}

function isAppointmentType(
  value: string,
  content: AppointmentContent,
): value is keyof AppointmentContent['types'] {
  return Object.hasOwn(content.types, value);
}
