import assert from 'node:assert/strict';
import { TestAdapter, TurnContext } from 'botbuilder';
import { turnSignal } from '../../src/platform/turn-signal.js';

const newTurn = () => new TurnContext(new TestAdapter(), { type: 'message', text: 'hi' });

describe('turn signals', () => {
  it('carry a value set in a turn to a later read in the same turn, and clear', () => {
    const picked = turnSignal<{ id: string }>('picked');
    const turn = newTurn();
    assert.equal(picked.get(turn), undefined);
    picked.set(turn, { id: 'a' });
    assert.deepEqual(picked.get(turn), { id: 'a' });
    picked.clear(turn);
    assert.equal(picked.get(turn), undefined);
  });

  it('live only for their turn', () => {
    const picked = turnSignal<string>('picked');
    picked.set(newTurn(), 'a');
    assert.equal(picked.get(newTurn()), undefined);
  });

  it('never collide, even under the same name', () => {
    const one = turnSignal<string>('same');
    const two = turnSignal<string>('same');
    const turn = newTurn();
    one.set(turn, 'one');
    assert.equal(two.get(turn), undefined);
    two.set(turn, 'two');
    assert.equal(one.get(turn), 'one');
  });
});
