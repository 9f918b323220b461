import assert from 'node:assert/strict';
import { NicknameDialog } from '../../dialogs/nickname-dialog.js';
import { type DialogCase, runDialogCase, storedUserState } from '../support/dialog-case.js';

/** A case, and the nickname kept after it (undefined: none). */
interface NicknameCase extends DialogCase {
  kept: string | undefined;
}

const cases: NicknameCase[] = [
  {
    name: '"Thanks, call me Jay" keeps Jay, and says Jay back',
    steps: [['Thanks, call me Jay', [['nickname.saved', { name: 'Jay' }]]]],
    kept: 'Jay',
  },
  {
    name: '"it\'s Jay" keeps Jay',
    steps: [["it's Jay", [['nickname.saved', { name: 'Jay' }]]]],
    kept: 'Jay',
  },
  {
    name: '"Jay is fine" keeps Jay',
    steps: [['Jay is fine', [['nickname.saved', { name: 'Jay' }]]]],
    kept: 'Jay',
  },
  {
    name: '"my name is Mary Ann" keeps both words of the name',
    steps: [['my name is Mary Ann', [['nickname.saved', { name: 'Mary Ann' }]]]],
    kept: 'Mary Ann',
  },
  {
    name: '"k" is an okay, not a name; "K" (an initial, as typed in people run 7) is kept',
    steps: [
      ['k', ['nickname.askSimpler']],
      ['K', [['nickname.saved', { name: 'K' }]]],
    ],
    kept: 'K',
  },
  {
    name: '"ok" and "2" are no name: the question comes again more simply, then a name is kept',
    steps: [
      ['ok', ['nickname.askSimpler']],
      ['2', ['nickname.askSimpler']],
      ['Sam', [['nickname.saved', { name: 'Sam' }]]],
    ],
    kept: 'Sam',
  },
  {
    name: '"ugh" gets a short sorry and the simpler question, never "Thanks, ugh"',
    steps: [
      ['ugh', ['answers.upset']],
      ['skip', ['nickname.skipped']],
    ],
    kept: undefined,
  },
  {
    name: 'a side question ("why do you need my name?") is answered, not saved as a name',
    steps: [
      ['why do you need my name?', ['nickname.why']],
      ['no thanks', ['nickname.skipped']],
    ],
    kept: undefined,
  },
  {
    name: '"back" at the only question says so and asks again; a correction keeps the name meant',
    steps: [
      ['back', ['answers.nothingBefore']],
      ['no I meant Jo', [['nickname.saved', { name: 'Jo' }]]],
    ],
    kept: 'Jo',
  },
  {
    name: 'a lead and a tail around the name ("you can call me Ari please") keeps Ari',
    steps: [['you can call me Ari please', [['nickname.saved', { name: 'Ari' }]]]],
    kept: 'Ari',
  },
];

describe('Nickname: the name inside the answer is kept, and nothing that is no name', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { deps } = await runDialogCase(
        (d) => new NicknameDialog(d),
        [['hi', ['nickname.ask']], ...c.steps],
      );
      const user = await storedUserState(deps.storage);
      const profile = user?.profile as { nickname?: string } | undefined;
      assert.equal(profile?.nickname, c.kept);
    });
  }
});
