import assert from 'node:assert/strict';
import { z } from 'zod';
import { loadResource } from '../../src/content/resource-file.js';
import { isMessage, median, reading } from '../support/readability.js';
import { manifestStrings, spokenStrings } from '../support/spoken-strings.js';

/** The most a message may read at (Flesch-Kincaid grade); NIH and health services aim below 8. */
const MAX_GRADE = 8;
/** The most the middle message may read at. */
const MAX_MEDIAN = 6;

const exceptionsSchema = z.object({
  description: z.string(),
  exceptions: z.array(
    z.object({
      file: z.string().min(1),
      path: z.string().min(1),
      reason: z.string().min(20, 'say why this string may read above grade 8'),
    }),
  ),
});

/**
 * Plain language, measured (issue 22): every message the bot can say in English, scored with the
 * Flesch-Kincaid grade (syllables from the `syllable` package; see test/support/readability.ts),
 * and so are the Teams app's descriptions. accommodations.json and appointments.json hold string
 * keys only: their words are scored in the locale files.
 * A message is a string with at least five words and a full stop, question or exclamation mark;
 * button labels, titles, single words and the words people type are left out. Spanish strings
 * are left out too: an English formula does not score them.
 */
describe('plain language: every message reads at grade 8 or below (Flesch-Kincaid)', () => {
  const { exceptions } = loadResource('readability-exceptions.json', exceptionsSchema);
  const excepted = new Set(exceptions.map(({ file, path }) => `${file}:${path}`));
  const messages = [...spokenStrings(), ...manifestStrings()]
    .filter(({ text }) => isMessage(text))
    .map((spoken) => ({ ...spoken, grade: reading(spoken.text).grade }));
  const files = [...new Set(messages.map(({ file }) => file))];

  it('scores the locale strings and the content files the bot speaks from', () => {
    for (const file of [
      'locales/en/core.json',
      'crisis-resources.json',
      'peer-groups.json',
      'practice-scenarios.json',
    ])
      assert.ok(files.includes(file), file);
    assert.ok(messages.length > 400, `${messages.length} messages`);
  });

  for (const file of files) {
    it(`${file}: each message reads at grade ${MAX_GRADE} or below, or is a listed exception`, () => {
      const above = messages
        .filter((m) => m.file === file && m.grade > MAX_GRADE && !excepted.has(`${m.file}:${m.path}`))
        .map((m) => `${m.grade} ${m.path}: ${m.text}`);
      assert.deepEqual(above, []);
    });
  }

  it(`the median message reads at grade ${MAX_MEDIAN} or below`, () => {
    const middle = median(messages.map(({ grade }) => grade));
    const worst = [...messages].sort((a, b) => b.grade - a.grade).slice(0, 5);
    // The figures docs/accessibility.md quotes, printed so a reviewer sees them in every run.
    console.log(
      `      readability: ${messages.length} messages, median grade ${middle.toFixed(1)}, worst: ${worst
        .map((m) => `${m.grade} (${m.file} ${m.path})`)
        .join(', ')}`,
    );
    assert.ok(middle <= MAX_MEDIAN, `median grade ${middle}`);
  });

  it('each exception names a message that exists and still reads above grade 8', () => {
    const stale = exceptions
      .filter(
        ({ file, path }) => !messages.some((m) => m.file === file && m.path === path && m.grade > MAX_GRADE),
      )
      .map(({ file, path }) => `${file}:${path}`);
    assert.deepEqual(stale, []);
  });

  it('the score is live: a long legal sentence fails, a short plain one passes', () => {
    const legal =
      'Notwithstanding the foregoing, an individual currently engaging in the illegal use of drugs is not considered a qualified individual with a disability.';
    assert.ok(reading(legal).grade > MAX_GRADE, String(reading(legal).grade));
    assert.ok(reading('You can ask for a change at work. Do you want to try?').grade <= MAX_MEDIAN);
  });

  it('computes the Flesch-Kincaid formula: 6 words, 1 sentence, 6 syllables is 0.39 * 6 + 11.8 - 15.59', () => {
    assert.equal(reading('The cat sat on the mat.').grade, -1.4);
  });

  it('counts each line of a list, and a sentence that starts with a number, as a sentence', () => {
    assert.equal(reading('Call 988. 988 is free. You can also text it.').sentences, 3);
    assert.equal(reading('Dr. Reyes works for a U.S. agency. She is kind.').sentences, 2);
    assert.equal(reading('What you can bring:\n- your ID\n- a list of questions').sentences, 3);
    assert.equal(reading('Hi {name}, see https://example.org/a-long-page today.').words, 5);
  });

  it('leaves out labels and single words, keeps sentences', () => {
    assert.equal(isMessage('Appointment prep'), false);
    assert.equal(isMessage('A doctor who is in a hurry'), false);
    assert.equal(isMessage('HUD (U.S. Department of Housing and Urban Development), about housing'), false);
    assert.equal(isMessage('What would you like to do?'), true);
  });
});
