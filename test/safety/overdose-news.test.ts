import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { SafetyReplies } from '../../dialogs/safety-replies.js';
import { testContent } from '../support/content.js';
import { directLineJoin, directLineSay, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings, spanish, crisisResources } = testContent();
const replies = new SafetyReplies(strings, spanish, crisisResources);
const disclosure = strings.text('firstMessage.disclosure');
const textOf = (activities: readonly Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');

const steps = strings.text('safety.stepOverdose');
const helpCame = strings.text('safety.helpCame');
const naloxoneNow = strings.text('safety.naloxoneNow');
const helpComing = strings.text('safety.helpComing');
const responding = strings.text('safety.overdoseResponding');

// The seventh people run (Ray): mid-overdose, the reply follows what the person says happened.
describe('mid-overdose, the reply follows what happened (Ray, people run 7)', () => {
  describe('what each message is (SafetyReplies)', () => {
    it('help called or on the way is not help there; arrival is', () => {
      const coming = [
        'ok i sprayed it in his nose. called 911 theyre coming. hes breathing kinda slow',
        'no theyre not here yet!! its been like 3 min he still wont wake up right',
        'ambulance is on the way, hes breathing',
        'ya vienen en camino, ya respira',
      ];
      assert.deepEqual(
        coming.filter((text) => replies.isHelpCame(text)),
        [],
      );
      assert.deepEqual(
        coming.filter((text) => !replies.isHelpComing(text)),
        [],
      );
      for (const text of ['ems is here', 'they just got here', 'ok they took him', 'paramedics arrived'])
        assert.ok(replies.isHelpCame(text), text);
    });

    it('a sign of response, with no word of danger', () => {
      for (const text of [
        'gave the second one. hes kinda moaning now',
        'shes waking up',
        'he opened his eyes',
      ])
        assert.ok(replies.isResponding(text), text);
      for (const text of [
        'hes moaning but still not breathing right',
        'he is not moving',
        'is moaning good?',
      ])
        assert.ok(!replies.isResponding(text), text);
    });

    it('asked whether to give naloxone, not told it was given', () => {
      for (const text of [
        'i have narcan. do i spray it now??',
        'should i give him narcan',
        'can i use the narcan?',
      ])
        assert.ok(replies.isNaloxoneQuestion(text), text);
      for (const text of ['ok i sprayed it in his nose', 'gave narcan', 'ok calling. gave narcan'])
        assert.ok(!replies.isNaloxoneQuestion(text), text);
    });
  });

  describe('over HTTP', function () {
    this.timeout(60_000);
    const served = useTestApp();
    let sequence = 0;

    /** A conversation that has had the overdose steps, opened by a conversationUpdate or not. */
    async function afterSteps(started: boolean): Promise<(text: string) => Promise<string>> {
      sequence += 1;
      const conversation = `overdose-news-${sequence}`;
      const user = `overdose-news-user-${sequence}`;
      if (started) await exchange(served.url, directLineJoin(conversation, user));
      const first = 'my friend used more than usual, hes really sleepy and his lips look kinda blue';
      const got = textOf(await exchange(served.url, directLineSay(conversation, user, first)));
      assert.ok(got.includes(steps), got);
      return async (text: string) =>
        textOf(await exchange(served.url, directLineSay(conversation, user, text)));
    }

    for (const started of [true, false]) {
      const how = started ? 'after the welcome' : 'in a conversation that begins with the overdose';
      describe(how, () => {
        it("Ray's conversation: yes first, help coming is not help there, a response is watched, no block again", async () => {
          const next = await afterSteps(started);

          const ask = await next('i have narcan. do i spray it now??');
          assert.ok(ask.startsWith(naloxoneNow), ask);
          assert.ok(!ask.includes(steps), ask);
          // The automated-coach line never comes before the emergency answer.
          assert.ok(!ask.includes(disclosure) || ask.indexOf(disclosure) > ask.indexOf(naloxoneNow), ask);

          const coming = await next(
            'ok i sprayed it in his nose. called 911 theyre coming. hes breathing kinda slow',
          );
          assert.ok(coming.startsWith(helpComing), coming);
          assert.ok(!coming.includes(helpCame), coming);
          assert.match(coming, /2-3 minutes/);
          assert.match(coming, /dispatcher/);

          const notYet = await next(
            'no theyre not here yet!! its been like 3 min he still wont wake up right',
          );
          assert.ok(notYet.includes('Give another dose'), notYet);
          assert.ok(!notYet.includes(helpCame), notYet);

          const moaning = await next('gave the second one. hes kinda moaning now');
          assert.ok(moaning.startsWith(responding), moaning);
          assert.ok(!moaning.includes(steps), moaning);
          assert.match(moaning, /wear off/);

          const here = await next('ems is here');
          assert.ok(here.includes(helpCame), here);
        });
      });
    }
  });
});
