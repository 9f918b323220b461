import assert from 'node:assert/strict';
import { KeyedLock } from '../../src/storage/keyed-lock.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedLock', () => {
  it('runs tasks for one key one at a time, in order', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([lock.run('k', task('a')), lock.run('k', task('b'))]);
    assert.deepEqual(results, ['a', 'b']);
    assert.deepEqual(events, ['a start', 'a end', 'b start', 'b end']);
  });

  it('lets tasks for different keys overlap', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
    };
    await Promise.all([lock.run('x', task('x')), lock.run('y', task('y'))]);
    assert.deepEqual(events, ['x start', 'y start', 'x end', 'y end']);
  });

  it('keeps the queue going after a task rejects, and forgets drained keys', async () => {
    const lock = new KeyedLock();
    const failing = lock.run('k', async () => {
      throw new Error('boom');
    });
    const next = lock.run('k', async () => 'after');
    await assert.rejects(failing, /boom/);
    assert.equal(await next, 'after');
    await tick();
    assert.equal(lock.size, 0);
  });
});
