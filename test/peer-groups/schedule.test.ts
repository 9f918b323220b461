import assert from 'node:assert/strict';
import { ianaZone, wallTimeAt, type Zone } from '../../src/language/intents/time-zone.js';
import { daypartsOf, fitsWhen, nextMeeting, occurrences } from '../../src/peer-groups/schedule.js';
import { fixture, scheduled, thursday } from './fixtures.js';

function zone(name: string): Zone {
  const found = ianaZone(name);
  if (!found) throw new Error(`no zone ${name}`);
  return found;
}

const zones = fixture('time-zones');
const basic = fixture('basic');
const newYork = zone('America/New_York');

interface NextCase {
  name: string;
  /** A group of fixture "time-zones", or of "basic" when `basic` is set. */
  group: string;
  basic?: true;
  now: string;
  next: string;
  /** What a clock in New York shows then (HH:MM), where that is the point. */
  newYorkClock?: string;
}

const nextCases: NextCase[] = [
  {
    name: 'a weekly meeting later today is today',
    group: 'online-all-pathways',
    basic: true,
    now: '2025-05-08T15:00:00Z',
    next: '2025-05-08T23:30:00.000Z',
  },
  {
    name: 'a meeting that started earlier today is next week (the Monday one comes first)',
    group: 'online-all-pathways',
    basic: true,
    now: '2025-05-08T23:45:00Z',
    next: '2025-05-12T16:00:00.000Z',
  },
  {
    name: 'a meeting starting this very minute still counts',
    group: 'online-all-pathways',
    basic: true,
    now: '2025-05-08T23:30:00Z',
    next: '2025-05-08T23:30:00.000Z',
  },
  {
    name: 'the day before clocks go forward: Sunday 10:00 is 10:00 EDT (14:00 UTC), not EST',
    group: 'ny-sunday-morning',
    now: '2025-03-08T17:00:00Z',
    next: '2025-03-09T14:00:00.000Z',
    newYorkClock: '10:00',
  },
  {
    name: 'a week earlier, still winter: Sunday 10:00 EST is 15:00 UTC',
    group: 'ny-sunday-morning',
    now: '2025-03-01T17:00:00Z',
    next: '2025-03-02T15:00:00.000Z',
    newYorkClock: '10:00',
  },
  {
    name: 'the day before clocks go back: Sunday 10:00 is 10:00 EST (15:00 UTC)',
    group: 'ny-sunday-morning',
    now: '2025-11-01T16:00:00Z',
    next: '2025-11-02T15:00:00.000Z',
    newYorkClock: '10:00',
  },
  {
    name: 'a meeting at 02:30 on the night clocks skip 02:00-03:00 is at 03:30 EDT',
    group: 'ny-sunday-0230',
    now: '2025-03-08T17:00:00Z',
    next: '2025-03-09T07:30:00.000Z',
    newYorkClock: '03:30',
  },
  {
    name: 'a meeting at 01:30 on the night 01:00-02:00 happens twice is the first 01:30 (EDT)',
    group: 'ny-sunday-0130',
    now: '2025-11-01T16:00:00Z',
    next: '2025-11-02T05:30:00.000Z',
    newYorkClock: '01:30',
  },
  {
    name: 'London in the weeks when the US has moved its clocks and the UK not: 19:00 GMT is 15:00 in New York',
    group: 'london-wednesday',
    now: '2025-03-10T12:00:00Z',
    next: '2025-03-12T19:00:00.000Z',
    newYorkClock: '15:00',
  },
  {
    name: 'London once both have moved: 19:00 BST is 14:00 in New York again',
    group: 'london-wednesday',
    now: '2025-04-01T12:00:00Z',
    next: '2025-04-02T18:00:00.000Z',
    newYorkClock: '14:00',
  },
];

describe('peer groups: next meeting', () => {
  for (const c of nextCases) {
    it(c.name, () => {
      const group = scheduled(c.basic ? basic : zones, c.group);
      const next = nextMeeting(group.schedule, new Date(c.now));
      assert.equal(next?.toISOString(), c.next);
      if (c.newYorkClock && next) {
        const wall = wallTimeAt(next, newYork);
        assert.equal(
          `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`,
          c.newYorkClock,
        );
      }
    });
  }

  it('lists each weekly meeting of the coming week once, soonest first', () => {
    const group = scheduled(basic, 'springfield-twelve');
    assert.deepEqual(
      occurrences(group.schedule, thursday).map((d) => d.toISOString()),
      ['2025-05-10T14:00:00.000Z', '2025-05-14T17:00:00.000Z'],
    );
  });
});

describe('peer groups: "when" on the person\'s clock', () => {
  it('parts of the day by start hour; 20:00 is evening and night; night runs past midnight', () => {
    assert.deepEqual(daypartsOf(9), ['morning']);
    assert.deepEqual(daypartsOf(12), ['afternoon']);
    assert.deepEqual(daypartsOf(19), ['evening']);
    assert.deepEqual(daypartsOf(20), ['evening', 'night']);
    assert.deepEqual(daypartsOf(23), ['night']);
    assert.deepEqual(daypartsOf(0), ['night']);
    assert.deepEqual(daypartsOf(4), ['night']);
    assert.deepEqual(daypartsOf(5), ['morning']);
  });

  it('Tokyo Monday 09:00 is Sunday evening in Los Angeles: it fits "Sunday evening" there, not "Monday"', () => {
    const group = scheduled(zones, 'tokyo-monday');
    const losAngeles = zone('America/Los_Angeles');
    const next = nextMeeting(group.schedule, thursday);
    assert.ok(next);
    assert.equal(fitsWhen(next, { days: [0], parts: ['evening'] }, losAngeles), true);
    assert.equal(fitsWhen(next, { days: [1], parts: [] }, losAngeles), false);
    assert.equal(fitsWhen(next, { days: [1], parts: ['morning'] }, zone('Asia/Tokyo')), true);
  });

  it('the next meeting that fits skips earlier ones that do not ("evenings": Thursday 19:30, not Monday noon)', () => {
    const group = scheduled(basic, 'online-all-pathways');
    const afterThursdays = new Date('2025-05-09T00:00:00Z');
    assert.equal(nextMeeting(group.schedule, afterThursdays)?.toISOString(), '2025-05-12T16:00:00.000Z');
    assert.equal(
      nextMeeting(group.schedule, afterThursdays, { days: [], parts: ['evening'] }, newYork)?.toISOString(),
      '2025-05-15T23:30:00.000Z',
    );
    assert.equal(nextMeeting(group.schedule, afterThursdays, { days: [6], parts: [] }, newYork), undefined);
  });
});
