import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  bucketOf,
  keys,
  type PendingItem,
  type ScheduleRequest,
} from '../../src/scheduling/scheduled-item.js';
import { Scheduler, type SchedulerOptions } from '../../src/scheduling/scheduler.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = Date.parse('2026-03-02T09:30:00Z');

const request = (id: string, dueAt: number, extra: Partial<ScheduleRequest> = {}): ScheduleRequest => ({
  id,
  userKey: 'test/users/ana/',
  dueAt: new Date(dueAt),
  reference: {
    channelId: 'test',
    serviceUrl: 'https://connector.invalid',
    conversation: { id: 'c-1', isGroup: false, conversationType: 'personal', name: '' },
    activityId: 'old-activity',
  },
  payload: { kind: 'test' },
  timezone: 'UTC',
  ...extra,
});

describe('Scheduler: due items in Storage, sent once', () => {
  let timers: sinon.SinonFakeTimers;
  let storage: MemoryAppStorage;
  let sent: PendingItem[];
  let running: Scheduler[];

  const make = (options: Partial<SchedulerOptions> = {}) => {
    const scheduler = new Scheduler({
      storage,
      clock: () => new Date(),
      send: async (item) => {
        sent.push(item);
      },
      ...options,
    });
    running.push(scheduler);
    return scheduler;
  };

  beforeEach(() => {
    timers = sinon.useFakeTimers({
      now: start,
      toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    storage = new MemoryAppStorage();
    sent = [];
    running = [];
  });
  afterEach(async () => {
    await Promise.all(running.map((s) => s.stop()));
    timers.restore();
  });

  it('sends an item once it is due, not before, and only once', async () => {
    const scheduler = make();
    await scheduler.schedule(request('r1', start + 10 * MINUTE));
    scheduler.start();
    await timers.tickAsync(9 * MINUTE);
    assert.equal(sent.length, 0);
    await timers.tickAsync(2 * MINUTE);
    assert.deepEqual(
      sent.map((item) => item.id),
      ['r1'],
    );
    await timers.tickAsync(3 * HOUR);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.reference.activityId, undefined, 'activityId is dropped');
  });

  it('survives a restart: a new scheduler on the same storage sends what the old one filed', async () => {
    const first = make();
    first.start();
    await first.schedule(request('r1', start + 2 * HOUR));
    await timers.tickAsync(30 * MINUTE);
    await first.stop();

    await timers.tickAsync(5 * HOUR); // the process is down past the due time
    assert.equal(sent.length, 0);
    const second = make();
    second.start();
    await timers.tickAsync(MINUTE);
    assert.deepEqual(
      sent.map((item) => item.id),
      ['r1'],
    );
  });

  it('two instances racing on one store: each item is sent exactly once', async () => {
    const a = make({ instanceId: 'a' });
    const b = make({ instanceId: 'b' });
    for (let i = 0; i < 5; i += 1) await a.schedule(request(`r${i}`, start + (i + 1) * MINUTE));
    await b.schedule(request('rb', start + 3 * MINUTE));
    a.start();
    b.start();
    await timers.tickAsync(10 * MINUTE);
    assert.deepEqual(sent.map((item) => item.id).sort(), ['r0', 'r1', 'r2', 'r3', 'r4', 'rb']);

    // And two ticks started at the very same moment, reading the same eTag.
    await a.schedule(request('same-time', Date.now()));
    await Promise.all([a.tick(), b.tick()]);
    assert.equal(sent.filter((item) => item.id === 'same-time').length, 1);
  });

  it('concurrent schedules into a new bucket from two instances all land', async () => {
    const a = make();
    const b = make();
    const due = start + 5 * HOUR;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).schedule(request(`x${i}`, due + i * 1000))),
    );
    const index = (await storage.read([keys.due(bucketOf(due))]))[keys.due(bucketOf(due))];
    assert.equal(index?.ids?.length, 10);
  });

  it('retries a failed send with backoff, then sends; gives up after maxAttempts', async () => {
    let failures = 2;
    const flaky = make({
      send: async (item) => {
        if (item.id === 'flaky' && failures-- > 0) throw new Error('connector down');
        sent.push(item);
      },
      maxAttempts: 3,
    });
    await flaky.schedule(request('flaky', start));
    flaky.start();
    await timers.tickAsync(MINUTE / 2);
    assert.equal(sent.length, 0, 'first attempt failed');
    await timers.tickAsync(2 * MINUTE);
    assert.equal(sent.length, 0, 'second attempt (after 1 minute) failed');
    await timers.tickAsync(5 * MINUTE);
    assert.deepEqual(
      sent.map((item) => item.id),
      ['flaky'],
    );
    await flaky.stop();

    const never = make({
      send: async () => {
        throw new Error('always down');
      },
      maxAttempts: 2,
    });
    await never.schedule(request('never', Date.now()));
    await never.tick();
    await timers.tickAsync(2 * MINUTE);
    await never.tick();
    assert.equal((await never.get('never'))?.status, 'failed');
  });

  it('does not send an item that expired while nobody was running', async () => {
    const scheduler = make();
    await scheduler.schedule(request('late', start + HOUR, { expiresAt: new Date(start + 2 * HOUR) }));
    await timers.tickAsync(3 * HOUR);
    await scheduler.tick();
    assert.equal(sent.length, 0);
    assert.equal((await scheduler.get('late'))?.status, 'expired');
  });

  it('cancel and cancelForUser stop sends and leave tombstones with nothing personal', async () => {
    const scheduler = make();
    await scheduler.schedule(request('one', start + MINUTE));
    await scheduler.schedule(request('two', start + MINUTE));
    await scheduler.schedule(request('other', start + MINUTE, { userKey: 'test/users/ben/' }));
    assert.equal(await scheduler.cancel('one'), true);
    assert.equal(await scheduler.cancelForUser('test/users/ana/'), 1);
    assert.deepEqual(await scheduler.keysOfPerson('test/users/ana/'), []);
    await timers.tickAsync(2 * MINUTE);
    await scheduler.tick();
    assert.deepEqual(
      sent.map((item) => item.id),
      ['other'],
    );
    const tombstone = await scheduler.get('two');
    assert.equal(tombstone?.status, 'cancelled');
    assert.ok(tombstone && !('userKey' in tombstone) && !('reference' in tombstone));
  });

  it('clears a done bucket (index and tombstones) after the grace, and moves the cursor', async () => {
    const scheduler = make();
    await scheduler.schedule(request('r1', start + MINUTE));
    scheduler.start();
    await timers.tickAsync(5 * HOUR);
    const bucket = bucketOf(start);
    const left = await storage.read([keys.due(bucket), keys.item('r1')]);
    assert.deepEqual(Object.keys(left), []);
    const cursor = (await storage.read([keys.cursor]))[keys.cursor];
    assert.ok(typeof cursor?.last === 'string' && cursor.last >= bucket);
  });

  it('a send that hangs times out and is retried, never blocking the loop', async () => {
    let hang = true;
    const scheduler = make({
      send: async (item) => {
        if (hang) {
          hang = false;
          await new Promise(() => {}); // never settles
        }
        sent.push(item);
      },
      sendTimeoutMs: 10_000,
    });
    await scheduler.schedule(request('slow', start));
    scheduler.start();
    await timers.tickAsync(3 * MINUTE);
    assert.deepEqual(
      sent.map((item) => item.id),
      ['slow'],
    );
  });

  it('refuses a send timeout as long as a claim (a slow send could then go twice)', () => {
    assert.throws(() => make({ sendTimeoutMs: 60_000, claimMs: 60_000 }), /sendTimeoutMs/);
  });

  describe("quiet hours (9 PM to 8 AM on the person's clock)", () => {
    const newYork = { timezone: 'America/New_York' };
    // 2 March 2026 in New York is EST (UTC-5): 22:00 there is 03:00 UTC the next day.
    const at = (iso: string) => Date.parse(iso);

    it('an item due in quiet hours waits for the morning; one the person timed themselves does not', async () => {
      const scheduler = make();
      const tenPm = at('2026-03-03T03:00:00Z');
      await scheduler.schedule(request('picked', tenPm, newYork));
      await scheduler.schedule(request('chosen', tenPm, { ...newYork, anyHour: true }));
      const picked = await scheduler.get('picked');
      assert.equal(picked?.status === 'pending' && picked.dueAt, '2026-03-03T13:00:00.000Z', '8 AM EST');

      timers.setSystemTime(tenPm + MINUTE);
      await scheduler.tick();
      assert.deepEqual(
        sent.map((item) => item.id),
        ['chosen'],
      );
      timers.setSystemTime(at('2026-03-03T13:01:00Z'));
      await scheduler.tick();
      assert.deepEqual(
        sent.map((item) => item.id),
        ['chosen', 'picked'],
      );
    });

    it('a due item reached at night (the server was down) is held until the morning, or expires first', async () => {
      const scheduler = make();
      const evening = at('2026-03-02T23:30:00Z'); // 6:30 PM EST
      await scheduler.schedule(request('check-in', evening, newYork));
      await scheduler.schedule(
        request('reminder', evening, { ...newYork, expiresAt: new Date(at('2026-03-03T12:00:00Z')) }),
      );
      timers.setSystemTime(at('2026-03-03T03:30:00Z')); // 10:30 PM EST: back up, in quiet hours
      const night = await scheduler.tick();
      assert.equal(night.held, 2);
      assert.equal(sent.length, 0);
      const held = await scheduler.get('check-in');
      assert.equal(held?.status === 'pending' && held.nextAttemptAt, '2026-03-03T13:00:00.000Z');
      assert.equal(held?.status === 'pending' && held.attempts, 0, 'holding is not a failed attempt');

      timers.setSystemTime(at('2026-03-03T13:01:00Z'));
      const morning = await scheduler.tick();
      assert.deepEqual(
        sent.map((item) => item.id),
        ['check-in'],
      );
      assert.equal(morning.expired, 1, 'the reminder would have come after its appointment');
    });

    it('refuses a zone it does not know, naming it', async () => {
      await assert.rejects(
        make().schedule(request('x', start, { timezone: 'Mars/Olympus_Mons' })),
        /Mars\/Olympus_Mons/,
      );
    });
  });
});
