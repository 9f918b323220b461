import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { testContent } from '../support/content.js';
import { afterDisclosure, exchange, exchangeAll, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const say = (conversation: string, text: string, extra: Partial<Activity> = {}) =>
  testActivity(conversation, { text, ...extra });

describe('free text through the whole bot', () => {
  const served = useTestApp();

  it('sends an IntentRecognizer trace with intent, score and entities (datetime in the person’s zone)', async () => {
    const replies = await exchangeAll(
      served.url,
      say('trace-1', 'I see my psychiatrist next Tuesday at 3pm', { localTimezone: 'America/Chicago' }),
    );
    const trace = replies.find((a) => a.type === 'trace' && a.name === 'IntentRecognizer');
    const value = trace?.value as {
      intent: string;
      score: number;
      entities: { appointmentType: { value: string }[]; datetime: { timezone: string }[] };
    };
    assert.equal(value.intent, 'appointment');
    assert.ok(value.score >= 0.7);
    assert.equal(value.entities.appointmentType[0]?.value, 'prescriber');
    assert.equal(value.entities.datetime[0]?.timezone, 'America/Chicago');
  });

  it('routes a clear request from the menu, prefilled with what was said', async () => {
    await exchange(served.url, say('route-1', 'hello'));
    const replies = await exchange(served.url, say('route-1', 'can you help me find an NA meeting'));
    assert.equal(replies[0]?.text, strings.text('peerGroups.intro'));
    assert.ok(
      replies.some((a) => a.text?.includes('12-step')),
      'the kind of group said is not asked again',
    );
  });

  it('a role-play request starts practice mode', async () => {
    await exchange(served.url, say('route-2', 'hello'));
    const replies = await exchange(
      served.url,
      say('route-2', 'can we role play me asking my boss for time off'),
    );
    assert.ok(replies[0]?.text?.startsWith(strings.text('practice.intro').slice(0, 30)), replies[0]?.text);
  });

  // Group D: no character may answer a dosing question (one said "you'll be fine"), so the coach
  // steps out to decline it, without the menu's plan button, and the scene goes on.
  it('in a role-play, a question about medication is declined by the coach, then the scene goes on', async () => {
    await exchange(served.url, say('practice-1', 'hello'));
    await exchange(served.url, say('practice-1', 'I want to practice talking to my prescriber'));
    // Named in words, the counterpart comes with the questions what and why; "skip" leaves them out.
    await exchange(served.url, say('practice-1', 'skip'));
    await exchange(served.url, say('practice-1', 'skip'));
    await exchange(served.url, say('practice-1', 'Feedback at the end'));
    const replies = await exchange(
      served.url,
      say('practice-1', 'Can I stay on my buprenorphine dose? It keeps me stable.'),
    );
    assert.ok(replies[0]?.text?.startsWith(strings.text('practice.stepOut')), replies[0]?.text);
    assert.ok(replies[0]?.text?.includes(strings.text('advice.medicalQuestion')), replies[0]?.text);
    assert.equal(replies[1]?.text, strings.text('practice.backToScene'));
    assert.ok(replies[2]?.text?.startsWith('(role-play)'), replies[2]?.text);
    assert.equal(replies.length, 3);
    assert.ok(!replies.some((a) => a.text?.includes(strings.text('advice.writeItDown'))));
  });

  it('a clear change of topic mid-dialog leaves it for the new topic', async () => {
    await exchange(served.url, say('switch-1', 'hello'));
    await exchange(served.url, say('switch-1', 'Choose a nickname'));
    const replies = await exchange(
      served.url,
      say('switch-1', 'actually, can you find me a support group instead?'),
    );
    assert.equal(replies[0]?.text, strings.text('peerGroups.intro'));
  });

  it('"are you a real person" in other words is answered from the recognizer', async () => {
    const replies = afterDisclosure(
      await exchange(served.url, say('about-1', 'wait is this an actual human typing to me')),
    );
    assert.ok(replies[0]?.text?.includes(strings.text('aboutBot.answer')));
  });

  it('a 30 KB message gets a kind reply quickly-shaped: the length notice, and nothing else runs', async () => {
    const replies = await exchangeAll(served.url, say('long-1', 'x '.repeat(15_000)));
    const texts = replies.filter((a) => a.type === 'message').map((a) => a.text);
    assert.deepEqual(texts, [
      strings.text('firstMessage.disclosure'),
      strings.text('errors.tooLong', { max: 1000 }),
    ]);
    assert.ok(!replies.some((a) => a.name === 'IntentRecognizer'), 'no recognizer saw it');
  });
});
