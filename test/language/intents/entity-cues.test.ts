import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Culture,
  recognizeBoolean,
  recognizeDateTime,
  recognizeNumber,
} from '@microsoft/recognizers-text-suite';
import { booleanCue, numberCue } from '../../../src/language/intents/entities.js';
import { bareSmallNumber, dateTimeWindows } from '../../../src/language/intents/input-budget.js';
import { resourcesDir } from '../../../src/paths.js';

/** Every string in a JSON value: the messages people wrote that the resources keep as examples. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The intent and safety examples, and what the appointment, group and letter questions offer. */
async function corpus(): Promise<string[]> {
  const intents = join(resourcesDir, 'intents');
  const files = [
    ...(await readdir(intents)).filter((name) => name.endsWith('.json')).map((name) => join(intents, name)),
    ...['safety-examples.json', 'entities.json', 'appointments.json', 'peer-groups.json'].map((name) =>
      join(resourcesDir, name),
    ),
  ];
  const texts = (
    await Promise.all(files.map(async (file) => stringsIn(JSON.parse(await readFile(file, 'utf8')))))
  )
    .flat()
    .filter((text) => text.trim() !== '');
  return [...new Set(texts)];
}

// The cues let the number and yes/no recognizers skip a message; they may pass a message with
// nothing to find, but must never hold back one the recognizer reads something in.
describe('entity cues: the number and yes/no recognizers run on every message they could read something in', () => {
  const typed = [
    'three',
    'twenty five',
    'half',
    'a dozen',
    '2',
    '１２',
    '½ hour',
    '3 of them',
    'only one',
    'Forty-two',
    'a third of them',
    'ten thousand',
  ];
  for (const text of typed) {
    it(`"${text}": the number recognizer finds a number, and the cue lets it run`, () => {
      assert.ok(recognizeNumber(text, Culture.English).length > 0);
      assert.ok(numberCue.test(text));
    });
  }
  for (const text of ['yes', 'Yeah', 'yep', 'nope', 'no', 'OK', 'sure', 'y', '👍', '👎🏽', 'not ok']) {
    it(`"${text}": the boolean recognizer finds a yes or no, and the cue lets it run`, () => {
      assert.ok(recognizeBoolean(text, Culture.English).length > 0);
      assert.ok(booleanCue.test(text));
    });
  }

  it('in thousands of example messages, neither recognizer finds anything where its cue does not match', async () => {
    const texts = await corpus();
    const noNumberCue = texts.filter((text) => !numberCue.test(text));
    const noBooleanCue = texts.filter((text) => !booleanCue.test(text));
    // Enough messages without a cue for the check to mean something.
    assert.ok(noNumberCue.length > 2000, `${noNumberCue.length} without a number cue`);
    assert.ok(noBooleanCue.length > 2000, `${noBooleanCue.length} without a yes/no cue`);
    assert.deepEqual(
      noNumberCue.filter((text) => recognizeNumber(text, Culture.English).length > 0),
      [],
    );
    assert.deepEqual(
      noBooleanCue.filter((text) => recognizeBoolean(text, Culture.English).length > 0),
      [],
    );
  });
});

// A message of one to three digits (a menu pick) is not given to the date-time recognizer: this
// holds only while the recognizer finds nothing in any of them.
describe('date-time cue: a bare number of one to three digits is skipped only because nothing is in it', () => {
  const reference = new Date(2026, 11, 7, 10, 0, 0);
  const numbers = Array.from({ length: 1000 }, (_, n) => [
    String(n),
    String(n).padStart(2, '0'),
    String(n).padStart(3, '0'),
  ])
    .flat()
    .filter((text, index, all) => all.indexOf(text) === index);

  it(`the recognizer finds no date or time in any of the ${numbers.length} numbers the cue skips`, function () {
    this.timeout(120_000);
    const skipped = [...numbers, ' 3', '12 ', ' 7 '].filter((text) => bareSmallNumber.test(text));
    assert.equal(skipped.length, numbers.length + 3);
    assert.deepEqual(
      skipped.filter((text) => recognizeDateTime(text, Culture.English, undefined, reference).length > 0),
      [],
    );
  });

  for (const text of ['2', ' 12 ', '007']) {
    it(`"${text}" alone gives the date-time recognizer nothing to read`, () => {
      assert.deepEqual(dateTimeWindows(text), []);
    });
  }

  for (const text of ['2026', '3pm', '3:30', '2 pm', 'at 3', '3.', '12/5', 'the 3rd', '3 tomorrow']) {
    it(`"${text}" is still read (more than a bare number)`, () => {
      assert.equal(dateTimeWindows(text).length, 1);
    });
  }
});
