import assert from 'node:assert/strict';
import { loadIntentExamples, splitExamples } from '../../../src/language/intents/intent-examples.js';
import { intentNames } from '../../../src/language/intents/intent-names.js';
import { trainSplitRecognizer } from './recognizers.js';

describe('intent recognizer on held-out examples', () => {
  const { train, heldOut } = splitExamples(loadIntentExamples());

  it('holds out every 5th example of each intent, and none of them is trained on', () => {
    for (const intent of intentNames) {
      assert.ok(heldOut[intent].length >= 5, `${intent} holds out at least 5`);
      for (const text of heldOut[intent]) assert.ok(!train[intent].includes(text), `${intent}: "${text}"`);
    }
  });

  it('gets at least 85% of held-out examples right overall, and no intent below 60%', async () => {
    const recognizer = trainSplitRecognizer();
    let right = 0;
    let total = 0;
    const weak: string[] = [];
    for (const intent of intentNames) {
      let mine = 0;
      for (const text of heldOut[intent]) {
        if ((await recognizer.recognizeText(text)).intent === intent) mine += 1;
      }
      right += mine;
      total += heldOut[intent].length;
      if (mine / heldOut[intent].length < 0.6) weak.push(`${intent} ${mine}/${heldOut[intent].length}`);
    }
    assert.ok(right / total >= 0.85, `overall ${right}/${total}`);
    assert.deepEqual(weak, []);
  });

  it('gives every intent a score in [0, 1], scores that add up to 1, and a different runner-up', async () => {
    const { intent, score, runnerUp } = await trainSplitRecognizer().recognizeText('can we practise first?');
    assert.equal(intent, 'practice');
    assert.ok(score > 0 && score <= 1);
    assert.ok(runnerUp !== undefined && runnerUp.intent !== intent && runnerUp.score <= score);
  });
});
