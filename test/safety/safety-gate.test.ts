import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { testContent } from '../support/content.js';
import { afterDisclosure, exchange, exchangeAll, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings, crisisResources } = testContent();
const say = (conversation: string, text: string) => testActivity(conversation, { text });
const textOf = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');

describe('safety gate', () => {
  let storage: MemoryAppStorage;

  beforeEach(() => {
    storage = new MemoryAppStorage();
  });
  const served = useTestApp({ overrides: () => ({ storage }), per: 'test' });

  /** Starts a conversation and leaves it waiting at the nickname question. */
  async function atNickname(conversation: string): Promise<void> {
    await exchange(served.url, say(conversation, 'hello'));
    await exchange(served.url, say(conversation, 'Choose a nickname'));
  }

  it('sends a SafetyCheck trace with the level on every message', async () => {
    const calm = await exchangeAll(served.url, say('trace-1', 'hello'));
    const danger = await exchangeAll(served.url, say('trace-1', 'I want to kill myself'));
    const trace = (replies: Partial<Activity>[]) =>
      replies.find((a) => a.type === 'trace' && a.name === 'SafetyCheck');
    assert.deepEqual(trace(calm)?.value, { level: 'none' });
    assert.deepEqual(trace(danger)?.value, { level: 'danger' });
  });

  it('answers explicit danger at once with 911, 988, the crisis lines, a person and a safety step, mid-dialog', async () => {
    await atNickname('danger-1');
    const replies = await exchange(served.url, say('danger-1', "i'm going to kill myself tonight"));
    const text = textOf(replies);
    for (const key of [
      'safety.dangerIntro',
      'safety.callNow',
      'safety.personNow',
      'safety.stepGeneral',
    ] as const) {
      assert.ok(text.includes(strings.text(key)), key);
    }
    for (const line of crisisResources) assert.ok(text.includes(line.name), line.name);
    assert.ok(replies.at(-1)?.text?.startsWith(strings.text('safety.choicePrompt')));
  });

  it('pauses the dialog: "Go back" returns to the question that was open', async () => {
    await atNickname('pause-1');
    await exchange(served.url, say('pause-1', 'I want to end my life'));
    const back = await exchange(served.url, say('pause-1', strings.text('safety.goBack')));
    assert.deepEqual(
      back.map((a) => a.text),
      [strings.text('safety.backAgain'), strings.text('nickname.ask')],
    );
    const saved = await exchange(served.url, say('pause-1', 'Lee'));
    assert.equal(saved[0]?.text, strings.text('nickname.saved', { name: 'Lee' }));
  });

  it('gives the overdose step when someone may have overdosed', async () => {
    const replies = await exchange(
      served.url,
      say('od-1', "my boyfriend took too much and he isn't breathing"),
    );
    assert.ok(textOf(replies).includes(strings.text('safety.stepOverdose')));
  });

  it('does not fire on a recovery story or an idiom', async () => {
    for (const text of ['I overdosed three years ago and now I help others', 'this form is killing me']) {
      const replies = await exchangeAll(served.url, say('story-1', text));
      assert.deepEqual(replies.find((a) => a.name === 'SafetyCheck')?.value, { level: 'none' }, text);
      assert.ok(!textOf(replies).includes(strings.text('safety.dangerIntro')), text);
    }
  });

  it('checks first when danger is only hinted; "No, I\'m safe" thanks them and returns to the paused question', async () => {
    await atNickname('hint-1');
    const asked = await exchange(served.url, say('hint-1', 'everyone would be better off without me'));
    assert.ok(asked[0]?.text?.startsWith(strings.text('safety.confirm')));
    const safe = await exchange(served.url, say('hint-1', strings.text('safety.confirmNo')));
    assert.deepEqual(
      safe.map((a) => a.text),
      [strings.text('safety.safeThanks'), strings.text('nickname.ask')],
    );
  });

  it('a hint confirmed with "yes" gets the full crisis reply', async () => {
    await exchange(served.url, say('hint-2', 'everyone would be better off without me'));
    const replies = await exchange(served.url, say('hint-2', 'yes'));
    assert.ok(textOf(replies).includes(strings.text('safety.callNow')));
  });

  it('meets concern gently, without the emergency wording, and "Menu" goes to the menu', async () => {
    const replies = await exchange(
      served.url,
      say('concern-1', "I'm so scared I'm going to start using again"),
    );
    const text = textOf(replies);
    assert.ok(strings.variants('safety.concernIntro').some((variant) => text.startsWith(variant)));
    assert.ok(text.includes(strings.text('safety.concernAsk')));
    assert.ok(!text.includes(strings.text('safety.callNow')));
    const menu = await exchange(served.url, say('concern-1', strings.text('safety.toMenu')));
    assert.ok(menu.at(-1)?.text?.startsWith(strings.text('menu.prompt')));
  });

  it('offers the lines again, and answers free text kindly without "invalid"', async () => {
    await exchange(served.url, say('choices-1', 'I want to die'));
    const lines = afterDisclosure(
      await exchange(served.url, say('choices-1', strings.text('safety.showLines'))),
    );
    assert.ok(lines[0]?.text?.startsWith(strings.text('crisis.intro')));
    const free = await exchange(served.url, say('choices-1', 'ok'));
    assert.ok(strings.variants('safety.stillHere').includes(free[0]?.text ?? ''));
    const other = await exchange(served.url, say('choices-1', 'hmm'));
    assert.notEqual(other[0]?.text, free[0]?.text, 'the wording varies');
  });

  it('"Talk to a person" gives the lines that answer now, then starts a request for a peer specialist', async () => {
    await exchange(served.url, say('person-1', 'I want to die'));
    const replies = afterDisclosure(
      await exchange(served.url, say('person-1', strings.text('safety.talkToPerson'))),
    );
    assert.deepEqual(
      replies.map((a) => a.text),
      [
        strings.text('safety.talkToPersonAnswer'),
        strings.text('handoff.intro'),
        strings.text('handoff.nobodyNow'),
        strings.text('handoff.offerMessage'),
      ],
    );
  });

  it('"help" during the safety choices helps and asks again; "cancel" goes back to the paused dialog', async () => {
    await atNickname('interrupt-1');
    await exchange(served.url, say('interrupt-1', 'I want to die'));
    const help = await exchange(served.url, say('interrupt-1', 'help'));
    assert.ok(help[0]?.text?.includes(strings.text('help.personShort')));
    // Asked again in other words: never the same question twice in a row.
    assert.ok(help[1]?.text?.startsWith(strings.text('safety.choicePrompt', {}, 1)));
    const cancel = await exchange(served.url, say('interrupt-1', 'cancel'));
    assert.equal(cancel.at(-1)?.text, strings.text('nickname.ask'));
  });

  it('screens a message over the length budget before asking for shorter parts', async () => {
    const long = `${'I have been thinking about a lot of things this week. '.repeat(600)} I want to kill myself.`;
    assert.ok(long.length > 30_000);
    const replies = await exchange(served.url, say('long-1', long));
    assert.ok(textOf(replies).includes(strings.text('safety.callNow')));
  });

  it('sees messages after a restart and still resumes the paused dialog', async () => {
    await atNickname('restart-1');
    await served.restart();
    await exchange(served.url, say('restart-1', 'I took all my pills'));
    const back = await exchange(served.url, say('restart-1', strings.text('safety.goBack')));
    assert.equal(back.at(-1)?.text, strings.text('nickname.ask'));
  });
});
