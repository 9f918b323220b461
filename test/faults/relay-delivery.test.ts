import assert from 'node:assert/strict';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { exchange, postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();

describe('faults: a relay whose other side cannot be reached (HTTP, stand-in connector)', () => {
  /** Backoff waits park here until the test opens the gate. */
  let parked = 0;
  let openGate = () => {};
  let gate: Promise<void>;

  beforeEach(() => {
    gate = new Promise((resolve) => {
      openGate = resolve;
    });
    parked = 0;
  });
  // Registered before the app's hooks, so the gate opens before the app closes.
  afterEach(() => openGate());
  const connector = useConnector();
  const served = useTestApp({
    per: 'test',
    env: { SPECIALIST_IDS: 'peer-1' },
    overrides: () => ({
      sendRetry: {
        attempts: 3,
        attemptTimeoutMs: 200,
        sleep: async () => {
          parked += 1;
          await gate;
        },
      },
    }),
  });

  /** Posts one message whose replies go to the stand-in connector; resolves to the HTTP status. */
  function post(conversation: string, user: string, text: string): Promise<number> {
    const activity = testActivity(conversation, { text, serviceUrl: connector.url }, user);
    delete activity.deliveryMode;
    return postMessages(served.url, activity).then((response) => response.status);
  }

  it('retries for a bounded time while other conversations go on, then tells the member it did not go through', async () => {
    await post('spec-1', 'peer-1', 'on duty');
    const member = {
      channelId: 'test',
      serviceUrl: connector.url,
      conversation: { id: 'member-1', isGroup: false, conversationType: '', name: '' },
    };
    const { code } = await served.app.handoff.request({
      userKey: 'test/users/member-a/',
      alias: 'Sam',
      reference: member,
      topic: 't',
    });
    await post('spec-1', 'peer-1', `accept ${code}`);
    connector.newTexts('member-1');
    connector.newTexts('spec-1');

    const sendsBefore = connector.attempts('spec-1');
    connector.fail('spec-1', { kind: 'hang' });
    let memberDone = false;
    const memberTurn = post('member-1', 'member-a', 'are you there?').then((status) => {
      memberDone = true;
      return status;
    });
    while (parked === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const other = await exchange(served.url, testActivity('bystander', { text: 'hello' }, 'someone'));
    assert.ok(other.some((a) => a.text?.startsWith(strings.text('menu.prompt'))));
    assert.equal(memberDone, false, 'another conversation finished while the relay was retrying');

    openGate();
    assert.equal(await memberTurn, 200, 'the turn ends normally: no crash, no 500');
    assert.equal(connector.attempts('spec-1') - sendsBefore, 3, 'three attempts, then it stopped');
    // The member's first message in this conversation: the disclosure comes first.
    assert.deepEqual(connector.newTexts('member-1'), [
      strings.text('firstMessage.disclosure'),
      strings.text('handoff.notDelivered'),
    ]);
    assert.deepEqual(connector.newTexts('spec-1'), []);

    connector.fail('spec-1', { kind: 'hang' }, 0);
    assert.equal(await post('member-1', 'member-a', 'are you there?'), 200);
    assert.deepEqual(connector.newTexts('spec-1'), ['Sam: are you there?']);
    assert.deepEqual(connector.newTexts('member-1'), []);
  });
});
