import assert from 'node:assert/strict';
import { ConversationState, type StoreItems, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { userStateKey } from '../../src/privacy/state-keys.js';
import { TrackedState } from '../../src/state/tracked-state.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';

/** A store that counts the documents written. */
class CountingStorage extends MemoryAppStorage {
  written: string[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.written.push(...Object.keys(changes));
    await super.write(changes);
  }
}

const adapter = new TestAdapter();
const context = () =>
  new TurnContext(adapter, {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' },
    from: { id: 'person-1', name: '' },
    recipient: { id: 'bot', name: '' },
  });

/** [what the turn does to state read as { plan: { steps: ['call'] }, name: 'K' }, written?] */
const turns: [name: string, act: (state: Record<string, unknown>) => void, written: boolean][] = [
  ['reads and changes nothing', () => {}, false],
  ['sets a value to what it was', (state) => Object.assign(state, { name: 'K' }), false],
  ['changes a nested value', (state) => (state.plan as { steps: string[] }).steps.push('ask'), true],
  ['adds a property', (state) => Object.assign(state, { nickname: 'Sam' }), true],
  ['removes a property', (state) => delete state.name, true],
  ['changes only the eTag', (state) => Object.assign(state, { eTag: 'other' }), false],
];

describe('TrackedState: state written only when its JSON changed, as BotState writes it', () => {
  for (const [name, act, written] of turns) {
    it(`a turn that ${name} is ${written ? '' : 'not '}written, and changed() says so`, async () => {
      const storage = new CountingStorage();
      const key = userStateKey('test', 'person-1');
      await storage.write({ [key]: { plan: { steps: ['call'] }, name: 'K' } });
      storage.written = [];
      const state = new TrackedState(storage, new UserState(storage));
      const turn = context();
      act(await state.load(turn));
      assert.equal(state.changed(turn), written);
      await state.saveChanges(turn);
      assert.deepEqual(storage.written, written ? [key] : []);
      // Saved: nothing more to write in the same turn.
      assert.equal(state.changed(turn), false);
      await state.saveChanges(turn);
      assert.equal(storage.written.length, written ? 1 : 0);
    });
  }

  it('uses the keys of ConversationState and UserState, and a forced or cleared save always writes', async () => {
    const storage = new CountingStorage();
    const conversation = new TrackedState(storage, new ConversationState(storage));
    const turn = context();
    await conversation.load(turn);
    await conversation.saveChanges(turn, true);
    assert.deepEqual(storage.written, ['test/conversations/c1/']);
    await conversation.clear(turn);
    await conversation.saveChanges(turn);
    assert.equal(storage.written.length, 2);
  });

  it('delete removes the document and forgets the turn copy', async () => {
    const storage = new CountingStorage();
    const key = userStateKey('test', 'person-1');
    await storage.write({ [key]: { name: 'K' } });
    const state = new TrackedState(storage, new UserState(storage));
    const turn = context();
    await state.load(turn);
    await state.delete(turn);
    assert.equal(state.get(turn), undefined);
    assert.deepEqual(await storage.read([key]), {});
  });

  it('a state never read has no change to save and writes nothing', async () => {
    const storage = new CountingStorage();
    const state = new TrackedState(storage, new UserState(storage));
    const turn = context();
    assert.equal(state.changed(turn), false);
    await state.saveChanges(turn);
    assert.deepEqual(storage.written, []);
  });
});
