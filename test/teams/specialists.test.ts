import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import {
  conversationIdOf,
  postTeams,
  TENANT,
  type TeamsPlace,
  type TeamsUser,
  teamsActivity,
  teamsUser,
} from '../support/teams.js';
import { type StartedApp, useStartedApps } from '../support/test-app.js';

const { strings } = testContent();
const SPECIALIST_CHANNEL = '19:peer-specialists@thread.tacv2';
const kai = teamsUser('kai');
const lou = teamsUser('lou');
const member = teamsUser('member');
const stranger = teamsUser('stranger');
const personalOf = (user: TeamsUser): TeamsPlace => ({ kind: 'personal', id: `a:personal-${user.name}` });
const channelThread = (thread: string): TeamsPlace => ({
  kind: 'channel',
  channel: SPECIALIST_CHANNEL,
  thread,
});

describe('Teams: peer specialists (HTTP, Teams-shaped activities, stand-in connector)', () => {
  const connector = useConnector();
  const apps = useStartedApps();
  let running: StartedApp;
  let url: string;
  let storage: MemoryAppStorage;

  /** Each test starts its app on the env it needs. */
  async function start(env: NodeJS.ProcessEnv): Promise<void> {
    storage = new MemoryAppStorage();
    running = await apps.start(env, { storage });
    ({ url } = running);
  }

  /** `user` says `text` (or submits `value`) in `place`; returns the texts the bot sent there. */
  async function say(
    place: TeamsPlace,
    user: TeamsUser,
    text: string,
    extra: Partial<Activity> & { mention?: boolean } = {},
  ) {
    await postTeams(url, teamsActivity(place, user, { text, ...extra }, connector.url));
    return connector.newTexts(conversationIdOf(place));
  }

  /** The member asks for a person in their personal chat and shares the summary; returns the code. */
  async function requestPerson(alias: string): Promise<string> {
    const place = personalOf(member);
    await say(place, member, 'hello');
    await say(place, member, 'can I talk to a real person please');
    await say(place, member, alias);
    const queued = (await say(place, member, strings.text('handoff.share'))).join('\n');
    const code = /code is ([A-Z0-9]{6})/.exec(queued)?.[1];
    assert.ok(code, queued);
    // The specialists' cards are read through `received`; later texts start after them.
    for (const specialist of [kai, lou]) connector.newTexts(conversationIdOf(personalOf(specialist)));
    return code;
  }

  /** What the bot sent into `conversation` (every activity, cards included). */
  const sentTo = (conversation: string) =>
    connector.received.filter((a) => a.conversation?.id === conversation);

  it('knows a specialist by Entra object id, notifies their personal chat with the tenant, and takes a Teams card submit', async () => {
    await start({ SPECIALIST_IDS: `${kai.aadObjectId}, ${lou.id}` });
    assert.deepEqual(await say(personalOf(kai), kai, 'on duty'), [
      strings.text('specialist.onDuty', { count: 0 }),
    ]);
    const code = await requestPerson('Sam');

    const card = sentTo(conversationIdOf(personalOf(kai))).find((a) => a.attachments?.length);
    assert.ok(card?.text?.includes(code), 'the card names the request');
    assert.equal(card?.conversation.tenantId, TENANT, 'the proactive card carries the Teams tenant');
    assert.equal(card?.serviceUrl, connector.url);

    // Teams sends an Action.Submit as a message with `value`, no text, replying to the card.
    const accepted = await say(personalOf(kai), kai, '', {
      value: { command: 'accept', code, msteams: { type: 'imBack', value: `accept ${code}` } },
      replyToId: 'card-activity-1',
    });
    assert.equal(accepted[0], strings.text('specialist.accepted', { alias: 'Sam', code }));
    assert.deepEqual(
      connector.newTexts(conversationIdOf(personalOf(member))).at(-1),
      strings.text('handoff.connected', { name: kai.name }),
    );
    await say(personalOf(member), member, 'thanks for coming');
    assert.deepEqual(connector.newTexts(conversationIdOf(personalOf(kai))), ['Sam: thanks for coming']);
  });

  it('takes the imBack shape of the Accept button in Teams ("accept CODE" as text) too', async () => {
    await start({ SPECIALIST_IDS: lou.id });
    await say(personalOf(lou), lou, 'on duty');
    const code = await requestPerson('Ray');
    const accepted = await say(personalOf(lou), lou, `accept ${code}`);
    assert.equal(accepted[0], strings.text('specialist.accepted', { alias: 'Ray', code }));
  });

  it('keeps specialist commands out of group chats: nothing is put on duty there', async () => {
    await start({ SPECIALIST_IDS: kai.aadObjectId });
    const group: TeamsPlace = { kind: 'groupChat', id: '19:team-chat@thread.v2' };
    const [reply = ''] = await say(group, kai, 'on duty');
    assert.ok(reply.startsWith(strings.text('teams.specialistCommandsPrivate')));
    assert.deepEqual(await new HandoffStore(storage).roster(), {}, 'nobody went on duty');
  });

  describe('with SPECIALIST_CHANNEL_ID', () => {
    beforeEach(() =>
      start({
        SPECIALIST_IDS: `${kai.aadObjectId},${lou.aadObjectId}`,
        SPECIALIST_CHANNEL_ID: SPECIALIST_CHANNEL,
      }),
    );

    it('posts each request to the channel with only the code and consented topic, and an Accept that relays privately', async () => {
      await say(personalOf(kai), kai, 'on duty');
      const code = await requestPerson('Sam');

      const post = sentTo(SPECIALIST_CHANNEL).find((a) => a.attachments?.length);
      assert.ok(post, 'a post in the channel');
      assert.equal(post.conversation.tenantId, TENANT);
      assert.equal(post.serviceUrl, connector.url, 'posted with the service URL learned from Teams traffic');
      const posted = JSON.stringify(post);
      assert.ok(posted.includes(code));
      assert.ok(!posted.includes('Sam'), 'the member’s chosen name stays out of the channel');
      assert.ok(!posted.includes(strings.text('handoff.summaryAsked')), 'so does the summary');

      const thread = channelThread('1700000000100');
      const notMine = await say(thread, stranger, '', { value: { command: 'accept', code }, mention: false });
      assert.deepEqual(notMine, [strings.text('specialistChannel.notSpecialist')]);

      connector.newTexts(conversationIdOf(personalOf(kai)));
      const taken = await say(thread, kai, '', { value: { command: 'accept', code }, mention: false });
      assert.deepEqual(taken, [strings.text('specialistChannel.taken', { code, name: kai.name })]);
      const privately = connector.newTexts(conversationIdOf(personalOf(kai)));
      assert.equal(privately[0], strings.text('specialist.accepted', { alias: 'Sam', code }));
      // The same messages as an accept in the personal chat: plain text (the alias shows as typed).
      const toKai = connector.received.filter(
        (a) => a.conversation?.id === conversationIdOf(personalOf(kai)),
      );
      assert.deepEqual(
        toKai.slice(-2).map((a) => a.textFormat),
        ['plain', 'plain'],
      );
      assert.ok(
        privately[1]?.includes(
          strings.text('specialist.summaryLine', { summary: strings.text('handoff.summaryAsked') }),
        ),
      );

      connector.newTexts(conversationIdOf(personalOf(member)));
      await say(personalOf(member), member, 'hi there');
      assert.deepEqual(connector.newTexts(conversationIdOf(personalOf(kai))), ['Sam: hi there']);
      await say(personalOf(kai), kai, 'hello Sam');
      assert.deepEqual(connector.newTexts(conversationIdOf(personalOf(member))), [`${kai.name}: hello Sam`]);
      assert.ok(
        sentTo(conversationIdOf(thread)).every(
          (a) => !a.text?.includes('hi there') && !a.text?.includes('hello Sam'),
        ),
        'nothing of the relay in the channel',
      );
    });

    it('asks a specialist who is not on duty to go on duty in their personal chat first', async () => {
      await say(personalOf(lou), lou, 'on duty');
      const code = await requestPerson('Ana');
      const [reply = ''] = await say(channelThread('1700000000200'), kai, '', {
        value: { command: 'accept', code },
        mention: false,
      });
      assert.ok(reply.startsWith(strings.text('specialistChannel.notOnDuty')));
      assert.ok((await say(personalOf(lou), lou, 'queue')).join('\n').includes(code), 'still waiting');
    });

    it('two specialists pressing Accept in the channel at once: exactly one takes it, ten times over', async function () {
      this.timeout(60_000);
      await say(personalOf(kai), kai, 'on duty');
      await say(personalOf(lou), lou, 'on duty');
      for (let round = 0; round < 10; round += 1) {
        const { code } = await running.app.handoff.request({
          userKey: `msteams/users/race-${round}/`,
          alias: 'R',
          reference: {
            channelId: 'msteams',
            serviceUrl: connector.url,
            conversation: { id: `a:race-${round}`, isGroup: false, conversationType: 'personal', name: '' },
          },
          topic: 't',
        });
        const press = (user: TeamsUser, thread: string) =>
          say(channelThread(thread), user, '', { value: { command: 'accept', code }, mention: false });
        const replies = (
          await Promise.all([press(kai, `race-${round}-a`), press(lou, `race-${round}-b`)])
        ).flat();
        const taken = (user: TeamsUser) => strings.text('specialistChannel.taken', { code, name: user.name });
        const won = replies.filter((t) => t === taken(kai) || t === taken(lou));
        const lost = replies.filter((t) => t === strings.text('specialist.taken', { code }));
        assert.equal(won.length, 1, `round ${round}: ${JSON.stringify(replies)}`);
        assert.equal(lost.length, 1, `round ${round}`);
        const winner = won[0] === taken(kai) ? kai : lou;
        await say(personalOf(winner), winner, 'end');
      }
    });
  });
});
