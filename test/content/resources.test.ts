import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSpanishSafety } from '../../src/content/content.js';
import { loadCrisisResources } from '../../src/content/crisis-resources.js';
import { ResourceError } from '../../src/content/resource-file.js';
import { loadStringSources } from '../../src/content/string-sources.js';
import { Strings } from '../../src/content/strings.js';
import { VerifiedContacts } from '../../src/content/verified-contacts.js';
import { resourcesDir } from '../../src/paths.js';
import { useTempDir } from '../support/temp-dir.js';

describe('resource files', () => {
  const dir = useTempDir('wayfinder-resources-');

  it('the shipped English strings load', () => {
    assert.ok(Strings.load('en').text('welcome.greeting').length > 0);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const strings = Strings.load('en');
    assert.ok(strings.text('nickname.saved', { name: 'Kai' }).includes('Kai'));
    assert.ok(strings.text('nickname.saved').includes('{name}'));
  });

  it('picks variants by index, wrapping around', () => {
    const strings = Strings.load('en');
    const all = strings.variants('commands.help');
    assert.ok(all.length > 1);
    assert.equal(strings.text('commands.help', {}, all.length), all[0]);
  });

  it('ships only verified crisis lines, each with a way to reach it', () => {
    const lines = loadCrisisResources();
    assert.ok(lines.length >= 4);
    assert.ok(lines.every((line) => line.verified && line.how.length > 0));
    assert.ok(lines.some((line) => line.phone === '988'));
    assert.ok(lines.some((line) => line.phone === '911'));
  });

  it('leaves out unverified crisis lines', async () => {
    const source = { cite: 'a test source', checked: '2026-12-07' };
    const entry = (id: string, verified: boolean) => ({ id, name: id, how: 'call', verified, source });
    await writeFile(
      join(dir.path, 'crisis-resources.json'),
      JSON.stringify({ country: 'US', resources: [entry('known', true), entry('unknown', false)] }),
    );
    assert.deepEqual(
      loadCrisisResources(dir.path).map((line) => line.id),
      ['known'],
    );
  });

  it('names the file and every bad field when a resource file is invalid', async () => {
    await writeFile(
      join(dir.path, 'crisis-resources.json'),
      JSON.stringify({
        country: 'USA',
        resources: [{ id: 'Bad Id', name: 'x', how: 'y', verified: true, url: 'http://insecure.example' }],
      }),
    );
    assert.throws(
      () => loadCrisisResources(dir.path),
      (error: unknown) => {
        assert.ok(error instanceof ResourceError);
        assert.match(error.message, /crisis-resources\.json/);
        assert.match(error.message, /country/);
        assert.match(error.message, /resources\[0\]\.id/);
        assert.match(error.message, /resources\[0\]\.url/);
        return true;
      },
    );
  });

  it('refuses a crisis line with no source, or with a number not on the verified list, naming the fix', async () => {
    const line = {
      id: 'line',
      name: 'A line',
      how: 'Call 800-555-1234.',
      phone: '800-555-1234',
      verified: true,
    };
    await writeFile(
      join(dir.path, 'crisis-resources.json'),
      JSON.stringify({ country: 'US', resources: [line] }),
    );
    assert.throws(
      () => loadCrisisResources(dir.path),
      (error: unknown) => {
        assert.ok(error instanceof ResourceError);
        assert.match(
          error.message,
          /resources\[0\]\.phone: 800-555-1234 is not in resources\/verified-contacts\.json/,
        );
        assert.match(error.message, /resources\[0\]\.source: /);
        return true;
      },
    );
  });

  it('refuses a verified contact without its date, not https, or listed twice in two writings', async () => {
    const source = { cite: 'a source', checked: '2026-12-07' };
    await writeFile(
      join(dir.path, 'verified-contacts.json'),
      JSON.stringify({
        description: 'test',
        contacts: [
          { value: '988', what: 'the Lifeline', source },
          { value: 'http://example.org', what: 'insecure', source },
          { value: '911', what: 'no date', source: { cite: 'a source' } },
        ],
      }),
    );
    assert.throws(
      () => VerifiedContacts.load(dir.path),
      (error: unknown) => {
        assert.ok(error instanceof ResourceError);
        assert.match(error.message, /verified-contacts\.json/);
        assert.match(error.message, /contacts\[1\]\.value: a number in digits and hyphens/);
        assert.match(error.message, /contacts\[2\]\.source\.checked: the day it was last checked/);
        return true;
      },
    );
    const twice = [
      { value: '1-800-662-4357', what: 'SAMHSA', source },
      { value: '800-662-4357', what: 'SAMHSA again', source },
    ];
    await writeFile(
      join(dir.path, 'verified-contacts.json'),
      JSON.stringify({ description: 'test', contacts: twice }),
    );
    assert.throws(() => VerifiedContacts.load(dir.path), /contacts\[1\]\.value: listed twice/);
  });

  it('refuses a string source for a string the locale does not have', async () => {
    const entry = { kind: 'law', source: { cite: 'a source', checked: '2026-12-07' } };
    await writeFile(
      join(dir.path, 'string-sources.json'),
      JSON.stringify({ description: 'test', strings: { 'safety.noSuchStep': entry } }),
    );
    assert.throws(
      () => loadStringSources(Strings.load('en'), dir.path),
      /string-sources\.json[\s\S]*strings\.safety\.noSuchStep: no string "safety\.noSuchStep"/,
    );
  });

  it('says when a resource file is not JSON', async () => {
    await writeFile(join(dir.path, 'crisis-resources.json'), '{ "country": ');
    assert.throws(() => loadCrisisResources(dir.path), /crisis-resources\.json[\s\S]*not valid JSON/);
  });

  it('says when a resource file is missing', () => {
    assert.throws(() => loadCrisisResources(dir.path), /crisis-resources\.json[\s\S]*cannot be read/);
  });

  describe('the Spanish safety locale (resources/locales/es/)', () => {
    /** The shipped Spanish file, edited by `change`, in a resources folder of its own. */
    async function spanishWith(change: (safety: Record<string, unknown>) => void): Promise<void> {
      const file = join(resourcesDir, 'locales', 'es', 'safety.json');
      const data = JSON.parse(await readFile(file, 'utf8')) as { safety: Record<string, unknown> };
      change(data.safety);
      await mkdir(join(dir.path, 'locales', 'es'), { recursive: true });
      await writeFile(join(dir.path, 'locales', 'es', 'safety.json'), JSON.stringify(data));
    }

    it('translates every English safety string, plus its own (the note on English, the lines)', async () => {
      const spanish = loadSpanishSafety();
      const english = JSON.parse(
        await readFile(join(resourcesDir, 'locales', 'en', 'core.json'), 'utf8'),
      ) as {
        safety: Record<string, string | string[]>;
      };
      const entries = Object.entries(english.safety);
      assert.ok(entries.length > 20);
      for (const [name, text] of entries) {
        const key = `safety.${name}`;
        assert.ok(spanish.has(key), key);
        // Sentences are translated; lists of typed words may share some ("no", "?").
        if (typeof text === 'string') assert.notEqual(spanish.text(key), text, key);
      }
      assert.ok(spanish.text('safety.englishOnly').length > 0);
      assert.ok(spanish.text('safety.lines').length > 0);
    });

    it('stops the start naming the file and the key when a Spanish line is missing', async () => {
      await spanishWith((safety) => {
        delete safety.stepOverdose;
      });
      assert.throws(
        () => loadSpanishSafety(dir.path),
        (error: unknown) => {
          assert.ok(error instanceof ResourceError);
          assert.match(error.message, /locales\/es\//);
          assert.match(error.message, /safety\.stepOverdose: missing/);
          return true;
        },
      );
    });

    it('refuses a key English does not have (a typo)', async () => {
      await spanishWith((safety) => {
        safety.dangerIntr = 'typo';
      });
      assert.throws(() => loadSpanishSafety(dir.path), /safety\.dangerIntr: not a key/);
    });
  });
});
