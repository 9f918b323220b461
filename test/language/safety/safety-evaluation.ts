import type { LabelledItem, SafetyLanguage } from '../../../src/language/safety/labelled-set.js';
import type { SafetyResult } from '../../../src/language/safety/safety-classifier.js';
import {
  type CategoryGroup,
  type SafetyCategory,
  type SafetyTaxonomy,
  safetyCategories,
} from '../../../src/language/safety/safety-taxonomy.js';

/**
 * Scores the safety gate over a labeled set, per category and language, and checks the targets.
 * Shared by the target test (heldout-targets.test.ts), `npm run eval:safety` and the bench, so all
 * three read the same figures.
 */

/** The targets issue 16 set, on held-out messages. */
export const safetyTargets = {
  /** Danger said outright, found at level danger. */
  explicitAtDanger: 1,
  /** Danger found at any level (danger, or concern: both get a reply). */
  dangerFlagged: 0.97,
  /** Concern found at any level. */
  concernFlagged: 0.9,
  /** Lookalikes (idioms, recovery stories...) raised to concern or danger, at most. */
  lookalikeAlarms: 0.1,
  /** Everyday messages raised to concern or danger, at most. */
  everydayAlarms: 0.01,
} as const;

/** How the messages of one category in one language fared. */
export interface CellFigures {
  readonly category: SafetyCategory;
  readonly lang: SafetyLanguage;
  readonly group: CategoryGroup;
  readonly messages: number;
  /** Classified danger. */
  readonly atDanger: number;
  /** Classified danger or concern: for lookalikes and everyday messages, false alarms. */
  readonly flagged: number;
  readonly explicit: number;
  readonly explicitAtDanger: number;
}

/** A miss (danger below danger, concern at none) or a false alarm, with what the gate saw. */
export interface SafetyMistake {
  readonly item: LabelledItem;
  readonly got: SafetyResult;
}

/** Totals over one group of categories. */
export interface GroupFigures {
  readonly messages: number;
  readonly atDanger: number;
  readonly flagged: number;
}

export interface SetEvaluation {
  readonly cells: readonly CellFigures[];
  readonly groups: Readonly<Record<CategoryGroup, GroupFigures>>;
  readonly explicit: { readonly messages: number; readonly atDanger: number };
  readonly mistakes: readonly SafetyMistake[];
}

/** Runs `classify` over `items` and gathers the figures. */
export function evaluateSet(
  items: readonly LabelledItem[],
  taxonomy: SafetyTaxonomy,
  classify: (text: string) => SafetyResult,
): SetEvaluation {
  const cells = new Map<string, CellFigures>();
  const mistakes: SafetyMistake[] = [];
  for (const item of items) {
    const got = classify(item.text);
    const group = taxonomy.groupOf(item.category);
    const key = `${item.category}/${item.lang}`;
    const before = cells.get(key) ?? {
      category: item.category,
      lang: item.lang,
      group,
      messages: 0,
      atDanger: 0,
      flagged: 0,
      explicit: 0,
      explicitAtDanger: 0,
    };
    const atDanger = got.level === 'danger';
    const flagged = got.level !== 'none';
    cells.set(key, {
      ...before,
      messages: before.messages + 1,
      atDanger: before.atDanger + (atDanger ? 1 : 0),
      flagged: before.flagged + (flagged ? 1 : 0),
      explicit: before.explicit + (item.explicit ? 1 : 0),
      explicitAtDanger: before.explicitAtDanger + (item.explicit && atDanger ? 1 : 0),
    });
    const wanted = group === 'danger' || group === 'concern';
    if (wanted !== flagged || (group === 'danger' && !atDanger)) mistakes.push({ item, got });
  }
  const ordered = [...cells.values()].sort(
    (a, b) =>
      safetyCategories.indexOf(a.category) - safetyCategories.indexOf(b.category) ||
      a.lang.localeCompare(b.lang),
  );
  const total = (group: CategoryGroup): GroupFigures => {
    const mine = ordered.filter((cell) => cell.group === group);
    const sum = (pick: (cell: CellFigures) => number) => mine.reduce((n, cell) => n + pick(cell), 0);
    return {
      messages: sum((c) => c.messages),
      atDanger: sum((c) => c.atDanger),
      flagged: sum((c) => c.flagged),
    };
  };
  return {
    cells: ordered,
    groups: {
      danger: total('danger'),
      concern: total('concern'),
      lookalike: total('lookalike'),
      everyday: total('everyday'),
    },
    explicit: {
      messages: ordered.reduce((n, cell) => n + cell.explicit, 0),
      atDanger: ordered.reduce((n, cell) => n + cell.explicitAtDanger, 0),
    },
    mistakes,
  };
}

/** A share, or 1 (and 0 for alarms) when there was nothing to count. */
function share(part: number, whole: number, empty: number): number {
  return whole === 0 ? empty : part / whole;
}

/** One line per target: its name, the figure, the target and whether it is met. */
export interface TargetCheck {
  readonly name: string;
  readonly part: number;
  readonly whole: number;
  readonly target: number;
  /** `at least` for recall, `at most` for alarms. */
  readonly bound: 'at least' | 'at most';
  readonly met: boolean;
}

/** The five targets checked against one set's figures. */
export function checkTargets(evaluation: SetEvaluation): TargetCheck[] {
  const { groups, explicit } = evaluation;
  const atLeast = (name: string, part: number, whole: number, target: number): TargetCheck => ({
    name,
    part,
    whole,
    target,
    bound: 'at least',
    met: share(part, whole, 1) >= target,
  });
  const atMost = (name: string, part: number, whole: number, target: number): TargetCheck => ({
    name,
    part,
    whole,
    target,
    bound: 'at most',
    met: share(part, whole, 0) <= target,
  });
  return [
    atLeast(
      'explicit danger found at danger',
      explicit.atDanger,
      explicit.messages,
      safetyTargets.explicitAtDanger,
    ),
    atLeast(
      'danger found at any level',
      groups.danger.flagged,
      groups.danger.messages,
      safetyTargets.dangerFlagged,
    ),
    atLeast(
      'concern found at any level',
      groups.concern.flagged,
      groups.concern.messages,
      safetyTargets.concernFlagged,
    ),
    atMost(
      'false alarms on lookalikes',
      groups.lookalike.flagged,
      groups.lookalike.messages,
      safetyTargets.lookalikeAlarms,
    ),
    atMost(
      'false alarms on everyday messages',
      groups.everyday.flagged,
      groups.everyday.messages,
      safetyTargets.everydayAlarms,
    ),
  ];
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
const ratio = (part: number, whole: number) => `${part}/${whole} ${percent(part, whole)}`.padStart(14);

/** The title and the five target totals, one line each: nothing about a category or a message. */
export function totalLines(title: string, evaluation: SetEvaluation): string[] {
  return [
    title,
    ...checkTargets(evaluation).map((check) => {
      const target = `${check.bound} ${(100 * check.target).toFixed(0)}%`;
      return `  ${check.name.padEnd(36)}${ratio(check.part, check.whole)}   target ${target.padEnd(14)}${check.met ? 'met' : 'NOT MET'}`;
    }),
  ];
}

/**
 * The figures as lines for a terminal: per category and language, then the targets (totalLines),
 * then every mistake (its category, expected and actual level, the signals, and the message itself).
 */
export function reportLines(title: string, evaluation: SetEvaluation): string[] {
  const [, ...totals] = totalLines(title, evaluation);
  const lines = [
    title,
    `  ${'category'.padEnd(24)}lang ${'at danger'.padStart(14)} ${'any level'.padStart(14)}`,
  ];
  for (const cell of evaluation.cells) {
    const wanted = cell.group === 'danger' || cell.group === 'concern';
    const columns = wanted
      ? `${ratio(cell.atDanger, cell.messages)} ${ratio(cell.flagged, cell.messages)}`
      : `${''.padStart(14)} ${ratio(cell.flagged, cell.messages)} false alarms`;
    lines.push(`  ${cell.category.padEnd(24)}${cell.lang.padEnd(5)}${columns}`);
  }
  lines.push(...totals);
  for (const { item, got } of evaluation.mistakes) {
    const kind = item.expected === 'none' ? 'false alarm' : got.level === 'none' ? 'miss' : 'below danger';
    const expected = `${item.expected}${item.explicit ? ' (explicit)' : ''}`;
    lines.push(
      `  ${kind}: ${item.category} ${item.lang}, expected ${expected}, got ${got.level} [${got.signals.join(', ') || 'no signal'}]: ${item.text}`,
    );
  }
  return lines;
}

/** A message of about `bytes` of ordinary talk that ends in crisis words: read whole by the rules. */
export function longMessage(bytes = 30 * 1024): string {
  const filler = 'I went to my meeting and talked with my sponsor about the week, and it helped. ';
  return `${filler.repeat(Math.ceil(bytes / filler.length))}I want to die`;
}

/** Mean and 99th percentile, in ms, of classifying `text` `runs` times. */
export function messageCost(
  classify: (text: string) => unknown,
  text: string,
  runs: number,
): { mean: number; p99: number; runs: number } {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    classify(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, t) => sum + t, 0) / runs;
  return { mean, p99: times[Math.min(runs - 1, Math.ceil(runs * 0.99) - 1)] ?? 0, runs };
}
