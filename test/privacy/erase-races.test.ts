import assert from 'node:assert/strict';
import sinon from 'sinon';
import { PersonalData } from '../../src/privacy/personal-data.js';
import { RetentionIndex } from '../../src/privacy/retention-index.js';
import { conversationStateKey, userStateKey } from '../../src/privacy/state-keys.js';
import { isConflict } from '../../src/storage/errors.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';

const DAY = 24 * 60 * 60 * 1000;
const first = new Date('2026-02-01T12:00:00Z');
const later = new Date(first.getTime() + 2 * DAY);
const leaving = userStateKey('test', 'leaving');
const staying = userStateKey('test', 'staying');
const dayKey = (date: Date) => `retention/day/${date.toISOString().slice(0, 10)}`;

/** A store holding `leaving`'s user state and one conversation, both indexed on two days. */
async function storeWithPerson(): Promise<{ storage: MemoryAppStorage; index: RetentionIndex }> {
  const storage = new MemoryAppStorage();
  const index = new RetentionIndex(storage, 180);
  await storage.write({
    [leaving]: {
      person: { firstSeenAt: first.toISOString(), lastActiveAt: later.toISOString(), conversations: ['c-1'] },
    },
    [conversationStateKey('test', 'c-1')]: { dialogState: {} },
  });
  for (const day of [first, later]) {
    await index.noteActivity(leaving, day);
    await index.noteActivity(staying, day);
  }
  return { storage, index };
}

const listed = async (storage: MemoryAppStorage, day: Date): Promise<unknown> =>
  (await storage.read([dayKey(day)]))[dayKey(day)]?.people;

describe('erasure with others writing at the same time', () => {
  afterEach(() => sinon.restore());

  it('takes the person off every day they were indexed on, and keeps everyone else', async () => {
    const { storage, index } = await storeWithPerson();
    const erasure = await new PersonalData(storage, [], [index]).erase(leaving, { now: later });
    assert.deepEqual(erasure, { documents: 2, claimed: true });
    assert.deepEqual(await listed(storage, first), [staying]);
    assert.deepEqual(await listed(storage, later), [staying]);
  });

  it('keeps a person another instance adds to a day document while the erasure rewrites it', async () => {
    const { storage, index } = await storeWithPerson();
    const arriving = userStateKey('test', 'arriving');
    const write = storage.write.bind(storage);
    const elsewhere = new RetentionIndex(storage, 180);
    let raced = false;
    sinon.stub(storage, 'write').callsFake(async (changes) => {
      if (!raced && dayKey(later) in changes) {
        raced = true;
        await elsewhere.noteActivity(arriving, later); // lands between the erasure's read and write
      }
      return write(changes);
    });
    await new PersonalData(storage, [], [index]).erase(leaving, { now: later });
    assert.ok(raced);
    assert.deepEqual(await listed(storage, later), [staying, arriving]);
  });

  it('a turn that read the person before the erasure cannot write their state back while it runs', async () => {
    const { storage } = await storeWithPerson();
    const stale = (await storage.read([leaving]))[leaving];
    const remove = storage.delete.bind(storage);
    let writeBack: Promise<unknown> | undefined;
    sinon.stub(storage, 'delete').callsFake(async (keys) => {
      // The turn ends while the conversations are being erased and saves what it read.
      writeBack ??= storage.write({ [leaving]: { ...stale } }).then(
        () => 'written',
        (error: unknown) => (isConflict(error) ? 'conflict' : error),
      );
      return remove(keys);
    });
    await new PersonalData(storage).erase(leaving, { now: later });
    assert.equal(await writeBack, 'conflict');
    assert.deepEqual(await storage.read([leaving]), {});
  });

  it('two instances erasing one person at once: one claims it, both finish, nothing is left', async () => {
    const { storage, index } = await storeWithPerson();
    const results = await Promise.all(
      [1, 2].map(() => new PersonalData(storage, [], [index]).erase(leaving, { now: later })),
    );
    assert.deepEqual(results.map((result) => result?.claimed).sort(), [false, true]);
    assert.deepEqual(await storage.read([leaving, conversationStateKey('test', 'c-1')]), {});
    assert.deepEqual(await listed(storage, first), [staying]);
  });
});
