import type { SafetyLevel, SafetyResult } from '../../../src/language/safety/safety-classifier.js';
import type { SafetyCase, SafetyCaseKind } from './safety-cases.js';

/**
 * Scores a classifier over labelled cases. Shared by the tests (which assert thresholds) and
 * bench/safety.ts (which prints the figures), so both read the same numbers.
 */

export const LEVELS: readonly SafetyLevel[] = ['danger', 'concern', 'none'];
export const KINDS: readonly SafetyCaseKind[] = ['explicit', 'indirect', 'tricky-negative', 'everyday'];

/** One case whose predicted level differs from its label. */
export interface SafetyMiss {
  readonly text: string;
  readonly kind: SafetyCaseKind;
  readonly expected: SafetyLevel;
  readonly actual: SafetyLevel;
  readonly signals: readonly string[];
}

/** Recall and precision of one level; NaN where nothing was labelled or predicted. */
export interface LevelFigures {
  readonly labelled: number;
  readonly predicted: number;
  readonly correct: number;
  readonly recall: number;
  readonly precision: number;
}

/** How cases of one kind fared. `alarms` counts danger or concern predicted on a none case. */
export interface KindFigures {
  readonly cases: number;
  readonly correct: number;
  readonly alarms: number;
  /** Cases labelled danger or concern that were predicted at that level or higher. */
  readonly caught: number;
  readonly atRisk: number;
}

export interface SafetyEvaluation {
  readonly total: number;
  /** confusion[expected][actual] = count. */
  readonly confusion: Readonly<Record<SafetyLevel, Readonly<Record<SafetyLevel, number>>>>;
  readonly levels: Readonly<Record<SafetyLevel, LevelFigures>>;
  readonly kinds: Readonly<Record<SafetyCaseKind, KindFigures>>;
  /** Danger or concern predicted on tricky-negative and everyday cases, as a share of them. */
  readonly falseAlarmRate: number;
  /** Danger cases predicted danger, with the explicit flag set. */
  readonly dangerExplicitFlagged: number;
  readonly misses: readonly SafetyMiss[];
}

const RANK: Readonly<Record<SafetyLevel, number>> = { none: 0, concern: 1, danger: 2 };

function emptyRow(): Record<SafetyLevel, number> {
  return { danger: 0, concern: 0, none: 0 };
}

/** Runs `classify` over `cases` and computes the figures. */
export function evaluateSafety(
  cases: readonly SafetyCase[],
  classify: (text: string) => SafetyResult,
): SafetyEvaluation {
  const confusion = { danger: emptyRow(), concern: emptyRow(), none: emptyRow() };
  const kinds = Object.fromEntries(
    KINDS.map((kind) => [kind, { cases: 0, correct: 0, alarms: 0, caught: 0, atRisk: 0 }]),
  ) as Record<
    SafetyCaseKind,
    { cases: number; correct: number; alarms: number; caught: number; atRisk: number }
  >;
  const misses: SafetyMiss[] = [];
  let dangerExplicitFlagged = 0;
  for (const item of cases) {
    const result = classify(item.text);
    confusion[item.level][result.level] += 1;
    const kind = kinds[item.kind];
    kind.cases += 1;
    if (result.level === item.level) kind.correct += 1;
    if (item.level === 'none' && result.level !== 'none') kind.alarms += 1;
    if (item.level !== 'none') {
      kind.atRisk += 1;
      if (RANK[result.level] >= RANK[item.level]) kind.caught += 1;
    }
    if (item.level === 'danger' && result.level === 'danger' && result.explicit) dangerExplicitFlagged += 1;
    if (result.level !== item.level) {
      misses.push({
        text: item.text,
        kind: item.kind,
        expected: item.level,
        actual: result.level,
        signals: result.signals,
      });
    }
  }
  const levels = Object.fromEntries(
    LEVELS.map((level) => {
      const labelled = LEVELS.reduce((sum, actual) => sum + confusion[level][actual], 0);
      const predicted = LEVELS.reduce((sum, expected) => sum + confusion[expected][level], 0);
      const correct = confusion[level][level];
      return [
        level,
        { labelled, predicted, correct, recall: correct / labelled, precision: correct / predicted },
      ];
    }),
  ) as Record<SafetyLevel, LevelFigures>;
  const negatives = kinds['tricky-negative'].cases + kinds.everyday.cases;
  const alarms = kinds['tricky-negative'].alarms + kinds.everyday.alarms;
  return {
    total: cases.length,
    confusion,
    levels,
    kinds,
    falseAlarmRate: negatives === 0 ? 0 : alarms / negatives,
    dangerExplicitFlagged,
    misses,
  };
}
