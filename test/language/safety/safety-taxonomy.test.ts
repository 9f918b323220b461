import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceError } from '../../../src/content/resource-file.js';
import {
  loadSafetyTaxonomy,
  overdoseCategories,
  safetyCategories,
} from '../../../src/language/safety/safety-taxonomy.js';
import { resourcesDir } from '../../../src/paths.js';
import { useTempDir } from '../../support/temp-dir.js';

describe('safety taxonomy', () => {
  const taxonomy = loadSafetyTaxonomy();

  it('describes every category of the contract once, with its sources', () => {
    assert.deepEqual(
      taxonomy.file.categories.map((category) => category.id),
      [...safetyCategories],
    );
    for (const category of taxonomy.file.categories) assert.ok(category.sources.length > 0, category.id);
  });

  it('gives the levels and groups the held-out sets are scored by', () => {
    const group = (level: string) =>
      safetyCategories.filter((id) => taxonomy.levelOf(id) === level).map((id) => taxonomy.groupOf(id));
    assert.equal(group('danger').length, 12);
    assert.deepEqual(new Set(group('concern')), new Set(['concern']));
    assert.equal(taxonomy.groupOf('everyday'), 'everyday');
    assert.equal(taxonomy.groupOf('idiom'), 'lookalike');
    for (const id of overdoseCategories) assert.equal(taxonomy.levelOf(id), 'danger');
  });

  it('says which categories each lookalike resembles', () => {
    for (const category of taxonomy.file.categories.filter((c) => c.level === 'none')) {
      assert.ok((category.resembles ?? []).length > 0, category.id);
    }
    const idiom = taxonomy.file.categories.find((c) => c.id === 'idiom');
    assert.ok(idiom?.resembles?.includes('explicit-intent'));
  });

  describe('invalid file', () => {
    const dir = useTempDir('wayfinder-taxonomy-');

    it('names the file and each bad field: a missing category, a twin, a lookalike of a lookalike', async () => {
      const file = JSON.parse(await readFile(join(resourcesDir, 'safety-taxonomy.json'), 'utf8'));
      const categories: { id: string; resembles?: string[] }[] = file.categories;
      const idiom = categories.findIndex((c) => c.id === 'idiom');
      const entry = categories[idiom];
      if (!entry) throw new Error('the taxonomy has idiom');
      entry.resembles = ['everyday'];
      file.categories = [...categories.filter((c) => c.id !== 'burden'), categories[0]];
      await writeFile(join(dir.path, 'safety-taxonomy.json'), JSON.stringify(file));
      assert.throws(
        () => loadSafetyTaxonomy(dir.path),
        (error: unknown) => {
          assert.ok(error instanceof ResourceError);
          assert.match(error.file, /safety-taxonomy\.json$/);
          assert.match(error.message, /categories\[\d+\]\.id: described twice/);
          assert.match(error.message, /categories: not described: burden/);
          assert.match(error.message, /categories\[\d+\]\.resembles\[0\]: "everyday" is a lookalike itself/);
          return true;
        },
      );
    });
  });
});
