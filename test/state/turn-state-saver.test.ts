import assert from 'node:assert/strict';
import { ConversationState, type StoreItems, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { conversationStateKey, userStateKey } from '../../src/privacy/state-keys.js';
import { TrackedState } from '../../src/state/tracked-state.js';
import { TurnStateSaver } from '../../src/state/turn-state-saver.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';

/** A store whose process dies just before writing `deadAt` (that write and all after fail). */
class CrashingStorage extends MemoryAppStorage {
  deadAt: string | undefined;
  #dead = false;
  override async write(changes: StoreItems): Promise<void> {
    if (this.deadAt !== undefined && this.deadAt in changes) this.#dead = true;
    if (this.#dead) throw new Error('the process was killed');
    await super.write(changes);
  }
  /** A restart: the same data, writes work again. */
  restart(): void {
    this.deadAt = undefined;
    this.#dead = false;
  }
}

const adapter = new TestAdapter();

/** One turn by `user` in `conversation`: recover, change state with `act`, save. */
async function turn(
  storage: MemoryAppStorage,
  conversation: string,
  act: (user: TrackedState, conversationState: TrackedState, context: TurnContext) => Promise<void>,
): Promise<void> {
  const conversationState = new TrackedState(storage, new ConversationState(storage));
  const userState = new TrackedState(storage, new UserState(storage));
  const saver = new TurnStateSaver(conversationState, userState);
  const context = new TurnContext(adapter, {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversation, isGroup: false, conversationType: '', name: '' },
    from: { id: 'person-1', name: '' },
    recipient: { id: 'bot', name: '' },
  });
  await saver.recover(context);
  await act(userState, conversationState, context);
  await saver.save(context);
}

const userKey = userStateKey('test', 'person-1');
const stored = async (storage: MemoryAppStorage, key: string) => (await storage.read([key]))[key];

describe('TurnStateSaver: a turn saves conversation and user state as one, across a crash', () => {
  it('killed between the conversation write and the user write, the next turn applies what the turn left', async () => {
    const storage = new CrashingStorage();
    storage.deadAt = userKey;
    await assert.rejects(
      turn(storage, 'c-1', async (user, conversation, context) => {
        await user.createProperty('plans').set(context, ['plan with the new goal']);
        await conversation.createProperty('step').set(context, 'after saving');
      }),
    );
    storage.restart();
    assert.equal((await stored(storage, userKey))?.plans, undefined, 'the user write did not land');

    let seen: unknown;
    await turn(storage, 'c-1', async (user, conversation, context) => {
      seen = [
        await conversation.createProperty('step').get(context),
        await user.createProperty('plans').get(context),
      ];
    });
    assert.deepEqual(seen, ['after saving', ['plan with the new goal']]);
    assert.deepEqual((await stored(storage, userKey))?.plans, ['plan with the new goal']);
  });

  it('a journal whose user write landed is dropped, never applied over later changes', async () => {
    const storage = new MemoryAppStorage();
    const setPlans =
      (plans: string[]) => async (user: TrackedState, _c: TrackedState, context: TurnContext) =>
        user.createProperty('plans').set(context, plans);
    await turn(storage, 'c-1', setPlans(['first']));
    await turn(storage, 'c-2', setPlans(['changed in another conversation']));
    await turn(storage, 'c-1', async () => {});
    assert.deepEqual((await stored(storage, userKey))?.plans, ['changed in another conversation']);
    const conversation = await stored(storage, conversationStateKey('test', 'c-1'));
    assert.equal(
      conversation?.userStateJournal,
      undefined,
      'a turn that changed no user state leaves no journal',
    );
  });
});
