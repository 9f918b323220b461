import assert from 'node:assert/strict';
import { MAX_NICKNAME_LENGTH, NicknameDialog } from '../../dialogs/nickname-dialog.js';
import { testContent } from '../support/content.js';
import { type DialogCase, runDialogCase, storedUserState } from '../support/dialog-case.js';
import { SafetyGateHost } from '../support/safety-gate-host.js';

const { strings } = testContent();
const max = { max: MAX_NICKNAME_LENGTH };

interface NicknameCase extends DialogCase {
  /** The nickname stored at the end; undefined when none is. */
  stored: string | undefined;
}

// Typed answers that are no name ("idk", "back", a question, "ok") are listen19's
// test/dialogs/nickname-answers.test.ts; these are the dialog's own paths.
const cases: NicknameCase[] = [
  {
    name: 'a name is kept and said back as typed',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['Kai', [['nickname.saved', { name: 'Kai' }]]],
    ],
    stored: 'Kai',
  },
  {
    name: 'a number is a name like any other',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['42', [['nickname.saved', { name: '42' }]]],
    ],
    stored: '42',
  },
  {
    name: '"skip" keeps no name',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['skip', ['nickname.skipped']],
    ],
    stored: undefined,
  },
  {
    name: 'a name over the limit is asked again with the limit; a short one then is kept',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['x'.repeat(MAX_NICKNAME_LENGTH + 1), [['nickname.retry', max]]],
      ['Ari', [['nickname.saved', { name: 'Ari' }]]],
    ],
    stored: 'Ari',
  },
  {
    name: 'markup is no name: asked again, and nothing kept until a name comes',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['<b>Kai</b>', [['nickname.retry', max]]],
      ['Kai', [['nickname.saved', { name: 'Kai' }]]],
    ],
    stored: 'Kai',
  },
  {
    name: 'help explains and asks for the name again',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['help', ['help.short', 'nickname.ask']],
      ['Kai', [['nickname.saved', { name: 'Kai' }]]],
    ],
    stored: 'Kai',
  },
  {
    name: 'cancel leaves the question and keeps nothing',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['cancel', ['interruptions.cancelled']],
    ],
    stored: undefined,
  },
  {
    name: '"menu" leaves the question for the menu and keeps nothing',
    steps: [
      ['Choose a nickname', ['nickname.ask']],
      ['menu', ['interruptions.toMenu']],
    ],
    stored: undefined,
  },
];

describe('nickname dialog (transcripts)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { deps } = await runDialogCase((d) => new NicknameDialog(d), c.steps);
      const user = await storedUserState(deps.storage);
      const profile = user?.profile as { nickname?: string } | undefined;
      assert.equal(profile?.nickname, c.stored);
    });
  }

  it('a crisis message at the question gets the crisis reply; going back asks for the name again', async () => {
    const { deps } = await runDialogCase(
      (d) => new SafetyGateHost(d, new NicknameDialog(d)),
      [
        ['Choose a nickname', ['nickname.ask']],
        ['I want to kill myself', ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt']],
        [strings.text('safety.goBack'), ['safety.backAgain', 'nickname.ask']],
        ['Kai', [['nickname.saved', { name: 'Kai' }]]],
      ],
    );
    const user = await storedUserState(deps.storage);
    assert.equal((user?.profile as { nickname?: string } | undefined)?.nickname, 'Kai');
  });
});
