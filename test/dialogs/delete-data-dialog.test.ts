import assert from 'node:assert/strict';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DeleteDataDialog } from '../../dialogs/delete-data-dialog.js';
import { type DialogCase, runDialogCase } from '../support/dialog-case.js';

const makeDelete = (deps: ConstructorParameters<typeof DeleteDataDialog>[0]) => new DeleteDataDialog(deps);

const keeps: DialogCase[] = [
  {
    name: '"no" keeps everything',
    steps: [
      ['delete my data', ['data.confirmDelete']],
      ['no', ['data.keptData']],
    ],
  },
  {
    name: 'the "No, keep it" button keeps everything',
    steps: [
      ['delete my data', ['data.confirmDelete']],
      ['No, keep it', ['data.keptData']],
    ],
  },
  {
    name: 'two unclear answers keep everything (never erase on a guess)',
    steps: [
      ['delete my data', ['data.confirmDelete']],
      ['hmm', ['data.confirmRetry']],
      ['what?', ['data.keptData']],
    ],
  },
  {
    name: 'cancel leaves without erasing',
    steps: [
      ['delete my data', ['data.confirmDelete']],
      ['cancel', ['interruptions.cancelled']],
    ],
  },
];

describe('DeleteDataDialog transcripts', () => {
  for (const testCase of keeps) {
    it(testCase.name, async () => {
      const { client } = await runDialogCase(makeDelete, testCase.steps);
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
    });
  }

  for (const yes of ['yes', 'Yes, erase it']) {
    it(`"${yes}" closes every dialog for the erasure, saying nothing itself`, async () => {
      const { client } = await runDialogCase(makeDelete, [['delete my data', ['data.confirmDelete']]]);
      const reply = await client.sendActivity(yes);
      assert.equal(reply, undefined);
      assert.equal(client.dialogContext.stack.length, 0);
    });
  }
});
