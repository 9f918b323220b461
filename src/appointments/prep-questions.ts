import { escapeMarkdown } from '../cards/markdown.js';
import { sayClock } from '../content/say-date.js';
import type { StringKey, Strings } from '../content/strings.js';
import { typedAnswerReader } from '../language/typed-answer.js';
import { quietHours } from '../scheduling/quiet-hours.js';
import { type ChoiceSpec, choiceOf } from './choices.js';
import { type AppointmentContent, checklistFor } from './content.js';
import { dayBeforeReminder } from './message-time.js';
import type { PlanDraft } from './plan.js';
import type { PrepState, StepName } from './prep-state.js';
import { askDayIn, formatInstant, formatWhen, zoneOf } from './when.js';

/** A question: its text and the choices offered as buttons (free text is always accepted too). */
export interface Question {
  text: string;
  choices: ChoiceSpec[];
}

/** The wording for a re-ask after an unclear answer, per question (others re-ask as they were). */
const againKeys: Partial<Record<StepName, StringKey>> = {
  type: 'appointment.askTypeAgain',
  when: 'appointment.askWhenAgain',
  goal: 'appointment.askGoalAgain',
  questions: 'appointment.askQuestionsAgain',
  barriers: 'appointment.askBarriersAgain',
  bring: 'appointment.askBringAgain',
  share: 'appointment.askShareAgain',
  talk: 'appointment.askTalkAgain',
  topQuestions: 'appointment.askTopQuestionsAgain',
  support: 'appointment.askSupportAgain',
  reminderTime: 'appointment.askReminderTimeAgain',
  followUpTime: 'appointment.askFollowUpTimeAgain',
  timeCheck: 'appointment.checkTimeAgain',
  whenCheck: 'appointment.askWhenCheckAgain',
  whenDay: 'appointment.askWhichDayAgain',
  whenTime: 'appointment.askWhenTimeAgain',
};

/** The questions of the appointment dialog, worded from the locale and content files. */
export class PrepQuestions {
  constructor(
    private readonly strings: Strings,
    private readonly content: AppointmentContent,
  ) {}

  /**
   * The question for `state`: after one unclear answer it is worded differently; after two it
   * offers to skip (with a Skip button), so nobody is stuck on one question.
   */
  ask(state: PrepState, now: Date): Question {
    const { strings } = this;
    const base = this.base(state, now);
    const again = againKeys[state.step];
    const shown = isCheckStep(state.step) ? state.checkWhen : state.draft.when;
    const when = shown ? formatWhen(shown, strings, now) : '';
    // The review offers no "Skip": saving is never a guess, so it is the shared re-ask, then "stuck".
    const review = state.step === 'review';
    if (state.misses >= 2 && !review) {
      const lead = `${strings.text('appointment.offerSkip', {}, state.misses - 2)} ${strings.text('answers.menuOrPerson')}`;
      const skip = choiceOf(strings, 'skip', 'appointment.skip', 'answers.skipWords');
      return {
        text: `${lead}\n\n${base.text}`,
        choices: [...base.choices.filter((c) => c.value !== 'skip'), skip],
      };
    }
    if (state.misses >= 1 && again) return { ...base, text: strings.text(again, { when }, state.misses - 1) };
    // No wording of its own for a re-ask: the shared one, naming the options.
    if (state.misses >= 1 && base.choices.length > 0)
      return {
        ...base,
        text: typedAnswerReader(strings).retryText({ options: base.choices }, review ? state.misses : 1),
      };
    const current = this.current(state, now);
    if (!current) return base;
    const keep = choiceOf(strings, 'keep', 'appointment.keep', 'appointment.keepWords');
    return {
      text: `${strings.text('appointment.currentAnswer', { answer: escapeMarkdown(current) })}\n\n${base.text}`,
      choices: [keep, ...base.choices],
    };
  }

  /** The current answer to a single-answer question being asked again (after "back" or "change"). */
  private current({ step, draft }: PrepState, now: Date): string | undefined {
    if (!draft.answered.some((field) => field === step)) return undefined;
    const { strings, content } = this;
    if (step === 'when' && draft.when) return formatWhen(draft.when, strings, now);
    if (step === 'type' && draft.type) return strings.text(content.types[draft.type].label);
    if (step === 'goal') return draft.goal;
    if (step === 'share' && draft.share) {
      if ('words' in draft.share) return draft.share.words;
      const id = draft.share.id;
      const choice = content.share.find((c) => c.id === id);
      return choice ? strings.text(choice.label) : undefined;
    }
    return undefined;
  }

  private base(state: PrepState, now: Date): Question {
    const { strings, content } = this;
    const { draft } = state;
    const q = (key: StringKey, choices: ChoiceSpec[] = [], vars = {}) => ({
      text: strings.text(key, vars),
      choices,
    });
    const skip = choiceOf(strings, 'skip', 'appointment.skip', 'answers.skipWords');
    const done = choiceOf(strings, 'done', 'appointment.done', 'appointment.doneWords');
    // A question heard in a vent, or put to the bot, is offered for the list before anything else.
    if (state.offeredQuestion)
      return q('appointment.ventKeepQuestion', this.checkChoices('appointment.ventLeaveOut'), {
        question: escapeMarkdown(state.offeredQuestion),
      });
    switch (state.step) {
      case 'type':
        return q('appointment.askType', this.typeChoices());
      case 'when':
        return q('appointment.askWhen', [this.notSure()]);
      case 'whenPast':
        return q('appointment.askWhenPast', this.pastChoices(), {
          when: state.checkWhen ? formatWhen(state.checkWhen, strings, now) : '',
        });
      case 'whenCheck':
        return q('appointment.askWhenCheck', this.checkChoices('appointment.anotherDate'), {
          when: state.checkWhen ? formatWhen(state.checkWhen, strings, now) : '',
        });
      case 'whenDay':
        return {
          text: state.checkWhen
            ? askDayIn(state.checkWhen, strings, now)
            : strings.text('appointment.askWhen'),
          choices: [this.notSure()],
        };
      case 'whenTime':
        return q('appointment.askWhenTime', [this.notSure()], {
          day: state.checkWhen ? formatWhen(state.checkWhen, strings, now) : '',
        });
      case 'goal':
        return q('appointment.askGoal', [skip]);
      case 'questions':
        return this.questions(draft);
      case 'topQuestions':
        return q(
          'appointment.askTopQuestions',
          [choiceOf(strings, 'keep', 'appointment.keepOrder', 'appointment.keepOrderWords')],
          {
            questions: numbered(draft.questions),
          },
        );
      case 'barriers':
        return this.barriers(draft);
      case 'bring': {
        const type = content.types[draft.type ?? 'other'];
        const checklist = checklistFor(content, draft)
          .map((key) => `- ${strings.text(key)}`)
          .join('\n');
        return q(
          'appointment.askBring',
          [choiceOf(strings, 'done', 'appointment.nothingElse', 'appointment.doneWords')],
          {
            type: strings.text(type.label),
            checklist,
          },
        );
      }
      case 'support':
        return q('appointment.askSupport', this.supportChoices());
      case 'share':
        return q(
          'appointment.askShare',
          content.share.map((c) => choiceOf(strings, c.id, c.label)),
        );
      case 'talk':
        return this.talk(draft, done);
      default:
        return this.afterSaving(state, now, skip);
    }
  }

  /** The questions asked once the plan is saved: reminders, what next, which answer to change. */
  private afterSaving(state: PrepState, now: Date, skip: ChoiceSpec): Question {
    const { strings } = this;
    const c = (value: string, label: StringKey, words?: StringKey) => choiceOf(strings, value, label, words);
    /** A question with two answers, each a value, its label and the words that also say it. */
    const twoWay = (text: StringKey, ...answers: [string, StringKey, StringKey][]): Question => ({
      text: strings.text(text),
      choices: answers.map(([value, label, words]) => c(value, label, words)),
    });
    const when = state.draft.when ? formatWhen(state.draft.when, strings, now) : '';
    switch (state.step) {
      case 'reminder': {
        const soon = !state.draft.when || !dayBeforeReminder(state.draft.when, now);
        return {
          text: strings.text('appointment.askReminder'),
          choices: [
            ...(soon ? [] : [c('dayBefore', 'appointment.reminderDayBefore')]),
            c('pickTime', 'appointment.reminderPickTime'),
            c('no', 'appointment.reminderNo', 'appointment.supportNoWords'),
          ],
        };
      }
      case 'reminderTime': {
        // Moving a reminder already set: when it is now, and how to keep it.
        const set = state.moving && state.draft.when ? state.draft.reminders?.reminderAt : undefined;
        const at =
          set && state.draft.when && formatInstant(new Date(set), zoneOf(state.draft.when), strings, now);
        if (at) return { text: strings.text('appointment.askReminderMove', { at }), choices: [] };
        return { text: strings.text('appointment.askReminderTime', { when }), choices: [skip] };
      }
      case 'followUpTime':
        return { text: strings.text('appointment.askFollowUpTime', { when }), choices: [skip] };
      case 'timeCheck':
        return { text: this.timeCheck(state, now), choices: this.checkChoices('appointment.timeNo') };
      case 'followUp':
        return twoWay(
          'appointment.askFollowUp',
          ['yes', 'appointment.followUpYes', 'appointment.supportYesWords'],
          ['no', 'appointment.followUpNo', 'appointment.supportNoWords'],
        );
      case 'review':
        return twoWay(
          'appointment.askReview',
          ['save', 'appointment.reviewSave', 'appointment.reviewSaveWords'],
          ['change', 'appointment.reviewChange', 'appointment.reviewChangeWords'],
        );
      case 'change':
        return { text: strings.text('appointment.askChange'), choices: this.changeChoices() };
      default:
        return {
          text: strings.text('appointment.askNext'),
          choices: [
            c('practice', 'appointment.nextPractice'),
            c('peer', 'appointment.nextPeer'),
            c('change', 'appointment.nextChange'),
            c('text', 'appointment.nextText'),
            c('done', 'appointment.nextDone', 'appointment.doneWords'),
          ],
        };
    }
  }

  /**
   * "I'll remind you Monday, December 14 at 8:00 PM. Is that right?", or for a time that could
   * be read another way "Monday, December 14 at 8:00 PM: is that right?"; and when the bot moved
   * its own pick out of quiet hours, that it did.
   */
  private timeCheck(state: PrepState, now: Date): string {
    const { strings } = this;
    const pending = state.pendingTime;
    if (!pending || !state.draft.when) return strings.text('appointment.checkTimeAgain');
    const at = formatInstant(new Date(pending.at), zoneOf(state.draft.when), strings, now);
    const key = pending.ambiguous
      ? 'appointment.checkAmbiguous'
      : pending.kind === 'reminder'
        ? 'appointment.checkReminder'
        : 'appointment.checkFollowUp';
    const check = strings.text(key, { at });
    if (!pending.movedForQuiet) return check;
    const hour = (h: number) =>
      sayClock({ year: 2000, month: 1, day: 1, hour: h, minute: 0 }, strings.locale);
    const quiet = strings.text('appointment.quietMoved', {
      from: hour(quietHours.from),
      until: hour(quietHours.until),
    });
    return `${quiet}\n\n${check}`;
  }

  /** Yes, or no with what "no" leads to ("No, another time"), for a check. */
  checkChoices(no: StringKey): ChoiceSpec[] {
    const { strings } = this;
    return [
      choiceOf(strings, 'yes', 'appointment.timeYes', 'appointment.checkYesWords'),
      choiceOf(strings, 'no', no, 'appointment.checkNoWords'),
    ];
  }

  /** Choices for the kind of appointment (by type id). */
  typeChoices(): ChoiceSpec[] {
    return Object.entries(this.content.types).map(([id, type]) => choiceOf(this.strings, id, type.label));
  }

  /** "Not sure yet", with its many phrasings. */
  notSure(): ChoiceSpec {
    return choiceOf(this.strings, 'notSure', 'appointment.notSureYet', 'appointment.notSureWords');
  }

  /** Choices for the gentle check of a date that has passed. */
  pastChoices(): ChoiceSpec[] {
    const { strings } = this;
    return [
      choiceOf(strings, 'right', 'appointment.pastRight'),
      choiceOf(strings, 'another', 'appointment.anotherDate'),
      this.notSure(),
    ];
  }

  /** Yes, no or maybe to bringing someone. */
  supportChoices(): ChoiceSpec[] {
    const { strings } = this;
    return [
      choiceOf(strings, 'yes', 'appointment.supportYes', 'appointment.supportYesWords'),
      choiceOf(strings, 'no', 'appointment.supportNo', 'appointment.supportNoWords'),
      choiceOf(strings, 'maybe', 'appointment.supportMaybe', 'appointment.supportMaybeWords'),
    ];
  }

  /** The answers that can be changed after saving, by field. */
  changeChoices(): ChoiceSpec[] {
    const c = (value: string, label: StringKey) => choiceOf(this.strings, value, label);
    return [
      c('type', 'appointment.changeType'),
      c('when', 'appointment.changeWhen'),
      c('goal', 'appointment.changeGoal'),
      c('questions', 'appointment.changeQuestions'),
      c('barriers', 'appointment.changeBarriers'),
      c('bring', 'appointment.changeBring'),
      c('support', 'appointment.changeSupport'),
      c('share', 'appointment.changeShare'),
      c('talk', 'appointment.changeTalk'),
    ];
  }

  /** The Ask Me 3 questions not yet on the list, as choices whose label is the question. */
  askMeThree(draft: PlanDraft): ChoiceSpec[] {
    return this.content.askMeThree
      .map((key) => choiceOf(this.strings, key, key))
      .filter((choice) => !draft.questions.includes(choice.label));
  }

  /** Barriers not yet named, as choices with the words that name them. */
  barrierChoices(draft: PlanDraft): ChoiceSpec[] {
    return this.content.barriers
      .filter((b) => !draft.barriers.some((item) => 'id' in item && item.id === b.id))
      .map((b) => choiceOf(this.strings, b.id, b.label, b.words));
  }

  /** Talk preferences not yet chosen. */
  talkChoices(draft: PlanDraft): ChoiceSpec[] {
    return this.content.talk
      .filter((t) => !draft.talk.some((item) => 'id' in item && item.id === t.id))
      .map((t) => choiceOf(this.strings, t.id, t.label));
  }

  private questions(draft: PlanDraft): Question {
    const { strings } = this;
    const done = choiceOf(strings, 'done', 'appointment.done', 'appointment.doneWords');
    if (draft.questions.length === 0) {
      const list = this.content.askMeThree.map((key) => `- ${strings.text(key)}`).join('\n');
      return {
        text: strings.text('appointment.askQuestions', { askMeThree: list }),
        choices: [...this.askMeThree(draft), done],
      };
    }
    const clear = {
      ...choiceOf(strings, 'clear', 'appointment.clearList', 'appointment.clearWords'),
      destructive: true,
    };
    return {
      text: strings.text('appointment.questionsSoFar', { list: numbered(draft.questions) }),
      choices: [...this.askMeThree(draft), done, clear],
    };
  }

  private barriers(draft: PlanDraft): Question {
    const { strings } = this;
    const first = draft.barriers.length === 0;
    const end = first
      ? choiceOf(strings, 'done', 'appointment.nothingInTheWay', 'appointment.doneWords')
      : choiceOf(strings, 'done', 'appointment.thatsAll', 'appointment.doneWords');
    return {
      text: strings.text(first ? 'appointment.askBarriers' : 'appointment.askBarriersMore'),
      choices: [...this.barrierChoices(draft), end],
    };
  }

  private talk(draft: PlanDraft, done: ChoiceSpec): Question {
    const { strings } = this;
    const first = draft.talk.length === 0;
    const end = first ? choiceOf(strings, 'done', 'appointment.talkNone', 'appointment.doneWords') : done;
    return {
      text: strings.text(first ? 'appointment.askTalk' : 'appointment.askTalkMore'),
      choices: [...this.talkChoices(draft), end],
    };
  }
}

/** The questions that check a date not yet kept (it stays in `checkWhen` until they are answered). */
function isCheckStep(step: StepName): boolean {
  return step === 'whenCheck' || step === 'whenDay' || step === 'whenTime';
}

/** "1. ...\n2. ..." with the person's words escaped. */
export function numbered(lines: readonly string[]): string {
  return lines.map((line, i) => `${i + 1}. ${escapeMarkdown(line)}`).join('\n');
}
