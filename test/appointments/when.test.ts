import assert from 'node:assert/strict';
import {
  type AppointmentTime,
  checkInAfter,
  dayBefore,
  formatWhen,
  isPast,
  readReminderTime,
  readWhen,
} from '../../src/appointments/when.js';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { testContent } from '../support/content.js';
import { clock, testRecognizer } from './harness.js';

const { strings } = testContent();
let recognizer: WayfinderRecognizer;

/** What the dialog does: recognize in the person's zone, re-reading parts when needed. */
function when(text: string): AppointmentTime | undefined {
  const find = (part: string) =>
    recognizer.recognizeNow(part, { now: clock() }).recognition.entities.datetime;
  return readWhen(text, find(text), find, clock());
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

  it('reminders: the day before (10 AM for a whole day), a check-in after', () => {
    const time = when('next Tuesday at 3');
    const day = when('May 20');
    assert.ok(time && day);
    assert.equal(dayBefore(time).toISOString(), '2025-05-12T20:00:00.000Z');
    assert.equal(dayBefore(day).toISOString(), '2025-05-19T15:00:00.000Z');
    assert.equal(checkInAfter(time).toISOString(), '2025-05-13T23:00:00.000Z');
    assert.equal(checkInAfter(day).toISOString(), '2025-05-20T23:00:00.000Z');
  });

  it('a chosen reminder time must fall between now and the appointment', () => {
    const appointment = when('next Tuesday at 3');
    assert.ok(appointment);
    const remind = (text: string) => {
      const find = (part: string) =>
        recognizer.recognizeNow(part, { now: clock() }).recognition.entities.datetime;
      return readReminderTime(text, find(text), find, appointment, clock())?.toISOString();
    };
    assert.equal(remind('2 hours before'), '2025-05-13T18:00:00.000Z');
    assert.equal(remind('Monday at 6pm'), '2025-05-12T23:00:00.000Z');
    assert.equal(remind('Friday'), '2025-05-09T14:00:00.000Z');
    assert.equal(remind('next Wednesday at noon'), undefined);
    assert.equal(remind('yesterday at 5pm'), undefined);
  });
});
