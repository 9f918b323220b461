import assert from 'node:assert/strict';
import { z } from 'zod';
import { checkedOptions, stepOptions } from '../../dialogs/step-options.js';

describe('step options: what a waterfall step receives, read by a named reader', () => {
  const openOf = checkedOptions(z.object({ offer: z.boolean().optional() }));

  it('options from outside are checked: the declared fields are kept, others left out', () =>
    assert.deepEqual(openOf({ options: { offer: true, text: 'hi' } }), { offer: true }));

  it('no options from outside read as none', () =>
    assert.deepEqual(openOf({ options: undefined as never }), {}));

  it('options of the wrong shape from outside fail loudly, not as a silent default', () =>
    assert.throws(() => openOf({ options: { offer: 'yes' } })));

  it("the dialog's own options are handed on as set", () => {
    const state = { index: 2, editing: true };
    assert.equal(stepOptions<typeof state>()({ options: state }), state);
  });
});
