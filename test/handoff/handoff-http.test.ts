import assert from 'node:assert/strict';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const SPECIALISTS = 'peer-1,peer-2';

describe('handoff to a peer specialist (HTTP, stand-in connector)', () => {
  let storage: MemoryAppStorage;
  let now: number;
  const connector = useConnector();
  const served = useTestApp({
    per: 'test',
    // The race rounds script Accept far faster than a person types: no rate limit here.
    env: { SPECIALIST_IDS: SPECIALISTS, HANDOFF_WAIT_MINUTES: '5', RATE_LIMIT_PER_MINUTE: '0' },
    overrides: () => {
      storage = new MemoryAppStorage();
      now = Date.parse('2026-03-01T15:00:00Z');
      return { storage, clock: () => new Date(now) };
    },
  });

  /** One message from `user` in `conversation`; replies go to the stand-in connector. */
  async function say(conversation: string, user: string, text: string, value?: unknown): Promise<string[]> {
    const activity = testActivity(conversation, {
      text,
      serviceUrl: connector.url,
      from: { id: user, name: user },
    });
    delete activity.deliveryMode;
    if (value !== undefined) activity.value = value;
    const response = await postMessages(served.url, activity);
    assert.equal(response.status, 200);
    return connector.newTexts(conversation);
  }

  /** A member asks for a person and shares the summary; returns the request code. */
  async function requestPerson(conversation: string, user: string, alias: string): Promise<string> {
    await say(conversation, user, 'hello');
    // Who is there comes first; then only the name and the consent.
    assert.deepEqual(await say(conversation, user, 'can I talk to a real person please'), [
      strings.text('handoff.intro'),
      strings.text('handoff.onDutyNow'),
      strings.text('handoff.askAlias'),
    ]);
    const consent = await say(conversation, user, alias);
    assert.equal(
      consent[0],
      strings.text('handoff.summaryAsk', { summary: strings.text('handoff.summaryAsked') }),
    );
    const queued = (await say(conversation, user, strings.text('handoff.share'))).join('\n');
    const code = /code is ([A-Z0-9]{6})/.exec(queued)?.[1];
    assert.ok(code, `a request code in: ${queued}`);
    // The specialists' cards are checked through connector.received; later reads start after them.
    connector.newTexts('spec-1');
    connector.newTexts('spec-2');
    return code;
  }

  it('notifies on-duty specialists, accepts, relays both ways, and ends with a check-in', async () => {
    assert.deepEqual(await say('spec-1', 'peer-1', 'on duty'), [
      strings.text('specialist.onDuty', { count: 0 }),
    ]);
    const code = await requestPerson('member-1', 'member-a', 'Sam');

    const card = connector.received.find((a) => a.conversation.id === 'spec-1' && a.attachments?.length);
    assert.ok(card?.text?.includes(code), 'the specialist got a card naming the request');
    assert.equal(card?.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.ok(
      card?.text?.includes(
        strings.text('specialist.summaryLine', { summary: strings.text('handoff.summaryAsked') }),
      ),
    );
    const initiation = connector.received.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    assert.equal((initiation?.value as { code?: string } | undefined)?.code, code);

    const accepted = await say('spec-1', 'peer-1', 'accept');
    assert.equal(accepted[0], strings.text('specialist.accepted', { alias: 'Sam', code }));
    assert.deepEqual(connector.newTexts('member-1'), [strings.text('handoff.connected', { name: 'peer-1' })]);

    assert.deepEqual(await say('member-1', 'member-a', 'thanks for coming'), []);
    assert.deepEqual(connector.newTexts('spec-1'), ['Sam: thanks for coming']);
    assert.deepEqual(await say('spec-1', 'peer-1', 'glad to be here'), []);
    assert.deepEqual(connector.newTexts('member-1'), ['peer-1: glad to be here']);

    assert.deepEqual(await say('member-1', 'member-a', 'end chat'), [
      strings.text('handoff.ended'),
      strings.text('handoff.checkIn'),
    ]);
    assert.deepEqual(connector.newTexts('spec-1'), [
      strings.text('specialist.memberEnded', { alias: 'Sam' }),
    ]);
    const after = await say('member-1', 'member-a', 'menu');
    assert.ok(
      after.some((t) => t.includes(strings.text('menu.nickname'))),
      'back with the bot, at the menu',
    );
  });

  it('the Accept button of the card works from a Web Chat submit', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    const code = await requestPerson('member-1', 'member-a', 'Ray');
    const accepted = await say('spec-1', 'peer-1', '', { command: 'accept', code });
    assert.equal(accepted[0], strings.text('specialist.accepted', { alias: 'Ray', code }));
  });

  it('runs the safety gate on relayed member messages and alerts the specialist', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    await requestPerson('member-1', 'member-a', 'Kim');
    await say('spec-1', 'peer-1', 'accept');
    connector.newTexts('member-1');
    const member = await say('member-1', 'member-a', 'I want to kill myself');
    assert.ok(
      member.some((t) => t.includes(strings.text('safety.callNow'))),
      'the member gets the crisis reply',
    );
    const specialist = connector.newTexts('spec-1');
    assert.ok(specialist.includes(strings.text('specialist.safetyAlert', { alias: 'Kim', level: 'danger' })));
    assert.ok(specialist.includes('Kim: I want to kill myself'));
  });

  it('keeps two relays apart: no cross-talk between two members and two specialists', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    await say('spec-2', 'peer-2', 'on duty');
    const first = await requestPerson('member-1', 'member-a', 'Ana');
    const second = await requestPerson('member-2', 'member-b', 'Ben');
    await say('spec-1', 'peer-1', `accept ${first}`);
    await say('spec-2', 'peer-2', `accept ${second}`);
    for (const conversation of ['spec-1', 'spec-2', 'member-1', 'member-2']) connector.newTexts(conversation);
    await say('member-1', 'member-a', 'from ana');
    await say('member-2', 'member-b', 'from ben');
    assert.deepEqual(connector.newTexts('spec-1'), ['Ana: from ana']);
    assert.deepEqual(connector.newTexts('spec-2'), ['Ben: from ben']);
    await say('spec-2', 'peer-2', 'to ben');
    assert.deepEqual(connector.newTexts('member-1'), []);
    assert.deepEqual(connector.newTexts('member-2'), ['peer-2: to ben']);
  });

  it('gives someone not in SPECIALIST_IDS no specialist powers and no information (every command, typed or a card submit)', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    const code = await requestPerson('member-1', 'member-a', 'Lee');
    const attempts: Array<[string, unknown?]> = [
      ['on duty'],
      ['queue'],
      ['accept'],
      [`accept ${code}`],
      [`ACCEPT ${code.toLowerCase()}`],
      ['off duty'],
      ['end'],
      ['', { command: 'accept', code }],
    ];
    for (const [text, value] of attempts) {
      const replies = (await say('intruder', 'someone-else', text, value)).join('\n');
      const what = `"${text}" ${JSON.stringify(value ?? '')}`;
      assert.ok(!replies.includes(code), `${what} leaked the code`);
      assert.ok(!replies.includes('Lee'), `${what} leaked the alias`);
      assert.ok(!replies.includes(strings.text('specialist.queueHeader')), `${what} showed the queue`);
    }
    const store = new HandoffStore(storage);
    assert.deepEqual(Object.keys(await store.roster()), ['peer-1'], 'the roster is unchanged');
    assert.equal(await store.link('test', 'intruder'), undefined, 'no relay link for them');
    assert.equal((await store.request(code))?.request.status, 'waiting');
    const stillWaiting = await say('spec-1', 'peer-1', 'queue');
    assert.ok(stillWaiting.join('\n').includes(code), 'the request is still waiting');
  });

  it('says nobody is on duty before asking anything; a message left, confirmed, is shown to the next specialist on duty', async () => {
    await say('member-1', 'member-a', 'hello');
    assert.deepEqual(await say('member-1', 'member-a', 'talk to a person'), [
      strings.text('handoff.intro'),
      strings.text('handoff.nobodyNow'),
      strings.text('handoff.offerMessage'),
    ]);
    assert.deepEqual(await say('member-1', 'member-a', strings.text('handoff.leaveMessage')), [
      strings.text('handoff.askAlias'),
    ]);
    assert.deepEqual(await say('member-1', 'member-a', 'Jo'), [strings.text('handoff.askMessage')]);
    // A filler is no message.
    assert.deepEqual(await say('member-1', 'member-a', 'ok'), [strings.text('handoff.messageRetry')]);
    const message = 'I would like help getting ready for a meeting with my boss';
    assert.deepEqual(await say('member-1', 'member-a', message), [strings.text('handoff.askContact')]);
    const contact = 'here in this chat';
    assert.deepEqual(await say('member-1', 'member-a', contact), [
      strings.text('handoff.confirmMessage', { name: 'Jo', message, contact }),
    ]);
    const store = new HandoffStore(storage);
    assert.deepEqual(await store.openCodes(), [], 'nothing is sent before they confirm');
    const sent = await say('member-1', 'member-a', 'yes');
    assert.equal(sent[0], strings.text('handoff.messageLeft'));

    const onDuty = (await say('spec-1', 'peer-1', 'on duty')).join('\n');
    assert.ok(onDuty.includes(message));
    assert.ok(onDuty.includes(strings.text('specialist.noSummary')), 'no summary without consent');
    const [code = ''] = await store.openCodes();
    assert.equal((await store.request(code))?.request.member.alias, 'Jo');
    // A message left waits for whoever comes on duty: it does not time out on the person.
    now += 60 * 60_000;
    assert.equal(await served.app.handoff.sweepTimeouts(), 0);
    assert.deepEqual(connector.newTexts('member-1'), []);
  });

  it('a worry typed at the summary consent is kept for the specialist with one line, and the request goes on', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    await say('member-1', 'member-a', 'talk to a person');
    await say('member-1', 'member-a', 'Sam');
    const worry = "i've been struggling a lot and need someone";
    assert.deepEqual(await say('member-1', 'member-a', worry), [
      strings.text('handoff.concernKept'),
      strings.text('handoff.summaryAsk', { summary: strings.text('handoff.summaryMenu') }),
    ]);
    connector.newTexts('spec-1');
    const queued = (await say('member-1', 'member-a', 'sure')).join('\n');
    assert.match(queued, /code is [A-Z0-9]{6}/);
    const card = connector.newTexts('spec-1').join('\n');
    assert.ok(card.includes(strings.text('specialist.noteLine', { note: worry })), card);
  });

  it('a left message can be changed before it is sent', async () => {
    await say('member-1', 'member-a', 'talk to a person');
    await say('member-1', 'member-a', strings.text('handoff.leaveMessage'));
    await say('member-1', 'member-a', 'Jo');
    await say('member-1', 'member-a', 'please call me');
    await say('member-1', 'member-a', 'here');
    assert.deepEqual(await say('member-1', 'member-a', strings.text('handoff.changeMessage')), [
      strings.text('handoff.askWhichPart'),
    ]);
    assert.deepEqual(await say('member-1', 'member-a', 'the message'), [
      strings.text('handoff.askMessageAgain', { message: 'please call me' }),
    ]);
    const message = 'I would like to talk about my first week back at work';
    await say('member-1', 'member-a', message);
    // Only the part named changes; the preview comes again after each change.
    assert.deepEqual(await say('member-1', 'member-a', 'change how to reach me to text me at 555-0100'), [
      strings.text('handoff.confirmMessage', { name: 'Jo', message, contact: 'text me at 555-0100' }),
    ]);
    const sent = await say('member-1', 'member-a', strings.text('handoff.sendMessage'));
    assert.equal(sent[0], strings.text('handoff.messageLeft'));
    const onDuty = (await say('spec-1', 'peer-1', 'on duty')).join('\n');
    assert.ok(
      onDuty.includes(strings.text('specialist.messageLine', { message, contact: 'text me at 555-0100' })),
      onDuty,
    );
    assert.ok(!onDuty.includes('please call me'), 'the first wording was replaced');
  });

  it('after HANDOFF_WAIT_MINUTES with no accept, tells the member and offers other options', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    await requestPerson('member-1', 'member-a', 'Al');
    now += 6 * 60_000;
    assert.equal(await served.app.handoff.sweepTimeouts(), 1);
    assert.equal(await served.app.handoff.sweepTimeouts(), 0, 'told once');
    const told = connector.newTexts('member-1');
    assert.ok(told[0]?.startsWith(strings.text('handoff.timedOut', { minutes: 5 })));
    const lines = await say('member-1', 'member-a', strings.text('handoff.crisisLines'));
    assert.ok(lines[0]?.startsWith(strings.text('crisis.intro')));
  });

  it('lets a member withdraw a waiting request', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    const code = await requestPerson('member-1', 'member-a', 'Mo');
    assert.deepEqual(await say('member-1', 'member-a', 'cancel request'), [
      strings.text('handoff.cancelled'),
    ]);
    assert.deepEqual(await say('spec-1', 'peer-1', `accept ${code}`), [
      strings.text('specialist.taken', { code }),
    ]);
  });

  it('a live relay continues after a restart', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    await requestPerson('member-1', 'member-a', 'Tia');
    await say('spec-1', 'peer-1', 'accept');
    await served.restart();
    connector.newTexts('spec-1');
    await say('member-1', 'member-a', 'are you still there?');
    assert.deepEqual(connector.newTexts('spec-1'), ['Tia: are you still there?']);
  });

  it('100 rounds of two specialists pressing Accept at once over HTTP: exactly one wins each time', async function () {
    this.timeout(60_000);
    await say('spec-1', 'peer-1', 'on duty');
    await say('spec-2', 'peer-2', 'on duty');
    for (let round = 0; round < 100; round += 1) {
      const member = {
        channelId: 'test',
        serviceUrl: connector.url,
        conversation: { id: `race-${round}`, isGroup: false, conversationType: '', name: '' },
      };
      const { code } = await served.app.handoff.request({
        userKey: `test/users/race-${round}/`,
        alias: 'R',
        reference: member,
        topic: 't',
      });
      connector.newTexts('spec-1');
      connector.newTexts('spec-2');
      const [first, second] = await Promise.all([
        say('spec-1', 'peer-1', `accept ${code}`),
        say('spec-2', 'peer-2', `accept ${code}`),
      ]);
      const won = [first, second].filter(
        (texts) => texts[0] === strings.text('specialist.accepted', { alias: 'R', code }),
      );
      const lost = [first, second].filter((texts) => texts[0] === strings.text('specialist.taken', { code }));
      assert.equal(won.length, 1, `round ${round}: ${JSON.stringify([first, second])}`);
      assert.equal(lost.length, 1, `round ${round}`);
      await served.app.handoff.end(code, 'specialist');
    }
  });

  it('"delete my data" erases the member’s requests and their audit times', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    const code = await requestPerson('member-1', 'member-a', 'Eve');
    await say('member-1', 'member-a', 'cancel request');
    await say('member-1', 'member-a', 'delete my data');
    await say('member-1', 'member-a', 'yes');
    assert.equal(await new HandoffStore(storage).request(code), undefined);
  });

  it('"delete my data" from another conversation during a live relay ends it: the specialist is told and unlinked', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    const code = await requestPerson('member-1', 'member-a', 'Kim');
    await say('spec-1', 'peer-1', 'accept');
    connector.newTexts('member-1');
    await say('member-2', 'member-a', 'delete my data');
    await say('member-2', 'member-a', 'yes');

    assert.deepEqual(connector.newTexts('spec-1'), [
      strings.text('specialist.memberEnded', { alias: 'Kim' }),
    ]);
    assert.deepEqual(connector.newTexts('member-1'), [], 'nothing more is sent to the person who left');
    const store = new HandoffStore(storage);
    assert.equal(await store.request(code), undefined);
    assert.equal(await store.link('test', 'spec-1'), undefined);
    assert.equal(await store.link('test', 'member-1'), undefined);
    // The specialist's next words go to the bot, not into the ended relay.
    await say('spec-1', 'peer-1', 'are you still there?');
    assert.deepEqual(connector.newTexts('member-1'), []);
  });

  it('"delete my data" takes a waiting request out of the queue, and a specialist off the duty roster', async () => {
    await say('spec-1', 'peer-1', 'on duty');
    const gone = await requestPerson('member-1', 'member-a', 'Lee');
    const kept = await requestPerson('member-2', 'member-b', 'Max');
    await say('member-1', 'member-a', 'delete my data');
    await say('member-1', 'member-a', 'yes');
    const store = new HandoffStore(storage);
    assert.deepEqual(await store.openCodes(), [kept], `${gone} left the queue`);

    await say('spec-chat', 'peer-1', 'delete my data');
    await say('spec-chat', 'peer-1', 'yes');
    assert.deepEqual(await store.roster(), {});
    assert.equal((await store.request(kept))?.request.status, 'waiting', 'the other member’s request stays');
  });
});
