import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { SafetyReplies } from '../../dialogs/safety-replies.js';
import { testContent } from '../support/content.js';
import { directLineJoin, directLineSay, exchange, exchangeAll } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings, spanish, crisisResources } = testContent();
const replies = new SafetyReplies(strings, spanish, crisisResources);
const textOf = (activities: readonly Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');
const buttonsOf = (activities: readonly Partial<Activity>[]) =>
  activities.flatMap((a) => a.suggestedActions?.actions.map((action) => String(action.title)) ?? []);

const OVERDOSE = "he's not breathing and his lips are blue";
const steps = strings.text('safety.stepOverdose');
const helpCame = strings.text('safety.helpCame');

describe('after the overdose steps, help has come', () => {
  describe('what counts as help come (SafetyReplies.isHelpCame)', () => {
    const came = [
      'ems is here',
      "they gave her narcan, she's awake",
      'the ambulance came',
      'Paramedics are here!!',
      'ok theyre here',
      "he's breathing now, ems is here",
      'ya llegó la ambulancia',
    ];
    const notYet = [
      "they gave him narcan but he's still not breathing",
      'is the ambulance here?',
      "ems isn't here yet",
      "she's awake but barely breathing",
      'he woke up and now hes blue again',
      'what do i do',
      'idk',
      'la ambulancia todavía no llega',
    ];
    it(`help come: ${came.length} ways of saying it`, () => {
      assert.deepEqual(
        came.filter((text) => !replies.isHelpCame(text)),
        [],
      );
    });
    it(`danger not over, or unsure, is not help come: ${notYet.length} messages`, () => {
      assert.deepEqual(
        notYet.filter((text) => replies.isHelpCame(text)),
        [],
      );
    });
  });

  it('asking whether to call, or saying nobody has, is a call question (SafetyReplies.isCallQuestion)', () => {
    const asks = [
      'should i call',
      'i didnt call yet',
      'do we call 911 or wait',
      "haven't called anyone",
      '¿debo llamar?',
    ];
    const not = ['ems is here', 'what do i do', 'i called 911 already', 'he is breathing'];
    assert.deepEqual(
      asks.filter((text) => !replies.isCallQuestion(text)),
      [],
    );
    assert.deepEqual(
      not.filter((text) => replies.isCallQuestion(text)),
      [],
    );
  });

  describe('over HTTP', function () {
    this.timeout(60_000);
    const served = useTestApp();
    let sequence = 0;

    /** A conversation that has had the overdose steps, opened by a conversationUpdate or not. */
    async function afterSteps(started: boolean): Promise<(text: string) => Promise<Partial<Activity>[]>> {
      sequence += 1;
      const conversation = `overdose-follow-up-${sequence}`;
      const user = `overdose-user-${sequence}`;
      if (started) await exchange(served.url, directLineJoin(conversation, user));
      const first = await exchange(served.url, directLineSay(conversation, user, OVERDOSE));
      assert.ok(textOf(first).includes(steps), 'the steps first');
      return (text: string) => exchange(served.url, directLineSay(conversation, user, text));
    }

    for (const started of [true, false]) {
      const how = started ? 'after the welcome' : 'in a conversation that begins with the overdose';
      describe(how, () => {
        for (const typed of ['ems is here', "they gave her narcan, she's awake", 'the ambulance came']) {
          it(`"${typed}": acknowledged, stay with them or go with the medics, a person and the plan offered; no steps again`, async () => {
            const next = await afterSteps(started);
            const got = await next(typed);
            const text = textOf(got);
            assert.ok(text.includes(helpCame), text);
            assert.ok(text.includes(strings.text('safety.helpCameAfter')), text);
            assert.match(text, /stay with them/i);
            assert.match(text, /go with the medics/i);
            assert.ok(!text.includes(steps), 'the steps are not repeated');
            assert.ok(!text.includes(strings.text('safety.overdoseAgain', {}, 0)), 'nor their lead-in');
            const buttons = buttonsOf(got);
            assert.ok(buttons.includes(strings.text('safety.talkToPerson')), `a person: ${buttons}`);
            assert.ok(buttons.includes(strings.text('safety.myPlan')), `the plan: ${buttons}`);
          });
        }

        for (const typed of ['i didnt call yet hes on his side now. should i call', 'should i call 911??']) {
          it(`"${typed}": yes, call 911 now, first, then the steps`, async () => {
            const next = await afterSteps(started);
            const text = textOf(await next(typed));
            const yes = text.indexOf(strings.text('safety.callYes'));
            assert.ok(yes >= 0 && yes < text.indexOf(steps), text);
          });
        }

        for (const typed of [
          'no i mean the narcan. will he od again when it wears off',
          'hows my buddy gonna be ok after narcan wears off?',
        ]) {
          it(`"${typed}": answered (it can come back; 911 and the medics), not the steps again`, async () => {
            const next = await afterSteps(started);
            const text = textOf(await next(typed));
            assert.ok(text.includes(strings.text('safety.wearOff')), text);
            assert.ok(!text.includes(steps), text);
          });
        }

        it('danger again after help came gets the steps again', async () => {
          const next = await afterSteps(started);
          await next('ems is here');
          const again = await next('he stopped breathing again');
          assert.ok(textOf(again).includes(steps), textOf(again));
        });

        it('"...but he\'s still not breathing" is no help come: another dose, help them breathe, 911', async () => {
          const next = await afterSteps(started);
          const got = await next("they gave him narcan but he's still not breathing");
          assert.ok(textOf(got).includes(strings.text('safety.noResponse')), textOf(got));
          assert.ok(!textOf(got).includes(helpCame));
        });

        it('after help came, other words get a kind word, not the steps; the plan and a person still work', async () => {
          const next = await afterSteps(started);
          await next('the ambulance came');
          const idk = await next('idk');
          assert.ok(!textOf(idk).includes(steps), textOf(idk));
          assert.ok(!textOf(idk).includes(helpCame), 'not acknowledged twice');
          const person = await next(strings.text('safety.talkToPerson'));
          assert.ok(textOf(person).includes(strings.text('safety.talkToPersonAnswer')), textOf(person));
        });
      });
    }

    it('in Spanish: the Spanish steps, then help come acknowledged in Spanish', async () => {
      const next = await afterStepsInSpanish();
      const got = await next('ya llegó la ambulancia');
      assert.ok(textOf(got).includes(spanish.text('safety.helpCame')), textOf(got));
      assert.ok(!textOf(got).includes(spanish.text('safety.stepOverdose')));
    });

    async function afterStepsInSpanish() {
      sequence += 1;
      const conversation = `overdose-es-${sequence}`;
      const user = `overdose-es-user-${sequence}`;
      const first = await exchangeAll(served.url, directLineSay(conversation, user, 'mi hermano no respira'));
      assert.ok(textOf(first).includes(spanish.text('safety.stepOverdose')), textOf(first));
      return (text: string) => exchange(served.url, directLineSay(conversation, user, text));
    }
  });
});
