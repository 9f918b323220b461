import assert from 'node:assert/strict';
import type { DialogContext } from 'botbuilder-dialogs';
import { leafOf } from '../../dialogs/open-choice.js';

/**
 * botbuilder-dialogs makes a new DialogContext (with its state manager) each time `child` is
 * read, and leafOf runs on every message from several places: each level is read once.
 */
describe('leafOf: the innermost dialog context', () => {
  /** A stack of `depth` contexts whose `child` getters count their reads. */
  function stack(depth: number): { top: DialogContext; reads: () => number; leaf: object } {
    let reads = 0;
    const levels: object[] = [];
    for (let level = depth - 1; level >= 0; level -= 1) {
      const below = levels[0];
      const context = {
        get child() {
          reads += 1;
          return below;
        },
      };
      levels.unshift(context);
    }
    const [top] = levels;
    const leaf = levels.at(-1);
    assert.ok(top && leaf);
    return { top: top as DialogContext, reads: () => reads, leaf };
  }

  for (const depth of [1, 2, 4]) {
    it(`finds the innermost of ${depth} level(s), reading each level's child once`, () => {
      const { top, reads, leaf } = stack(depth);
      assert.equal(leafOf(top), leaf);
      assert.equal(reads(), depth);
    });
  }
});
