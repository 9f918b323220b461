import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { ConversationReference } from 'botbuilder';
import { type StandInConnector, startConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const payload = {
  kind: 'appointmentReminder',
  planId: 'p1',
  type: 'counselor',
  when: 'Tuesday, May 13 at 3:00 PM',
};

/** The reference a turn in `conversation` would have saved (TurnContext.getConversationReference). */
function referenceTo(
  conversation: string,
  serviceUrl: string,
  activityId: string,
): Partial<ConversationReference> {
  return {
    activityId,
    channelId: 'test',
    serviceUrl,
    locale: 'en-US',
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: 'user-1', name: '', role: 'user' },
    bot: { id: 'wayfinder', name: '', role: 'bot' },
  };
}

describe('appointment reminders over HTTP (stand-in connector)', () => {
  let connector: StandInConnector;
  let now: number;

  beforeEach(async () => {
    connector = await startConnector();
    now = Date.parse('2025-05-12T19:00:00Z');
  });
  const served = useTestApp({
    overrides: () => ({ clock: () => new Date(now) }),
    manualScheduler: true,
    per: 'test',
  });
  afterEach(async () => {
    await connector.close();
  });

  it("a scheduled reminder reaches the saved conversation's serviceUrl, once, as a new message", async () => {
    const activity = testActivity('remind-1', { text: 'hello', serviceUrl: connector.url });
    delete activity.deliveryMode;
    assert.equal((await postMessages(served.url, activity)).status, 200);
    connector.newTexts('remind-1');

    await served.app.scheduler.schedule({
      id: 'appointment-p1-reminder',
      userKey: 'test/users/user-1/',
      dueAt: new Date(now + 60_000),
      timezone: 'America/Chicago',
      reference: referenceTo('remind-1', connector.url, String(activity.id)),
      payload,
    });
    assert.equal((await served.app.scheduler.tick()).sent, 0, 'not yet due');
    now += 2 * 60_000;
    assert.equal((await served.app.scheduler.tick()).sent, 1);
    assert.deepEqual(connector.newTexts('remind-1'), [
      `${strings.text('reminders.reminder', { type: strings.text('appointmentTypes.counselor'), when: payload.when })}\n\n${strings.text('reminders.stopHint')}`,
    ]);
    const sent = connector.received.at(-1);
    assert.notEqual(
      sent?.replyToId,
      activity.id,
      'not a reply to the old activity (Web Chat shows it at once)',
    );
    assert.equal(sent?.suggestedActions?.actions[0]?.title, strings.text('reminders.openPlans'));
    assert.equal((await served.app.scheduler.tick()).sent, 0, 'never twice');
  });

  it('a reminder the channel refuses is kept and retried later', async () => {
    const refusing = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"BotNotInConversationRoster","message":"refused"}}');
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const address = refusing.address();
    assert.ok(address && typeof address === 'object');
    try {
      await served.app.scheduler.schedule({
        id: 'appointment-p2-reminder',
        userKey: 'test/users/user-1/',
        dueAt: new Date(now),
        timezone: 'America/Chicago',
        reference: referenceTo('remind-2', `http://127.0.0.1:${address.port}`, 'a-1'),
        payload: { ...payload, planId: 'p2' },
      });
      const result = await served.app.scheduler.tick();
      assert.equal(result.retried, 1);
      const item = await served.app.scheduler.get('appointment-p2-reminder');
      assert.ok(item?.status === 'pending' && item.attempts === 1 && item.nextAttemptAt);
    } finally {
      refusing.close();
    }
  });
});
