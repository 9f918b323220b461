import assert from 'node:assert/strict';
import { featureListText } from '../../src/language/features.js';
import { conversationStateKey, userStateKey } from '../../src/privacy/state-keys.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import {
  conversationIdOf,
  manifestCommandLists,
  PRIVATE_CHAT_LINK,
  postTeams,
  TEAMS_BOT,
  type TeamsPlace,
  teamsActivity,
  teamsUser,
} from '../support/teams.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const invite = strings.text('teams.inviteLink', { link: PRIVATE_CHAT_LINK });
const groupChat: TeamsPlace = { kind: 'groupChat', id: '19:group-chat-1@thread.v2' };
const channel: TeamsPlace = { kind: 'channel', channel: '19:general@thread.tacv2', thread: '1700000000001' };
const personal: TeamsPlace = { kind: 'personal', id: 'a:personal-ana' };
const ana = teamsUser('ana');

describe('Teams: group chats and channels (HTTP, Teams-shaped activities)', () => {
  let storage: MemoryAppStorage;
  const connector = useConnector();
  const served = useTestApp({
    overrides: () => {
      storage = new MemoryAppStorage();
      return { storage };
    },
    per: 'test',
  });

  /** Ana says `text` in `place` (with the bot's @mention in groups); returns the replies there. */
  async function say(
    place: TeamsPlace,
    text: string,
    extra: Record<string, unknown> = {},
  ): Promise<string[]> {
    await postTeams(served.url, teamsActivity(place, ana, { text, ...extra }, connector.url));
    return connector.newTexts(conversationIdOf(place));
  }

  it('takes the bot’s own @mention out, so "<at>Wayfinder</at> help" is help', async () => {
    const [reply, ...more] = await say(groupChat, 'help');
    assert.deepEqual(more, []);
    assert.ok(reply?.startsWith(strings.text('teams.groupHelp', { features: featureListText(strings) })));
    assert.ok(reply?.endsWith(invite), 'invites to a private chat with a Teams deep link to the bot');
  });

  for (const place of [groupChat, channel]) {
    it(`never asks for or shows personal things in a ${place.kind}: each gets a kind line and a private chat`, async () => {
      const personalAsks = [
        'show my data',
        'delete my data',
        'my plans',
        'I see my psychiatrist next Tuesday at 3pm',
        'I need to ask my boss for a later start time',
        'can I talk to a real person please',
        'find me a support group',
        'practice with my landlord',
        'call me Sam',
        'menu',
      ];
      const redirects = strings.variants('teams.groupRedirect');
      for (const ask of personalAsks) {
        const replies = await say(place, ask);
        assert.equal(replies.length, 1, `"${ask}": ${JSON.stringify(replies)}`);
        const [reply = ''] = replies;
        assert.ok(
          redirects.some((line) => reply.startsWith(line)),
          `"${ask}" got ${JSON.stringify(reply)}`,
        );
        assert.ok(reply.endsWith(invite));
      }
    });
  }

  it('answers each command the manifest lists for groups itself, without sending the person away', async () => {
    const lists = await manifestCommandLists();
    const groupLists = lists.filter(
      (list) => list.scopes.includes('groupChat') || list.scopes.includes('team'),
    );
    assert.ok(
      groupLists.every((list) => !list.scopes.includes('personal')),
      'groups have a list of their own',
    );
    const redirects = strings.variants('teams.groupRedirect');
    for (const { title } of groupLists.flatMap((list) => list.commands)) {
      const [reply = ''] = await say(channel, title);
      assert.ok(!redirects.some((line) => reply.startsWith(line)), `"${title}" got ${JSON.stringify(reply)}`);
      assert.ok(reply.endsWith(invite));
    }
  });

  it('answers crisis language in a group at once with the lines, asking nothing', async () => {
    const [reply = ''] = await say(channel, 'I want to kill myself');
    assert.ok(reply.includes(strings.text('safety.callNow')));
    assert.ok(reply.includes(strings.text('crisis.intro')));
    assert.ok(!reply.includes(strings.text('safety.confirm')), 'no personal question in a group');
    assert.ok(reply.endsWith(invite));
    const [concern = ''] = await say(groupChat, 'I feel so hopeless, nothing is ever going to get better');
    assert.ok(concern.startsWith(strings.text('teams.groupConcern')));
    assert.ok(concern.includes(strings.text('crisis.intro')));
  });

  it('says what it is, how it handles privacy, and the crisis lines in a group', async () => {
    assert.ok((await say(groupChat, 'are you a bot?'))[0]?.startsWith(strings.text('aboutBot.answer')));
    assert.ok((await say(groupChat, 'privacy'))[0]?.startsWith(strings.text('teams.groupPrivacy')));
    assert.ok((await say(channel, 'crisis'))[0]?.startsWith(strings.text('crisis.intro')));
  });

  it('keeps nothing from a group: no person record, no dialog state, no retention entry', async () => {
    for (const text of ['hello', 'call me Sam', 'show my data', 'I want to kill myself'])
      await say(groupChat, text);
    const keys = [
      userStateKey('msteams', ana.id),
      conversationStateKey('msteams', conversationIdOf(groupChat)),
      `retention/day/${new Date().toISOString().slice(0, 10)}`,
    ];
    assert.deepEqual(await storage.read(keys), {});
    // The same person in a personal chat is remembered as usual.
    await say(personal, 'hello');
    assert.ok((await storage.read([userStateKey('msteams', ana.id)]))[userStateKey('msteams', ana.id)]);
  });

  it('answers an Adaptive Card submit in a group (value, no text) with the private-chat line', async () => {
    const [reply = ''] = await say(groupChat, '', {
      value: { command: 'accept', code: 'ABC123' },
      mention: false,
    });
    assert.ok(strings.variants('teams.groupRedirect').some((line) => reply.startsWith(line)));
  });

  it('welcomes a group once when the bot is added, not each person who joins later', async () => {
    const update = (members: { id: string; name: string }[]) =>
      teamsActivity(
        channel,
        ana,
        { type: 'conversationUpdate', membersAdded: members, mention: false },
        connector.url,
      );
    await postTeams(served.url, update([TEAMS_BOT]));
    const [welcome = '', ...more] = connector.newTexts(conversationIdOf(channel));
    assert.deepEqual(more, []);
    assert.ok(welcome.startsWith(strings.text('welcome.greeting')), 'says it is automated');
    assert.ok(welcome.includes(strings.text('teams.groupWelcome', { features: featureListText(strings) })));
    assert.ok(welcome.endsWith(invite));
    assert.ok(!welcome.includes(strings.text('menu.prompt')));
    await postTeams(served.url, update([teamsUser('ben')]));
    assert.deepEqual(connector.newTexts(conversationIdOf(channel)), []);
  });

  it('welcomes a personal chat when Teams adds the bot to it, with the menu', async () => {
    await postTeams(
      served.url,
      teamsActivity(personal, ana, { type: 'conversationUpdate', membersAdded: [TEAMS_BOT] }, connector.url),
    );
    const texts = connector.newTexts(conversationIdOf(personal));
    assert.ok(texts[0]?.startsWith(strings.text('welcome.greeting')));
    // In Teams, botbuilder's choice prompt shows the menu as a hero card with its buttons.
    const menu = connector.received.find(
      (a) => a.conversation.id === conversationIdOf(personal) && a.attachments,
    );
    assert.equal(
      (menu?.attachments?.[0]?.content as { text?: string } | undefined)?.text,
      strings.text('menu.prompt'),
    );
  });
});
