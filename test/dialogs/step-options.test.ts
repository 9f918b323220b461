import assert from 'node:assert/strict';
import { DialogContextError } from 'botbuilder-dialogs';
import { z } from 'zod';
import { SavedRequestsDialog } from '../../dialogs/saved-requests-dialog.js';
import { checkedOptions, StepOptionsError } from '../../dialogs/step-options.js';
import { accommodationContent, requestsOf } from '../accommodations/support.js';
import { runDialogCase } from '../support/dialog-case.js';

describe('step options: what a waterfall receives from outside is checked', () => {
  const openOf = checkedOptions('someDialog', z.object({ offer: z.boolean().optional() }));

  it('the declared fields are kept, others left out', () =>
    assert.deepEqual(openOf({ options: { offer: true, text: 'hi' } }), { offer: true }));

  it('no options read as none', () => assert.deepEqual(openOf({ options: undefined }), {}));

  it('options of the wrong shape are refused, naming the dialog and the field', () =>
    assert.throws(
      () => openOf({ options: { offer: 'yes' } }),
      (error: unknown) =>
        error instanceof StepOptionsError &&
        error.dialogId === 'someDialog' &&
        /^Dialog 'someDialog' was begun with options it cannot use:\n {2}- offer: /.test(error.message),
    ));

  it('a real dialog begun with the wrong options refuses them at its first turn, clearly', async () => {
    const begin = runDialogCase(
      (deps) =>
        new SavedRequestsDialog(deps, { requests: requestsOf(deps), content: accommodationContent() }),
      [['my requests', []]],
      { afterDelete: 'yes' },
    );
    // botbuilder wraps what a step throws with where on the stack it happened.
    await assert.rejects(
      begin,
      (error: unknown) =>
        error instanceof DialogContextError &&
        error.error instanceof StepOptionsError &&
        error.error.dialogId === 'accommodationSavedList' &&
        error.error.problems.some((problem) => problem.startsWith('afterDelete: ')),
    );
  });
});
