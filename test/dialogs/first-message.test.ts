import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DIALOG_STATE_VERSION } from '../../src/bot.js';
import type { StringKey } from '../../src/content/strings.js';
import { globalCommands } from '../../src/language/commands.js';
import { type IntentName, intentNames } from '../../src/language/intents/index.js';
import { NEW_VISIT_AFTER_MS } from '../../src/privacy/returning-person.js';
import { conversationStateKey } from '../../src/privacy/state-keys.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply } from '../support/dialog-case.js';
import { exchange, exchangeAll, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const DISCLOSURE: StringKey = 'firstMessage.disclosure';

/**
 * A conversation's first message, with no conversationUpdate before it: what must follow the
 * disclosure (string keys, in any order) and what must not (a question already answered by the
 * message's entities, or the menu where a flow should start).
 */
interface Opening {
  /** The intent or command this row opens with (the table must cover every one). */
  covers: IntentName | (typeof globalCommands)[number] | 'menuItem' | 'crisis';
  what: string;
  says: string;
  answers: readonly Reply[];
  never?: readonly Reply[];
  /** Crisis words: the safety reply comes first, and the disclosure with the next message. */
  flagged?: true;
}

/** Every intent and every command, as a person would open with it. */
const openings: readonly Opening[] = [
  {
    covers: 'appointment',
    what: 'appointment, with its type and date',
    says: 'I see my psychiatrist next Tuesday at 3pm',
    answers: ['appointment.intro', 'appointment.noted'],
    never: ['appointment.askType', 'menu.prompt'],
  },
  {
    covers: 'accommodation',
    what: 'accommodation, with its setting, barrier and change',
    says: 'I need to ask my job for a later start because of treatment',
    answers: ['accommodation.intro', 'accommodation.noted', 'accommodation.askWho'],
    never: ['accommodation.askSetting', 'accommodation.askBarrier', 'accommodation.askIdea', 'menu.prompt'],
  },
  {
    covers: 'peerGroup',
    what: 'peer group, with its kind',
    says: 'can you help me find an NA meeting',
    answers: ['peerGroups.intro'],
    never: ['menu.prompt'],
  },
  {
    covers: 'practice',
    what: 'practice',
    says: 'can we role play me asking my boss for time off',
    answers: ['practice.intro'],
    never: ['menu.prompt'],
  },
  {
    covers: 'handoff',
    what: 'handoff',
    says: 'I want a real person',
    answers: ['handoff.intro', 'handoff.nobodyNow', 'handoff.offerMessage'],
    never: ['menu.prompt'],
  },
  {
    covers: 'greeting',
    what: 'greeting',
    says: 'hi',
    answers: ['smallTalk.greeting', 'menu.prompt'],
    never: ['smallTalk.greetingReturning'],
  },
  { covers: 'thanks', what: 'thanks', says: 'thank you', answers: ['smallTalk.thanks', 'menu.prompt'] },
  { covers: 'help', what: 'help', says: 'help', answers: ['help.short', 'menu.prompt'] },
  {
    covers: 'help',
    what: 'help in a sentence',
    says: 'what can you do?',
    answers: ['help.short', 'menu.prompt'],
  },
  { covers: 'menu', what: 'menu', says: 'menu', answers: ['menu.prompt'] },
  { covers: 'cancel', what: 'cancel', says: 'cancel', answers: ['menu.prompt'] },
  {
    covers: 'aboutBot',
    what: 'about the bot',
    says: 'am I talking to a real person?',
    answers: ['aboutBot.answer', 'menu.prompt'],
  },
  { covers: 'privacy', what: 'privacy', says: 'is this private?', answers: ['privacy.kept', 'menu.prompt'] },
  {
    covers: 'showData',
    what: 'show my data',
    says: 'show my data',
    answers: ['data.nothing', 'menu.prompt'],
  },
  {
    covers: 'deleteData',
    what: 'delete my data',
    says: 'delete my data',
    answers: ['data.confirmDelete'],
    never: ['menu.prompt'],
  },
  { covers: 'myPlans', what: 'my plans', says: 'my plans', answers: ['plans.none'] },
  {
    covers: 'crisisLines',
    what: 'crisis lines',
    says: 'i need the hotline',
    answers: ['crisis.intro', 'menu.prompt'],
  },
  {
    covers: 'mySafetyPlan',
    what: 'my safety plan',
    says: 'my safety plan',
    answers: ['safetyPlan.none', 'safetyPlan.offerMake'],
  },
  {
    covers: 'menuItem',
    what: 'a menu item by its label',
    says: 'Crisis & support',
    answers: ['crisis.intro', 'menu.promptAgain'],
  },
  {
    covers: 'menuItem',
    what: "a sentence holding a menu item's words (nothing else heard in it)",
    says: 'need to make a safety plan',
    answers: ['safetyPlan.intro'],
    never: ['menu.prompt'],
  },
  ...['landlrd', 'leter for dog'].map(
    (says): Opening => ({
      covers: 'accommodation',
      what: `accommodation, typed with typos ("${says}")`,
      says,
      answers: ['accommodation.intro'],
      never: ['menu.prompt'],
    }),
  ),
  ...['wipe it', 'erase everything', 'get rid of my stuff'].map(
    (says): Opening => ({
      covers: 'deleteData',
      what: `delete my data, said as "${says}", listing no nickname where none was set`,
      says,
      answers: ['data.confirmDelete'],
      never: ['data.storedNickname'],
    }),
  ),
  {
    covers: 'privacy',
    what: 'privacy at work ("can my boss see this chat?"): a plain no first, then what is kept',
    says: 'can my boss see this chat?',
    answers: ['privacy.employerAnswer', 'privacy.kept', 'menu.prompt'],
    never: ['privacy.employerAnswerTeams'],
  },
  {
    covers: 'privacy',
    what: 'privacy in Teams ("does IT see what i type in teams?"): the organization\'s Teams policies apply',
    says: 'does IT see what i type in teams?',
    answers: ['privacy.employerAnswerTeams', 'privacy.kept', 'menu.prompt'],
  },
  {
    covers: 'none',
    what: 'nothing the bot knows',
    says: 'purple monkey dishwasher',
    answers: ['menu.prompt'],
  },
  {
    covers: 'crisis',
    what: 'a concern, answered gently at once',
    says: 'I feel so hopeless lately',
    answers: ['safety.concernAsk'],
    flagged: true,
  },
  {
    covers: 'crisis',
    what: 'danger, answered at once',
    says: 'I want to end my life tonight',
    answers: ['safety.dangerIntro', 'safety.callNow'],
    flagged: true,
  },
];

function textOf(activity: Partial<Activity>): string {
  const cards = (activity.attachments ?? []).map((a) => JSON.stringify(a.content ?? ''));
  return [activity.text ?? '', ...cards].join('\n');
}

function saysKey(replies: readonly Partial<Activity>[], reply: Reply): boolean {
  return replies.some((activity) => containsReply(strings, reply, textOf(activity)));
}

function disclosures(replies: readonly Partial<Activity>[]): number {
  return replies.filter((activity) => activity.text === strings.text(DISCLOSURE)).length;
}

describe('a conversation that starts with a message (no conversationUpdate)', () => {
  let now = new Date('2026-12-07T15:00:00Z');
  const served = useTestApp({ overrides: () => ({ clock: () => now }) });

  let conversations = 0;
  const say = (conversation: string, text: string, user?: string) =>
    testActivity(conversation, { text, channelId: 'directline' }, user);

  for (const opening of openings) {
    it(`${opening.what}: "${opening.says}" gets the disclosure once, then is handled as at the menu`, async () => {
      conversations += 1;
      const conversation = `first-${conversations}`;
      const user = `first-user-${conversations}`;
      const replies = await exchange(served.url, say(conversation, opening.says, user));
      for (const want of opening.answers) assert.ok(saysKey(replies, want), `says ${JSON.stringify(want)}`);
      for (const unwanted of opening.never ?? []) {
        assert.ok(!saysKey(replies, unwanted), `does not say ${JSON.stringify(unwanted)}`);
      }
      const next = await exchange(served.url, say(conversation, 'help', user));
      const [told, after] = opening.flagged ? [next, replies] : [replies, next];
      assert.equal(disclosures(told), 1, 'one disclosure');
      assert.equal(told[0]?.text, strings.text(DISCLOSURE), 'the disclosure comes first');
      assert.equal(disclosures(after), 0, 'never a second time');
    });
  }

  it('the table opens with every intent and every command', () => {
    const covered = new Set<string>(openings.map((opening) => opening.covers));
    const missing = [...intentNames, ...globalCommands].filter((name) => !covered.has(name));
    assert.deepEqual(missing, [], 'add a row for each');
  });

  it('a conversation whose saved dialogs a release cannot resume: the message is handled, no second disclosure', async () => {
    await exchange(served.url, say('first-reset', 'hi', 'reset-user'));
    const key = conversationStateKey('directline', 'first-reset');
    const stored = (await served.app.storage.read([key]))[key] as Record<string, unknown>;
    await served.app.storage.write({
      [key]: { ...stored, stateVersion: DIALOG_STATE_VERSION - 1, eTag: '*' },
    });
    const replies = await exchange(
      served.url,
      say('first-reset', 'help me get ready for my doctor visit', 'reset-user'),
    );
    assert.equal(disclosures(replies), 0, 'already told');
    assert.ok(saysKey(replies, 'appointment.intro'), 'the request is not dropped');
  });

  it('the "yes" after asking for a real person is taken by the handoff flow, not the menu', async () => {
    await exchange(served.url, say('first-handoff', 'I want a real person'));
    // Nobody is on duty here: "yes" answers "Would you like to leave a message?".
    const replies = await exchange(served.url, say('first-handoff', 'yes'));
    assert.deepEqual(
      replies.map((a) => a.text),
      [strings.text('handoff.askAlias')],
    );
    const ok = await exchange(served.url, say('first-handoff', 'ok'));
    assert.deepEqual(
      ok.map((a) => a.text),
      [strings.text('handoff.aliasNotName')],
      '"ok" is not taken as the name: the name is asked for again',
    );
    const named = await exchange(served.url, say('first-handoff', 'Sam'));
    assert.ok(saysKey(named, 'handoff.askMessage'));
  });

  it('someone welcomed by a conversationUpdate gets no disclosure, and a second join is not welcomed again', async () => {
    const join = testActivity('joined-1', {
      type: 'conversationUpdate',
      channelId: 'directline',
      membersAdded: [{ id: 'joined-user', name: 'Person' }],
    });
    const welcome = await exchange(served.url, join);
    assert.ok(saysKey(welcome, 'welcome.greeting'), 'welcomed');
    const first = await exchange(served.url, say('joined-1', 'hi', 'joined-user'));
    assert.equal(disclosures(first), 0);
    assert.ok(!saysKey(first, 'welcome.greeting'));
    const again = await exchange(served.url, { ...join, id: 'join-again' });
    assert.ok(!saysKey(again, 'welcome.greeting'), 'not welcomed twice');
  });

  it('"delete my data" erases the state, so the next message is a first message again', async () => {
    await exchange(served.url, say('first-erased', 'hi', 'erased-user'));
    await exchange(served.url, say('first-erased', 'delete my data', 'erased-user'));
    await exchange(served.url, say('first-erased', 'yes', 'erased-user'));
    const replies = await exchange(
      served.url,
      say('first-erased', 'help me get ready for my doctor visit', 'erased-user'),
    );
    assert.equal(disclosures(replies), 1);
    assert.ok(saysKey(replies, 'appointment.intro'), 'the request is not dropped');
  });

  it('"welcome back" only for someone here on an earlier visit', async () => {
    const first = await exchange(served.url, say('visit-1', 'hello', 'visitor'));
    assert.ok(!saysKey(first, 'smallTalk.greetingReturning'), 'new: no welcome back');
    const soon = await exchange(served.url, say('visit-1', 'hello', 'visitor'));
    assert.ok(!saysKey(soon, 'smallTalk.greetingReturning'), 'a minute later: the same visit');
    now = new Date(now.getTime() + NEW_VISIT_AFTER_MS);
    const later = await exchange(served.url, say('visit-2', 'hello', 'visitor'));
    assert.ok(saysKey(later, 'smallTalk.greetingReturning'), 'a later visit: welcome back');
    assert.equal(disclosures(later), 1, 'a new conversation is still told the bot is automated');
  });

  it('the safety gate still sees the first message before anything else answers it', async () => {
    const all = await exchangeAll(served.url, say('first-trace', 'I want to end my life tonight'));
    const traces = all.filter((a) => a.type === 'trace').map((a) => a.name);
    assert.equal(traces[0], 'SafetyCheck');
  });
});
