import assert from 'node:assert/strict';
import { zoneFor } from '../../src/safety-plan/check-in.js';

/** Where quiet hours are read for the check-in, from what the channel says of the person's clock. */
const cases: [what: string, given: { localTimezone?: string; localTimestamp?: string }, zone: string][] = [
  [
    "the activity's zone",
    { localTimezone: 'America/Denver', localTimestamp: '2025-05-12T10:00:00-05:00' },
    'America/Denver',
  ],
  [
    'an unknown zone name: the timestamp’s offset',
    { localTimezone: 'Mars/Olympus', localTimestamp: '2025-05-12T10:00:00-05:00' },
    'UTC-05:00',
  ],
  ['no zone: the timestamp’s offset', { localTimestamp: '2025-05-12T10:00:00.000+05:30' }, 'UTC+05:30'],
  ['neither: the middle of the US', {}, 'America/Chicago'],
];

describe('safety plan check-in: the zone for quiet hours (issue 20)', () => {
  for (const [what, given, zone] of cases) {
    it(`${what} -> ${zone}`, () => assert.equal(zoneFor(given), zone));
  }
});
