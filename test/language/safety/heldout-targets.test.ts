import assert from 'node:assert/strict';
import { loadLabelledSet } from '../../../src/language/safety/labelled-set.js';
import { loadSafetyClassifier, loadSafetyResources } from '../../../src/language/safety/safety-classifier.js';
import { checkTargets, evaluateSet, safetyTargets } from './safety-evaluation.js';

/**
 * The targets of issue 16 on held-out set A, with the classifier as shipped: explicit danger all
 * at danger, danger at any level >= 97%, concern >= 90%, false alarms <= 10% of lookalikes and
 * <= 1% of everyday messages. `npm run eval:safety` prints the figures behind them.
 */
describe('safety gate targets on held-out set A', () => {
  const { taxonomy } = loadSafetyResources();
  const classifier = loadSafetyClassifier();
  const { items } = loadLabelledSet('safety-eval/heldout-a.json', taxonomy);
  const evaluation = evaluateSet(items, taxonomy, (text) => classifier.classify(text));

  for (const check of checkTargets(evaluation)) {
    it(`${check.name}: ${check.bound} ${(100 * check.target).toFixed(0)}%`, () => {
      const mistakes = evaluation.mistakes.map(
        ({ item, got }) => `${item.category}: ${item.text} -> ${got.level}`,
      );
      assert.ok(check.met, `${check.part}/${check.whole}\n${mistakes.join('\n')}`);
    });
  }

  it('checks the targets issue 16 set', () => {
    assert.deepEqual(safetyTargets, {
      explicitAtDanger: 1,
      dangerFlagged: 0.97,
      concernFlagged: 0.9,
      lookalikeAlarms: 0.1,
      everydayAlarms: 0.01,
    });
  });

  it('a set below a target fails the check (the check is live)', () => {
    const explicitDanger = items.filter((item) => item.explicit);
    const blind = evaluateSet(explicitDanger, taxonomy, (text) => ({
      ...classifier.classify(text),
      level: 'none',
    }));
    assert.deepEqual(
      checkTargets(blind)
        .filter((check) => !check.met)
        .map((check) => check.name),
      ['explicit danger found at danger', 'danger found at any level'],
    );
  });
});
