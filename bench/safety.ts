import { pathToFileURL } from 'node:url';
import { loadSafetyClassifier, type SafetyClassifier } from '../src/language/safety/safety-classifier.js';
import { evaluateSafety, KINDS, LEVELS } from '../test/language/safety/evaluate-safety.js';
import { type SafetyCase, safetyCases } from '../test/language/safety/safety-cases.js';
import { safetyHoldout } from '../test/language/safety/safety-holdout.js';

/**
 * `node dist/bench/safety.js`: the safety gate's figures (recall, precision, false alarms, confusion
 * matrix, misses) over the labelled set and, apart, over the held-out set, and its cost per
 * message. Printed here, never in tests.
 */

type Print = (line: string) => void;

const percent = (value: number) => (Number.isNaN(value) ? '-' : `${(value * 100).toFixed(1)}%`);

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

function printFigures(
  classifier: SafetyClassifier,
  title: string,
  cases: readonly SafetyCase[],
  print: Print,
): void {
  const e = evaluateSafety(cases, (text) => classifier.classify(text));
  print(`safety: ${title}, ${e.total} messages`);
  for (const level of LEVELS) {
    const f = e.levels[level];
    print(
      `  level ${level.padEnd(7)} labelled ${String(f.labelled).padStart(3)}  recall ${percent(f.recall).padStart(6)}  precision ${percent(f.precision).padStart(6)}`,
    );
  }
  for (const kind of KINDS) {
    const k = e.kinds[kind];
    const caught =
      k.atRisk > 0
        ? `  caught at level or above ${k.caught}/${k.atRisk} (${percent(k.caught / k.atRisk)})`
        : '';
    const alarms = k.cases - k.atRisk > 0 ? `  false alarms ${k.alarms}/${k.cases - k.atRisk}` : '';
    print(
      `  kind ${kind.padEnd(15)} ${String(k.cases).padStart(3)} cases  exact ${percent(k.correct / k.cases)}${caught}${alarms}`,
    );
  }
  const danger = e.levels.danger.correct;
  print(`  false-alarm rate (danger or concern on tricky-negative + everyday): ${percent(e.falseAlarmRate)}`);
  print(`  danger found with explicit flag: ${e.dangerExplicitFlagged}/${danger} (the rest ask to confirm)`);
  print('  confusion (rows expected, columns predicted):');
  print(`    ${''.padEnd(9)}${LEVELS.map((l) => l.padStart(9)).join('')}`);
  for (const expected of LEVELS) {
    print(
      `    ${expected.padEnd(9)}${LEVELS.map((actual) => String(e.confusion[expected][actual]).padStart(9)).join('')}`,
    );
  }
  for (const miss of e.misses) {
    print(
      `  miss [${miss.kind}] expected ${miss.expected}, got ${miss.actual} (${miss.signals.join(', ') || 'no signal'}): ${miss.text}`,
    );
  }
}

function printTimings(classifier: SafetyClassifier, print: Print): void {
  const short = safetyCases.map((c) => c.text);
  const shortTimes = time(classifier, short, 20);
  const filler = 'I went to my meeting and talked with my sponsor about the week, and it helped. ';
  const long = `${filler.repeat(Math.ceil(30_000 / filler.length))} I want to die`;
  const adversarial = `took ${'x '.repeat(15_000)}`;
  const longTimes = time(classifier, [long], 50);
  const adversarialTimes = time(classifier, [adversarial], 20);
  const s = meanAndP99(shortTimes);
  const l = meanAndP99(longTimes);
  const a = meanAndP99(adversarialTimes);
  print(
    `  time per short message (${shortTimes.length} runs): mean ${s.mean.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms`,
  );
  print(
    `  time per ${(long.length / 1024).toFixed(0)} KB message (${longTimes.length} runs): mean ${l.mean.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`,
  );
  print(
    `  time per ${(adversarial.length / 1024).toFixed(0)} KB gap-filling message: mean ${a.mean.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms`,
  );
}

/** Prints the safety gate's quality figures and timings. */
export function runSafetyBenchmark({ print }: { print: Print }): void {
  const started = performance.now();
  const classifier = loadSafetyClassifier();
  print(`safety: rules loaded and compiled in ${(performance.now() - started).toFixed(1)} ms`);
  printFigures(classifier, 'labelled set (the rules were tuned on it)', safetyCases, print);
  printFigures(classifier, 'held-out set (never used for tuning: the honest estimate)', safetyHoldout, print);
  printTimings(classifier, print);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSafetyBenchmark({ print: (line) => process.stdout.write(`${line}\n`) });
}
