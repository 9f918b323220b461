import assert from 'node:assert/strict';
import type { StoreItems } from 'botbuilder';
import sinon from 'sinon';
import { PersonalData } from '../../src/privacy/personal-data.js';
import { Retention } from '../../src/privacy/retention.js';
import { RetentionIndex } from '../../src/privacy/retention-index.js';
import { conversationStateKey, userStateKey } from '../../src/privacy/state-keys.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-01-10T12:00:00Z');

describe('retention: data erased RETENTION_DAYS after last activity', () => {
  let storage: MemoryAppStorage;
  let now: number;

  beforeEach(() => {
    storage = new MemoryAppStorage();
    now = start;
  });
  const served = useTestApp({
    env: { RETENTION_DAYS: '180' },
    overrides: () => ({ storage, clock: () => new Date(now) }),
    per: 'test',
  });
  afterEach(async () => {
    sinon.restore();
  });

  const talk = (conversation: string, user: string) =>
    exchange(served.url, testActivity(conversation, { text: 'hi' }, user));
  const stored = async (keys: string[]) => Object.keys(await storage.read(keys)).sort();
  const keysOf = (user: string, conversation: string) => [
    userStateKey('test', user),
    conversationStateKey('test', conversation),
  ];

  it('erases a person inactive for longer than the window, and keeps one active within it', async () => {
    await talk('c-a', 'ana');
    await talk('c-b', 'ben');
    now = start + 100 * DAY;
    await talk('c-b', 'ben');

    now = start + 181 * DAY;
    const first = await served.app.retention.sweep(new Date(now));
    assert.equal(first.peopleErased, 1);
    assert.deepEqual(await stored(keysOf('ana', 'c-a')), []);
    assert.deepEqual(await stored(keysOf('ben', 'c-b')), keysOf('ben', 'c-b').sort());

    now = start + 281 * DAY;
    await served.app.retention.sweep(new Date(now));
    assert.deepEqual(await stored(keysOf('ben', 'c-b')), []);
  });

  it('indexes 50 people whose first messages of the day come at once, and erases them all', async () => {
    // A store of its own: the app's own sweep at start stays out of it.
    const own = new MemoryAppStorage();
    const people = Array.from({ length: 50 }, (_, i) => userStateKey('test', `crowd-${i}`));
    const index = new RetentionIndex(own, 180);
    const retention = new Retention(own, index, new PersonalData(own, [], [index]), 180);
    const lastActiveAt = new Date(start).toISOString();
    await own.write(Object.fromEntries(people.map((key) => [key, { person: { lastActiveAt } }])));
    await Promise.all(people.map((key) => index.noteActivity(key, new Date(start))));

    const result = await retention.sweep(new Date(start + 181 * DAY));
    assert.equal(result.peopleErased, 50);
    assert.deepEqual(Object.keys(await own.read(people)), []);
  });

  it('gathers people who start their day together into one write, and those who come during it into the next', async () => {
    const own = new MemoryAppStorage();
    const write = own.write.bind(own);
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    // The first write of the day document waits until the test lets it go.
    const dayWrites = sinon.stub(own, 'write').callsFake(async (changes) => {
      if (dayWrites.callCount === 1) await held;
      return write(changes);
    });
    const index = new RetentionIndex(own, 180);
    const people = Array.from({ length: 60 }, (_, i) => userStateKey('test', `together-${i}`));
    const first = people.slice(0, 10).map((key) => index.noteActivity(key, new Date(start)));
    while (dayWrites.callCount === 0) await new Promise((tick) => setImmediate(tick));
    const later = people.slice(10).map((key) => index.noteActivity(key, new Date(start)));
    release();
    await Promise.all([...first, ...later]);

    assert.equal(dayWrites.callCount, 2, 'one write for the first ten, one for the fifty who came during it');
    const day = `retention/day/${new Date(start).toISOString().slice(0, 10)}`;
    const listed = (await own.read([day]))[day] as { people: string[] };
    assert.deepEqual([...listed.people].sort(), [...people].sort());
  });

  it('leaves the person record unwritten by a turn soon after the last, and never erases before the window after the real last message', async () => {
    const user = userStateKey('test', 'ana');
    const eTagOfUser = async () => (await storage.read([user]))[user]?.eTag;
    await talk('c-a', 'ana');
    // Ana comes back just after midnight, and again 45 minutes later.
    now = Date.parse('2026-01-11T00:05:00Z');
    await talk('c-a', 'ana');
    const written = await eTagOfUser();
    now = Date.parse('2026-01-11T00:50:00Z');
    await talk('c-a', 'ana');
    assert.equal(await eTagOfUser(), written, 'a turn 45 minutes after the last one changes no user state');

    // The sweep of January 10 runs when the window has passed Ana's 00:05 but not her 00:50.
    const result = await served.app.retention.sweep(new Date(Date.parse('2026-01-11T00:30:00Z') + 180 * DAY));
    assert.equal(result.peopleErased, 0);
    assert.equal((await stored(keysOf('ana', 'c-a'))).length, 2);
  });

  it('erases nothing before the window ends', async () => {
    await talk('c-a', 'ana');
    const result = await served.app.retention.sweep(new Date(start + 179 * DAY));
    assert.equal(result.peopleErased, 0);
    assert.equal((await stored(keysOf('ana', 'c-a'))).length, 2);
  });

  it('several instances sweeping at once erase each expired person, with no error', async () => {
    for (const person of ['p1', 'p2', 'p3', 'p4']) await talk(`c-${person}`, person);
    await talk('c-kept', 'kept');
    now = start + 50 * DAY;
    await talk('c-kept', 'kept');

    const at = new Date(start + 200 * DAY);
    const instances = [1, 2, 3].map(() => {
      const index = new RetentionIndex(storage, 180);
      return new Retention(storage, index, new PersonalData(storage, [], [index]), 180);
    });
    const results = await Promise.all(instances.map((r) => r.sweep(at)));
    assert.equal(
      results.reduce((sum, r) => sum + r.peopleErased, 0),
      4,
      'each person erased once',
    );
    for (const person of ['p1', 'p2', 'p3', 'p4'])
      assert.deepEqual(await stored(keysOf(person, `c-${person}`)), []);
    assert.equal((await stored(keysOf('kept', 'c-kept'))).length, 2);
  });

  it('does not erase someone who comes back while the sweep is deciding', async () => {
    await talk('c-back', 'back');
    now = start + 181 * DAY;
    const userKey = userStateKey('test', 'back');
    const read = storage.read.bind(storage);
    let cameBack = false;
    sinon.stub(storage, 'read').callsFake(async (keys: string[]): Promise<StoreItems> => {
      const items = await read(keys);
      if (!cameBack && keys.length === 1 && keys[0] === userKey && items[userKey]) {
        cameBack = true;
        await talk('c-back', 'back'); // they write again between the sweep's read and its erase
      }
      return items;
    });
    const result = await served.app.retention.sweep(new Date(now));
    assert.equal(result.peopleErased, 0);
    assert.equal((await stored(keysOf('back', 'c-back'))).length, 2);
  });
});
