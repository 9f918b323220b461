import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResourceError } from '../../../src/content/resource-file.js';
import {
  type LearnedThresholds,
  learnedConcern,
  learnedDanger,
  learnedInputLimit,
  loadSafetyClassifier,
  loadSafetyResources,
  SafetyClassifier,
  type SafetyLevel,
  trainLearnedLayer,
} from '../../../src/language/safety/safety-classifier.js';
import { exampleKey } from '../../../src/language/safety/safety-examples.js';
import { resourcesDir } from '../../../src/paths.js';
import { crossValidate, pickThresholds } from './cross-validate.js';
import { evaluateSafety } from './evaluate-safety.js';
import { type SafetyCase, safetyCases } from './safety-cases.js';
import { safetyHoldout } from './safety-holdout.js';

const resources = loadSafetyResources();
const { rules } = resources;
const rulesOnly = new SafetyClassifier(rules);
const shipped = loadSafetyClassifier();

/**
 * A layer trained on a handful of made-up messages, so that the combination rule is tested apart
 * from what the shipped examples teach: "zorp" means danger, "blick" means concern, and "hurt
 * myself" and "kill myself" mean danger whatever surrounds them.
 */
const tinyThresholds: LearnedThresholds = { danger: 0.6, atRisk: 0.8 };
const tinyLayer = trainLearnedLayer(
  rules,
  {
    danger: [
      'zorp',
      'zorp zorp',
      'i will zorp',
      'zorp tonight',
      'hurt myself',
      'kill myself',
      'i want to kill myself',
      'going to hurt myself',
      'never kill myself',
    ],
    concern: ['blick', 'blick blick', 'so much blick', 'i feel blick'],
    none: [
      'hello',
      'i went to my meeting',
      'the weather is nice',
      'thanks',
      'i am',
      'i would',
      'this form',
      'and now i help others',
      'i went to my meeting and talked with my sponsor about the week',
    ],
  },
  new Map(),
);
const tiny = new SafetyClassifier(rules, { layer: tinyLayer, thresholds: tinyThresholds });

/** Asserts each message gets `level` from `classifier`, listing every one that does not. */
function expectLevel(classifier: SafetyClassifier, level: SafetyLevel, texts: readonly string[]): void {
  const wrong = texts
    .map((text) => [text, classifier.classify(text).level] as const)
    .filter(([, actual]) => actual !== level)
    .map(([text, actual]) => `${text} -> ${actual}`);
  assert.deepEqual(wrong, [], `expected ${level}`);
}

/** Words of a message, for spotting a rewording: lowercase letters and digits only. */
function wordSet(text: string): Set<string> {
  return new Set(exampleKey(text).split(' '));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared / (a.size + b.size - shared);
}

/** At-risk cases flagged at all (danger or concern), and none cases flagged. */
function flagged(
  cases: readonly SafetyCase[],
  classifier: SafetyClassifier,
): { atRisk: number; alarms: number } {
  let atRisk = 0;
  let alarms = 0;
  for (const item of cases) {
    const level = classifier.classify(item.text).level;
    if (item.level !== 'none' && level !== 'none') atRisk += 1;
    if (item.level === 'none' && level !== 'none') alarms += 1;
  }
  return { atRisk, alarms };
}

describe('safety gate: rules + learned layer', () => {
  describe('combination rule', () => {
    it('raises what the rules miss to danger, never explicit, with the learned-danger signal', () => {
      const result = tiny.classify('i will zorp');
      assert.deepEqual([result.level, result.explicit], ['danger', false]);
      assert.ok(result.signals.includes(learnedDanger));
    });

    it('raises to concern with the learned-concern signal', () => {
      const result = tiny.classify('so much blick');
      assert.deepEqual([result.level, result.explicit], ['concern', false]);
      assert.deepEqual(result.signals, [learnedConcern]);
    });

    it('leaves a rules danger result exactly as it is, without consulting the layer', () => {
      for (const text of ['I took all my pills', 'Everyone would be better off without me.']) {
        const explained = tiny.explain(text);
        assert.equal(explained.learned, undefined);
        assert.deepEqual(explained.result, rulesOnly.classify(text));
      }
    });

    it('leaves an explicit rules concern as it is, even next to a learned danger word', () => {
      const text = 'I have really strong cravings right now, zorp';
      assert.deepEqual(
        [rulesOnly.classify(text).level, rulesOnly.classify(text).explicit],
        ['concern', true],
      );
      assert.deepEqual(tiny.classify(text), rulesOnly.classify(text));
    });

    it('keeps every explicit rules result and every rules danger on the labelled set unchanged', () => {
      const changed = safetyCases
        .map((c) => ({ text: c.text, before: rulesOnly.classify(c.text) }))
        .filter(({ before }) => before.explicit || before.level === 'danger')
        .filter(({ text, before }) => JSON.stringify(shipped.classify(text)) !== JSON.stringify(before))
        .map(({ text }) => text);
      assert.deepEqual(changed, []);
    });
  });

  describe('suppressed rule matches veto the learned layer on the same words', () => {
    it('the layer alone would call these danger; set aside by the rules, they stay none', () => {
      const texts = ["I'm not going to hurt myself", 'I would never kill myself', 'this form is killing me'];
      for (const text of texts.slice(0, 2)) {
        assert.ok(tinyLayer.scores(rules.read(text)).danger >= tinyThresholds.danger, text);
      }
      expectLevel(tiny, 'none', texts);
    });

    it('the shipped classifier keeps idioms, negations and past events none', () => {
      expectLevel(shipped, 'none', [
        'this form is killing me',
        'I overdosed three years ago and now I help others',
        "I'm not going to hurt myself",
        "I'm not going to kill myself, I promise. I just had a bad day.",
        'I used to want to die but now I have a reason to live',
        "I'm killing myself trying to finish this paperwork",
      ]);
    });

    it('other words in the same message still count', () => {
      const result = tiny.classify("I'm not going to hurt myself. zorp tonight");
      assert.equal(result.level, 'danger');
      assert.ok(result.suppressed.some((entry) => entry.endsWith(':negated')));
    });
  });

  describe('bounded input', () => {
    const filler = 'I went to my meeting and talked with my sponsor about the week. ';

    it('reads only the first ~1,000 characters', () => {
      const padding = filler.repeat(Math.ceil(learnedInputLimit / filler.length) + 1);
      const head = rules.read(`zorp. ${padding} blick`, learnedInputLimit);
      assert.ok(head.startsWith('zorp ') && !head.includes('blick'));
      // Words that start within the limit are read whole.
      assert.ok(head.length < learnedInputLimit + 20, `${head.length} characters`);
      assert.equal(tiny.classify(`${padding} zorp`).level, 'none');
    });

    it('the rules still read a 30 KB message to its end', () => {
      const long = filler.repeat(Math.ceil(30_000 / filler.length));
      assert.equal(shipped.classify(`${long} I want to kill myself`).level, 'danger');
    });
  });

  describe('the held-out set (never trained or tuned on)', () => {
    const before = evaluateSafety(safetyHoldout, (text) => rulesOnly.classify(text));
    const after = evaluateSafety(safetyHoldout, (text) => shipped.classify(text));

    it('loses no danger case the rules find', () => {
      assert.ok(after.levels.danger.correct >= before.levels.danger.correct);
    });

    it('flags at least 2 more at-risk messages than the rules alone', () => {
      const rulesFlagged = flagged(safetyHoldout, rulesOnly).atRisk;
      const combinedFlagged = flagged(safetyHoldout, shipped).atRisk;
      assert.ok(combinedFlagged >= rulesFlagged + 2, `${combinedFlagged} flagged, rules ${rulesFlagged}`);
    });

    it('raises an alarm on at most 10% of the held-out negatives', () => {
      assert.ok(after.falseAlarmRate <= 0.1, `false alarm rate ${after.falseAlarmRate}`);
    });
  });

  describe('examples file', () => {
    const { examples } = resources.examples;

    it('holds every labelled case under its label', () => {
      const missing = safetyCases
        .filter((c) => !examples[c.level].includes(c.text))
        .map((c) => `${c.level}: ${c.text}`);
      assert.deepEqual(missing, []);
    });

    it('holds no held-out message, nor a close rewording of one', () => {
      const labelled = new Set(safetyCases.map((c) => c.text));
      const written = Object.values(examples)
        .flat()
        .filter((text) => !labelled.has(text));
      const close = safetyHoldout.flatMap((held) => {
        const words = wordSet(held.text);
        return written
          .filter((text) => overlap(words, wordSet(text)) >= 0.5)
          .map((text) => `${text} ~ ${held.text}`);
      });
      assert.deepEqual(close, []);
    });

    it('ships the thresholds cross-validation picks', function () {
      this.timeout(30_000);
      const scores = crossValidate(rules, examples, resources.lists);
      assert.deepEqual(pickThresholds(scores), resources.examples.thresholds);
    });
  });

  describe('invalid examples file', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'wayfinder-safety-examples-'));
      await copyFile(join(resourcesDir, 'safety-rules.json'), join(dir, 'safety-rules.json'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    async function writeExamples(edit: (file: Record<string, unknown>) => void): Promise<void> {
      const file: Record<string, unknown> = JSON.parse(
        await readFile(join(resourcesDir, 'safety-examples.json'), 'utf8'),
      );
      edit(file);
      await writeFile(join(dir, 'safety-examples.json'), JSON.stringify(file));
    }

    function assertProblems(...problems: RegExp[]): void {
      assert.throws(
        () => loadSafetyClassifier(dir),
        (error: unknown) => {
          assert.ok(error instanceof ResourceError, String(error));
          assert.match(error.file, /safety-examples\.json$/);
          for (const problem of problems) assert.match(error.message, problem);
          return true;
        },
      );
    }

    it('names each bad field: a repeat across levels, a threshold below 0.5, an empty example', async () => {
      await writeExamples((file) => {
        const { examples } = resources.examples;
        file.examples = { ...examples, none: [...examples.none, examples.danger[0] ?? '', ' '] };
        file.thresholds = { danger: 0.3, atRisk: 0.9 };
      });
      assertProblems(
        /examples\.none\[\d+\]: repeats examples\.danger\[0\]/,
        /examples\.none\[\d+\]: must not be empty/,
        /thresholds\.danger: must be at least 0\.5/,
      );
    });

    it('names a phrase list the rules lexicon does not have', async () => {
      await writeExamples((file) => {
        file.phraseLists = ['pill', 'nosuchlist'];
      });
      assertProblems(/phraseLists\[1\]: "nosuchlist" is not a lexicon list in safety-rules\.json/);
    });
  });
});
