import assert from 'node:assert/strict';
import { ianaZone, instantAt } from '../../src/language/intents/time-zone.js';

describe('instantAt on daylight-saving days', () => {
  const newYork = ianaZone('America/New_York');
  const wall = (month: number, day: number, hour: number, minute: number) => ({
    year: 2026,
    month,
    day,
    hour,
    minute,
    second: 0,
  });

  it('a time the clocks skip is the moment just after the jump', () => {
    assert.ok(newYork);
    // 8 March 2026, 02:00 EST jumps to 03:00 EDT: "02:30" is 03:30 EDT, 07:30 UTC.
    assert.equal(instantAt(wall(3, 8, 2, 30), newYork).toISOString(), '2026-03-08T07:30:00.000Z');
  });

  it('a time that happens twice is the first one', () => {
    assert.ok(newYork);
    // 1 November 2026, 02:00 EDT falls back to 01:00 EST: the first 01:30 is EDT, 05:30 UTC.
    assert.equal(instantAt(wall(11, 1, 1, 30), newYork).toISOString(), '2026-11-01T05:30:00.000Z');
  });

  it('an ordinary time is its plain offset', () => {
    assert.ok(newYork);
    assert.equal(instantAt(wall(6, 1, 15, 0), newYork).toISOString(), '2026-06-01T19:00:00.000Z');
  });
});
