import assert from 'node:assert/strict';
import { dateTimeWindows, inputBudget } from '../../../src/language/intents/input-budget.js';
import { shippedRecognizer } from './recognizers.js';

const chicago = { timezone: 'America/Chicago' };

/** `unit` repeated to exactly `length` characters. */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

describe('bounded input', () => {
  it('recognizes a 30 KB message of prose and still finds what its start says', async () => {
    const text = repeatTo('I see my counselor next Monday at 2pm and I want to be ready for it. ', 30_000);
    const result = await shippedRecognizer().recognizeText(text, chicago);
    assert.equal(result.intent, 'appointment');
    assert.equal(result.entities.datetime[0]?.value?.local, '2025-05-12T14:00:00');
    assert.ok(result.entities.datetime.length <= inputBudget.dateTimeWindows * 2);
  });

  it("recognizes a 30 KB message of digits, dates and no punctuation (the recognizers' worst case)", async () => {
    for (const unit of [
      '1 2 3 4 5 6 7 8 9 10 11 12 ',
      'on monday at 3pm or tuesday at 4 or the 5th ',
      '9'.repeat(50),
    ]) {
      const result = await shippedRecognizer().recognizeText(repeatTo(unit, 30_000), chicago);
      assert.ok(result.score >= 0 && result.score <= 1);
    }
  });

  it('classifies only the first 500 characters: what follows changes nothing', async () => {
    const start = repeatTo('how do I ask my boss for a later shift because of my clinic dosing? ', 500);
    const alone = await shippedRecognizer().recognizeText(start);
    const followed = await shippedRecognizer().recognizeText(
      `${start}${repeatTo(' delete all my data now', 5_000)}`,
    );
    assert.equal(followed.intent, alone.intent);
    assert.equal(followed.score, alone.score);
  });

  it('gives the date-time recognizer at most 2 windows of at most 100 characters from the first 600', () => {
    const text = repeatTo(
      'On the 3rd I see my doctor about my meds and then on friday at 2 I see my caseworker again ',
      30_000,
    );
    const windows = dateTimeWindows(text);
    assert.ok(windows.length > 0 && windows.length <= inputBudget.dateTimeWindows);
    for (const window of windows) {
      assert.ok(window.text.length <= inputBudget.dateTimeWindowChars);
      assert.ok(window.start + window.text.length <= inputBudget.dateTimeScanChars);
      assert.equal(text.slice(window.start, window.start + window.text.length), window.text);
    }
  });

  it('skips sentences with no date or time cue, so a date in a later sentence is still read', () => {
    const text = `${repeatTo('I am worried about it. ', 230)}Court is on Friday.`;
    const windows = dateTimeWindows(text);
    assert.deepEqual(
      windows.map((w) => w.text.trim()),
      ['Court is on Friday.'],
    );
  });

  it('does not read dates past the first 600 characters (by design: see input-budget.ts)', async () => {
    const text = `${repeatTo('I am worried about it. ', 700)} Court is on Friday.`;
    assert.deepEqual((await shippedRecognizer().recognizeText(text, chicago)).entities.datetime, []);
  });
});
