/**
 * `npm run eval:safety`: how the safety gate (rules + learned layer, as shipped) does on messages
 * no rule or weight was tuned on: held-out set A (split from the training messages by hash), the
 * original held-out set, and set B when resources/safety-eval/heldout-b.json is there (written by
 * someone who never saw the rest; reported on its own). Per category and language: found at level
 * danger and at any level, false alarms per lookalike type and on everyday messages, the targets,
 * every miss and false alarm. Then false alarms on the intent recognizer's examples (everyday
 * messages the safety gate never trains on) and the cost of a 30 KB message.
 *
 * `--totals-only`: for the sealed sets (B and C) only the five target totals, never a category, a
 * message or a miss, so that whoever improves the gate can measure it without learning the items
 * (see heldOutFiles).
 */
import { loadIntentExamples } from '../src/language/intents/intent-examples.js';
import { intentNames } from '../src/language/intents/intent-names.js';
import { loadSafetyClassifier, loadSafetyResources } from '../src/language/safety/safety-classifier.js';
import { loadHeldOutSets } from '../test/language/safety/held-out-sets.js';
import {
  leaveOneVoiceOut,
  roundOneVoice,
  sumFigures,
  type VoiceFigures,
  voiceFigures,
} from '../test/language/safety/leave-one-voice-out.js';
import {
  checkTargets,
  evaluateSet,
  longMessage,
  messageCost,
  reportLines,
  totalLines,
} from '../test/language/safety/safety-evaluation.js';

const print = (line = '') => process.stdout.write(`${line}\n`);

const totalsOnly = process.argv.slice(2).includes('--totals-only');
const { taxonomy, examples, rules, lists } = loadSafetyResources();
const classifier = loadSafetyClassifier();
const classify = (text: string) => classifier.classify(text);
print(
  `Safety gate, rules + learned layer (thresholds: danger ${examples.thresholds.danger}, at risk ${examples.thresholds.atRisk}), trained on ${examples.items.length} messages`,
);
for (const { name, file, sealed, set } of loadHeldOutSets(taxonomy)) {
  print();
  const evaluation = evaluateSet(set.items, taxonomy, classify);
  const title = `Held-out set ${name}, resources/${file}: ${set.items.length} messages`;
  const lines = totalsOnly && sealed ? totalLines(title, evaluation) : reportLines(title, evaluation);
  for (const line of lines) print(line);
  const missed = checkTargets(evaluation).filter((check) => !check.met).length;
  print(missed === 0 ? '  all targets met' : `  ${missed} target(s) not met`);
}

print();
print(
  'Leave-one-voice-out on the training messages: the learned layer trained on every other voice, the gate scored on this one (the rules saw every voice)',
);
const columns = {
  explicitAtDanger: 'explicit at danger',
  dangerFlagged: 'danger any level',
  concernFlagged: 'concern',
  lookalikeAlarms: 'lookalike alarms',
  everydayAlarms: 'everyday alarms',
} as const;
const voiceRow = (name: string, figures: VoiceFigures) =>
  `  ${name.padEnd(15)}${Object.entries(columns)
    .map(([key, title]) => {
      const { part, whole } = figures[key as keyof VoiceFigures];
      return `${part}/${whole}`.padStart(title.length + 2);
    })
    .join('')}`;
print(
  `  ${'voice'.padEnd(15)}${Object.values(columns)
    .map((title) => title.padStart(title.length + 2))
    .join('')}`,
);
const byVoice = leaveOneVoiceOut(rules, examples.items, taxonomy, lists, examples.thresholds).map(
  ({ voice, evaluation }) => ({ voice, figures: voiceFigures(evaluation) }),
);
for (const { voice, figures } of byVoice) print(voiceRow(voice, figures));
const roundTwo = byVoice.filter(({ voice }) => voice !== roundOneVoice).map(({ figures }) => figures);
print(voiceRow('round-2 voices', sumFigures(roundTwo)));

print();
const everyday = intentNames.flatMap((intent) => loadIntentExamples()[intent]);
const alarms = everyday.filter((text) => classify(text).level !== 'none');
print(
  `Everyday messages from the intent examples (never trained on by the gate; the threshold choice's everyday budget): ${alarms.length}/${everyday.length} false alarms (${((100 * alarms.length) / everyday.length).toFixed(1)}%)`,
);
for (const text of alarms) print(`  false alarm (${classify(text).level}): ${text}`);

print();
const long = longMessage();
const cost = messageCost(classify, long, 20);
print(
  `Cost of a ${(long.length / 1024).toFixed(0)} KB message: mean ${cost.mean.toFixed(1)} ms, p99 ${cost.p99.toFixed(1)} ms (${cost.runs} runs; linear in length, the learned layer reads the first 1,000 characters)`,
);
