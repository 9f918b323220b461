import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { MemoryAppStorage } from '../../../src/storage/memory-storage.js';
import { testContent } from '../../support/content.js';
import { exchangeAll, testActivity } from '../../support/http.js';
import { useTestApp } from '../../support/test-app.js';

const { strings, spanish } = testContent();
const say = (conversation: string, text: string) => testActivity(conversation, { text });
const textOf = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');
const levelOf = (replies: Partial<Activity>[]) =>
  replies.find((a) => a.type === 'trace' && a.name === 'SafetyCheck')?.value;

/**
 * What the new classifier changes for a person, over the started server with the shipped gate:
 * veiled danger gets the gentle question, an overdose gets the overdose steps at once, Spanish
 * crisis language gets the Spanish reply, and a conversation that starts with any of them works.
 */
describe('safety gate over HTTP: veiled danger, overdose, Spanish', () => {
  const served = useTestApp({ overrides: () => ({ storage: new MemoryAppStorage() }), per: 'test' });

  it('asks gently first about a message that never says die or kill', async () => {
    const replies = await exchangeAll(
      served.url,
      say('veiled-1', "I gave my dog to my sister, he'll be better off"),
    );
    assert.deepEqual(levelOf(replies), { level: 'danger' });
    const text = textOf(replies);
    assert.ok(
      strings.variants('safety.confirm').some((variant) => text.includes(variant)),
      text,
    );
    assert.ok(!text.includes(strings.text('safety.stepOverdose')));
  });

  it('gives the overdose steps at once, without asking, when the person has naloxone and asks what to do', async () => {
    const replies = await exchangeAll(
      served.url,
      say('od-naloxone-1', "my roommate is snoring weird and won't wake up, i have narcan what do i do"),
    );
    const text = textOf(replies);
    assert.ok(text.includes(strings.text('safety.stepOverdose')), text);
    assert.ok(!strings.variants('safety.confirm').some((variant) => text.includes(variant)));
  });

  it('gives the overdose steps to someone who used more than usual after a break', async () => {
    const replies = await exchangeAll(
      served.url,
      say('od-self-1', 'been clean 4 months, used tonight more than usual and i can barely stay awake'),
    );
    assert.ok(textOf(replies).includes(strings.text('safety.stepOverdose')));
  });

  it('answers Spanish crisis language in Spanish, with the Spanish overdose steps for an overdose', async () => {
    const cases = [
      ['es-1', 'me quiero matar', spanish.text('safety.dangerIntro')],
      ['es-2', 'mi hermano no respira', spanish.text('safety.stepOverdose')],
    ] as const;
    for (const [conversation, text, expected] of cases) {
      const replies = await exchangeAll(served.url, say(conversation, text));
      assert.deepEqual(levelOf(replies), { level: 'danger' }, text);
      const reply = textOf(replies);
      assert.ok(reply.includes(expected), text);
      assert.ok(!reply.includes(strings.text('safety.dangerIntro')), text);
    }
  });

  it('leaves everyday stress and a recovery story at none', async () => {
    for (const text of [
      'so tired all the time',
      'I overdosed back in 2016 and today I coach a softball team',
    ]) {
      const replies = await exchangeAll(served.url, say(`none-${text.length}`, text));
      assert.deepEqual(levelOf(replies), { level: 'none' }, text);
    }
  });
});
