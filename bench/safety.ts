import { pathToFileURL } from 'node:url';
import { loadIntentExamples } from '../src/language/intents/intent-examples.js';
import { intentNames } from '../src/language/intents/intent-names.js';
import {
  learnedInputLimit,
  loadSafetyResources,
  SafetyClassifier,
  trainLearnedLayer,
} from '../src/language/safety/safety-classifier.js';
import {
  crossValidate,
  DANGER_ALARM_BUDGET,
  GRID,
  pickThresholds,
  sweepRow,
  TOTAL_ALARM_BUDGET,
} from '../test/language/safety/cross-validate.js';
import {
  evaluateSafety,
  KINDS,
  LEVELS,
  type SafetyEvaluation,
} from '../test/language/safety/evaluate-safety.js';
import { type SafetyCase, safetyCases } from '../test/language/safety/safety-cases.js';
import { safetyHoldout } from '../test/language/safety/safety-holdout.js';

/**
 * `node dist/bench/safety.js`: the safety gate's figures, rules alone beside rules + learned layer,
 * over the labelled set and, apart, over the held-out set (recall per level and kind, false
 * alarms, confusion, misses); the cross-validation that picks the learned layer's thresholds;
 * alarms on everyday messages (the intent examples, never used by the safety gate); load, training
 * and per-message cost. Printed here, never in tests.
 */

type Print = (line: string) => void;

const percent = (value: number) => (Number.isNaN(value) ? '-' : `${(value * 100).toFixed(1)}%`);
const ratio = (part: number, whole: number) => `${part}/${whole} (${percent(part / whole)})`;

/** Mean and 99th percentile of timings in ms. */
function meanAndP99(times: readonly number[]): { mean: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, t) => sum + t, 0) / Math.max(sorted.length, 1);
  return { mean, p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0 };
}

function time(classifier: SafetyClassifier, texts: readonly string[], rounds: number): number[] {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const text of texts) {
      const started = performance.now();
      classifier.classify(text);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** Rows of figures, one column per classifier. */
function figureRows(e: SafetyEvaluation): [string, string][] {
  const rows: [string, string][] = [];
  for (const level of LEVELS) {
    const f = e.levels[level];
    rows.push([`${level} recall (exact level)`, ratio(f.correct, f.labelled)]);
    rows.push([`${level} precision`, percent(f.precision)]);
  }
  for (const kind of KINDS) {
    const k = e.kinds[kind];
    if (k.atRisk > 0) rows.push([`${kind}: caught at level or above`, ratio(k.caught, k.atRisk)]);
    if (k.cases > k.atRisk) rows.push([`${kind}: false alarms`, ratio(k.alarms, k.cases - k.atRisk)]);
  }
  rows.push(['false-alarm rate (tricky-negative + everyday)', percent(e.falseAlarmRate)]);
  rows.push(['danger found with explicit flag', `${e.dangerExplicitFlagged}/${e.levels.danger.correct}`]);
  return rows;
}

function printComparison(
  title: string,
  cases: readonly SafetyCase[],
  rulesOnly: SafetyClassifier,
  combined: SafetyClassifier,
  print: Print,
): void {
  const before = evaluateSafety(cases, (text) => rulesOnly.classify(text));
  const after = evaluateSafety(cases, (text) => combined.classify(text));
  print(`safety: ${title}, ${after.total} messages`);
  print(`  ${''.padEnd(46)}${'rules alone'.padEnd(20)}rules + learned`);
  const afterRows = figureRows(after);
  figureRows(before).forEach(([label, value], index) => {
    print(`  ${label.padEnd(46)}${value.padEnd(20)}${afterRows[index]?.[1] ?? ''}`);
  });
  print('  confusion, rules + learned (rows expected, columns predicted):');
  print(`    ${''.padEnd(9)}${LEVELS.map((l) => l.padStart(9)).join('')}`);
  for (const expected of LEVELS) {
    print(
      `    ${expected.padEnd(9)}${LEVELS.map((actual) => String(after.confusion[expected][actual]).padStart(9)).join('')}`,
    );
  }
  for (const miss of after.misses) {
    print(
      `  miss [${miss.kind}] expected ${miss.expected}, got ${miss.actual} (${miss.signals.join(', ') || 'no signal'}): ${miss.text}`,
    );
  }
}

/** The cross-validation sweep on the training examples, and the thresholds it picks. */
function printCrossValidation(print: Print): void {
  const { rules, examples, lists } = loadSafetyResources();
  const started = performance.now();
  const scores = crossValidate(rules, examples.examples, lists);
  const picked = pickThresholds(scores);
  const first = sweepRow(scores, { danger: 1, atRisk: 1 });
  print(
    `safety: 5-fold cross-validation of the learned layer on its ${scores.length} training examples (${(performance.now() - started).toFixed(0)} ms): the rules miss ${first.dangerMissedByRules} danger examples and call ${first.concernMissedByRules} concern examples none; ${first.negatives} none examples`,
  );
  print('  each cell: danger found that the rules missed / danger alarms added / alarms added in all');
  print(`  ${'danger \\ atRisk'.padEnd(16)}${GRID.map((t) => t.toFixed(2).padStart(12)).join('')}`);
  for (const danger of GRID) {
    const cells = GRID.map((atRisk) => {
      const row = sweepRow(scores, { danger, atRisk });
      return `${row.dangerGained}/${row.dangerAlarmsAdded}/${row.alarmsAdded}`.padStart(12);
    });
    print(`  ${danger.toFixed(2).padEnd(16)}${cells.join('')}`);
  }
  const shipped = examples.thresholds;
  if (!picked) {
    print('  no thresholds within the alarm budgets: the learned layer should not ship');
    return;
  }
  const row = sweepRow(scores, picked);
  const same = shipped.danger === picked.danger && shipped.atRisk === picked.atRisk;
  print(
    `  picked (alarm budgets ${percent(DANGER_ALARM_BUDGET)} at danger, ${percent(TOTAL_ALARM_BUDGET)} in all): danger ${picked.danger}, atRisk ${picked.atRisk}: danger found ${ratio(row.dangerGained, row.dangerMissedByRules)}, concern raised ${ratio(row.concernGained, row.concernMissedByRules)}, concern raised to danger ${row.concernToDanger}, alarms added ${ratio(row.alarmsAdded, row.negatives)} (${row.dangerAlarmsAdded} at danger)`,
  );
  print(
    `  resources/safety-examples.json has danger ${shipped.danger}, atRisk ${shipped.atRisk}${same ? '' : '  <- UPDATE THE FILE'}`,
  );
}

/** Alarms on everyday messages the safety gate never saw: the intent recognizer's examples. */
function printEverydayAlarms(rulesOnly: SafetyClassifier, combined: SafetyClassifier, print: Print): void {
  const examples = loadIntentExamples();
  const texts = intentNames.flatMap((intent) => examples[intent]);
  const alarms = (classifier: SafetyClassifier) =>
    texts.filter((text) => classifier.classify(text).level !== 'none');
  const before = alarms(rulesOnly);
  const after = alarms(combined);
  print(
    `safety: alarms on the ${texts.length} intent examples (everyday messages, never used by the safety gate): rules alone ${ratio(before.length, texts.length)}, rules + learned ${ratio(after.length, texts.length)}`,
  );
  for (const text of after.filter((entry) => !before.includes(entry))) {
    print(`  added by the learned layer (${combined.classify(text).level}): ${text}`);
  }
}

function printTimings(classifier: SafetyClassifier, label: string, print: Print): void {
  const short = safetyCases.map((c) => c.text);
  const shortTimes = time(classifier, short, 10);
  const filler = 'I went to my meeting and talked with my sponsor about the week, and it helped. ';
  const long = `${filler.repeat(Math.ceil(30_000 / filler.length))} I want to die`;
  const adversarial = `took ${'x '.repeat(15_000)}`;
  const longTimes = time(classifier, [long], 30);
  const adversarialTimes = time(classifier, [adversarial], 20);
  const s = meanAndP99(shortTimes);
  const l = meanAndP99(longTimes);
  const a = meanAndP99(adversarialTimes);
  print(
    `  ${label}: short message mean ${s.mean.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms (${shortTimes.length} runs); ${(long.length / 1024).toFixed(0)} KB mean ${l.mean.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms; ${(adversarial.length / 1024).toFixed(0)} KB gap-filling mean ${a.mean.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms`,
  );
}

/** Prints the safety gate's quality figures, the threshold choice, and timings. */
export function runSafetyBenchmark({ print }: { print: Print }): void {
  let started = performance.now();
  const resources = loadSafetyResources();
  const loaded = performance.now() - started;
  started = performance.now();
  const layer = trainLearnedLayer(resources.rules, resources.examples.examples, resources.lists);
  const trained = performance.now() - started;
  const rulesOnly = new SafetyClassifier(resources.rules);
  const combined = new SafetyClassifier(resources.rules, {
    layer,
    thresholds: resources.examples.thresholds,
  });
  const counts = Object.values(resources.examples.examples).reduce((sum, list) => sum + list.length, 0);
  print(
    `safety: rules and examples loaded and checked in ${loaded.toFixed(0)} ms; learned layer trained on ${counts} examples in ${trained.toFixed(0)} ms (reads the first ${learnedInputLimit} characters)`,
  );
  printComparison(
    'labelled set (the rules were tuned on it and the learned layer trained on it)',
    safetyCases,
    rulesOnly,
    combined,
    print,
  );
  printComparison(
    'held-out set (never used for tuning or training: the honest estimate)',
    safetyHoldout,
    rulesOnly,
    combined,
    print,
  );
  printEverydayAlarms(rulesOnly, combined, print);
  printCrossValidation(print);
  print('safety: time per message');
  printTimings(rulesOnly, 'rules alone', print);
  printTimings(combined, 'rules + learned', print);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSafetyBenchmark({ print: (line) => process.stdout.write(`${line}\n`) });
}
