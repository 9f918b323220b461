import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { directLineJoin, directLineSay, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const textOf = (replies: readonly Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');
const steps = strings.text('safety.stepOverdose');

/** A concern only the learned layer hears, as an answer to "Why does this matter to you?". */
const HEARD_ANSWER = 'nothing feels worth it lately';

// The eighth people run: the gate broke in on ordinary lines and lost what people typed.
describe('the safety gate keeps what people typed (people run 8, HTTP)', function () {
  this.timeout(60_000);
  const served = useTestApp();
  let conversations = 0;

  it('"im ok. my brother is coming over. keep going" is one only the learned layer flags (a case below needs one)', () => {
    const result = loadSafetyClassifier().classify('im ok. my brother is coming over. keep going');
    assert.deepEqual(result.signals, ['learned-danger']);
  });

  it('the answer the practice cases below need is a concern only the learned layer hears', () => {
    const result = loadSafetyClassifier().classify(HEARD_ANSWER);
    assert.deepEqual(
      { level: result.level, signals: result.signals },
      { level: 'concern', signals: ['learned-concern'] },
    );
  });

  for (const started of [true, false]) {
    const how = started ? 'after the welcome' : 'as the first message (no conversationUpdate)';
    describe(how, () => {
      function open(): (text: string) => Promise<string> {
        conversations += 1;
        const conversation = `people8-gate-${conversations}`;
        const user = `people8-gate-user-${conversations}`;
        const joined = started
          ? exchange(served.url, directLineJoin(conversation, user))
          : Promise.resolve([]);
        return async (text: string) => {
          await joined;
          return textOf(await exchange(served.url, directLineSay(conversation, user, text)));
        };
      }

      it("Ray's message for a peer, an overdose told as over, is met in one line and kept", async () => {
        const say = open();
        await say('connect me to a peer');
        assert.ok((await say('leave a message')).includes(strings.text('handoff.askAlias')));
        assert.ok((await say('ray')).includes(strings.text('handoff.askMessage')));
        const message =
          "my friend od'd last night, hes ok now. but i use too sometimes and i want to stop before its me. looking for NA meetings";
        const kept = await say(message);
        assert.ok(!kept.includes(steps), kept);
        assert.ok(kept.startsWith(strings.text('handoff.concernKept')), kept);
        assert.ok(kept.includes(strings.text('handoff.askContact')), kept);
        const preview = await say('here');
        assert.ok(preview.includes(message), preview);
      });

      it('"he od\'d and hes not waking up" in the same message box is the emergency', async () => {
        const say = open();
        await say('connect me to a peer');
        await say('leave a message');
        await say('ray');
        const reply = await say("he od'd and hes not waking up");
        assert.ok(reply.includes(steps), reply);
      });

      it('"I want to feel like myself again" as the reason to taper is the reason, no concern reply', async () => {
        const say = open();
        await say(
          "I'd like to practice a conversation with my prescriber. I want to ask about tapering off my medication.",
        );
        const reply = await say('I want to feel like myself again');
        assert.ok(!containsReply(strings, 'safety.concernIntro', reply), reply);
        assert.ok(
          reply.includes(
            strings.text('practice.sceneReason', { reason: 'I want to feel like myself again' }),
          ),
          reply,
        );
      });

      for (const no of [
        "No, I'm fine, that's just my reason. Can we keep going with the practice?",
        'keep going',
        'skip',
        HEARD_ANSWER,
      ]) {
        it(`a concern reply at the reason, then "${no}": the reason is taken, not asked again`, async () => {
          const say = open();
          await say(
            "I'd like to practice a conversation with my prescriber. I want to ask about tapering off my medication.",
          );
          const concern = await say(HEARD_ANSWER);
          assert.ok(containsReply(strings, 'safety.concernIntro', concern), concern);
          const reply = await say(no);
          assert.ok(!reply.includes(strings.text('practice.askReason')), `not asked again: ${reply}`);
          assert.ok(reply.includes(strings.text('practice.sceneReason', { reason: HEARD_ANSWER })), reply);
        });
      }

      it('after an overdose, "can u find me like a group ... tonight scared me" is met once and the group search starts', async () => {
        const say = open();
        const first = await say(
          'my buddy used again tonight after like 6 months clean and hes really sleepy and his lips look kinda blue',
        );
        assert.ok(first.includes(steps), first);
        assert.ok((await say('ems is here')).includes(strings.text('safety.helpCame')));
        await say('they took him. im shaking lol. thank u');
        const reply = await say(
          'can u find me like a group or something. for me i mean. i use too sometimes and tonight scared the shit outta me',
        );
        assert.ok(reply.includes(strings.text('safety.aftermath')), reply);
        assert.ok(reply.includes(strings.text('peerGroups.intro')), reply);
      });

      it('"im ok. my brother is coming over. keep going" after a concern reply goes on, no second reply', async () => {
        const say = open();
        await say('make a safety plan');
        const concern = await say('honestly thinking nobody cares a lot today');
        assert.ok(containsReply(strings, 'safety.concernIntro', concern), concern);
        const reply = await say('im ok. my brother is coming over. keep going');
        assert.ok(reply.startsWith(strings.text('safety.backAgain')), reply);
        assert.ok(!containsReply(strings, 'safety.concernAgain', reply), reply);
      });

      it('two misses in a row offer a peer specialist, not a crisis line', async () => {
        const say = open();
        await say('menu');
        await say('asdfgh qwerty');
        const stuck = await say('zxcvb');
        assert.ok(stuck.includes(strings.text('fallback.stuck')), stuck);
        assert.ok(!stuck.includes('988'), stuck);
        assert.match(stuck, /talk to a person/);
      });
    });
  }
});
