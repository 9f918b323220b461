import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IntentClassifier, loadIntentExamples } from '../../src/language/intents/index.js';
import { loadPhraseLists } from '../../src/language/intents/phrase-lists.js';
import { type ModelStore, modelStore } from '../../src/language/model-cache.js';
import { LearnedSafetyLayer } from '../../src/language/safety/learned-layer.js';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import { useTempDir } from '../support/temp-dir.js';

/** Messages the intents and the safety gate score differently; typos exercise the speller. */
const messages = [
  'I see my psychiatirst next tuesday at 3pm',
  'can I talk to a real person',
  'how do I ask my boss for time off for treatment',
  "I don't want to be here anymore",
  'this form is killing me',
  'i relapsed last night and feel awful',
  'find me an online meeting tonight',
];

/** A store that remembers what it was offered, around a real one. */
function recording(inner: ModelStore): ModelStore & { puts: string[] } {
  const puts: string[] = [];
  return {
    puts,
    get: (name, key) => inner.get(name, key),
    put: (name, key, model) => {
      puts.push(name);
      inner.put(name, key, model);
    },
  };
}

describe('trained models kept by the build (model-cache)', () => {
  const examples = loadIntentExamples();
  const lists = loadPhraseLists();
  const dir = useTempDir('wayfinder-models-');

  it('a restored intent classifier scores every message exactly as a freshly trained one', () => {
    const writer = recording(modelStore(dir.path, { write: true }));
    const fresh = IntentClassifier.trainOrRestore(examples, lists, writer);
    assert.deepEqual(writer.puts, ['intents'], 'the trained model was offered to the store');

    const reader = recording(modelStore(dir.path));
    const restored = IntentClassifier.trainOrRestore(examples, lists, reader);
    assert.deepEqual(reader.puts, [], 'restored, not trained');
    for (const text of messages) assert.deepEqual(restored.classify(text), fresh.classify(text), text);
  });

  it('a restored safety layer gives the same results and scores as a freshly trained one', () => {
    const fresh = loadSafetyClassifier(undefined, { models: modelStore(dir.path, { write: true }) });
    const reader = recording(modelStore(dir.path));
    const restored = loadSafetyClassifier(undefined, { models: reader });
    assert.deepEqual(reader.puts, []);
    for (const text of messages) assert.deepEqual(restored.explain(text), fresh.explain(text), text);
  });

  it('a safety layer is found by what its readings are made from: read only to train, and retrained when that changes', () => {
    const readings = { danger: ['i want to die'], concern: ['i feel so alone'], none: ['book a meeting'] };
    const source = { rules: 'as read', texts: readings };
    let reads = 0;
    const read = () => {
      reads += 1;
      return readings;
    };
    const writer = recording(modelStore(dir.path, { write: true }));
    LearnedSafetyLayer.trainOrRestore(read, source, lists, writer);
    assert.deepEqual([writer.puts, reads], [['safety'], 1], 'trained from the readings');

    const reader = recording(modelStore(dir.path));
    LearnedSafetyLayer.trainOrRestore(read, { ...source }, lists, reader);
    assert.deepEqual([reader.puts, reads], [[], 1], 'restored without reading the examples');

    LearnedSafetyLayer.trainOrRestore(read, { ...source, rules: 'edited' }, lists, reader);
    assert.deepEqual([reader.puts, reads], [['safety'], 2], 'an edited rules file: trained again');
  });

  it('ignores a model trained from other examples, and trains on the ones given', () => {
    IntentClassifier.trainOrRestore(examples, lists, modelStore(dir.path, { write: true }));
    const edited = { ...examples, thanks: [...examples.thanks, 'much obliged to you'] };
    const reader = recording(modelStore(dir.path));
    const model = IntentClassifier.trainOrRestore(edited, lists, reader);
    assert.deepEqual(reader.puts, ['intents'], 'the stale model was not used: it trained');
    const fresh = IntentClassifier.train(edited, lists);
    for (const text of messages) assert.deepEqual(model.classify(text), fresh.classify(text), text);
  });

  it('trains when the stored file is corrupt or cut short', async () => {
    await writeFile(join(dir.path, 'intents.json'), '{"key": "abc", "model": {"features": [');
    const reader = recording(modelStore(dir.path));
    IntentClassifier.trainOrRestore(examples, lists, reader);
    assert.deepEqual(reader.puts, ['intents']);
  });
});
