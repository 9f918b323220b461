import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
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
import { resourcesDir } from '../../../src/paths.js';
import { useTempDir } from '../../support/temp-dir.js';
import { crossValidate, pickThresholds } from './cross-validate.js';
import { loadHeldOutSets } from './held-out-sets.js';

const resources = loadSafetyResources();
const { rules } = resources;
const rulesOnly = new SafetyClassifier(rules);
const shipped = loadSafetyClassifier();

/**
 * A layer trained on a handful of made-up messages, so that the combination rule is tested apart
 * from what the shipped examples teach: "zorp" means danger, "blick" means concern, and "hurt
 * myself" and "kill myself" mean danger whatever surrounds them.
 */
const tinyThresholds: LearnedThresholds = { danger: 0.55, atRisk: 0.8 };
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

    it('keeps every explicit rules result and every rules danger on the training messages unchanged', function () {
      // Classifies every training message (over 6,000) twice: 12 s alone on a loaded machine.
      this.timeout(60_000);
      const changed = resources.examples.items
        .map((item) => ({ text: item.text, before: rulesOnly.classify(item.text) }))
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

  describe('the held-out sets (never trained or tuned on)', () => {
    for (const { name, set } of loadHeldOutSets(resources.taxonomy)) {
      it(`${name}: flags every message the rules flag, and more at-risk ones`, () => {
        const atRisk = set.items.filter((item) => item.expected !== 'none');
        const flagged = (classifier: SafetyClassifier) =>
          atRisk.filter((item) => classifier.classify(item.text).level !== 'none').map((item) => item.text);
        const byRules = flagged(rulesOnly);
        const byBoth = new Set(flagged(shipped));
        assert.deepEqual(
          byRules.filter((text) => !byBoth.has(text)),
          [],
        );
        assert.ok(byBoth.size > byRules.length, `${byBoth.size} flagged, rules ${byRules.length}`);
      });
    }
  });

  describe('examples file', () => {
    it('ships the thresholds cross-validation picks (kept while within budget and the keep band)', function () {
      this.timeout(120_000);
      const scores = crossValidate(rules, resources.examples.items, resources.taxonomy, resources.lists);
      const { thresholds } = resources.examples;
      assert.deepEqual(pickThresholds(scores, thresholds), thresholds);
    });
  });

  describe('invalid examples file', () => {
    const dir = useTempDir('wayfinder-safety-examples-');
    beforeEach(async () => {
      for (const name of ['safety-rules.json', 'safety-taxonomy.json']) {
        await copyFile(join(resourcesDir, name), join(dir.path, name));
      }
    });

    async function writeExamples(edit: (file: Record<string, unknown>) => void): Promise<void> {
      const file: Record<string, unknown> = JSON.parse(
        await readFile(join(resourcesDir, 'safety-examples.json'), 'utf8'),
      );
      edit(file);
      await writeFile(join(dir.path, 'safety-examples.json'), JSON.stringify(file));
    }

    function assertProblems(...problems: RegExp[]): void {
      assert.throws(
        () => loadSafetyClassifier(dir.path),
        (error: unknown) => {
          assert.ok(error instanceof ResourceError, String(error));
          assert.match(error.file, /safety-examples\.json$/);
          for (const problem of problems) assert.match(error.message, problem);
          return true;
        },
      );
    }

    it("names each bad field: a repeat, a level that is not the category's, an empty text, a threshold below 0.5", async () => {
      await writeExamples((file) => {
        const items = resources.examples.items;
        const first = items[0];
        if (!first) throw new Error('the examples file has items');
        file.items = [
          ...items,
          { ...first, text: `${first.text.toUpperCase()}!` },
          { text: 'i want to go to my meeting', lang: 'en', category: 'everyday', expected: 'danger' },
          { text: ' ', lang: 'en', category: 'everyday', expected: 'none' },
        ];
        file.thresholds = { danger: 0.3, atRisk: 0.9 };
      });
      const n = resources.examples.items.length;
      assertProblems(
        new RegExp(`items\\[${n}\\]\\.text: repeats items\\[0\\]`),
        new RegExp(`items\\[${n + 1}\\]\\.expected: "everyday" is none in resources/safety-taxonomy\\.json`),
        new RegExp(`items\\[${n + 2}\\]\\.text: must not be empty`),
        /thresholds\.danger: must be at least 0\.5/,
      );
    });

    it('names a phrase list the rules lexicon does not have', async () => {
      await writeExamples((file) => {
        file.phraseLists = ['pill', 'nosuchlist'];
      });
      assertProblems(/phraseLists\[1\]: "nosuchlist" is not a lexicon list in safety-rules\.json/);
    });

    it('names a voice the file does not list, and a voice that is not an id', async () => {
      await writeExamples((file) => {
        file.items = [
          ...resources.examples.items,
          { text: 'sup', lang: 'en', category: 'everyday', expected: 'none', voice: 'pirate' },
          { text: 'yo', lang: 'en', category: 'everyday', expected: 'none', voice: 'Texting' },
        ];
      });
      const n = resources.examples.items.length;
      assertProblems(
        new RegExp(`items\\[${n}\\]\\.voice: "pirate" is not one of the file's voices`),
        new RegExp(`items\\[${n + 1}\\]\\.voice: a voice id`),
      );
    });
  });
});
