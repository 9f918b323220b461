import assert from 'node:assert/strict';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { type StandInConnector, startConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
/** Words only the person's plan holds: none may reach a specialist. */
const PLAN_WORDS = ['heron-cobalt-4417', '312-555-0177', 'lantern-moss-9021'];

describe('safety plan privacy: a specialist never sees it (issue 20)', function () {
  this.timeout(60_000);
  let connector: StandInConnector;

  beforeEach(async () => {
    connector = await startConnector();
  });
  const served = useTestApp({ env: { SPECIALIST_IDS: 'peer-1', RATE_LIMIT_PER_MINUTE: '0' }, per: 'test' });
  afterEach(async () => {
    await connector.close();
  });

  async function say(conversation: string, user: string, text: string): Promise<string[]> {
    const activity = testActivity(conversation, {
      text,
      serviceUrl: connector.url,
      from: { id: user, name: user },
    });
    delete activity.deliveryMode;
    assert.equal((await postMessages(served.url, activity)).status, 200);
    return connector.newTexts(conversation);
  }

  it('the plan is not in what a specialist gets, even with the summary shared, from the crisis reply through the relay, where it opens for the person alone', async () => {
    await say('spec', 'peer-1', 'on duty');
    const member = (text: string) => say('member', 'member-p', text);
    for (const text of [
      'make a safety plan',
      strings.text('safetyPlan.makeYes'),
      `when ${PLAN_WORDS[0]} happens`,
      'next',
      'skip',
      'skip',
      `my brother ${PLAN_WORDS[1]}`,
      'next',
      'skip',
      'skip',
      PLAN_WORDS[2] ?? '',
      'next',
      'not now',
      'no',
    ]) {
      await member(text);
    }
    await member('i want to end my life');
    assert.ok(
      (await member(strings.text('safety.talkToPerson'))).some((t) =>
        t.includes(strings.text('handoff.askAlias')),
      ),
    );
    await member('Pat');
    const queued = (await member(strings.text('handoff.share'))).join('\n');
    const code = /code is ([A-Z0-9]{6})/.exec(queued)?.[1];
    assert.ok(code, queued);
    await say('spec', 'peer-1', 'accept');
    await member('hi, thanks');
    // Mid-chat: a crisis message gets the crisis reply, and its "My safety plan" button shows the
    // plan to the person alone.
    const crisis = await member('i want to die tonight');
    assert.ok(
      crisis.some((t) => t.startsWith(strings.text('safety.dangerIntro'))),
      JSON.stringify(crisis),
    );
    const shown = await member(strings.text('safety.myPlan'));
    assert.deepEqual(shown, [strings.text('safetyPlan.current')]);
    const card = JSON.stringify(connector.received.at(-1)?.attachments);
    for (const words of PLAN_WORDS)
      assert.ok(card.includes(words), `${words} is in the plan the person sees`);

    const toSpecialist = JSON.stringify(connector.received.filter((a) => a.conversation?.id === 'spec'));
    assert.ok(toSpecialist.includes('thanks'), 'the relay reached the specialist (else this proves nothing)');
    for (const words of PLAN_WORDS)
      assert.ok(!toSpecialist.includes(words), `${words} reached the specialist`);
    const stored = JSON.stringify(await new HandoffStore(served.app.storage).request(code));
    for (const words of PLAN_WORDS) assert.ok(!stored.includes(words), `${words} is in the handoff request`);
  });
});
