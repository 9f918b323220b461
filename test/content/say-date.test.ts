import assert from 'node:assert/strict';
import { sayDay as sayLetterDay } from '../../src/accommodations/dates.js';
import { formatInstant, formatWhen } from '../../src/appointments/when.js';
import { sayClock, sayDay, sayMoment, sayZone } from '../../src/content/say-date.js';
import { ianaZone } from '../../src/language/intents/time-zone.js';
import { testContent } from '../support/content.js';

describe('one way of writing dates and times', () => {
  const { strings } = testContent();
  const tuesday = { year: 2026, month: 12, day: 15, hour: 9, minute: 0 };

  it('a moment: "Tuesday, December 15 at 9:00 AM", with the year only when it is not this one', () => {
    assert.equal(sayMoment(tuesday, strings, 2026), 'Tuesday, December 15 at 9:00 AM');
    assert.equal(sayMoment(tuesday, strings, 2025), 'Tuesday, December 15, 2026 at 9:00 AM');
    assert.equal(sayClock({ ...tuesday, hour: 20, minute: 30 }, strings.locale), '8:30 PM');
  });

  it('a day: with its weekday, or as a letter dates it', () => {
    assert.equal(sayDay(tuesday, strings.locale), 'Tuesday, December 15');
    assert.equal(sayDay(tuesday, strings.locale, { year: true, weekday: false }), 'December 15, 2026');
    assert.equal(sayLetterDay('2026-12-15', strings.locale), 'Tuesday, December 15');
    assert.equal(sayLetterDay('2026-12-15', strings.locale, true), 'December 15, 2026');
  });

  it("appointments and reminders are written the same way, on the person's clock", () => {
    const newYork = ianaZone('America/New_York');
    assert.ok(newYork);
    const now = new Date('2026-12-07T15:00:00Z');
    const when = {
      start: '2026-12-15T14:00:00.000Z',
      local: '2026-12-15T09:00:00',
      precision: 'time' as const,
      timezone: 'America/New_York',
    };
    assert.equal(formatWhen(when, strings, now), 'Tuesday, December 15 at 9:00 AM');
    assert.equal(
      formatInstant(new Date(when.start), newYork, strings, now),
      'Tuesday, December 15 at 9:00 AM',
    );
    assert.equal(sayZone(new Date(when.start), 'America/New_York', strings.locale), 'EST');
  });
});
