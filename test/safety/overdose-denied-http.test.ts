import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { SafetyReplies } from '../../dialogs/safety-replies.js';
import { testContent } from '../support/content.js';
import { directLineJoin, directLineSay, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings, spanish, crisisResources } = testContent();
const replies = new SafetyReplies(strings, spanish, crisisResources);
const textOf = (activities: readonly Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');

const steps = strings.text('safety.stepOverdose');
const denied = strings.text('safety.overdoseDenied');
const emergencyLines = [
  ...strings.variants('safety.overdoseShort'),
  ...strings.variants('safety.askDispatcher'),
];

// The tenth people run: Dee ("WHAT. no one overdosed. i was practicing...") and Ray ("no its not
// happening now lol i mean next time. where do i get narcan") got the emergency again after saying
// no overdose was happening.
describe('after the overdose steps, the person says none is happening', () => {
  it('a clear denial is one (SafetyReplies.isOverdoseDenied); a sign said with it is not', () => {
    const denials = [
      'WHAT. no one overdosed. i was practicing what to say to my doctor. go back',
      "nobody od'd",
      "it's not happening now",
      'no its not happening now lol i mean next time. where do i get narcan',
      'no está pasando ahora',
    ];
    const not = [
      "not happening now? he's still not breathing",
      'it is not happening now but she stopped breathing',
      // Sleep and color are overdose signs too: a denial beside them is not believed.
      "nobody overdosed, he's just sleeping",
      'not an overdose, she just passed out and looks kind of blue',
      'he overdosed',
      'what do i do',
    ];
    assert.deepEqual(
      denials.filter((text) => !replies.isOverdoseDenied(text)),
      [],
    );
    assert.deepEqual(
      not.filter((text) => replies.isOverdoseDenied(text)),
      [],
    );
  });

  describe('over HTTP', function () {
    this.timeout(60_000);
    const served = useTestApp();
    let sequence = 0;

    async function afterSteps(started: boolean, first: string) {
      sequence += 1;
      const conversation = `overdose-denied-${sequence}`;
      const user = `overdose-denied-user-${sequence}`;
      if (started) await exchange(served.url, directLineJoin(conversation, user));
      const opened = await exchange(served.url, directLineSay(conversation, user, first));
      assert.ok(textOf(opened).includes(steps), `the steps first: ${textOf(opened)}`);
      return (text: string) => exchange(served.url, directLineSay(conversation, user, text));
    }

    for (const started of [true, false]) {
      const how = started ? 'after the welcome' : 'without a conversationUpdate';
      it(`Dee, ${how}: "no one overdosed... go back" is believed, and back, not the steps`, async () => {
        const next = await afterSteps(started, "he's not breathing and his lips are blue");
        const text = textOf(
          await next('WHAT. no one overdosed. i was practicing what to say to my doctor. go back'),
        );
        assert.ok(text.includes(denied), text);
        assert.ok(text.includes(strings.text('safety.backAgain')), text);
        assert.ok(!text.includes(steps), text);
        assert.ok(!emergencyLines.some((line) => text.includes(line)), text);
      });

      it(`Ray, ${how}: "not happening now... where do i get narcan" gets the naloxone answer, not the dispatcher`, async () => {
        const next = await afterSteps(started, 'if it happens again what do i do');
        const text = textOf(
          await next('no its not happening now lol i mean next time. where do i get narcan'),
        );
        assert.ok(text.includes(denied), text);
        assert.ok(text.includes(strings.text('asides.naloxoneAnswer')), text);
        assert.ok(!emergencyLines.some((line) => text.includes(line)), text);
      });

      it(`${how}: a denial with a sign in it keeps the emergency`, async () => {
        const next = await afterSteps(started, "he's not breathing and his lips are blue");
        const text = textOf(await next("it's not happening now but she stopped breathing"));
        assert.ok(!text.includes(denied), text);
        assert.ok(text.includes('911'), text);
      });
    }
  });
});
