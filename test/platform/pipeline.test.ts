import assert from 'node:assert/strict';
import { compose, type Stage } from '../../src/platform/pipeline.js';

/** A stage that notes its name, then passes the turn on (or, `answers`, ends it). */
const noting =
  (name: string, answers = false): Stage<string[]> =>
  async (seen, next) => {
    seen.push(name);
    if (!answers) await next();
  };

describe('compose', () => {
  it('runs the stages in order, then what comes after them', async () => {
    const seen: string[] = [];
    await compose([noting('group'), noting('safety'), noting('dialogs')])(seen, async () => {
      seen.push('after');
    });
    assert.deepEqual(seen, ['group', 'safety', 'dialogs', 'after']);
  });

  it('ends the turn at a stage that answers without calling next', async () => {
    const seen: string[] = [];
    await compose([noting('safety'), noting('limits', true), noting('dialogs')])(seen, async () => {
      seen.push('after');
    });
    assert.deepEqual(seen, ['safety', 'limits']);
  });

  it('lets a stage act after the stages below it have run', async () => {
    const seen: string[] = [];
    const around: Stage<string[]> = async (turn, next) => {
      turn.push('before');
      await next();
      turn.push('behind');
    };
    await compose([around, noting('dialogs')])(seen, async () => {});
    assert.deepEqual(seen, ['before', 'dialogs', 'behind']);
  });

  it('composes pipelines as stages of another', async () => {
    const seen: string[] = [];
    const inner = compose([noting('a'), noting('b')]);
    await compose([inner, noting('c')])(seen, async () => {});
    assert.deepEqual(seen, ['a', 'b', 'c']);
  });

  it('refuses a stage that calls next twice, which would answer the message twice', async () => {
    const twice: Stage<string[]> = async (_turn, next) => {
      await next();
      await next();
    };
    await assert.rejects(
      compose([twice, noting('dialogs')])([], async () => {}),
      /stage 0 called next twice/,
    );
  });
});
