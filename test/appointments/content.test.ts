import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadAppointmentContent } from '../../src/appointments/content.js';
import { ResourceError } from '../../src/content/resource-file.js';
import { appointmentTypes } from '../../src/language/intents/entity-lexicon.js';
import { resourcesDir } from '../../src/paths.js';
import { testContent } from '../support/content.js';
import { useTempDir } from '../support/temp-dir.js';

const { strings } = testContent();

describe('resources/appointments.json', () => {
  const dir = useTempDir('wayfinder-appointments-');

  it('loads: a checklist for every appointment type, Ask Me 3, barriers with tips, "nothing" to share', () => {
    const content = loadAppointmentContent(strings);
    for (const type of appointmentTypes) assert.ok(content.types[type].checklist.length > 0, type);
    assert.equal(content.askMeThree.length, 3);
    assert.ok(content.barriers.every((b) => b.tips.length > 0));
    assert.ok(content.share.some((c) => c.id === 'nothing'));
  });

  it('a bad edit stops the start naming the file and every bad field', async () => {
    const file = JSON.parse(await readFile(join(resourcesDir, 'appointments.json'), 'utf8'));
    delete file.types.housing;
    file.types.court.checklist[1] = 'appointmentChecklist.noSuchThing';
    file.barriers[1].id = file.barriers[0].id;
    file.share = file.share.filter((c: { id: string }) => c.id !== 'nothing');
    await writeFile(join(dir.path, 'appointments.json'), JSON.stringify(file));
    assert.throws(
      () => loadAppointmentContent(strings, dir.path),
      (error: unknown) => {
        assert.ok(error instanceof ResourceError);
        assert.match(error.message, /appointments\.json/);
        assert.match(error.message, /types\.housing/);
        assert.match(
          error.message,
          /types\.court\.checklist\[1\]: no string "appointmentChecklist\.noSuchThing"/,
        );
        assert.match(error.message, /barriers\[1\]\.id: repeated id/);
        assert.match(error.message, /share: needs a choice with id "nothing"/);
        return true;
      },
    );
  });
});
