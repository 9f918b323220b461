import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { SafetyReplies } from '../../dialogs/safety-replies.js';
import type { SectionKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { directLineJoin, directLineSay, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings, spanish, crisisResources } = testContent();
const replies = new SafetyReplies(strings, spanish, crisisResources);
const textOf = (activities: readonly Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');
const steps = strings.text('safety.stepOverdose');
const stepsEs = spanish.text('safety.stepOverdose');
const helpCame = strings.text('safety.helpCame');

// What Ray might type mid-overdose, once the steps were given (issue 16, people run 7): each is
// answered in one line that keeps 911 and staying with them; nothing the sources do not say.
const answered: readonly (readonly [typed: string, reply: SectionKey<'safety'>])[] = [
  ['i cant find the narcan', 'safety.noNaloxone'],
  ['we dont have any narcan', 'safety.noNaloxone'],
  ['hes breathing weird', 'safety.breathingSigns'],
  ['hes making weird noises like snoring', 'safety.breathingSigns'],
  ['he still wont wake up', 'safety.noResponse'],
  ['my phone is at 2%', 'safety.phoneLow'],
  ['i dont know his address', 'safety.noAddress'],
  // The fear for their life (people run 10): an honest "I can't know", then what gives them the best chance.
  ['is he gonna die', 'safety.survival'],
  ['will she be ok?', 'safety.survival'],
  ['is my friend going to make it', 'safety.survival'],
  // A sign said with the fear gets its step; a phone "gonna die" is the phone.
  ['he still wont wake up is he gonna die', 'safety.noResponse'],
  ['my phone is gonna die', 'safety.phoneLow'],
];
// Not in the sources: the 911 dispatcher, not a guess.
const forTheDispatcher = [
  'should i give him water',
  'can i put him in the shower',
  'should i slap him or something',
];
const asked = ['what do i do', 'steps again', 'what was it again', 'help', 'qué hago'];

describe('mid-overdose, after the steps: one line, the steps only when asked for (Ray, issue 16)', () => {
  describe('what each message is (SafetyReplies)', () => {
    it('a line that answers what was said', () => {
      assert.deepEqual(
        answered.filter(([typed, reply]) => replies.overdoseAnswer(typed) !== reply),
        [],
      );
      for (const typed of ['ok', 'should i give him water', 'ems is here'])
        assert.equal(replies.overdoseAnswer(typed), undefined, typed);
    });

    it('"hes breathing weird" is a sign of the overdose, not help come', () => {
      for (const typed of ['hes breathing weird', 'he is breathing really slow', 'shes barely breathing'])
        assert.ok(!replies.isHelpCame(typed), typed);
      assert.ok(replies.isHelpCame("he's breathing now, ems is here"));
    });

    it('a question nothing answers goes to the 911 dispatcher; anything else gets the essentials', () => {
      for (const typed of forTheDispatcher)
        assert.ok(replies.overdoseLine('en', typed, 0).includes('911 dispatcher'), typed);
      assert.equal(replies.overdoseLine('en', 'ok', 0), strings.text('safety.overdoseShort', {}, 0));
      assert.equal(replies.overdoseLine('es', 'ok', 1), spanish.text('safety.overdoseShort', {}, 1));
    });

    it('the steps asked for, in English and Spanish', () => {
      assert.deepEqual(
        asked.filter((typed) => typed !== 'help' && !replies.isStepsAsked(typed)),
        [],
      );
      for (const typed of ['ok', 'hes breathing weird', 'i cant find the narcan'])
        assert.ok(!replies.isStepsAsked(typed), typed);
    });

    it('every line keeps 911 and staying with them, in English and Spanish', () => {
      const keys: SectionKey<'safety'>[] = [
        'safety.overdoseShort',
        'safety.askDispatcher',
        ...answered.map(([, key]) => key),
      ];
      for (const key of keys) {
        for (const [variant, text] of strings.variants(key).entries()) {
          assert.match(text, /911/, `${key} ${variant}`);
          assert.match(text, /stay with them/i, `${key} ${variant}`);
          assert.match(spanish.text(key, {}, variant), /911/, `${key} ${variant} (es)`);
          assert.match(spanish.text(key, {}, variant), /quédate con esa persona/i, `${key} ${variant} (es)`);
        }
      }
    });
  });

  describe('over HTTP', function () {
    this.timeout(60_000);
    const served = useTestApp();
    let sequence = 0;

    /** A conversation that has had the overdose steps, opened by a conversationUpdate or not. */
    async function afterSteps(started: boolean, first: string, expected = steps) {
      sequence += 1;
      const conversation = `overdose-one-line-${sequence}`;
      const user = `overdose-one-line-user-${sequence}`;
      if (started) await exchange(served.url, directLineJoin(conversation, user));
      const got = textOf(await exchange(served.url, directLineSay(conversation, user, first)));
      assert.ok(got.includes(expected), got);
      return async (text: string) =>
        textOf(await exchange(served.url, directLineSay(conversation, user, text)));
    }

    for (const started of [true, false]) {
      const how = started ? 'after the welcome' : 'in a conversation that begins with the overdose';
      describe(how, () => {
        it("Ray's words: each answered in one line, never the steps a second or third time unasked", async () => {
          const next = await afterSteps(
            started,
            'my friend used more than usual, hes really sleepy and his lips look kinda blue',
          );
          const ok = await next('ok');
          assert.ok(ok.includes(strings.text('safety.overdoseShort', {}, 0)), ok);
          assert.ok(!ok.includes(steps), ok);
          for (const [typed, reply] of answered) {
            const got = await next(typed);
            assert.ok(got.includes(strings.text(reply)), `${typed}: ${got}`);
            assert.ok(!got.includes(steps), `${typed}: ${got}`);
            assert.ok(!got.includes(helpCame), `${typed}: ${got}`);
          }
          for (const typed of forTheDispatcher) {
            const got = await next(typed);
            assert.match(got, /911 dispatcher/, `${typed}: ${got}`);
            assert.ok(!got.includes(steps), `${typed}: ${got}`);
          }
          const stepsAgain = await next('what was it again');
          assert.ok(stepsAgain.includes(steps), stepsAgain);
          assert.ok(!(await next('ok')).includes(steps));
        });

        it('"help" and "steps again" bring the steps back; "ems is here" still ends the emergency', async () => {
          const next = await afterSteps(started, 'my buddy took too much hes not breathing');
          assert.ok((await next('help')).includes(steps));
          assert.ok((await next('steps again')).includes(steps));
          assert.ok((await next('ems is here')).includes(helpCame));
        });

        it('in Spanish: one line in Spanish, the steps again when asked ("qué hago")', async () => {
          const next = await afterSteps(started, 'mi hermano no respira', stepsEs);
          const ok = await next('ok');
          assert.ok(ok.includes(spanish.text('safety.overdoseShort', {}, 0)), ok);
          assert.ok(!ok.includes(stepsEs), ok);
          const none = await next('no encuentro el narcan');
          assert.ok(none.includes(spanish.text('safety.noNaloxone')), none);
          const fear = await next('se va a morir?');
          assert.ok(fear.includes(spanish.text('safety.survival')), fear);
          const water = await next('le doy agua?');
          assert.match(water, /911/);
          assert.ok(!water.includes(stepsEs), water);
          assert.ok((await next('qué hago')).includes(stepsEs));
        });
      });
    }
  });
});
