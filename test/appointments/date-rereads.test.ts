import assert from 'node:assert/strict';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { spanChannel } from '../../src/platform/spans.js';
import { runDialogCase, type Step } from '../support/dialog-case.js';
import { appointmentHarness, clock, testRecognizer } from './harness.js';

/**
 * Part of a typed date is read again for a date ("the 12th" is re-read as "on the 12th", a
 * correction's words alone): with the date-time recognizer only, not the intent classifier and
 * every entity recognizer each time, and finding the same dates.
 */
describe('appointment dates: parts re-read with the date-time recognizer alone', () => {
  let recognizer: WayfinderRecognizer;
  before(() => {
    recognizer = testRecognizer();
  });

  const typed = [
    'the 12th at 3pm',
    'on the 12th',
    ' at 3pm',
    'next Tuesday at 3',
    'sorry i meant wednesday',
    'in two weeks',
    'idk',
    'a refill',
    '',
  ];
  for (const text of typed) {
    it(`finds in ${JSON.stringify(text)} the dates the whole recognizer finds`, () => {
      assert.deepEqual(
        recognizer.datesIn(text, { now: clock() }),
        recognizer.recognizeNow(text, { now: clock() }).recognition.entities.datetime,
      );
    });
  }

  it('classifies the intent of "the 12th at 3pm" at the date question once, though the 12th is read twice', async () => {
    let classified = 0;
    let datesRead = 0;
    const onIntent = () => {
      classified += 1;
    };
    const onDates = () => {
      datesRead += 1;
    };
    const steps: Step[] = [
      ['hi', ['appointment.intro', 'appointment.askType']],
      ['my counselor', ['appointment.askWhen']],
    ];
    const { make } = appointmentHarness(recognizer);
    const { client } = await runDialogCase(make, steps);
    spanChannel('intent').start.subscribe(onIntent);
    spanChannel('datetime').start.subscribe(onDates);
    try {
      const reply = await client.sendActivity('the 12th at 3pm');
      assert.match(String(reply?.text), /Monday, May 12 at 3:00/);
    } finally {
      spanChannel('intent').start.unsubscribe(onIntent);
      spanChannel('datetime').start.unsubscribe(onDates);
    }
    assert.equal(classified, 1);
    assert.ok(datesRead >= 2, `the 12th was read again alone (${datesRead} date readings)`);
  });
});
