import type { TypedAnswerReader } from '../language/typed-answer.js';

/**
 * One way to run a guided questionnaire (fields asked in order, the ones that apply, an answer
 * read into a patch or a miss, back, skip after misses, change an answer), as pure steps: the
 * dialog asks, calls these with what was typed, and acts on what comes back. What a field means
 * and how its answer is read belong to the feature (its spec and its own reader).
 */

/** Answers so far: at most one value per field; a field with no value is still to be asked. */
export type Answers<F extends string> = { readonly [K in F]?: unknown };

/** What a feature says about its questions. */
export interface QuestionnaireSpec<F extends string, A extends Answers<F>> {
  /** The fields, in the order they are asked. */
  readonly fields: readonly F[];
  /** Whether `field` is asked, given the answers so far. */
  applies(field: F, answers: A): boolean;
  /** The answer a field gets when, after the misses, it is skipped for the person. */
  skipped(field: F): A;
  /**
   * The answers without `field`'s, so it is asked again, when more goes with it (a list that
   * starts again, a detail of that answer); by default only that field's answer is cleared.
   */
  cleared?(answers: A, field: F): A;
}

/** Where the questionnaire is, kept in the dialog's options from turn to turn. */
export interface QuestionnaireState<A> {
  answers: A;
  /** Unclear answers in a row to the open question (or menu). */
  misses: number;
}

/** What an answer at a question comes to: answers to keep, "back", or nothing understood. */
export type Reading<A> = { kind: 'answer'; patch: A } | { kind: 'back' } | { kind: 'miss' };

/**
 * How a question (or a menu) is asked after `misses` unclear answers: as first worded, again in
 * other words, or stuck (a question then offers its skip, a menu the way out).
 */
export type Attempt = 'first' | 'again' | 'stuck';

/** Misses in a row after which a question is skipped for the person instead of asked again. */
const MISSES_BEFORE_SKIP = 2;

export class Questionnaire<F extends string, A extends Answers<F>> {
  constructor(
    private readonly spec: QuestionnaireSpec<F, A>,
    private readonly reader: TypedAnswerReader,
  ) {}

  /** The first field not yet answered that applies to the answers so far; none left: undefined. */
  next(answers: A): F | undefined {
    return this.spec.fields.find(
      (field) => answers[field] === undefined && this.spec.applies(field, answers),
    );
  }

  /** How the open question or menu is asked after `misses` unclear answers in a row. */
  attempt(misses: number): Attempt {
    return misses === 0 ? 'first' : misses === 1 ? 'again' : 'stuck';
  }

  /**
   * The answer typed at `field`: "back" (the shared step word) first, then the field's own
   * reader, whose patch may hold other fields too ("alcohol, online please").
   */
  read(field: F | undefined, text: string, own: (field: F) => A | undefined): Reading<A> {
    if (field === undefined) return { kind: 'miss' };
    if (this.reader.stepWord(text) === 'back') return { kind: 'back' };
    const patch = own(field);
    return patch ? { kind: 'answer', patch } : { kind: 'miss' };
  }

  /** The answers with `patch` kept, the misses counted afresh. */
  take(answers: A, patch: A): QuestionnaireState<A> {
    return { answers: { ...answers, ...patch }, misses: 0 };
  }

  /**
   * After an unclear answer at `field`: asked again (the misses counted), or, after the misses
   * allowed, skipped for the person (`skipped`: the dialog says so).
   */
  miss(
    state: QuestionnaireState<A>,
    field: F | undefined,
  ): { skipped: boolean; state: QuestionnaireState<A> } {
    if (field === undefined || state.misses < MISSES_BEFORE_SKIP)
      return { skipped: false, state: { ...state, misses: state.misses + 1 } };
    return { skipped: true, state: this.take(state.answers, this.spec.skipped(field)) };
  }

  /**
   * "back" at `current`: the answered question before it that applies, its answer cleared so it
   * is asked again, the others kept. Undefined when nothing comes before.
   */
  back(answers: A, current: F): QuestionnaireState<A> | undefined {
    const before = this.spec.fields.slice(0, this.spec.fields.indexOf(current));
    const previous = before
      .reverse()
      .find((field) => answers[field] !== undefined && this.spec.applies(field, answers));
    return previous === undefined ? undefined : this.change(answers, previous);
  }

  /** Changing the answer to `field`: cleared, so it is the next question asked. */
  change(answers: A, field: F): QuestionnaireState<A> {
    if (this.spec.cleared) return { answers: this.spec.cleared(answers, field), misses: 0 };
    const { [field]: _cleared, ...rest } = answers;
    // Every field of Answers is optional, so the answers less one are still answers of A's kind.
    return { answers: rest as A, misses: 0 };
  }

  /** The answers the person can change: every one given, and every one that applies now. */
  changeable(answers: A): F[] {
    return this.spec.fields.filter(
      (field) => answers[field] !== undefined || this.spec.applies(field, answers),
    );
  }
}
