import assert from 'node:assert/strict';
import { ianaZone, type Zone } from '../../src/language/intents/time-zone.js';
import { awayFromQuietHours, isQuiet, nextWaking } from '../../src/scheduling/quiet-hours.js';

describe("quiet hours: 9 PM to 8 AM on the person's own clock", () => {
  let newYork: Zone;
  before(() => {
    const zone = ianaZone('America/New_York');
    assert.ok(zone);
    newYork = zone;
  });
  // Early December is EST (UTC-5).
  const est = (wall: string) => new Date(`${wall}-05:00`);
  const any = () => true;

  it('starts at 9:00 PM and ends at 8:00 AM', () => {
    assert.equal(isQuiet(est('2026-12-14T20:59:00'), newYork), false);
    assert.equal(isQuiet(est('2026-12-14T21:00:00'), newYork), true);
    assert.equal(isQuiet(est('2026-12-15T07:59:00'), newYork), true);
    assert.equal(isQuiet(est('2026-12-15T08:00:00'), newYork), false);
  });

  it('a time in them waits for the morning: the same morning after midnight, the next one before', () => {
    assert.equal(
      nextWaking(est('2026-12-15T23:15:00'), newYork).toISOString(),
      est('2026-12-16T08:00:00').toISOString(),
    );
    assert.equal(
      nextWaking(est('2026-12-16T02:00:00'), newYork).toISOString(),
      est('2026-12-16T08:00:00').toISOString(),
    );
    const noon = est('2026-12-16T12:00:00');
    assert.equal(nextWaking(noon, newYork), noon);
  });

  it("the morning is the person's 8 AM on a night the clocks fall back", () => {
    // 1:30 AM EDT on 1 November 2026 (the first one); 8 AM that day is EST.
    const night = new Date('2026-11-01T01:30:00-04:00');
    assert.equal(nextWaking(night, newYork).toISOString(), '2026-11-01T13:00:00.000Z');
  });

  it("the bot's own pick moves to the nearer of the evening before (8 PM) and the morning after, where it still fits", () => {
    const elevenPm = est('2026-12-14T23:00:00');
    assert.equal(
      awayFromQuietHours(elevenPm, newYork, any)?.toISOString(),
      est('2026-12-14T20:00:00').toISOString(),
    );
    const sixAm = est('2026-12-15T06:00:00');
    assert.equal(
      awayFromQuietHours(sixAm, newYork, any)?.toISOString(),
      est('2026-12-15T08:00:00').toISOString(),
    );
    const afterIt = (at: Date) => at.getTime() > elevenPm.getTime();
    assert.equal(
      awayFromQuietHours(elevenPm, newYork, afterIt)?.toISOString(),
      est('2026-12-15T08:00:00').toISOString(),
    );
    assert.equal(
      awayFromQuietHours(elevenPm, newYork, () => false),
      undefined,
    );
  });
});
