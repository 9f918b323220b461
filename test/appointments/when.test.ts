import assert from 'node:assert/strict';
import { type AppointmentTime, formatWhen, isPast, readWhen } from '../../src/appointments/when.js';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { testContent } from '../support/content.js';
import { clock, testRecognizer } from './harness.js';

const { strings } = testContent();
let recognizer: WayfinderRecognizer;

/** What the dialog does: recognize in the person's zone, re-reading parts when needed. */
function when(text: string): AppointmentTime | undefined {
  const find = (part: string) =>
    recognizer.recognizeNow(part, { now: clock() }).recognition.entities.datetime;
  return readWhen(text, find(text), find, clock())?.time;
}
const said = (text: string) => {
  const time = when(text);
  return time && formatWhen(time, strings, clock());
};

describe('reading when an appointment is (Thursday 8 May 2025, 10:00 in Chicago)', () => {
  before(() => {
    recognizer = testRecognizer();
  });

  const cases: [string, string | undefined][] = [
    ['next Tuesday at 3', 'Tuesday, May 13 at 3:00 PM'],
    ['the 12th in the morning', 'Monday, May 12, 8:00 AM to 12:00 PM'],
    ['on the 12th', 'Monday, May 12'],
    ['the 12th at 9', 'Monday, May 12 at 9:00 AM'],
    ['tomorrow at 9am', 'Friday, May 9 at 9:00 AM'],
    ['next week', 'between Monday, May 12 and Sunday, May 18'],
    ['in two weeks', 'Thursday, May 22'],
    ['January 5', 'Monday, January 5, 2026'],
    ['whenever', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" is ${expected ?? 'no date'}`, () => assert.equal(said(text), expected));
  }

  it('a day or time already over is past; today is not', () => {
    const past = when('last Monday');
    const today = when('today');
    assert.ok(past && isPast(past, clock()));
    assert.ok(today && !isPast(today, clock()));
  });
});
