import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { SafetyReplies } from '../../dialogs/safety-replies.js';
import { testContent } from '../support/content.js';
import { directLineJoin, directLineSay, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings, spanish, crisisResources } = testContent();
const replies = new SafetyReplies(strings, spanish, crisisResources);
// The one-time note that the bot is automated (a conversation with no welcome) comes first; then the reply.
const disclosure = strings.text('firstMessage.disclosure');
const textOf = (activities: readonly Partial<Activity>[]) =>
  activities
    .map((a) => a.text ?? '')
    .filter((text) => text !== disclosure)
    .join('\n');

const steps = strings.text('safety.stepOverdose');
const dangerAgain = strings.variants('safety.dangerAgain');
const saysAny = (text: string, lines: readonly string[]) => lines.some((line) => text.includes(line));

// The sixth people run (Ray, Dee): what people typed during an overdose and after it.
describe('during an overdose and after it: questions answered, the aftermath not a loop', () => {
  describe('what each follow-up is (SafetyReplies)', () => {
    it('a second dose asked about, not one already given', () => {
      const asks = [
        'should i do the second one',
        'its been like 2 min hes still not really waking up. should i do the second one',
        'do i give another dose?',
        'more narcan??',
      ];
      const told = ['ok did the second one. hes coughing now kinda moving', 'gave him the second dose'];
      assert.deepEqual(
        asks.filter((text) => !replies.isSecondDoseQuestion(text)),
        [],
      );
      assert.deepEqual(
        told.filter((text) => replies.isSecondDoseQuestion(text)),
        [],
      );
    });

    it('the fear of trouble for calling; using again said, not feared; why the check-in asked', () => {
      assert.ok(replies.isTroubleQuestion('will i get in trouble if i call? theres stuff here'));
      assert.ok(replies.isTroubleQuestion('im on parole, will they arrest me'));
      assert.ok(!replies.isTroubleQuestion('ok calling. gave him the narcan'));
      assert.ok(replies.isUsingAgain('is there like a group or something for me. i been using again too'));
      assert.ok(replies.isUsingAgain('i want a group for me. i relapsed too'));
      assert.ok(!replies.isUsingAgain("I'm so scared I'm going to start using again"));
      assert.ok(replies.isWhyAsked("No, I'm safe. I meant delete my data. What made you ask that?"));
      assert.ok(!replies.isWhyAsked("No, I'm safe."));
    });
  });

  describe('over HTTP', function () {
    this.timeout(60_000);
    const served = useTestApp();
    let sequence = 0;

    /** A conversation that has had the overdose steps, opened by a conversationUpdate or not. */
    async function afterSteps(
      started: boolean,
      first = "my friend used more than usual hes been clean for months. he's really sleepy and his lips look kinda blue",
    ): Promise<(text: string) => Promise<Partial<Activity>[]>> {
      sequence += 1;
      const conversation = `overdose-aftermath-${sequence}`;
      const user = `overdose-aftermath-user-${sequence}`;
      if (started) await exchange(served.url, directLineJoin(conversation, user));
      const got = await exchange(served.url, directLineSay(conversation, user, first));
      assert.ok(textOf(got).includes(steps), 'the steps first');
      return (text: string) => exchange(served.url, directLineSay(conversation, user, text));
    }

    for (const started of [true, false]) {
      const how = started ? 'after the welcome' : 'in a conversation that begins with the overdose';
      describe(how, () => {
        it('"paramedics just got here": help has come, the steps are not repeated', async () => {
          const next = await afterSteps(started);
          const text = textOf(await next('paramedics just got here'));
          assert.ok(text.includes(strings.text('safety.helpCame')), text);
          assert.ok(!text.includes(steps), text);
        });

        it('"should i do the second one": the answer first (2-3 minutes, the dispatcher, it can wear off), not the steps again', async () => {
          const next = await afterSteps(started);
          const text = textOf(
            await next('its been like 2 min hes still not really waking up. should i do the second one'),
          );
          assert.ok(text.startsWith(strings.text('safety.secondDose')), text);
          assert.match(text, /2-3 minutes/);
          assert.match(text, /dispatcher/);
          assert.match(text, /wear off/);
          assert.ok(!text.includes(steps), text);
          // Told, not asked: the emergency is still on, so the steps come again.
          const told = textOf(await next('ok did the second one. hes coughing now kinda moving'));
          assert.ok(!told.includes(strings.text('safety.secondDose')), told);
        });

        it('"will i get in trouble if i call? theres stuff here": call anyway; the law varies by state, no promise', async () => {
          const next = await afterSteps(
            started,
            'my buddy took too much he wont wake up his lips r blue. i got narcan',
          );
          const text = textOf(await next('will i get in trouble if i call? theres stuff here'));
          assert.ok(text.startsWith(strings.text('safety.goodSamaritan')), text);
          assert.match(text, /call 911 anyway/i);
          assert.match(text, /state/);
          assert.match(text, /can't promise/);
          assert.ok(!text.includes(steps), text);
        });

        it('Ray: shaken after the medics took his friend, then using again and asking for a group: heard once, then the group', async () => {
          const next = await afterSteps(started);
          await next('ems is here');
          const shaken = textOf(await next('they took him to the hospital. im kinda shaking ngl'));
          assert.ok(shaken.includes(strings.text('safety.aftermath')), shaken);
          assert.ok(!saysAny(shaken, dangerAgain), `no crisis lines again: ${shaken}`);
          const ok = textOf(
            await next('im ok im not gonna hurt myself. just freaked out. that couldve been me tbh'),
          );
          assert.ok(ok.includes(strings.text('safety.aftermathNoted')), ok);
          assert.ok(!saysAny(ok, dangerAgain), ok);
          const group = textOf(
            await next('is there like a group or something for me. i been using again too'),
          );
          assert.ok(group.includes(strings.text('safety.usingAgain')), group);
          assert.ok(group.includes(strings.text('peerGroups.intro')), `the group finder starts: ${group}`);
          assert.ok(!saysAny(group, dangerAgain), group);
        });

        it('Ray: "hes gone with them... i need to get my own sh*t together" after the ambulance: heard, no 911 again', async () => {
          const next = await afterSteps(
            started,
            'my buddy took too much he wont wake up his lips r blue. i got narcan',
          );
          await next('i said theyre here. the ambulance is here');
          const text = textOf(
            await next(
              'hes gone with them. hes gonna be ok they said. i need to get my own sh*t together honestly',
            ),
          );
          assert.ok(text.includes(strings.text('safety.aftermath')), text);
          assert.ok(!saysAny(text, dangerAgain), text);
        });

        it('after help came, danger in words a rule reads still gets the danger reply', async () => {
          const next = await afterSteps(started);
          await next('ems is here');
          const text = textOf(await next('honestly i want to kill myself'));
          assert.ok(saysAny(text, dangerAgain), text);
        });
      });
    }
  });
});
