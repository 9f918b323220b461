import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { levelOf, loadAccommodationContent, type RightsStatement } from '../../src/accommodations/content.js';
import { RequestBuilder } from '../../src/accommodations/letter.js';
import { type RequestAnswers, settingIds } from '../../src/accommodations/model.js';
import {
  appliesTo,
  helpFor,
  rightsFor,
  rightsSummary,
  sourcedText,
} from '../../src/accommodations/rights.js';
import { ResourceError } from '../../src/content/resource-file.js';
import { resourcesDir } from '../../src/paths.js';
import { testContent } from '../support/content.js';
import { useTempDir } from '../support/temp-dir.js';
import { accommodationContent, TODAY } from './support.js';

const { strings } = testContent();
const shipped = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(resourcesDir, 'accommodations.json'), 'utf8')) as Record<string, unknown>;
const localeSection = (section: string): string[] => {
  const file = JSON.parse(
    readFileSync(join(resourcesDir, 'locales', 'en', 'accommodations.json'), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  return Object.keys(file[section] ?? {});
};

describe('accommodation content (resources/accommodations.json)', () => {
  const dir = useTempDir('wayfinder-accommodations-');

  /** Writes the shipped file with `edit` applied into the temp dir.path and loads it from there. */
  async function loadEdited(edit: (file: Record<string, unknown>) => void) {
    const file = shipped();
    edit(file);
    await writeFile(join(dir.path, 'accommodations.json'), JSON.stringify(file));
    return loadAccommodationContent(strings, dir.path);
  }

  it('the shipped file loads, with a setting for every place the recognizer knows and "other"', () => {
    assert.deepEqual(
      accommodationContent().settings.map((setting) => setting.id),
      [...settingIds],
    );
  });

  it('every rights statement has a source, and every rights sentence in the locale is one of them', () => {
    const { rights } = accommodationContent();
    assert.ok(rights.length >= 10);
    for (const right of rights) assert.ok(right.source.cite.trim().length > 0, right.id);
    const referenced = new Set<string>(rights.map((right) => right.text));
    for (const key of localeSection('accommodationRights')) {
      assert.ok(referenced.has(`accommodationRights.${key}`), `accommodationRights.${key} has no source`);
    }
  });

  for (const setting of settingIds) {
    it(`the rights summary for ${setting} is made only of sourced statements from resources, then help`, () => {
      const content = accommodationContent();
      const summary = rightsSummary(strings, content, setting, 'general');
      const [heading, level, statements = '', help = ''] = summary.split('\n\n');
      assert.equal(heading, strings.text('accommodationHelp.heading'));
      const general = levelOf(content, 'general');
      assert.equal(level, sourcedText(strings, general.rights, general.source));
      const entry = (right: RightsStatement) =>
        strings.text('accommodationHelp.entry', { text: sourcedText(strings, right.text, right.source) });
      const rights = rightsFor(content, setting, 'general');
      assert.ok(rights.length > 0);
      // Nothing named: the rules about recovery come last, under a line saying who they are for.
      const recovery = rights.filter((right) => right.recovery).map(entry);
      assert.deepEqual(statements.split('\n'), [
        strings.text('accommodationHelp.rulesHeading'),
        ...rights.filter((right) => !right.recovery).map(entry),
        ...(recovery.length > 0 ? [strings.text('accommodationHelp.ifRecovery'), ...recovery] : []),
      ]);
      assert.ok(help.startsWith(strings.text('accommodationHelp.whereHeading')));
      assert.equal(help.split('\n').length - 1, helpFor(content, setting).length);
    });
  }

  it('the statements under "what happens next" are sourced statements from resources too', () => {
    const content = accommodationContent();
    const answers: RequestAnswers = {
      setting: 'work',
      barrier: { id: 'schedule' },
      idea: { id: 'laterStart' },
      who: { id: 'hr' },
      format: 'email',
      start: { asap: true },
      disclosure: 'general',
    };
    const steps = new RequestBuilder(strings, content).build(answers, TODAY).nextSteps;
    const sourced = content.rights
      .filter((right) => right.nextStep && appliesTo(right, 'work', 'general'))
      .map((right) => sourcedText(strings, right.text, right.source));
    assert.equal(sourced.length, 2);
    for (const line of sourced) assert.ok(steps.includes(line), line);
  });

  it("JAN's unconfirmed phone number is not in the content at all, only its web address", () => {
    const jan = accommodationContent().help.find((entry) => entry.id === 'jan');
    assert.deepEqual(jan?.contacts, [{ kind: 'url', value: 'https://askjan.org' }]);
    for (const setting of settingIds) {
      assert.ok(!rightsSummary(strings, accommodationContent(), setting, 'general').includes('526-7234'));
    }
  });

  it('refuses a contact that is not on the verified list, naming the field and the fix', async () => {
    await assert.rejects(
      loadEdited((file) => {
        const help = file.help as { contacts: { value: string }[] }[];
        const phone = help[0]?.contacts[0];
        if (phone) phone.value = '800-526-7234';
      }),
      /help\[0\]\.contacts\[0\]\.value: 800-526-7234 is not in resources\/verified-contacts\.json: add it there/,
    );
  });

  it('names the file and every bad field: a missing source, an unknown key, an insecure URL', async () => {
    await assert.rejects(
      loadEdited((file) => {
        const rights = file.rights as { source: unknown }[];
        const ideas = file.ideas as { request: string }[];
        const help = file.help as { contacts: { value: string }[] }[];
        if (rights[0]) rights[0].source = { cite: ' ', checked: '2026-12-07' };
        if (ideas[0]) ideas[0].request = 'accommodationIdeas.noSuchKey';
        const jan = help.find((entry) => entry.contacts.some((c) => c.value.startsWith('https://')));
        const url = jan?.contacts.find((c) => c.value.startsWith('https://'));
        if (url) url.value = 'http://askjan.org';
      }),
      (error: unknown) => {
        assert.ok(error instanceof ResourceError);
        assert.match(error.message, /accommodations\.json/);
        assert.match(error.message, /rights\[0\]\.source\.cite: name the source/);
        assert.match(error.message, /ideas\[0\]\.request: no string "accommodationIdeas\.noSuchKey"/);
        assert.match(error.message, /help\[1\]\.contacts\[0\]\.value: expected an https URL/);
        return true;
      },
    );
  });

  it('refuses an idea whose request says more than "nothing specific" allows, naming the words', async () => {
    await assert.rejects(
      loadEdited((file) => {
        const ideas = file.ideas as { request: string }[];
        if (ideas[0]) ideas[0].request = 'accommodationLetter.scheduleSpecifics';
      }),
      /ideas\[0\]\.request: .*says more than its disclosure level allows \(.*recovery.*\)/,
    );
  });

  it('refuses a reference to an idea or a person that does not exist', async () => {
    await assert.rejects(
      loadEdited((file) => {
        const ideasFor = file.ideasFor as Record<string, Record<string, string[]>>;
        ideasFor.work = { ...ideasFor.work, any: ['noSuchIdea'] };
        (file.settings as { who: string[] }[])[0]?.who.push('noSuchPerson');
      }),
      /ideasFor\.work\.any\[0\]: no idea "noSuchIdea"[\s\S]*settings\[0\]\.who\[2\]: no who "noSuchPerson"/,
    );
  });

  it('refuses a file of another version', async () => {
    await assert.rejects(
      loadEdited((file) => {
        file.version = 2;
      }),
      /version: expected version 1/,
    );
  });
});
