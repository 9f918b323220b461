import assert from 'node:assert/strict';
import {
  type Activity,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  UserState,
} from 'botbuilder';
import { MAX_TRACKED_CONVERSATIONS } from '../../src/privacy/person-record.js';
import { conversationStateKey, userStateKey } from '../../src/privacy/state-keys.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { testContent } from '../support/content.js';
import { afterDisclosure, exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const say = (conversation: string, text: string, user = 'person-1') =>
  testActivity(conversation, { text }, user);
const texts = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '');
/** The erase reply naming `kinds` (keys of data.erased*) and what is always erased, in order. */
const erased = (...kinds: Parameters<typeof strings.text>[0][]) =>
  strings.text('data.deleted', {
    what: [...kinds.map((kind) => strings.text(kind)), strings.text('data.erasedAlways')].join(', '),
  });

describe('privacy commands, from any state', () => {
  let storage: MemoryAppStorage;

  beforeEach(() => {
    storage = new MemoryAppStorage();
  });
  const served = useTestApp({ env: { RETENTION_DAYS: '30' }, overrides: () => ({ storage }), per: 'test' });

  /** Starts a conversation and saves the nickname `name` in it. */
  async function withNickname(conversation: string, name: string, user = 'person-1'): Promise<void> {
    await exchange(served.url, say(conversation, 'hello', user));
    await exchange(served.url, say(conversation, 'Choose a nickname', user));
    await exchange(served.url, say(conversation, name, user));
  }

  it('"show my data" lists what is stored, attaches it as JSON, then asks the current question again', async () => {
    await withNickname('show-1', 'Quinn');
    await exchange(served.url, say('show-1', 'Choose a nickname'));
    const replies = await exchange(served.url, say('show-1', 'what do you know about me?'));

    const report = replies[0];
    assert.ok(report?.text?.includes(strings.text('data.nickname', { nickname: 'Quinn' })));
    assert.ok(report?.text?.includes(strings.text('data.conversations', { count: 1 })));
    const file = report?.attachments?.[0];
    assert.equal(file?.contentType, 'application/json');
    const json = JSON.parse(
      Buffer.from(String(file?.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8'),
    );
    assert.equal(json.user.profile.nickname, 'Quinn');
    assert.ok(json.conversations['show-1'].dialogState, 'the conversation state is included');
    assert.equal(replies[1]?.text, strings.text('nickname.ask'), 'then the question we were on');
  });

  it('"show my data" with nothing stored says so', async () => {
    const replies = afterDisclosure(await exchange(served.url, say('show-2', 'show my data')));
    assert.equal(replies[0]?.text, strings.text('data.nothing'));
  });

  it('"delete my data" asks first; "no" erases nothing and goes back', async () => {
    await withNickname('delete-1', 'Rae');
    const asked = await exchange(served.url, say('delete-1', 'delete my data'));
    // The nickname is listed because one was set (and only then).
    const stored = `${strings.text('data.storedNickname', { nickname: 'Rae' })}, ${strings.text('data.storedAlways')}`;
    assert.ok(asked[0]?.text?.startsWith(strings.text('data.confirmDelete', { stored })));
    const kept = await exchange(served.url, say('delete-1', 'no'));
    assert.deepEqual(texts(kept).slice(0, 1), [strings.text('data.keptData')]);
    const key = userStateKey('test', 'person-1');
    assert.ok((await storage.read([key]))[key], 'user state still stored');
  });

  it('"delete my data" then yes erases user state and every conversation of that person, and says so', async () => {
    await withNickname('delete-2', 'Sky');
    await exchange(served.url, say('delete-3', 'hello'));
    await exchange(served.url, say('delete-2', 'delete my data'));
    const done = await exchange(served.url, say('delete-2', 'yes'));
    assert.deepEqual(texts(done), [erased('data.erasedNickname')]);

    const keys = [
      userStateKey('test', 'person-1'),
      conversationStateKey('test', 'delete-2'),
      conversationStateKey('test', 'delete-3'),
    ];
    assert.deepEqual(await storage.read(keys), {});
  });

  it('"delete my data" also erases a conversation that only had the welcome (a conversationUpdate)', async () => {
    const join = testActivity(
      'welcome-only',
      { type: 'conversationUpdate', membersAdded: [{ id: 'person-1', name: '' }] },
      'person-1',
    );
    await exchange(served.url, join);
    const welcomed = conversationStateKey('test', 'welcome-only');
    assert.ok((await storage.read([welcomed]))[welcomed], 'the welcome stored the conversation');
    await exchange(served.url, say('delete-4', 'delete my data'));
    await exchange(served.url, say('delete-4', 'yes'));
    assert.deepEqual(await storage.read([welcomed, userStateKey('test', 'person-1')]), {});
  });

  // Chris (people run 7): a deletion asked for in his own words, mid appointment prep, and a
  // changed mind at the confirmation.
  for (const opened of [false, true]) {
    const how = opened ? 'after a conversationUpdate' : 'with no conversationUpdate';
    it(`"I'd like all of it deleted please." mid-question asks to erase, and "no actually yes" erases (${how})`, async () => {
      const id = `chris-${opened}`;
      if (opened) {
        const join = { type: 'conversationUpdate', membersAdded: [{ id: 'person-1', name: '' }] };
        await exchange(served.url, testActivity(id, join, 'person-1'));
      }
      await exchange(served.url, say(id, 'appointment'));
      const asked = await exchange(
        served.url,
        say(id, "Does that include that I'm on sertraline? I'd like all of it deleted please."),
      );
      assert.ok(asked[0]?.text?.includes(strings.text('data.storedAlways')), texts(asked).join(' | '));
      // A mixed answer is asked again; a changed mind is read by its last word.
      const unsure = await exchange(served.url, say(id, 'hmm actually wait no'));
      assert.ok(texts(unsure)[0]?.startsWith(strings.text('data.confirmRetry')), texts(unsure).join(' | '));
      const done = await exchange(served.url, say(id, 'no actually yes delete it all'));
      // No nickname was ever chosen: the reply does not say one was erased.
      assert.deepEqual(texts(done), [erased()]);
      const key = userStateKey('test', 'person-1');
      assert.deepEqual(await storage.read([key]), {});
    });
  }

  // Chris (people run 7): "no actually yes" had closed the question; his "I said YES delete it"
  // asks again (nothing erased on those words), and his yes then erases.
  for (const opened of [false, true]) {
    const how = opened ? 'after a conversationUpdate' : 'with no conversationUpdate';
    it(`"I said YES delete it" after the question closed asks again, and erases only on a yes (${how})`, async () => {
      const id = `chris-again-${opened}`;
      if (opened) {
        const join = { type: 'conversationUpdate', membersAdded: [{ id: 'person-1', name: '' }] };
        await exchange(served.url, testActivity(id, join, 'person-1'));
      }
      await withNickname(id, 'Chris');
      await exchange(served.url, say(id, 'delete my data'));
      const kept = await exchange(served.url, say(id, 'no'));
      assert.deepEqual(texts(kept).slice(0, 1), [strings.text('data.keptData')]);
      const asked = await exchange(served.url, say(id, 'I said YES delete it'));
      assert.ok(asked[0]?.text?.includes(strings.text('data.storedAlways')), texts(asked).join(' | '));
      const key = userStateKey('test', 'person-1');
      assert.notDeepEqual(await storage.read([key]), {}, 'nothing erased before the yes');
      const done = await exchange(served.url, say(id, 'I said YES delete it'));
      assert.deepEqual(texts(done), [erased('data.erasedNickname')]);
      assert.deepEqual(await storage.read([key]), {});
    });
  }

  for (const words of [
    'delete it all',
    'erase everything',
    'ok. erase everything pls',
    'all of it deleted',
  ]) {
    it(`"${words}" is the delete-my-data command, with its confirmation`, async () => {
      const asked = afterDisclosure(await exchange(served.url, say(`all-${words}`, words)));
      assert.ok(asked[0]?.text?.includes(strings.text('data.storedAlways')), texts(asked).join(' | '));
      const kept = await exchange(served.url, say(`all-${words}`, 'yes. actually no'));
      assert.deepEqual(texts(kept).slice(0, 1), [strings.text('data.keptData')]);
    });
  }

  it('a conversation that falls off the person record (over MAX_TRACKED_CONVERSATIONS) is erased then', async () => {
    for (let n = 0; n <= MAX_TRACKED_CONVERSATIONS; n += 1)
      await exchange(served.url, say(`many-${n}`, 'hi'));
    const oldest = conversationStateKey('test', 'many-0');
    const newest = conversationStateKey('test', `many-${MAX_TRACKED_CONVERSATIONS}`);
    assert.deepEqual(Object.keys(await storage.read([oldest, newest])), [newest]);
    await exchange(served.url, say('many-1', 'delete my data'));
    await exchange(served.url, say('many-1', 'yes'));
    const all = Array.from({ length: MAX_TRACKED_CONVERSATIONS + 1 }, (_, n) =>
      conversationStateKey('test', `many-${n}`),
    );
    assert.deepEqual(await storage.read(all), {}, 'then "delete my data" finds every one left');
  });

  it('erasing one person leaves another person untouched', async () => {
    await withNickname('mine', 'Ash');
    await withNickname('theirs', 'Bo', 'person-2');
    await exchange(served.url, say('mine', 'erase my data'));
    await exchange(served.url, say('mine', 'yes'));
    const other = userStateKey('test', 'person-2');
    assert.equal((await storage.read([other]))[other]?.profile?.nickname, 'Bo');
  });

  it('after erasing, the next message starts fresh at the menu', async () => {
    await withNickname('fresh-1', 'Cy');
    await exchange(served.url, say('fresh-1', 'delete my data'));
    await exchange(served.url, say('fresh-1', 'yes'));
    // Nothing is left, so the bot says again that it is automated, then greets and shows the menu.
    const next = afterDisclosure(await exchange(served.url, say('fresh-1', 'hi')));
    assert.ok(next.at(-1)?.text?.startsWith(strings.text('menu.prompt')));
  });

  it('"my plans" with nothing saved says so, then asks the open question again', async () => {
    await exchange(served.url, say('plans-1', 'hello'));
    await exchange(served.url, say('plans-1', 'Choose a nickname'));
    const replies = await exchange(served.url, say('plans-1', 'my plans'));
    assert.equal(replies[0]?.text, strings.text('plans.none'));
    assert.equal(replies.at(-1)?.text, strings.text('nickname.ask'));
  });

  it('"privacy" says what is kept, for how long (RETENTION_DAYS) and who sees it', async () => {
    const replies = afterDisclosure(await exchange(served.url, say('privacy-1', 'Is this confidential?')));
    const text = replies[0]?.text ?? '';
    assert.ok(text.includes(strings.text('privacy.kept')));
    assert.ok(text.includes(strings.text('privacy.howLong', { days: 30 })));
    assert.ok(text.includes(strings.text('privacy.whoSees')));
  });

  // Kim (people run 7), a nurse on leave: "nurse" had pulled appointment prep.
  for (const opened of [false, true]) {
    const how = opened ? 'after a conversationUpdate' : 'with no conversationUpdate';
    for (const words of [
      "So my hospital IT could see this? I'm a nurse, on leave right now. I don't want my manager knowing",
      'can you delete what I said earlier about being a nurse? from this chat I mean',
    ]) {
      it(`"${words}" at the menu gets what is kept and who sees it, not appointment prep (${how})`, async () => {
        const id = `kim-${opened}-${words.length}`;
        if (opened) {
          const join = { type: 'conversationUpdate', membersAdded: [{ id: 'person-1', name: '' }] };
          await exchange(served.url, testActivity(id, join, 'person-1'));
        }
        const said = await exchange(served.url, say(id, words));
        // The disclosure comes first only where no conversationUpdate brought the welcome.
        const replies = opened ? said : afterDisclosure(said);
        const text = replies[0]?.text ?? '';
        assert.ok(text.includes(strings.text('privacy.kept')), texts(replies).join(' | '));
        const menu = [...strings.variants('menu.prompt'), ...strings.variants('menu.promptAgain')];
        const next = replies[1]?.text ?? '';
        assert.ok(
          menu.some((prompt) => next.startsWith(prompt)),
          `then the menu: ${texts(replies).join(' | ')}`,
        );
      });
    }
  }

  it('"are you a real person?" gets an honest answer and how to reach a person, mid-question', async () => {
    await exchange(served.url, say('human-1', 'hello'));
    await exchange(served.url, say('human-1', 'Choose a nickname'));
    const replies = await exchange(served.url, say('human-1', 'Am I talking to a real person?'));
    assert.ok(replies[0]?.text?.includes(strings.text('aboutBot.answer')));
    assert.ok(replies[0]?.text?.includes(strings.text('aboutBot.reachPerson')));
    assert.equal(replies[1]?.text, strings.text('nickname.ask'));
  });
});

describe('state keys', () => {
  it('match the keys botbuilder UserState and ConversationState use', async () => {
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, {
      type: 'message',
      channelId: 'msteams',
      from: { id: '29:abc', name: '' },
      conversation: { id: 'a:1/b', isGroup: false, conversationType: 'personal', name: '' },
      recipient: { id: 'bot', name: '' },
    } as Activity);
    const storage = new MemoryStorage();
    assert.equal(new UserState(storage).getStorageKey(context), userStateKey('msteams', '29:abc'));
    assert.equal(
      new ConversationState(storage).getStorageKey(context),
      conversationStateKey('msteams', 'a:1/b'),
    );
  });
});

describe('no medical, dosing or legal advice', () => {
  const served = useTestApp({ per: 'test' });

  it('a dosing question mid-dialog is declined kindly, handed back as a question, then the dialog goes on', async () => {
    const { url } = served;
    await exchange(url, say('advice-1', 'hello'));
    await exchange(url, say('advice-1', 'Choose a nickname'));
    const replies = await exchange(url, say('advice-1', 'how many mg of methadone should i take'));
    const question = 'How many mg of methadone should i take?';
    assert.equal(replies[0]?.text?.startsWith(strings.text('advice.medical', { question })), true);
    assert.equal(replies[0]?.textFormat, 'plain', 'echoed words never render as markup');
    assert.equal(replies[0]?.suggestedActions?.actions[0]?.title, strings.text('advice.addToPlan'));
    assert.equal(replies[1]?.text, strings.text('nickname.ask'));
  });

  it('"add it to an appointment plan" starts getting ready for an appointment', async () => {
    const { url } = served;
    await exchange(url, say('advice-3', 'hello'));
    const offer = await exchange(url, say('advice-3', 'should I stop taking my methadone?'));
    const button = String(offer[0]?.suggestedActions?.actions[0]?.value);
    const started = await exchange(url, say('advice-3', button));
    assert.ok(started.length > 0 && started.every((a) => !a.text?.includes(strings.text('fallback.stuck'))));
    assert.ok(started[0]?.text?.toLowerCase().includes('appointment'), started[0]?.text);
  });

  it('a legal strategy question gets the legal aid hand-back', async () => {
    const { url } = served;
    const replies = afterDisclosure(await exchange(url, say('advice-2', 'Should I plead guilty?')));
    assert.ok(
      replies[0]?.text?.includes(strings.text('advice.legal', { question: 'Should I plead guilty?' })),
    );
  });
});
