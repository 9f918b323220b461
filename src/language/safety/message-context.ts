import type { FoldedText } from './safety-text.js';

/**
 * Where each word of a folded message sits for the purposes of tense and scope: its clause, and
 * what the clause, its sentence and the whole message say about time. Built once per message from
 * the marker spans, so that judging each rule match afterwards is constant time.
 */

/** A run of words, first and last index inclusive. */
export interface Span {
  readonly first: number;
  readonly last: number;
}

/** The marker spans found in one message, by kind. */
export interface MarkerSpans {
  readonly clauseBreaks: readonly Span[];
  readonly presentIntros: readonly Span[];
  readonly distantPast: readonly Span[];
  readonly recentPast: readonly Span[];
  readonly present: readonly Span[];
  readonly hypothetical: readonly Span[];
  readonly recurrence: readonly Span[];
  readonly story: readonly Span[];
  readonly over: readonly Span[];
}

/** Facts about one clause. */
export interface ClauseFacts {
  readonly sentence: number;
  /** Opened by "now", "these days": does not inherit a past marker from its sentence. */
  readonly presentIntro: boolean;
  readonly distant: boolean;
  readonly recent: boolean;
  readonly present: boolean;
  /**
   * Where the clause's first generic or reported subject starts ("if someone", "that song"), or
   * undefined. It covers what follows it, not what comes before: in "he's not breathing, how do I
   * use narcan" the question is about the emergency, not a generic one.
   */
  readonly hypotheticalFrom: number | undefined;
  /** A later clause in the message talks about now ("... but now I help others"). */
  readonly laterPresentIntro: boolean;
}

/** Facts about a whole message. */
export interface MessageContext {
  readonly clauseOf: readonly number[];
  readonly clauses: readonly ClauseFacts[];
  /** Per sentence: a distant-past marker, a present marker somewhere in it. */
  readonly sentenceDistant: readonly boolean[];
  readonly sentencePresent: readonly boolean[];
  /** "I feel that way again": an old feeling is current, whatever tense the rest is in. */
  readonly recurrence: boolean;
  /** "5 years sober", "now I help others": past-tense events are part of a recovery story. */
  readonly story: boolean;
  /** "my friend od'd last night, hes ok now": what is told in the past is over. */
  readonly over: boolean;
}

interface MutableClause {
  sentence: number;
  presentIntro: boolean;
  distant: boolean;
  recent: boolean;
  present: boolean;
  hypotheticalFrom: number | undefined;
  laterPresentIntro: boolean;
}

/** Splits the message into clauses and records which markers fall in each. */
export function buildContext(folded: FoldedText, markers: MarkerSpans): MessageContext {
  const breakAt = new Set(markers.clauseBreaks.map((span) => span.first));
  const introAt = new Set(markers.presentIntros.map((span) => span.first));
  const clauseOf: number[] = [];
  const clauses: MutableClause[] = [];
  folded.words.forEach((_, index) => {
    const sentence = folded.sentenceOf[index] ?? 0;
    const current = clauses.at(-1);
    const startsSentence = current === undefined || current.sentence !== sentence;
    if (startsSentence || breakAt.has(index) || introAt.has(index)) {
      clauses.push({
        sentence,
        presentIntro: introAt.has(index),
        distant: false,
        recent: false,
        present: false,
        hypotheticalFrom: undefined,
        laterPresentIntro: false,
      });
    }
    clauseOf.push(clauses.length - 1);
  });
  const sentenceCount = (folded.sentenceOf.at(-1) ?? -1) + 1;
  const sentenceDistant = new Array<boolean>(sentenceCount).fill(false);
  const sentencePresent = new Array<boolean>(sentenceCount).fill(false);
  const mark = (spans: readonly Span[], apply: (clause: MutableClause) => void) => {
    for (const span of spans) {
      const clause = clauses[clauseOf[span.first] ?? -1];
      if (clause) apply(clause);
    }
  };
  mark(markers.distantPast, (clause) => {
    clause.distant = true;
    sentenceDistant[clause.sentence] = true;
  });
  mark(markers.recentPast, (clause) => {
    clause.recent = true;
  });
  mark(markers.present, (clause) => {
    clause.present = true;
    sentencePresent[clause.sentence] = true;
  });
  for (const span of markers.hypothetical) {
    const clause = clauses[clauseOf[span.first] ?? -1];
    if (clause) clause.hypotheticalFrom = Math.min(clause.hypotheticalFrom ?? span.first, span.first);
  }
  let laterIntro = false;
  for (let index = clauses.length - 1; index >= 0; index -= 1) {
    const clause = clauses[index];
    if (!clause) continue;
    clause.laterPresentIntro = laterIntro;
    laterIntro ||= clause.presentIntro;
  }
  return {
    clauseOf,
    clauses,
    sentenceDistant,
    sentencePresent,
    recurrence: markers.recurrence.length > 0,
    story: markers.story.length > 0,
    over: markers.over.length > 0,
  };
}
