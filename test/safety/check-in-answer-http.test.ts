import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { directLineJoin, directLineSay, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const textOf = (replies: readonly Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');

/** An answer to "What kind of appointment is it?" that no rule flags and the learned layer calls danger. */
const FLAGGED_ANSWER = 'prescriber, I want to be done';
/** The same kind of answer, which the gate leaves alone. */
const PLAIN_ANSWER = 'prescriber';

/**
 * The check-in that interrupts an answer at a flow's question, then a clear "no": the answer is
 * applied to the question it answered, with or without a conversationUpdate first.
 */
describe('after a check-in interrupted an answer, a clear "no" applies that answer (HTTP)', () => {
  const served = useTestApp();
  let conversations = 0;

  it('the answer is one only the learned layer flags (the cases below need one)', () => {
    const result = loadSafetyClassifier().classify(FLAGGED_ANSWER);
    assert.deepEqual(
      { level: result.level, explicit: result.explicit, signals: result.signals },
      { level: 'danger', explicit: false, signals: ['learned-danger'] },
    );
  });

  for (const started of [true, false]) {
    const how = started ? 'after the welcome' : 'as the first message (no conversationUpdate)';
    describe(how, () => {
      async function atAppointmentType(): Promise<{ say: (text: string) => Promise<Partial<Activity>[]> }> {
        conversations += 1;
        const conversation = `check-in-answer-${conversations}`;
        const user = `check-in-user-${conversations}`;
        if (started) await exchange(served.url, directLineJoin(conversation, user));
        const say = (text: string) => exchange(served.url, directLineSay(conversation, user, text));
        const opened = await say('help me get ready for my appointment');
        assert.ok(textOf(opened).includes(strings.text('appointment.askType')), textOf(opened));
        return { say };
      }

      for (const no of ["no, I'm fine", 'nope', 'no im ok just nervous']) {
        it(`"${no}" to the check-in: the interrupted answer is taken, the next question comes`, async () => {
          const { say } = await atAppointmentType();
          const checked = await say(FLAGGED_ANSWER);
          assert.ok(checked[0]?.text?.startsWith(strings.text('safety.confirm')), textOf(checked));
          const replies = await say(no);
          assert.equal(replies[0]?.text, strings.text('safety.safeThanks'));
          const rest = textOf(replies.slice(1));
          assert.ok(!rest.includes(strings.text('appointment.askType')), `not asked again: ${rest}`);
          assert.ok(containsReply(strings, 'appointment.askWhen', rest), `the next question: ${rest}`);
        });
      }

      it('the same as a plain answer would have gone (the question after the type)', async () => {
        const { say } = await atAppointmentType();
        const plain = textOf(await say(PLAIN_ANSWER));
        assert.ok(containsReply(strings, 'appointment.askWhen', plain), plain);
      });

      // The fifth people run: a goodbye got the check-in, then saying it was only a goodbye got the
      // crisis reply. It is a clear no: thanks, 988 named, nothing of the crisis reply.
      for (const meant of [
        'No, I am quite safe, thank you. I was simply saying goodbye.',
        'i was just saying bye lol',
      ]) {
        it(`"${meant}" after a goodbye's check-in is a clear no`, async () => {
          const { say } = await atAppointmentType();
          const checked = await say('goodbye everyone');
          assert.ok(checked[0]?.text?.startsWith(strings.text('safety.confirm')), textOf(checked));
          const replies = await say(meant);
          assert.equal(replies[0]?.text, strings.text('safety.safeThanks'));
          assert.ok(!textOf(replies).includes(strings.text('safety.callNow')), textOf(replies));
        });
      }

      // The sixth people run (Chris): after a check-in at the menu, "no" with what was meant and a
      // question about the check-in. The erase is offered (its own confirm), and the reason is said.
      it('"No, I\'m safe. I meant delete my data. What made you ask that?": why it asked, then the erase', async () => {
        conversations += 1;
        const conversation = `check-in-answer-${conversations}`;
        const user = `check-in-user-${conversations}`;
        if (started) await exchange(served.url, directLineJoin(conversation, user));
        const say = (text: string) => exchange(served.url, directLineSay(conversation, user, text));
        const checked = await say("i won't be around much longer");
        assert.ok(textOf(checked).includes(strings.text('safety.confirm')), textOf(checked));
        const answered = await say("No, I'm safe. I meant delete my data. What made you ask that?");
        // A conversation with no welcome hears once, first, that the bot is automated.
        const replies = textOf(answered.filter((a) => a.text !== strings.text('firstMessage.disclosure')));
        assert.ok(replies.startsWith(strings.text('safety.safeThanks')), replies);
        assert.ok(replies.includes(strings.text('safety.whyAsked')), replies);
        assert.ok(containsReply(strings, 'data.confirmDelete', replies), replies);
        assert.ok(!replies.includes(strings.text('safety.callNow')), replies);
      });

      it('"yes" to the check-in gets the crisis reply; the answer is not taken', async () => {
        const { say } = await atAppointmentType();
        await say(FLAGGED_ANSWER);
        const replies = textOf(await say('yes'));
        assert.ok(replies.includes(strings.text('safety.callNow')), replies);
        assert.ok(!containsReply(strings, 'appointment.askWhen', replies), replies);
      });
    });
  }

  it('a hint a rule heard is not an answer: after "no" the question is asked again', async () => {
    conversations += 1;
    const conversation = `check-in-answer-${conversations}`;
    const user = `check-in-user-${conversations}`;
    const say = (text: string) => exchange(served.url, directLineSay(conversation, user, text));
    await say('help me get ready for my appointment');
    await say('everyone would be better off without me');
    const replies = await say('no, I am safe');
    assert.equal(replies[0]?.text, strings.text('safety.safeThanks'));
    assert.ok(textOf(replies.slice(1)).includes(strings.text('appointment.askType')), textOf(replies));
  });
});
