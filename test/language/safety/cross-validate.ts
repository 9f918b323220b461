import { Strings } from '../../../src/content/strings.js';
import { loadIntentExamples } from '../../../src/language/intents/intent-examples.js';
import { intentNames } from '../../../src/language/intents/intent-names.js';
import type { PhraseLists } from '../../../src/language/intents/phrase-lists.js';
import type { LabelledItem } from '../../../src/language/safety/labelled-set.js';
import {
  combine,
  type LearnedScores,
  type LearnedThresholds,
  type RuleClassifier,
  SafetyClassifier,
  type SafetyResult,
  trainLearnedLayer,
} from '../../../src/language/safety/safety-classifier.js';
import { textsByLevel } from '../../../src/language/safety/safety-examples.js';
import type {
  CategoryGroup,
  SafetyCategory,
  SafetyTaxonomy,
} from '../../../src/language/safety/safety-taxonomy.js';
import { setAsideWhole } from '../../../src/turn/hint-reading.js';
import { typicalAnswers } from '../../robustness/typical-answers.js';
import { spokenStrings } from '../../support/spoken-strings.js';
import { safetyTargets } from './safety-evaluation.js';

/**
 * Cross-validation of the learned layer on its own training examples: each example is scored by
 * a layer trained without it, so the thresholds are chosen on phrasings the layer did not learn,
 * and the held-out sets are never looked at. Shared by the tests and bench/safety.ts.
 */

/** One example scored out of fold: its group, what the rules said, what the learned layer said. */
export interface OutOfFold {
  readonly group: CategoryGroup;
  readonly rules: SafetyResult;
  readonly hints: ReadonlySet<SafetyCategory>;
  /** Undefined where the rules' result stands (the learned layer is not consulted then). */
  readonly learned: LearnedScores | undefined;
  /** An everyday message from outside the training set (see independentEveryday). */
  readonly independent?: boolean;
  /** Words the bot itself puts before the person (see ownWords). */
  readonly own?: boolean;
}

/**
 * Everyday messages the safety gate never trains on: the intent recognizer's examples, what people
 * ask Wayfinder for. The everyday alarm budget is judged on them, because the training set's
 * everyday messages are largely written to sit at danger's edge ("at the bus stop by the bridge
 * waiting on the 12", "signing off for tonight") and would hold the layer to a budget meant for
 * plain messages.
 */
export function independentEveryday(): string[] {
  const examples = loadIntentExamples();
  return intentNames.flatMap((intent) => examples[intent]);
}

/** Intents of the commands that work from any state: people type them at any question. */
const anyStateCommands = ['help', 'menu', 'cancel', 'showData', 'deleteData', 'privacy', 'aboutBot'] as const;

/**
 * What people say at the bot's questions: its own short lines and button labels (tapped or typed
 * back), the answers the robustness suite types there, and the commands that work from any state.
 * No alarm the learned layer raises on them is affordable, judged on the layer that ships: the pick
 * once swung to a pair that called the bot's own "Keep going" button danger, and people playing the
 * bot got the check-in for ordinary answers. Whole messages the conversation sets aside whatever
 * the layer says (setAsideWhole: a plain goodbye, "i just told you everything") are left out: no
 * one meets the layer's level on them, and the round-10 list of them moved the pick (atRisk 0.8 to
 * 0.95, costing 5 of set B's 48 concerns) for an alarm no person sees.
 */
export function ownWords(): string[] {
  const strings = Strings.load();
  const shortLines = spokenStrings()
    .map(({ text }) => text)
    .filter((text) => text.split(/\s+/).length <= 5 && !/[{}]/.test(text));
  const examples = loadIntentExamples();
  const commands = anyStateCommands.flatMap((intent) => examples[intent]);
  const said = [...shortLines, ...typicalAnswers(), ...commands].filter(
    (text) => !setAsideWhole(strings, text),
  );
  return [...new Set(said)];
}

/** Folds, and where the threshold grid runs (0.50, 0.55, ... 0.95, 0.97, 0.99). */
export const FOLDS = 5;
export const GRID: readonly number[] = [
  ...Array.from({ length: 10 }, (_, i) => (50 + i * 5) / 100),
  0.97,
  0.99,
];

/**
 * The most alarms (rules and learned layer together) the picked thresholds may raise out of fold:
 * the targets' rates with a margin on lookalikes and on the training set's everyday messages
 * (edge cases, see independentEveryday), the target itself on independent everyday messages.
 * Within them the pair that finds the most danger wins: the decision is to favor sensitivity.
 */
export const LOOKALIKE_ALARM_BUDGET = safetyTargets.lookalikeAlarms * 0.8;
export const EVERYDAY_ALARM_BUDGET = safetyTargets.everydayAlarms;

/**
 * Out-of-fold danger counts this close (a share of the danger examples: 0.1%, two or three
 * messages) are noise between neighboring grid pairs, not sensitivity; the fewer alarms decide.
 * Without it the pick swung with every added example, once to a pair that called the bot's own
 * "Keep going" button danger for one more danger example found.
 */
export const DANGER_TIE = 0.001;

/**
 * Scores every example with a layer trained on the other folds (stratified by category and
 * language), and each of `everyday` and `own` (messages outside the training set) with the layer
 * trained on all of them.
 */
export function crossValidate(
  rules: RuleClassifier,
  items: readonly LabelledItem[],
  taxonomy: SafetyTaxonomy,
  lists: PhraseLists,
  everyday: readonly string[] = independentEveryday(),
  own: readonly string[] = ownWords(),
  folds = FOLDS,
): OutOfFold[] {
  const seen = new Map<string, number>();
  const foldOf = items.map((item) => {
    const key = `${item.category}/${item.lang}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return index % folds;
  });
  const out: OutOfFold[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const training = items.filter((_, index) => foldOf[index] !== fold);
    const layer = trainLearnedLayer(rules, textsByLevel(training), lists);
    // The thresholds do not change the scores; combine is applied per row by sweepRow.
    const classifier = new SafetyClassifier(rules, { layer, thresholds: { danger: 1, atRisk: 1 } });
    items.forEach((item, index) => {
      if (foldOf[index] !== fold) return;
      const { rules: ruled, hints, learned } = classifier.explain(item.text);
      out.push({ group: taxonomy.groupOf(item.category), rules: ruled, hints, learned });
    });
  }
  // Messages outside the training set need no folds: the layer that ships (trained on every
  // example) scores them, so their alarms are the ones people will meet (fold layers, trained on
  // less, raised fewer: 6 against 9 of the intent examples).
  const layer = trainLearnedLayer(rules, textsByLevel(items), lists);
  const shipped = new SafetyClassifier(rules, { layer, thresholds: { danger: 1, atRisk: 1 } });
  for (const text of everyday) {
    const { rules: ruled, hints, learned } = shipped.explain(text);
    out.push({ group: 'everyday', rules: ruled, hints, learned, independent: true });
  }
  for (const text of own) {
    const { rules: ruled, hints, learned } = shipped.explain(text);
    // What the rules flag there ("I feel so hopeless" opens the concern reply) is theirs to say.
    if (ruled.level === 'none') out.push({ group: 'everyday', rules: ruled, hints, learned, own: true });
  }
  return out;
}

/** Counts within one group of examples. */
export interface Tally {
  readonly flagged: number;
  readonly total: number;
}

/** Figures for one pair of thresholds over out-of-fold scores (flagged: danger or concern). */
export interface SweepRow {
  readonly thresholds: LearnedThresholds;
  readonly danger: Tally;
  readonly concern: Tally;
  readonly lookalike: Tally;
  /** The training set's everyday messages. */
  readonly everyday: Tally;
  /** Everyday messages outside the training set. */
  readonly independent: Tally;
  /** The bot's own words, typed back. */
  readonly own: Tally;
  /** Danger examples flagged by the combination that the rules alone left at none. */
  readonly dangerGained: number;
}

/** Applies `combine` with `thresholds` to every out-of-fold score and counts. */
export function sweepRow(scores: readonly OutOfFold[], thresholds: LearnedThresholds): SweepRow {
  const flagged = { danger: 0, concern: 0, lookalike: 0, everyday: 0, independent: 0, own: 0 };
  const total = { danger: 0, concern: 0, lookalike: 0, everyday: 0, independent: 0, own: 0 };
  let dangerGained = 0;
  for (const item of scores) {
    const level = combine(item.rules, item.learned, thresholds, item.hints).level;
    const group = item.own ? 'own' : item.independent ? 'independent' : item.group;
    total[group] += 1;
    if (level !== 'none') flagged[group] += 1;
    if (item.group === 'danger' && level !== 'none' && item.rules.level === 'none') dangerGained += 1;
  }
  const tally = (group: CategoryGroup | 'independent' | 'own'): Tally => ({
    flagged: flagged[group],
    total: total[group],
  });
  return {
    thresholds,
    danger: tally('danger'),
    concern: tally('concern'),
    lookalike: tally('lookalike'),
    everyday: tally('everyday'),
    independent: tally('independent'),
    own: tally('own'),
    dangerGained,
  };
}

/** Every pair of thresholds on the grid with its figures. */
export function sweep(scores: readonly OutOfFold[]): SweepRow[] {
  return GRID.flatMap((danger) => GRID.map((atRisk) => sweepRow(scores, { danger, atRisk })));
}

/** Whether a row's alarms stay within the budgets. */
export function withinBudget(row: SweepRow): boolean {
  return (
    row.lookalike.flagged <= LOOKALIKE_ALARM_BUDGET * row.lookalike.total &&
    row.everyday.flagged <= LOOKALIKE_ALARM_BUDGET * row.everyday.total &&
    row.independent.flagged <= EVERYDAY_ALARM_BUDGET * row.independent.total &&
    row.own.flagged === 0
  );
}

/**
 * How far below the most danger found (a share of the danger examples: 1%, about 28 messages) the
 * shipped pair may fall and still be kept. Picked afresh every time, the pair swung with every few
 * examples added (round 10's 374 messages, 60 at a time: danger 0.65, 0.8, 0.75, 0.6, 0.65, 0.75,
 * 0.5), and each move called a different plain line danger. The most danger sits where a short
 * line of the bot's own words or of the intent examples starts to raise an alarm on the layer that
 * ships, and which one tips first changes with any example. Summing the counts over four splits
 * into folds did not settle it (the same swing), nor did training on the bot's own words (then
 * the intent examples tip it: 0.5 to 0.7). Kept while within the band and the budgets, the pair
 * stayed at 0.65/0.8 at 180, 240 and 374 of those messages; at 60, 120 and 300 the shipped layer
 * raised alarms on 2 of the bot's own words and on 15-17 intent examples there, so it moved.
 */
export const KEEP_BAND = 0.01;

/**
 * The thresholds the layer ships with: `shipped` while it is within the alarm budgets and its
 * danger within `KEEP_BAND` of the most found within them (see KEEP_BAND); otherwise, of the grid
 * pairs within the budgets, the one that flags the most danger; pairs within `DANGER_TIE` of the
 * most are a tie, settled by the fewest alarms, then the most concern, then the higher thresholds.
 * Undefined when no pair is within budget (the layer should then not ship).
 */
export function pickThresholds(
  scores: readonly OutOfFold[],
  shipped?: LearnedThresholds,
): LearnedThresholds | undefined {
  const alarms = (row: SweepRow) => row.lookalike.flagged + row.everyday.flagged + row.independent.flagged;
  const within = sweep(scores).filter(withinBudget);
  const most = Math.max(...within.map((row) => row.danger.flagged));
  const kept = within.find(
    (row) =>
      row.thresholds.danger === shipped?.danger &&
      row.thresholds.atRisk === shipped.atRisk &&
      row.danger.flagged >= most - KEEP_BAND * row.danger.total,
  );
  if (kept) return kept.thresholds;
  const tied = within.filter((row) => row.danger.flagged >= most - DANGER_TIE * row.danger.total);
  tied.sort(
    (a, b) =>
      alarms(a) - alarms(b) ||
      b.concern.flagged - a.concern.flagged ||
      b.thresholds.danger - a.thresholds.danger ||
      b.thresholds.atRisk - a.thresholds.atRisk,
  );
  return tied[0]?.thresholds;
}
