import assert from 'node:assert/strict';
import type { CardAction } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { featureListText } from '../../src/language/features.js';
import { testContent } from '../support/content.js';
import { type DialogCase, makeDialogDeps, runDialogCase, storedUserState } from '../support/dialog-case.js';

const makeMain = (deps: ConstructorParameters<typeof MainDialog>[0]) => new MainDialog(deps);

const cases: DialogCase[] = [
  { name: 'any first message shows the menu', steps: [['hi', ['menu.prompt']]] },
  {
    name: 'a first message of "help" gets help, then the menu',
    steps: [['help', ['help.short', 'menu.prompt']]],
  },
  {
    name: 'help at the menu explains, then asks the menu again',
    steps: [
      ['hello', ['menu.prompt']],
      ['help', ['help.short', 'menu.prompt']],
    ],
  },
  {
    name: 'help typed in another style (case, punctuation, "please") still works',
    steps: [
      ['hello', ['menu.prompt']],
      ['Please HELP!', ['help.short', 'menu.prompt']],
    ],
  },
  {
    name: 'cancel at the menu says there is nothing to cancel and asks again',
    steps: [
      ['hello', ['menu.prompt']],
      ['cancel', ['interruptions.nothingToCancel', 'menu.prompt']],
    ],
  },
  {
    name: '"menu" at the menu shows it again, in other words (never the same text twice in a row)',
    steps: [
      ['hello', ['menu.prompt']],
      ['menu', ['menu.promptAgain']],
    ],
  },
  {
    name: 'an answer that is no choice gets a short retry, then the menu again; a valid answer still works',
    steps: [
      ['hello', ['menu.prompt']],
      ['purple elephants', ['fallback.notUnderstood']],
      ['1', ['crisis.intro', 'menu.promptAgain']],
    ],
  },
  {
    name: 'two misses in a row offer the menu and a person; later misses vary the wording',
    steps: [
      ['hello', ['menu.prompt']],
      ['purple elephants', [['fallback.notUnderstood', {}, 0]]],
      ['asdfgh', ['fallback.stuck']],
      ['qwerty', [['fallback.notUnderstood', {}, 1]]],
      ['zxcvb', ['fallback.stuck']],
    ],
  },
  {
    name: 'choosing crisis lines by number lists them and offers the menu again',
    steps: [
      ['hello', ['menu.prompt']],
      ['1', ['crisis.intro', 'menu.promptAgain']],
    ],
  },
  {
    name: 'a pick by position works in other words too: "the first one", "number 1 please"',
    steps: [
      ['hello', ['menu.prompt']],
      ['the first one', ['crisis.intro', 'menu.promptAgain']],
      ['number 1 please', ['crisis.intro', 'menu.promptAgain']],
    ],
  },
  {
    name: 'a number inside a sentence picks nothing: "I have 2 kids" and "alert(1)" get the retry',
    steps: [
      ['hello', ['menu.prompt']],
      ['I have 2 kids', [['fallback.notUnderstood', {}, 0]]],
      ['alert(1)', ['fallback.stuck']],
    ],
  },
  {
    name: 'choosing by a synonym works ("about")',
    steps: [
      ['hello', ['menu.prompt']],
      ['about', ['about.automated', 'menu.promptAgain']],
    ],
  },
  {
    name: 'the "What can you do?" button gives help and asks the menu again',
    steps: [
      ['hello', ['menu.prompt']],
      ['What can you do?', ['help.short', 'menu.prompt']],
    ],
  },
  {
    name: 'nickname: a name is saved and confirmed',
    steps: [
      ['hello', ['menu.prompt']],
      [testContent().strings.text('menu.nickname'), ['nickname.ask']],
      ['Sam', [['nickname.saved', { name: 'Sam' }], 'menu.promptAgain']],
    ],
  },
  {
    name: 'nickname: "skip" stores no name',
    steps: [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['no thanks', ['nickname.skipped', 'menu.promptAgain']],
    ],
  },
  {
    name: 'nickname: a too-long name is re-asked with what was wrong, then accepted',
    steps: [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['x'.repeat(41), [['nickname.retry', { max: 40 }]]],
      ['Jo', [['nickname.saved', { name: 'Jo' }], 'menu.promptAgain']],
    ],
  },
  {
    name: 'nickname: markup is refused as a name',
    steps: [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['<b>Al</b>', [['nickname.retry', { max: 40 }]]],
    ],
  },
  {
    name: 'nickname: help re-asks the nickname question, not the menu',
    steps: [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['help', ['help.short', 'nickname.ask']],
      ['Robin', [['nickname.saved', { name: 'Robin' }], 'menu.promptAgain']],
    ],
  },
  {
    name: 'nickname: cancel leaves it and returns to the menu',
    steps: [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['cancel', ['interruptions.cancelled', 'menu.promptAgain']],
    ],
  },
  {
    name: 'nickname: "start over" leaves it like cancel',
    steps: [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['start over', ['interruptions.cancelled', 'menu.promptAgain']],
    ],
  },
  {
    name: 'nickname: "main menu" goes to the menu',
    steps: [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['main menu', ['interruptions.toMenu', 'menu.promptAgain']],
    ],
  },
];

describe('MainDialog transcripts', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      await runDialogCase(makeMain, testCase.steps);
    });
  }

  for (const channelId of ['directline', 'webchat']) {
    it(`shows the menu as buttons on ${channelId}, with the choices also typeable`, async () => {
      const deps = makeDialogDeps();
      const client = new DialogTestClient(channelId, new MainDialog(deps));
      const reply = await client.sendActivity('hi');
      const titles = reply.suggestedActions?.actions.map((a: CardAction) => a.title) ?? [];
      assert.deepEqual(titles, [
        deps.strings.text('menu.crisisSupport'),
        deps.strings.text('menu.nickname'),
        deps.strings.text('menu.help'),
        deps.strings.text('menu.about'),
        deps.strings.text('safetyPlan.menuLabel'),
      ]);
    });
  }

  it('lists every verified crisis resource and no unverified one', async () => {
    const { client } = await runDialogCase(makeMain, [['hello', ['menu.prompt']]]);
    const reply = await client.sendActivity('1');
    for (const line of testContent().crisisResources) assert.ok(reply.text.includes(line.name), line.name);
  });

  it('"help" is two short lines (Pat, people run 7); "more help" says all that works, how to reach a person, and what is kept', async () => {
    const { client, deps } = await runDialogCase(makeMain, [['hello', ['menu.prompt']]]);
    const short = await client.sendActivity('help');
    assert.equal(
      short.text,
      [deps.strings.text('help.short'), deps.strings.text('help.personShort')].join('\n\n'),
    );
    await client.getNextReply();
    const reply = await client.sendActivity('more help');
    for (const key of ['help.summary', 'help.person', 'help.privacy'] as const) {
      const vars = { features: featureListText(deps.strings) };
      assert.ok(reply.text.includes(deps.strings.text(key, vars)), key);
    }
  });

  it('saves the nickname in user state, and "skip" removes it', async () => {
    const { client, deps } = await runDialogCase(makeMain, [
      ['hello', ['menu.prompt']],
      ['2', ['nickname.ask']],
      ['Sam', [['nickname.saved', { name: 'Sam' }], 'menu.promptAgain']],
    ]);
    assert.deepEqual((await storedUserState(deps.storage))?.profile, { version: 1, nickname: 'Sam' });

    await client.sendActivity('2');
    await client.sendActivity('skip');
    assert.deepEqual((await storedUserState(deps.storage))?.profile, { version: 1 });
  });
});
