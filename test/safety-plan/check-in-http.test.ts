import assert from 'node:assert/strict';
import type { App } from '../../src/host/app.js';
import { Azurite } from '../support/azurite.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { postMessages, testActivity } from '../support/http.js';
import { useStartedApps } from '../support/test-app.js';

const { strings } = testContent();
const HOUR = 3_600_000;

/** Makes a plan the short way (every part skipped but one) and answers the check-in question. */
const makePlan = (consent: string): string[] => [
  'make a safety plan',
  strings.text('safetyPlan.makeYes'),
  'when I stop calling people back',
  'next',
  'skip',
  'skip',
  'skip',
  'skip',
  'skip',
  'skip',
  // The parts skipped are offered again at the end: not now.
  strings.text('safetyPlan.revisitNo'),
  consent,
];

/**
 * The next-day check-in over HTTP, with two instances sharing one Azurite container (two servers
 * behind a load balancer): it is sent once, by one of them, only after a yes, and a danger answer
 * to it gets the crisis reply.
 */
describe('safety plan check-in: two instances on one Azurite (issue 20)', function () {
  this.timeout(120_000);
  let azurite: Azurite | undefined;
  const connector = useConnector();
  const started = useStartedApps();
  let apps: App[] = [];
  // Monday 12 May 2025, 11:00 in Chicago: tomorrow at this time is not in quiet hours.
  let now = Date.parse('2025-05-12T16:00:00Z');
  const clock = () => new Date(now);

  before(async () => {
    azurite = await Azurite.start();
  });
  after(async () => {
    await azurite?.stop();
  });
  beforeEach(async function () {
    if (!azurite) throw new Error('Azurite is started in before()');
    now = Date.parse('2025-05-12T16:00:00Z');
    const env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: `checkin-${this.currentTest?.title.length ?? 0}-${Date.now().toString(36)}`,
      RATE_LIMIT_PER_MINUTE: '0',
    };
    apps = [];
    for (let i = 0; i < 2; i += 1) {
      const { app } = await started.start(env, { storage: undefined, clock });
      // The test ticks both itself, at once, so they race for the same item.
      await app.scheduler.stop();
      apps.push(app);
    }
  });

  /** One message to instance `n % 2` (turns alternate between them); the replies it brought. */
  async function say(n: number, conversation: string, text: string): Promise<string[]> {
    const activity = testActivity(
      conversation,
      { text, serviceUrl: connector.url, localTimezone: 'America/Chicago' },
      'checked-in',
    );
    delete activity.deliveryMode;
    const app = apps[n % 2];
    assert.ok(app);
    assert.equal((await postMessages(app.url(), activity)).status, 200);
    return connector.newTexts(conversation);
  }

  /** Both instances tick at once, `rounds` times; the number of sends. */
  async function tickBoth(rounds = 3): Promise<number> {
    let sent = 0;
    for (let i = 0; i < rounds; i += 1) {
      const results = await Promise.all(apps.map((app) => app.scheduler.tick()));
      sent += results.reduce((sum, result) => sum + result.sent, 0);
    }
    return sent;
  }

  it('after a yes, the check-in comes the next day, once across both instances; a danger answer gets the crisis reply', async () => {
    let last: string[] = [];
    for (const [turn, text] of makePlan(strings.text('safetyPlan.followUpYes')).entries()) {
      last = await say(turn, 'check-in-yes', text);
    }
    assert.ok(containsReply(strings, 'safetyPlan.followUpSet', last[0] ?? ''), JSON.stringify(last));

    now += 23 * HOUR;
    assert.equal(await tickBoth(), 0, 'not yet due');
    assert.deepEqual(connector.newTexts('check-in-yes'), []);

    now += 1 * HOUR + 60_000;
    assert.equal(await tickBoth(), 1, 'sent once, by one of the two');
    const [checkIn, ...more] = connector.newTexts('check-in-yes');
    assert.deepEqual(more, []);
    assert.ok(checkIn?.startsWith(strings.text('safetyPlan.checkIn')), checkIn);
    assert.ok(!checkIn?.includes('calling people back'), 'nothing of the plan in the message');
    assert.deepEqual(
      connector.received.at(-1)?.suggestedActions?.actions.map((action) => action.title),
      [
        strings.text('safetyPlan.checkInOkay'),
        strings.text('safetyPlan.checkInHard'),
        strings.text('safetyPlan.title'),
      ],
    );
    now += 2 * HOUR;
    assert.equal(await tickBoth(), 0, 'never twice');

    const answer = await say(1, 'check-in-yes', 'not good. i want to end it all tonight');
    assert.ok(containsReply(strings, 'safety.dangerIntro', answer[0] ?? ''), JSON.stringify(answer));
    // The crisis reply answered the check-in: going back does not ask "how are you doing?" again.
    const back = await say(0, 'check-in-yes', strings.text('safety.goBack'));
    assert.equal(back[0], strings.text('safety.backAgain'));
    assert.ok(!back.some((t) => t.startsWith(strings.text('safetyPlan.checkIn'))), JSON.stringify(back));
  });

  /** Makes a plan with a yes to the check-in and lets a day pass until it arrives. */
  async function checkedIn(conversation: string): Promise<void> {
    for (const [turn, text] of makePlan(strings.text('safetyPlan.followUpYes')).entries()) {
      await say(turn, conversation, text);
    }
    now += 24 * HOUR + 60_000;
    assert.equal(await tickBoth(), 1);
    assert.equal(connector.newTexts(conversation).length, 1);
  }

  for (const answer of ['pretty good', "I'm doing okay", 'ok']) {
    it(`the check-in answered ${JSON.stringify(answer)}: glad, and where the plan is`, async () => {
      await checkedIn('check-in-okay');
      const [glad, next, ...more] = await say(0, 'check-in-okay', answer);
      assert.equal(glad, strings.text('safetyPlan.checkInGlad'));
      assert.ok(next?.startsWith(strings.text('menu.prompt')), 'then back to where the conversation was');
      assert.deepEqual(more, []);
    });
  }

  for (const answer of ["It's a hard day", 'idk', 'meh, not great']) {
    it(`the check-in answered ${JSON.stringify(answer)}: thanks, the plan at once, and 988`, async () => {
      await checkedIn('check-in-hard');
      const replies = await say(1, 'check-in-hard', answer);
      assert.deepEqual(replies.slice(0, 2), [
        strings.text('safetyPlan.checkInHardReply'),
        strings.text('safetyPlan.current'),
      ]);
      const card = connector.received
        .filter((a) => a.conversation?.id === 'check-in-hard' && a.attachments)
        .at(-1);
      assert.ok(
        JSON.stringify(card?.attachments).includes('when I stop calling people back'),
        'their own plan',
      );
      assert.equal(replies.at(-1), strings.text('safetyPlan.actionsPrompt'));
    });
  }

  it('after a no, nothing is ever sent', async () => {
    for (const [turn, text] of makePlan(strings.text('safetyPlan.followUpNo')).entries()) {
      await say(turn, 'check-in-no', text);
    }
    connector.newTexts('check-in-no');
    now += 25 * HOUR;
    assert.equal(await tickBoth(), 0);
    assert.deepEqual(connector.newTexts('check-in-no'), []);
  });

  it('agreed to at 10 PM, the check-in waits for the morning after next (quiet hours), then goes once', async () => {
    now = Date.parse('2025-05-13T03:00:00Z'); // Monday 10 PM in Chicago
    for (const [turn, text] of makePlan(strings.text('safetyPlan.followUpYes')).entries()) {
      await say(turn, 'check-in-night', text);
    }
    connector.newTexts('check-in-night');
    now += 24 * HOUR + 60_000; // Tuesday 10:01 PM: quiet
    assert.equal(await tickBoth(), 0, 'held in quiet hours');
    now = Date.parse('2025-05-14T13:01:00Z'); // Wednesday 8:01 AM in Chicago
    assert.equal(await tickBoth(), 1);
    assert.equal(connector.newTexts('check-in-night').length, 1);
  });
});
