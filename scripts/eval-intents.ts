/**
 * `npm run eval:intents`: how well the intent recognizer does on examples it was not built from.
 * Every 5th example of each intent is held out (splitExamples); the recognizer is built from the
 * rest and run on them through recognizeText, as the bot runs it. Prints accuracy per intent,
 * overall, every confusion, what scores meant (accuracy per score band), and a 5-fold
 * cross-validation on the training part as a second, held-out-free estimate.
 */
import { IntentClassifier, type IntentExamples } from '../src/language/intents/intent-classifier.js';
import { loadIntentExamples, splitExamples } from '../src/language/intents/intent-examples.js';
import { byIntent, type IntentName, intentNames } from '../src/language/intents/intent-names.js';
import { loadPhraseLists } from '../src/language/intents/phrase-lists.js';
import { createWayfinderRecognizer } from '../src/language/intents/wayfinder-recognizer.js';

const print = (line = '') => process.stdout.write(`${line}\n`);
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
const target = 0.9;

interface Outcome {
  expected: IntentName;
  got: IntentName;
  score: number;
  text: string;
}

const { train, heldOut } = splitExamples(loadIntentExamples());
const recognizer = createWayfinderRecognizer({
  examples: train,
  clock: () => new Date('2025-05-08T15:00:00Z'),
});
const outcomes: Outcome[] = [];
for (const expected of intentNames) {
  for (const text of heldOut[expected]) {
    const { intent, score } = await recognizer.recognizeText(text, { timezone: 'America/Chicago' });
    outcomes.push({ expected, got: intent, score, text });
  }
}

const count = (examples: IntentExamples) =>
  intentNames.reduce((sum, intent) => sum + examples[intent].length, 0);
print(
  `Intent recognizer, held-out evaluation (every 5th example; built from ${count(train)}, tested on ${count(heldOut)})`,
);
print();
print(`${'intent'.padEnd(14)} ${'right'.padStart(7)}  accuracy`);
for (const intent of intentNames) {
  const mine = outcomes.filter((o) => o.expected === intent);
  const right = mine.filter((o) => o.got === intent).length;
  print(`${intent.padEnd(14)} ${`${right}/${mine.length}`.padStart(7)}  ${percent(right, mine.length)}`);
}
const right = outcomes.filter((o) => o.got === o.expected).length;
const overall = right / outcomes.length;
print(
  `${'overall'.padEnd(14)} ${`${right}/${outcomes.length}`.padStart(7)}  ${percent(right, outcomes.length)}`,
);
print(`target >= ${percent(target, 1)}: ${overall >= target ? 'met' : 'NOT met'}`);

print();
print('Confusions (expected -> recognized, score: example):');
const wrong = outcomes.filter((o) => o.got !== o.expected);
for (const o of wrong) print(`  ${o.expected} -> ${o.got} (${o.score.toFixed(2)}): ${o.text}`);
if (wrong.length === 0) print('  none');

print();
print('What scores meant on held-out examples (route >= 0.7, confirm 0.45-0.7, ask below):');
for (const [low, high] of [
  [0.7, 1.01],
  [0.45, 0.7],
  [0, 0.45],
] as const) {
  const band = outcomes.filter((o) => o.score >= low && o.score < high);
  const label = high > 1 ? `>= ${low}` : low === 0 ? `< ${high}` : `${low}-${high}`;
  const bandRight = band.filter((o) => o.got === o.expected).length;
  print(
    `  ${label.padEnd(9)} ${String(band.length).padStart(4)} messages, ${percent(bandRight, band.length)} right`,
  );
}

print();
const lists = loadPhraseLists();
let cvRight = 0;
let cvTotal = 0;
for (let fold = 0; fold < 5; fold += 1) {
  const classifier = IntentClassifier.train(
    byIntent((intent) => train[intent].filter((_, i) => i % 5 !== fold)),
    lists,
  );
  for (const intent of intentNames) {
    for (const text of train[intent].filter((_, i) => i % 5 === fold)) {
      cvTotal += 1;
      if (classifier.classify(text)[0]?.intent === intent) cvRight += 1;
    }
  }
}
print(`5-fold cross-validation on the training part: ${cvRight}/${cvTotal} = ${percent(cvRight, cvTotal)}`);
