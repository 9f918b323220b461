import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceError } from '../../../src/content/resource-file.js';
import { EntityLexicon } from '../../../src/language/intents/entity-lexicon.js';
import { loadIntentExamples, minExamplesPerIntent } from '../../../src/language/intents/intent-examples.js';
import { intentNames } from '../../../src/language/intents/intent-names.js';
import { loadPhraseLists } from '../../../src/language/intents/phrase-lists.js';
import { createWayfinderRecognizer } from '../../../src/language/intents/wayfinder-recognizer.js';
import { resourcesDir } from '../../../src/paths.js';
import { useTempDir } from '../../support/temp-dir.js';

/** Asserts that `load` throws a ResourceError naming `file` and matching every pattern. */
function assertResourceError(load: () => unknown, file: RegExp, ...problems: RegExp[]): void {
  assert.throws(load, (error: unknown) => {
    assert.ok(error instanceof ResourceError, String(error));
    assert.match(error.file, file);
    for (const problem of problems) assert.match(error.message, problem);
    return true;
  });
}

describe('intent and entity resource files', () => {
  const dir = useTempDir('wayfinder-intents-');
  const edit = async (file: string, change: (data: Record<string, unknown>) => void) => {
    const path = join(dir.path, file);
    const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    change(data);
    await writeFile(path, JSON.stringify(data));
  };

  beforeEach(async () => {
    await cp(join(resourcesDir, 'intents'), join(dir.path, 'intents'), { recursive: true });
    await cp(join(resourcesDir, 'entities.json'), join(dir.path, 'entities.json'));
  });

  it('ships valid files, with at least 25 examples per intent and 40 for the feature intents', () => {
    const examples = loadIntentExamples();
    for (const intent of intentNames) assert.ok(examples[intent].length >= minExamplesPerIntent, intent);
    for (const intent of ['appointment', 'accommodation', 'peerGroup', 'practice', 'handoff'] as const) {
      assert.ok(examples[intent].length >= 40, intent);
    }
    assert.ok(loadPhraseLists().size > 0);
    assert.ok(EntityLexicon.load());
  });

  it('names the file and field of a thin intent, an empty example and a wrong intent name', async () => {
    await edit('intents/help.json', (data) => {
      data.intent = 'helpp';
      data.examples = ['help', ' ', 'what can you do', '?!'];
    });
    assertResourceError(
      () => loadIntentExamples(dir.path),
      /intents\/help\.json$/,
      /intent: must be "help"/,
      /examples\[1\]: has no words/,
      /examples\[3\]: has no words/,
      /examples: needs at least 25 examples/,
    );
  });

  it('names both places of an example repeated in one file or written under two intents', async () => {
    await edit('intents/menu.json', (data) => {
      data.examples = [...(data.examples as string[]), 'MENU!!'];
    });
    assertResourceError(
      () => loadIntentExamples(dir.path),
      /intents\/menu\.json$/,
      /examples\[\d+\]: repeats examples\[0\]/,
    );
    await edit('intents/menu.json', (data) => {
      data.examples = [...(data.examples as string[]).slice(0, -1), 'Talk to a person'];
    });
    assertResourceError(
      () => loadIntentExamples(dir.path),
      /intents\/menu\.json$/,
      /examples\[\d+\]: "Talk to a person" is also intents\/handoff\.json examples\[0\]/,
    );
  });

  it('names the kind, value and phrase of a bad entities.json', async () => {
    await edit('entities.json', (data) => {
      const types = data.appointmentType as Record<string, unknown>;
      delete types.prescriber;
      types.dentist = ['dentist'];
      (data.groupFormat as Record<string, string[]>).online = ['Zoom!'];
      (data.groupApproach as Record<string, string[]>).secular = ['smart', 'aa'];
    });
    assertResourceError(
      () => EntityLexicon.load(dir.path),
      /entities\.json$/,
      /appointmentType\.prescriber/,
      /dentist/,
      /groupFormat\.online\[0\]: lower-case words/,
      /groupApproach\.(twelveStep|secular)\[\d+\]: "aa" is also under/,
    );
  });

  it('names the list and word of a bad phrase list', async () => {
    await edit('intents/phrase-lists.json', (data) => {
      (data.lists as Record<string, string[]>).humanWord = ['real person'];
    });
    assertResourceError(
      () => loadPhraseLists(dir.path),
      /phrase-lists\.json$/,
      /lists\.humanWord\[0\]: one lower-case word/,
      /lists\.humanWord: a list needs at least two words/,
    );
  });

  it('stops the recognizer from being built when a file is missing', async () => {
    await rm(join(dir.path, 'entities.json'));
    assertResourceError(
      () => createWayfinderRecognizer({ resourcesDir: dir.path }),
      /entities\.json$/,
      /cannot be read/,
    );
  });
});
