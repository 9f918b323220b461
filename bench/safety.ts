import { pathToFileURL } from 'node:url';
import { loadIntentExamples } from '../src/language/intents/intent-examples.js';
import { intentNames } from '../src/language/intents/intent-names.js';
import {
  learnedInputLimit,
  loadSafetyResources,
  SafetyClassifier,
  trainLearnedLayer,
} from '../src/language/safety/safety-classifier.js';
import { textsByLevel } from '../src/language/safety/safety-examples.js';
import {
  crossValidate,
  EVERYDAY_ALARM_BUDGET,
  GRID,
  LOOKALIKE_ALARM_BUDGET,
  pickThresholds,
  type SweepRow,
  sweepRow,
  type Tally,
} from '../test/language/safety/cross-validate.js';
import { loadHeldOutSets } from '../test/language/safety/held-out-sets.js';
import {
  checkTargets,
  evaluateSet,
  longMessage,
  messageCost,
} from '../test/language/safety/safety-evaluation.js';

/**
 * `node dist/bench/safety.js`: the safety gate's costs and choices, rules alone beside rules +
 * learned layer: loading and training time; the targets on each held-out set (the full report,
 * per category, is `npm run eval:safety`); alarms on everyday messages; the cross-validation that
 * picks the learned layer's thresholds; time per message. Printed here, never in tests.
 */

type Print = (line: string) => void;

const percent = (value: number) => (Number.isNaN(value) ? '-' : `${(value * 100).toFixed(1)}%`);
const ratio = (part: number, whole: number) => `${part}/${whole} (${percent(part / whole)})`;
const tally = (t: Tally) => ratio(t.flagged, t.total);

/** Each held-out set's targets, rules alone beside rules + learned. */
function printTargets(rulesOnly: SafetyClassifier, combined: SafetyClassifier, print: Print): void {
  const { taxonomy } = loadSafetyResources();
  for (const { name, set } of loadHeldOutSets(taxonomy)) {
    const before = checkTargets(evaluateSet(set.items, taxonomy, (text) => rulesOnly.classify(text)));
    const after = checkTargets(evaluateSet(set.items, taxonomy, (text) => combined.classify(text)));
    print(`safety: held-out set ${name}, ${set.items.length} messages`);
    print(`  ${''.padEnd(36)}${'rules alone'.padEnd(22)}rules + learned`);
    before.forEach((check, index) => {
      const other = after[index];
      print(
        `  ${check.name.padEnd(36)}${ratio(check.part, check.whole).padEnd(22)}${other ? ratio(other.part, other.whole) : ''}`,
      );
    });
  }
}

/** Alarms on everyday messages the safety gate never trains on: the intent recognizer's examples. */
function printEverydayAlarms(rulesOnly: SafetyClassifier, combined: SafetyClassifier, print: Print): void {
  const examples = loadIntentExamples();
  const texts = intentNames.flatMap((intent) => examples[intent]);
  const alarms = (classifier: SafetyClassifier) =>
    texts.filter((text) => classifier.classify(text).level !== 'none').length;
  print(
    `safety: alarms on the ${texts.length} intent examples (everyday messages): rules alone ${ratio(alarms(rulesOnly), texts.length)}, rules + learned ${ratio(alarms(combined), texts.length)}`,
  );
}

/** The cross-validation sweep on the training examples, and the thresholds it picks. */
function printCrossValidation(print: Print): void {
  const { rules, examples, taxonomy, lists } = loadSafetyResources();
  const started = performance.now();
  const scores = crossValidate(rules, examples.items, taxonomy, lists);
  const rulesAlone = sweepRow(scores, { danger: 1, atRisk: 1 });
  print(
    `safety: 5-fold cross-validation of the learned layer on its ${scores.filter((row) => !row.independent && !row.own).length} training examples (${(performance.now() - started).toFixed(0)} ms); rules alone flag danger ${tally(rulesAlone.danger)}, concern ${tally(rulesAlone.concern)}, alarm on lookalikes ${tally(rulesAlone.lookalike)}, everyday ${tally(rulesAlone.everyday)} and independent everyday ${tally(rulesAlone.independent)}`,
  );
  print(
    "  each cell: danger flagged / lookalike alarms / everyday alarms / independent everyday alarms / the bot's own words raised (out of fold, rules + learned)",
  );
  print(`  ${'danger \\ atRisk'.padEnd(16)}${GRID.map((t) => t.toFixed(2).padStart(20)).join('')}`);
  for (const danger of GRID) {
    const cells = GRID.map((atRisk) => {
      const row = sweepRow(scores, { danger, atRisk });
      return `${row.danger.flagged}/${row.lookalike.flagged}/${row.everyday.flagged}/${row.independent.flagged}/${row.own.flagged}`.padStart(
        20,
      );
    });
    print(`  ${danger.toFixed(2).padEnd(16)}${cells.join('')}`);
  }
  const picked = pickThresholds(scores, examples.thresholds);
  if (!picked) {
    print('  no thresholds within the alarm budgets: the learned layer should not ship');
    return;
  }
  const row: SweepRow = sweepRow(scores, picked);
  const shipped = examples.thresholds;
  const same = shipped.danger === picked.danger && shipped.atRisk === picked.atRisk;
  print(
    `  picked (alarm budgets ${percent(LOOKALIKE_ALARM_BUDGET)} of lookalikes and of the training's everyday messages, ${percent(EVERYDAY_ALARM_BUDGET)} of independent everyday messages, none on the bot's own words): danger ${picked.danger}, atRisk ${picked.atRisk}: danger ${tally(row.danger)} (${row.dangerGained} the rules missed), concern ${tally(row.concern)}, alarms on lookalikes ${tally(row.lookalike)}, everyday ${tally(row.everyday)}, independent everyday ${tally(row.independent)}`,
  );
  print(
    `  resources/safety-examples.json has danger ${shipped.danger}, atRisk ${shipped.atRisk}${same ? '' : '  <- UPDATE THE FILE'}`,
  );
}

/** Mean and p99 over many short messages. */
function shortCost(classifier: SafetyClassifier, texts: readonly string[]): { mean: number; p99: number } {
  const times: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    classifier.classify(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    mean: times.reduce((sum, t) => sum + t, 0) / times.length,
    p99: times[Math.ceil(times.length * 0.99) - 1] ?? 0,
  };
}

function printTimings(
  classifier: SafetyClassifier,
  texts: readonly string[],
  label: string,
  print: Print,
): void {
  const short = shortCost(classifier, texts);
  const classify = (text: string) => classifier.classify(text);
  const long = messageCost(classify, longMessage(), 30);
  const gaps = messageCost(classify, `took ${'x '.repeat(15_000)}`, 20);
  print(
    `  ${label}: short message mean ${short.mean.toFixed(3)} ms, p99 ${short.p99.toFixed(3)} ms (${texts.length} runs); 30 KB mean ${long.mean.toFixed(1)} ms, p99 ${long.p99.toFixed(1)} ms; 30 KB gap-filling mean ${gaps.mean.toFixed(1)} ms, p99 ${gaps.p99.toFixed(1)} ms`,
  );
}

/** Prints the safety gate's costs, target figures, the threshold choice, and timings. */
export function runSafetyBenchmark({ print }: { print: Print }): void {
  let cpu = process.cpuUsage();
  let started = performance.now();
  const resources = loadSafetyResources();
  const loaded = performance.now() - started;
  const loadedCpu = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  started = performance.now();
  const layer = trainLearnedLayer(resources.rules, textsByLevel(resources.examples.items), resources.lists);
  const trained = performance.now() - started;
  const trainedCpu = process.cpuUsage(cpu);
  const ms = (usage: NodeJS.CpuUsage) => ((usage.user + usage.system) / 1000).toFixed(0);
  const rulesOnly = new SafetyClassifier(resources.rules);
  const combined = new SafetyClassifier(resources.rules, {
    layer,
    thresholds: resources.examples.thresholds,
  });
  print(
    `safety: taxonomy, rules and examples loaded and checked in ${loaded.toFixed(0)} ms (${ms(loadedCpu)} ms CPU); learned layer trained on ${resources.examples.items.length} examples in ${trained.toFixed(0)} ms (${ms(trainedCpu)} ms CPU; reads the first ${learnedInputLimit} characters)`,
  );
  printTargets(rulesOnly, combined, print);
  printEverydayAlarms(rulesOnly, combined, print);
  printCrossValidation(print);
  print('safety: time per message');
  const texts = resources.examples.items.map((item) => item.text);
  printTimings(rulesOnly, texts, 'rules alone', print);
  printTimings(combined, texts, 'rules + learned', print);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSafetyBenchmark({ print: (line) => process.stdout.write(`${line}\n`) });
}
