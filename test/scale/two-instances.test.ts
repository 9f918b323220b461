import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { Azurite } from '../support/azurite.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { postMessages, testActivity } from '../support/http.js';
import { type StartedApp, useStartedApps } from '../support/test-app.js';

const { strings } = testContent();

/**
 * Two Wayfinder instances sharing one Azurite container, as two servers behind a load balancer
 * share Azure Blob Storage: nothing may depend on one process's memory.
 */
describe('two instances on one Azurite', function () {
  this.timeout(120_000);
  let azurite: Azurite | undefined;
  const connector = useConnector();
  const started = useStartedApps();
  let apps: StartedApp[] = [];

  before(async () => {
    azurite = await Azurite.start();
  });
  after(async () => {
    await azurite?.stop();
  });
  beforeEach(async function () {
    if (!azurite) throw new Error('Azurite is started in before()');
    const env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: `two-${this.currentTest?.title.length ?? 0}-${Date.now().toString(36)}`,
      SPECIALIST_IDS: 'peer-1,peer-2',
      // The race rounds script Accept far faster than a person types: no rate limit here.
      RATE_LIMIT_PER_MINUTE: '0',
    };
    apps = [
      await started.start(env, { storage: undefined }),
      await started.start(env, { storage: undefined }),
    ];
  });

  /** One message to instance `n`; replies go to the stand-in connector. */
  async function say(n: number, conversation: string, user: string, text: string): Promise<string[]> {
    const activity = testActivity(conversation, {
      text,
      serviceUrl: connector.url,
      from: { id: user, name: user },
    });
    delete activity.deliveryMode;
    const target = apps[n % 2];
    assert.ok(target);
    assert.equal((await postMessages(target.url, activity)).status, 200);
    return connector.newTexts(conversation);
  }

  it('a conversation whose turns alternate between the instances completes the appointment dialog', async () => {
    const answers = [
      'hello',
      strings.text('menu.appointment'),
      'my counselor',
      'not sure yet',
      'a refill and a clear plan',
      'done',
      'done',
      "That's all",
      'my ID',
      'no',
      'Nothing',
      'done',
      'Save it',
    ];
    let last: string[] = [];
    for (const [turn, text] of answers.entries()) last = await say(turn, 'alt-1', 'member-a', text);
    assert.ok(
      last.some((t) => t.startsWith(strings.text('appointment.saved').slice(0, 20))),
      `the plan was saved; last replies: ${JSON.stringify(last)}`,
    );
  });

  it('specialists on different instances accepting one request: exactly one wins, 100 rounds', async () => {
    await say(0, 'spec-1', 'peer-1', 'on duty');
    await say(1, 'spec-2', 'peer-2', 'on duty');
    const first: StartedApp | undefined = apps[0];
    assert.ok(first);
    for (let round = 0; round < 100; round += 1) {
      const member = {
        channelId: 'test',
        serviceUrl: connector.url,
        conversation: { id: `m-${round}`, isGroup: false, conversationType: '', name: '' },
      };
      const request: Promise<{ code: string }> = first.app.handoff.request({
        userKey: `test/users/m-${round}/`,
        alias: 'R',
        reference: member,
        topic: 't',
      });
      const code: string = (await request).code;
      connector.newTexts('spec-1');
      connector.newTexts('spec-2');
      const both: Promise<string[][]> = Promise.all([
        say(0, 'spec-1', 'peer-1', `accept ${code}`),
        say(1, 'spec-2', 'peer-2', `accept ${code}`),
      ]);
      const [a, b]: string[][] = await both;
      const winners: string[][] = [a ?? [], b ?? []].filter(
        (texts) => texts[0] === strings.text('specialist.accepted', { alias: 'R', code }),
      );
      assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify([a, b])}`);
      await first.app.handoff.end(code, 'specialist');
    }
  });

  it('a relay works when member and specialist are served by different instances', async () => {
    await say(1, 'spec-1', 'peer-1', 'on duty');
    await say(0, 'member-1', 'member-a', 'hello');
    await say(0, 'member-1', 'member-a', 'talk to a person');
    await say(0, 'member-1', 'member-a', 'Sam');
    await say(0, 'member-1', 'member-a', strings.text('handoff.share'));
    await say(1, 'spec-1', 'peer-1', 'accept');
    connector.newTexts('spec-1');
    connector.newTexts('member-1');
    await say(0, 'member-1', 'member-a', 'hello from instance one');
    assert.deepEqual(connector.newTexts('spec-1'), ['Sam: hello from instance one']);
    await say(1, 'spec-1', 'peer-1', 'hello from instance two');
    assert.deepEqual(connector.newTexts('member-1'), ['peer-1: hello from instance two']);
  });

  it('a due reminder is sent once, not once per instance', async () => {
    const [one, two] = apps;
    assert.ok(one && two);
    const reference = {
      channelId: 'test',
      serviceUrl: connector.url,
      conversation: { id: 'remind-1', isGroup: false, conversationType: '', name: '' },
    };
    const sent = (): Activity[] => connector.received.filter((a) => a.conversation.id === 'remind-1');
    await one.app.scheduler.schedule({
      id: 'reminder-remind-1',
      userKey: 'test/users/remind/',
      dueAt: new Date(Date.now() - 1000),
      // This test runs on the real clock: a time of the person's choosing, so quiet hours never hold it.
      timezone: 'UTC',
      anyHour: true,
      reference,
      payload: {
        kind: 'appointmentReminder',
        planId: 'plan-1',
        type: 'counselor',
        when: 'tomorrow at 3:00 PM',
      },
    });
    await Promise.all([one.app.scheduler.tick(), two.app.scheduler.tick(), one.app.scheduler.tick()]);
    assert.equal(sent().length, 1);
  });
});
