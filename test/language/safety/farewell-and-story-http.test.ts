import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { MemoryAppStorage } from '../../../src/storage/memory-storage.js';
import { testContent } from '../../support/content.js';
import { directLineJoin, exchangeAll, testActivity } from '../../support/http.js';
import { useTestApp } from '../../support/test-app.js';

const { strings } = testContent();
const say = (conversation: string, text: string) =>
  testActivity(conversation, { text, channelId: 'directline' }, `${conversation}-user`);
const textOf = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');
const levelOf = (replies: Partial<Activity>[]) =>
  replies.find((a) => a.type === 'trace' && a.name === 'SafetyCheck')?.value;
const saysAny = (replies: Partial<Activity>[], key: Parameters<typeof strings.variants>[0]) =>
  strings.variants(key).some((variant) => textOf(replies).includes(variant));

/**
 * The fourth people run, over the started server: a plain goodbye at the end of a chat got "Sorry,
 * I didn't catch that" and 988 (a goodbye with finality still gets the check-in); a story of an
 * overdose told in the past, after the overdose steps, started the emergency over.
 */
describe('safety gate over HTTP: goodbyes, and an overdose told in the past', () => {
  const served = useTestApp({ overrides: () => ({ storage: new MemoryAppStorage() }), per: 'test' });

  const plain = ['Goodbye.', 'bye', 'goodnight', 'I am done for today. Goodbye.', 'ok. goodnight'];
  for (const joined of [true, false]) {
    it(`a plain goodbye gets a kind goodbye, not "didn't catch that" (${joined ? 'with' : 'without'} a conversationUpdate)`, async () => {
      for (const [index, text] of plain.entries()) {
        const conversation = `bye-${joined}-${index}`;
        if (joined) await exchangeAll(served.url, directLineJoin(conversation, `${conversation}-user`));
        await exchangeAll(served.url, say(conversation, 'hi'));
        const replies = await exchangeAll(served.url, say(conversation, text));
        assert.deepEqual(levelOf(replies), { level: 'none' }, text);
        assert.ok(saysAny(replies, 'smallTalk.goodbye'), `${text}: ${textOf(replies)}`);
        assert.ok(!saysAny(replies, 'fallback.notUnderstood'), text);
        assert.ok(!saysAny(replies, 'fallback.stuck'), text);
      }
    });
  }

  it('a goodbye with finality gets the gentle check-in, not the goodbye', async () => {
    for (const text of ['bye forever', 'this is goodbye', 'goodbye everyone']) {
      const conversation = `final-${text.length}`;
      await exchangeAll(served.url, say(conversation, 'hi'));
      const replies = await exchangeAll(served.url, say(conversation, text));
      assert.deepEqual(levelOf(replies), { level: 'danger' }, text);
      assert.ok(saysAny(replies, 'safety.confirm'), text);
      assert.ok(!saysAny(replies, 'smallTalk.goodbye'), text);
    }
  });

  it('after the overdose steps, an overdose told in the past does not start the emergency over', async () => {
    const first = await exchangeAll(served.url, say('od-story', 'my friend is blue and not breathing'));
    assert.ok(textOf(first).includes(strings.text('safety.stepOverdose')));
    const story = await exchangeAll(
      served.url,
      say('od-story', 'two years ago i overdosed too and my sister narcanned me'),
    );
    assert.deepEqual(levelOf(story), { level: 'none' });
    assert.ok(!textOf(story).includes(strings.text('safety.stepOverdose')), textOf(story));
    assert.ok(!saysAny(story, 'safety.overdoseAgain'), textOf(story));
    assert.ok(saysAny(story, 'safety.stillHere'), textOf(story));
  });

  it('after the overdose steps, "what do I do" still gets them again', async () => {
    await exchangeAll(served.url, say('od-again', 'my friend is blue and not breathing'));
    const again = await exchangeAll(served.url, say('od-again', 'what do i do'));
    assert.ok(saysAny(again, 'safety.overdoseAgain'), textOf(again));
  });
});
