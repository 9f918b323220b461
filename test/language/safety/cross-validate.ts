import type { PhraseLists } from '../../../src/language/intents/phrase-lists.js';
import {
  combine,
  type LearnedScores,
  type LearnedThresholds,
  type RuleClassifier,
  SafetyClassifier,
  type SafetyLevel,
  type SafetyResult,
  safetyLevels,
  trainLearnedLayer,
} from '../../../src/language/safety/safety-classifier.js';
import type { SafetyExampleTexts } from '../../../src/language/safety/safety-examples.js';

/**
 * Cross-validation of the learned layer on its own training examples: each example is scored by
 * a layer trained without it, so the thresholds are chosen on phrasings the layer did not learn,
 * and the held-out set is never looked at. Shared by the tests and bench/safety.ts.
 */

/** One example scored out of fold: its label, what the rules said, what the learned layer said. */
export interface OutOfFold {
  readonly label: SafetyLevel;
  readonly rules: SafetyResult;
  /** Undefined where the rules' result stands (the learned layer is not consulted then). */
  readonly learned: LearnedScores | undefined;
}

/** Folds, and where the threshold grid runs (0.50, 0.55, ... 0.95). */
export const FOLDS = 5;
export const GRID: readonly number[] = Array.from({ length: 10 }, (_, i) => (50 + i * 5) / 100);

/**
 * The most alarms the learned layer may add on the `none` examples, as a share of them, when the
 * thresholds are picked: 2% at danger, 4% in all. Every such alarm asks a person who is fine
 * whether they are safe, or acknowledges a struggle they do not have: kind once, but repeated it
 * feels like being watched, so the budget is small. Within it, the thresholds that find the most
 * danger the rules missed win: a missed crisis costs more than a question.
 */
export const DANGER_ALARM_BUDGET = 0.02;
export const TOTAL_ALARM_BUDGET = 0.04;

/** Scores every example with a layer trained on the other folds (stratified by level). */
export function crossValidate(
  rules: RuleClassifier,
  examples: SafetyExampleTexts,
  lists: PhraseLists,
  folds = FOLDS,
): OutOfFold[] {
  const out: OutOfFold[] = [];
  const inFold = (fold: number) => (_: string, index: number) => index % folds === fold;
  const outOfFold = (fold: number) => (_: string, index: number) => index % folds !== fold;
  for (let fold = 0; fold < folds; fold += 1) {
    const pick = (keep: (text: string, index: number) => boolean) => ({
      danger: examples.danger.filter(keep),
      concern: examples.concern.filter(keep),
      none: examples.none.filter(keep),
    });
    const layer = trainLearnedLayer(rules, pick(outOfFold(fold)), lists);
    // The thresholds do not change the scores; combine is applied per row by sweepRow.
    const classifier = new SafetyClassifier(rules, { layer, thresholds: { danger: 1, atRisk: 1 } });
    const held = pick(inFold(fold));
    for (const label of safetyLevels) {
      for (const text of held[label]) {
        const { rules: ruled, learned } = classifier.explain(text);
        out.push({ label, rules: ruled, learned });
      }
    }
  }
  return out;
}

/** Figures for one pair of thresholds over out-of-fold scores. */
export interface SweepRow {
  readonly thresholds: LearnedThresholds;
  /** Danger examples the rules missed that the combination finds. */
  readonly dangerGained: number;
  readonly dangerMissedByRules: number;
  /** Concern examples the rules called none that the combination raises to concern or danger. */
  readonly concernGained: number;
  readonly concernMissedByRules: number;
  /** Concern examples the rules did not call danger that the combination raises to danger. */
  readonly concernToDanger: number;
  /** None examples the combination raises that the rules did not, at any level and at danger. */
  readonly alarmsAdded: number;
  readonly dangerAlarmsAdded: number;
  readonly negatives: number;
}

const RANK: Readonly<Record<SafetyLevel, number>> = { none: 0, concern: 1, danger: 2 };

/** Applies `combine` with `thresholds` to every out-of-fold score and counts the changes. */
export function sweepRow(scores: readonly OutOfFold[], thresholds: LearnedThresholds): SweepRow {
  const row = {
    thresholds,
    dangerGained: 0,
    dangerMissedByRules: 0,
    concernGained: 0,
    concernMissedByRules: 0,
    concernToDanger: 0,
    alarmsAdded: 0,
    dangerAlarmsAdded: 0,
    negatives: 0,
  };
  for (const item of scores) {
    const level = combine(item.rules, item.learned, thresholds).level;
    const before = item.rules.level;
    if (item.label === 'danger' && before !== 'danger') {
      row.dangerMissedByRules += 1;
      if (level === 'danger') row.dangerGained += 1;
    } else if (item.label === 'concern') {
      if (before === 'none') row.concernMissedByRules += 1;
      if (before === 'none' && RANK[level] >= RANK.concern) row.concernGained += 1;
      if (before !== 'danger' && level === 'danger') row.concernToDanger += 1;
    } else if (item.label === 'none') {
      row.negatives += 1;
      if (before === 'none' && level !== 'none') row.alarmsAdded += 1;
      if (before !== 'danger' && level === 'danger') row.dangerAlarmsAdded += 1;
    }
  }
  return row;
}

/** Every pair of thresholds on the grid with its figures. */
export function sweep(scores: readonly OutOfFold[]): SweepRow[] {
  return GRID.flatMap((danger) => GRID.map((atRisk) => sweepRow(scores, { danger, atRisk })));
}

/**
 * The thresholds the layer ships with: of the grid pairs whose added alarms on the `none` examples
 * stay within DANGER_ALARM_BUDGET (at danger) and TOTAL_ALARM_BUDGET (in all), the one that finds
 * the most danger the rules missed; on a tie, the one that raises the most missed concern, then
 * the one with the fewest alarms, then the higher thresholds. Undefined when no pair is within
 * budget (the layer should then not ship).
 */
export function pickThresholds(scores: readonly OutOfFold[]): LearnedThresholds | undefined {
  const within = sweep(scores).filter(
    (row) =>
      row.dangerAlarmsAdded <= DANGER_ALARM_BUDGET * row.negatives &&
      row.alarmsAdded <= TOTAL_ALARM_BUDGET * row.negatives,
  );
  within.sort(
    (a, b) =>
      b.dangerGained - a.dangerGained ||
      b.concernGained - a.concernGained ||
      a.alarmsAdded - b.alarmsAdded ||
      b.thresholds.danger - a.thresholds.danger ||
      b.thresholds.atRisk - a.thresholds.atRisk,
  );
  return within[0]?.thresholds;
}
