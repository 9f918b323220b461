import { escapeMarkdown } from '../cards/markdown.js';
import type { Strings } from '../content/strings.js';
import { type PlanDraft, type PrepField, prepFields } from './plan.js';
import type { AnswerInput } from './prep-answers.js';
import type { PrepState } from './prep-state.js';
import { checkInAfter, dayBefore, readReminderTime } from './when.js';

/**
 * What an answer after saving leads to: another question (`goto`), not understood (`miss`), the
 * reminder choices made (`remind`: save and schedule them), the plan as text (`text`), one
 * answer to change (`change`), or the end, with what the person wants next for the caller.
 */
export type AfterOutcome =
  | { kind: 'goto'; state: Partial<PrepState> & Pick<PrepState, 'step'>; say?: string[] }
  | { kind: 'miss' }
  | { kind: 'remind'; draft: PlanDraft }
  | { kind: 'text' }
  | { kind: 'change'; field: PrepField }
  | { kind: 'end'; next?: 'practice' | 'peerGroup'; say: string[] };

/** Reads answers to the questions asked once the plan is saved. Pure: the dialog does the acting. */
export class AfterAnswers {
  constructor(private readonly strings: Strings) {}

  /** The outcome, or undefined when `state` is at a preparation question. */
  answer(state: PrepState, input: AnswerInput): AfterOutcome | undefined {
    switch (state.step) {
      case 'reminder':
        return this.reminder(state.draft, input);
      case 'reminderTime':
        return this.reminderTime(state.draft, input);
      case 'followUp':
        return this.followUp(state.draft, input);
      case 'next':
        return this.next(state.draft, input);
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
    switch (state.step) {
      case 'reminder':
      case 'reminderTime':
        return {
          kind: 'goto',
          state: { step: 'followUp', draft: { ...draft, reminders: undefined }, misses: 0 },
        };
      case 'followUp':
        return {
          kind: 'remind',
          draft: { ...draft, reminders: { reminderAt: draft.reminders?.reminderAt } },
        };
      case 'next':
        return { kind: 'end', say: [this.strings.text('appointment.finished')] };
      case 'change':
        return { kind: 'goto', state: { step: 'next', misses: 0 } };
      default:
        return undefined;
    }
  }

  /** The day before (or a chosen time if that has passed), a time of their own, or none. */
  private reminder(draft: PlanDraft, input: AnswerInput): AfterOutcome {
    const toFollowUp = (reminderAt?: string): AfterOutcome => ({
      kind: 'goto',
      state: { step: 'followUp', draft: { ...draft, reminders: { reminderAt } }, misses: 0 },
    });
    if (input.choice === 'no') return toFollowUp();
    if (input.choice === 'pickTime')
      return { kind: 'goto', state: { step: 'reminderTime', history: ['reminder'], misses: 0 } };
    if (input.choice !== 'dayBefore' || !draft.when) return { kind: 'miss' };
    const at = dayBefore(draft.when);
    if (at.getTime() > input.now.getTime()) return toFollowUp(at.toISOString());
    const say = [this.strings.text('appointment.dayBeforePassed')];
    return { kind: 'goto', state: { step: 'reminderTime', misses: 0 }, say };
  }

  private reminderTime(draft: PlanDraft, input: AnswerInput): AfterOutcome {
    if (!draft.when) return { kind: 'goto', state: { step: 'followUp', misses: 0 } };
    const found = input.recognition.entities.datetime;
    const at = readReminderTime(input.text, found, input.findDates, draft.when, input.now);
    if (!at) return { kind: 'miss' };
    const reminders = { reminderAt: at.toISOString() };
    return { kind: 'goto', state: { step: 'followUp', draft: { ...draft, reminders }, misses: 0 } };
  }

  /** Yes or no to a check-in after the appointment; then the reminders are set. */
  private followUp(draft: PlanDraft, input: AnswerInput): AfterOutcome {
    const said = input.choice ?? input.recognition.entities.boolean[0]?.value;
    if (said !== 'yes' && said !== 'no' && typeof said !== 'boolean') return { kind: 'miss' };
    const yes = said === 'yes' || said === true;
    const followUpAt = yes && draft.when ? checkInAfter(draft.when).toISOString() : undefined;
    return { kind: 'remind', draft: { ...draft, reminders: { ...draft.reminders, followUpAt } } };
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
