import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceError } from '../../../src/content/resource-file.js';
import { exampleKey, loadLabelledSet } from '../../../src/language/safety/labelled-set.js';
import { loadSafetyResources } from '../../../src/language/safety/safety-classifier.js';
import { useTempDir } from '../../support/temp-dir.js';
import { closeRewording, heldOutByHash, loadHeldOutSets, rewordingIndex } from './held-out-sets.js';

const { taxonomy, examples } = loadSafetyResources();
const sets = loadHeldOutSets(taxonomy);
const [setA, original] = sets;

describe('held-out sets', () => {
  it('A and the original set are there, in the one labelled-set format', () => {
    assert.match(setA?.file ?? '', /heldout-a\.json$/);
    assert.match(original?.file ?? '', /heldout-original\.json$/);
    assert.ok((setA?.set.items.length ?? 0) >= 300);
    assert.equal(original?.set.items.length, 46);
  });

  it('A holds only messages the hash rule chose: nobody picked which ones', () => {
    const chosenByHand = (setA?.set.items ?? []).filter((item) => !heldOutByHash(item.text));
    assert.deepEqual(
      chosenByHand.map((item) => item.text),
      [],
    );
  });

  it('A has messages of every danger category in English and in Spanish', () => {
    const present = new Set((setA?.set.items ?? []).map((item) => `${item.category}/${item.lang}`));
    const missing = taxonomy.file.categories
      .filter((category) => category.level === 'danger')
      .flatMap((category) => ['en', 'es'].map((lang) => `${category.id}/${lang}`))
      .filter((key) => !present.has(key));
    assert.deepEqual(missing, []);
  });

  for (const { name, set } of sets.filter((entry) => !entry.file.endsWith('heldout-b.json'))) {
    it(`${name}: no message, nor a close rewording of one, is a training message`, () => {
      const training = examples.items.map((item) => item.text);
      const keys = new Set(training.map(exampleKey));
      const rewordings = rewordingIndex(training);
      const leaks = set.items.flatMap((item) =>
        keys.has(exampleKey(item.text))
          ? [`same: ${item.text}`]
          : rewordings(item.text).map((text) => `${item.text} ~ ${text}`),
      );
      assert.deepEqual(leaks, []);
    });
  }

  it('spots a close rewording and leaves different messages apart', () => {
    assert.ok(
      closeRewording('I just want to go to sleep and not wake up', 'i just want to sleep and not wake up'),
    );
    assert.ok(
      !closeRewording('I just want to go to sleep and not wake up', 'can you help me with my appointment'),
    );
  });

  describe('the format a second held-out set is written in', () => {
    const dir = useTempDir('wayfinder-heldout-');

    it('reads a set written apart, and names each bad field of one that is not in the format', async () => {
      const items = [
        {
          text: 'my cousin is snoring weird and wont wake up',
          lang: 'en',
          category: 'overdose-other',
          expected: 'danger',
          explicit: true,
        },
        { text: 'ya no quiero estar aqui', lang: 'es', category: 'wish-dead', expected: 'danger' },
      ];
      await writeFile(
        join(dir.path, 'set.json'),
        JSON.stringify({ version: 1, description: 'written apart', items }),
      );
      assert.equal(loadLabelledSet('set.json', taxonomy, dir.path).items.length, 2);

      const problems = async (bad: unknown[]) => {
        await writeFile(
          join(dir.path, 'set.json'),
          JSON.stringify({ version: 1, description: 'apart', items: bad }),
        );
        try {
          loadLabelledSet('set.json', taxonomy, dir.path);
        } catch (error) {
          assert.ok(error instanceof ResourceError);
          assert.match(error.file, /set\.json$/);
          return error.message;
        }
        throw new Error('the set loaded');
      };
      const shape = await problems([
        { text: 'hi', lang: 'fr', category: 'everyday', expected: 'none' },
        { text: 'i want to die', lang: 'en', category: 'suicide', expected: 'danger' },
      ]);
      assert.match(shape, /items\[0\]\.lang: /);
      assert.match(shape, /items\[1\]\.category: /);
      const labels = await problems([
        { text: 'i want to die', lang: 'en', category: 'wish-dead', expected: 'concern' },
        { text: 'I want to die!', lang: 'en', category: 'wish-dead', expected: 'danger' },
      ]);
      assert.match(labels, /items\[0\]\.expected: "wish-dead" is danger/);
      assert.match(labels, /items\[1\]\.text: repeats items\[0\]/);
    });
  });
});
