import { escapeMarkdown } from '../cards/markdown.js';
import type { Strings } from '../content/strings.js';
import { typedAnswerReader } from '../language/typed-answer.js';
import { isOneOf } from './choices.js';
import {
  dayBeforeReminder,
  defaultCheckIn,
  type MessageKind,
  type MessageTime,
  type MessageTimeReading,
  readMessageTime,
  sameDayOffer,
} from './message-time.js';
import { type PlanDraft, type PrepField, prepFields } from './plan.js';
import type { AnswerInput } from './prep-answers.js';
import type { PendingTime, PrepState } from './prep-state.js';
import { reminderRequestIn } from './reminder-request.js';
import { formatDayOf, formatInstant, formatWhen, zoneOf } from './when.js';

/** A field of the plan's reminders. */
type ReminderField = 'reminderAt' | 'secondAt' | 'followUpAt';

/**
 * What an answer at the review or after saving leads to: another question (`goto`), not
 * understood (`miss`), saving the plan just shown (`save`), a confirmed reminder or check-in (or none) to save and schedule before asking `nextStep`
 * (`remind`), the plan as text (`text`), one answer to change (`change`), or the end, with what
 * the person wants next for the caller.
 */
export type AfterOutcome =
  | { kind: 'goto'; state: Partial<PrepState> & Pick<PrepState, 'step'>; say?: string[] }
  | { kind: 'miss' }
  | { kind: 'remind'; draft: PlanDraft; announce?: ReminderField; nextStep: 'followUp' | 'next' }
  | { kind: 'text' }
  | { kind: 'save' }
  | { kind: 'change'; field: PrepField }
  | { kind: 'end'; next?: 'practice' | 'peerGroup'; say: string[] };

const fieldOf: Readonly<Record<MessageKind, Exclude<ReminderField, 'secondAt'>>> = {
  reminder: 'reminderAt',
  followUp: 'followUpAt',
};
/** Where a time for each kind is asked; "back" from there, or from its check, goes to `kind`'s question. */
const timeStepOf = { reminder: 'reminderTime', followUp: 'followUpTime' } as const;
const askTime = (kind: MessageKind) =>
  ({ step: timeStepOf[kind], history: [kind], misses: 0 }) satisfies Partial<PrepState>;

/**
 * Reads answers to the questions asked once the plan is saved. Pure: the dialog does the acting.
 * No reminder or check-in is kept before the person has seen its full date and said yes to it.
 */
export class AfterAnswers {
  constructor(private readonly strings: Strings) {}

  /** The outcome, or undefined when `state` is at a preparation question. */
  answer(state: PrepState, input: AnswerInput): AfterOutcome | undefined {
    switch (state.step) {
      case 'reminder':
        return this.reminder(state.draft, input);
      case 'followUp':
        return this.followUp(state.draft, input);
      case 'reminderTime':
        return this.reminderTime(state, input);
      case 'followUpTime':
        return this.chosenTime('followUp', state.draft, input);
      case 'timeCheck':
        return this.timeCheck(state, input);
      case 'review':
        return this.review(input);
      case 'next':
        return this.moveReminder(state.draft, input) ?? this.next(state.draft, input);
      case 'change': {
        const field = prepFields.find((f) => f === input.choice);
        return field ? { kind: 'change', field } : { kind: 'miss' };
      }
      default:
        return undefined;
    }
  }

  /** "No answer" to a reminder question, as "no": used for "skip". */
  declined(state: PrepState): AfterOutcome | undefined {
    const { draft } = state;
    // "skip" while moving a saved plan's reminder keeps the one it has.
    if (state.moving && (state.step === 'reminderTime' || state.step === 'timeCheck'))
      return this.kept(state.moving);
    switch (state.step) {
      case 'reminder':
      case 'reminderTime':
        return this.without('reminder', draft);
      case 'followUp':
      case 'followUpTime':
        return this.without('followUp', draft);
      case 'timeCheck':
        return this.without(state.pendingTime?.kind ?? 'followUp', draft);
      case 'next':
        return { kind: 'end', say: [this.strings.text('appointment.finished')] };
      case 'change':
        // Nothing to change: back to the review of an unsaved plan, or on after a saved one.
        return { kind: 'goto', state: { step: draft.id ? 'next' : 'review', misses: 0 } };
      default:
        return undefined;
    }
  }

  /**
   * A time of their own typed here ("the night before at 8"), the day before (a button or "yes"),
   * a time to be asked for, or none.
   */
  private reminder(draft: PlanDraft, input: AnswerInput): AfterOutcome {
    if (!draft.when) return this.without('reminder', draft);
    const reading = this.reading('reminder', draft, input);
    // A time in the words wins over a button they resemble ("the day before at 8" is not the button).
    const typed =
      reading.kind !== 'none' && input.choice !== 'no' && input.choice !== 'pickTime' && !input.choiceIsWhole;
    if (typed) return this.timeFor('reminder', reading, draft, input.now);
    if (input.choice === 'pickTime') {
      return { kind: 'goto', state: askTime('reminder') };
    }
    const said = input.choice === 'dayBefore' ? true : input.choice === 'no' ? false : this.yesNo(input);
    if (said === false) return this.without('reminder', draft);
    if (said !== true) return { kind: 'miss' };
    const dayBefore = dayBeforeReminder(draft.when, input.now);
    if (dayBefore) return this.check('reminder', dayBefore);
    const say = [this.strings.text('appointment.dayBeforePassed')];
    return { kind: 'goto', state: askTime('reminder'), say };
  }

  /** A time of their own typed here, yes (the bot's time, to be checked), or no. */
  private followUp(draft: PlanDraft, input: AnswerInput): AfterOutcome {
    if (!draft.when) return this.without('followUp', draft);
    const reading = this.reading('followUp', draft, input);
    if (reading.kind !== 'none' && input.choice !== 'no')
      return this.timeFor('followUp', reading, draft, input.now);
    const said = input.choice === 'yes' ? true : input.choice === 'no' ? false : this.yesNo(input);
    if (said === false) return this.without('followUp', draft);
    if (said !== true) return { kind: 'miss' };
    const checkIn = defaultCheckIn(draft.when, input.now);
    return checkIn ? this.check('followUp', checkIn) : this.without('followUp', draft);
  }

  /**
   * The answer to "when should I remind you?": a time, "no reminder", or, while a saved plan's
   * reminder is being moved, "keep it" (or a plain yes or no: nothing new was said).
   */
  private reminderTime(state: PrepState, input: AnswerInput): AfterOutcome {
    const { draft, moving } = state;
    if (reminderRequestIn(this.strings, input.text) === 'remove')
      return this.without('reminder', draft, moving);
    const outcome = this.chosenTime('reminder', draft, input);
    const keeps =
      isOneOf(this.strings, 'appointment.reminderKeepWords', input.text) || this.yesNo(input) !== undefined;
    return moving && outcome.kind === 'miss' && keeps ? this.kept(moving) : outcome;
  }

  /**
   * Right after saving, "change the reminder to 7pm", "remind me the night before at 7" or "no
   * reminder": the new time read and checked (or asked for), or the reminder removed.
   */
  private moveReminder(draft: PlanDraft, input: AnswerInput): AfterOutcome | undefined {
    const request = reminderRequestIn(this.strings, input.text);
    if (!request || !draft.when || input.choice) return undefined;
    if (request === 'remove') return this.without('reminder', draft, 'afterSave');
    const reading = this.reading('reminder', draft, input);
    const outcome =
      request === 'change' && reading.kind !== 'none'
        ? this.timeFor('reminder', reading, draft, input.now)
        : { kind: 'goto' as const, state: askTime('reminder') };
    return outcome.kind === 'goto'
      ? { ...outcome, state: { ...outcome.state, moving: 'afterSave', history: [] } }
      : outcome;
  }

  /** The reminder left as it was: the end (moved from "my plans"), or "what next" again. */
  private kept(moving: NonNullable<PrepState['moving']>): AfterOutcome {
    const say = [this.strings.text('appointment.reminderKept')];
    if (moving === 'alone') return { kind: 'end', say };
    return { kind: 'goto', state: { step: 'next', moving: undefined, misses: 0 }, say };
  }

  /**
   * A second reminder ("and the morning at 7"), read once the first is set: to its check, or
   * undefined when it holds no time that works (the dialog says so).
   */
  second(draft: PlanDraft, input: AnswerInput): AfterOutcome | undefined {
    // "and the morning at 7": an hour alone is on the appointment's day, not the first reminder's.
    const day = draft.when && new Date(draft.when.start);
    const reading = this.reading('reminder', draft, input, day);
    if (reading.kind !== 'time') return undefined;
    const outcome = this.check('reminder', reading.time);
    if (outcome.kind !== 'goto' || !outcome.state.pendingTime) return outcome;
    return {
      ...outcome,
      state: { ...outcome.state, pendingTime: { ...outcome.state.pendingTime, second: true } },
    };
  }

  /** The answer to "when should I remind you?" (or check in). */
  private chosenTime(kind: MessageKind, draft: PlanDraft, input: AnswerInput): AfterOutcome {
    if (!draft.when) return this.without(kind, draft);
    return this.timeFor(kind, this.reading(kind, draft, input), draft, input.now);
  }

  /**
   * The check of a time: yes saves it, no asks for the time again, and a time typed instead is
   * read as the answer ("no, 8am": the same day at 8 AM).
   */
  private timeCheck(state: PrepState, input: AnswerInput): AfterOutcome {
    const { draft, pendingTime } = state;
    if (!pendingTime || !draft.when) return { kind: 'goto', state: { step: 'next', misses: 0 } };
    const { kind } = pendingTime;
    // "Yes, that's right. Thank you so much for your help today.": a yes, its "today" no new time.
    const yesFirst = this.yesNo(input) === true;
    const reading = yesFirst
      ? { kind: 'none' as const }
      : this.reading(kind, draft, input, new Date(pendingTime.at));
    if (reading.kind !== 'none') return this.timeFor(kind, reading, draft, input.now);
    const said =
      input.choice === 'yes' || yesFirst ? true : input.choice === 'no' ? false : this.yesNo(input);
    if (said === false) {
      const ask = this.strings.text('appointment.timeNotRight');
      return { kind: 'goto', state: askTime(kind), say: [ask] };
    }
    if (said !== true) return { kind: 'miss' };
    const field: ReminderField = pendingTime.second ? 'secondAt' : fieldOf[kind];
    const kept = (draft.reminders?.anyHour ?? []).filter((f) => f !== field);
    const anyHour = pendingTime.chosen ? [...kept, field] : kept;
    const reminders = { ...draft.reminders, [field]: pendingTime.at, anyHour };
    return {
      kind: 'remind',
      draft: { ...draft, reminders },
      announce: field,
      // A saved plan's reminder moved: its check-in was asked about before.
      nextStep: kind === 'reminder' && !state.moving ? 'followUp' : 'next',
    };
  }

  private reading(kind: MessageKind, draft: PlanDraft, input: AnswerInput, day?: Date): MessageTimeReading {
    if (!draft.when) return { kind: 'none' };
    // Moving a time already set: an hour alone ("to 7pm") is on its day, not today.
    const set = draft.reminders?.[fieldOf[kind]];
    day ??= set ? new Date(set) : undefined;
    const found = input.recognition.entities.datetime;
    const { text, findDates, now } = input;
    return readMessageTime(kind, { text, found, findDates, now, ...(day ? { day } : {}) }, draft.when);
  }

  /** A time read: to its check; one that cannot work is explained and asked for again. */
  private timeFor(kind: MessageKind, reading: MessageTimeReading, draft: PlanDraft, now: Date): AfterOutcome {
    if (reading.kind === 'time') return this.check(kind, reading.time);
    if (reading.kind === 'none' || !draft.when) return { kind: 'miss' };
    const { strings } = this;
    if (reading.kind === 'needsTime') {
      // No hour to count from: said plainly, and that morning (or evening) offered, to confirm.
      const key = kind === 'reminder' ? 'appointment.needsTimeReminder' : 'appointment.needsTimeFollowUp';
      const say = [strings.text(key, { when: formatWhen(draft.when, strings, now) })];
      const offer = sameDayOffer(kind, draft.when, now);
      const checked = offer && this.check(kind, offer);
      return checked?.kind === 'goto' ? { ...checked, say } : { kind: 'goto', state: askTime(kind), say };
    }
    // An hour the bot filled in ("dec 16": 10 AM) is not said back as if the person chose it,
    // unless the day alone would not say why (the appointment's own day).
    const zone = zoneOf(draft.when);
    const day = (instant: Date) => formatDayOf(instant, zone, strings, now);
    const hour = reading.chosen || day(reading.at) === day(new Date(draft.when.start));
    const at = (hour ? formatInstant : formatDayOf)(reading.at, zone, strings, now);
    const when = formatWhen(draft.when, strings, now);
    const why =
      reading.kind === 'past'
        ? strings.text('appointment.timePassed', { at })
        : reading.kind === 'notBefore'
          ? strings.text('appointment.reminderTooLate', { at, when })
          : strings.text('appointment.followUpTooSoon', { at, when });
    return { kind: 'goto', state: askTime(kind), say: [why] };
  }

  /** To the check of `time`: nothing is kept before the person says yes to its full date. */
  private check(kind: MessageKind, time: MessageTime): AfterOutcome {
    const pendingTime: PendingTime = {
      kind,
      at: time.at.toISOString(),
      chosen: time.chosen,
      ambiguous: time.ambiguous,
      movedForQuiet: time.movedForQuiet,
    };
    return { kind: 'goto', state: { step: 'timeCheck', pendingTime, history: [kind], misses: 0 } };
  }

  /**
   * No reminder (then the check-in question, or, moving a saved plan's, it is removed), or no
   * check-in (then save what was chosen).
   */
  private without(kind: MessageKind, draft: PlanDraft, moving?: PrepState['moving']): AfterOutcome {
    const field = fieldOf[kind];
    // "no reminder" takes off both reminders, a second one too.
    const gone: ReminderField[] = kind === 'reminder' ? [field, 'secondAt'] : [field];
    const rest = { ...draft.reminders, ...Object.fromEntries(gone.map((f) => [f, undefined])) };
    const anyHour = rest.anyHour?.filter((f) => !gone.includes(f));
    const reminders = rest.reminderAt || rest.secondAt || rest.followUpAt ? { ...rest, anyHour } : undefined;
    if (kind === 'reminder' && moving)
      return { kind: 'remind', draft: { ...draft, reminders }, announce: 'reminderAt', nextStep: 'next' };
    if (kind === 'reminder') {
      return { kind: 'goto', state: { step: 'followUp', draft: { ...draft, reminders }, misses: 0 } };
    }
    return { kind: 'remind', draft: { ...draft, reminders }, nextStep: 'next' };
  }

  /** Yes or no, typed in any usual way ("yep", "nope", "sure"), read the shared way, or undefined. */
  private yesNo(input: AnswerInput): boolean | undefined {
    return typedAnswerReader(this.strings).yesOrNo(input.text);
  }

  /**
   * The plan shown before saving: "Save it", yes words or "looks good" save it; "Change
   * something", "no" or "wait" ask which part (a part named outright is read by the dialog).
   */
  private review(input: AnswerInput): AfterOutcome {
    const said = input.choice ?? { true: 'save', false: 'change' }[String(this.yesNo(input))];
    if (said === 'save') return { kind: 'save' };
    if (said === 'change') return { kind: 'goto', state: { step: 'change', misses: 0 } };
    return { kind: 'miss' };
  }

  /** What next: rehearse the opening, a peer, change an answer, the plan as text, or done. */
  private next(draft: PlanDraft, input: AnswerInput): AfterOutcome {
    const { strings } = this;
    switch (input.choice) {
      case 'practice': {
        const line = draft.goal
          ? strings.text('appointment.openingWithGoal', { goal: escapeMarkdown(draft.goal) })
          : strings.text('appointment.openingNoGoal');
        return { kind: 'end', next: 'practice', say: [strings.text('appointment.openingLine', { line })] };
      }
      case 'peer':
        return { kind: 'end', next: 'peerGroup', say: [strings.text('appointment.peerBridge')] };
      case 'change':
        return { kind: 'goto', state: { step: 'change', misses: 0 } };
      case 'text':
        return { kind: 'text' };
      case 'done':
        return { kind: 'end', say: [strings.text('appointment.finished')] };
      default:
        return { kind: 'miss' };
    }
  }
}
