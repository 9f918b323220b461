import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { directLineJoin, directLineSay, exchange, exchangeAll } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const textOf = (replies: readonly Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');
const counterpart = 'Nurse practitioner Kim';
const roleLine = strings.text('practice.counterpartSays', { counterpart, line: '' }).replace(/""$/, '');

/**
 * A worry said to the counterpart in a role-play (practising telling a prescriber about cravings)
 * is scene content: one line acknowledges it and the scene goes on; danger still comes first.
 */
describe('concern said inside a role-play scene (HTTP)', () => {
  const served = useTestApp();
  let conversations = 0;

  for (const started of [true, false]) {
    const how = started ? 'after the welcome' : 'as the first message (no conversationUpdate)';
    describe(how, () => {
      async function inScene() {
        conversations += 1;
        const conversation = `role-play-concern-${conversations}`;
        const user = `role-play-user-${conversations}`;
        if (started) await exchange(served.url, directLineJoin(conversation, user));
        const say = (text: string) => exchangeAll(served.url, directLineSay(conversation, user, text));
        await say('can we practice a conversation');
        await say('the prescriber one');
        const opened = textOf(await say(strings.text('practiceChoices.atEnd')));
        assert.ok(opened.includes(roleLine), `the scene opens: ${opened}`);
        return say;
      }

      for (const line of [
        "I've been having cravings",
        'honestly ive been having really bad cravings lately and i need this medicine',
        "I'm scared I'll relapse if you stop my prescription",
      ]) {
        it(`"${line}" to the counterpart: one line, then the scene goes on`, async () => {
          const say = await inScene();
          const all = await say(line);
          const safety = all.find((a) => a.type === 'trace' && a.name === 'SafetyCheck');
          assert.deepEqual(safety?.value, { level: 'concern' }, 'the gate hears the concern');
          const replies = all.filter((a) => a.type !== 'trace');
          const kept = replies.filter((a) => a.text === strings.text('practice.concernKept'));
          assert.equal(kept.length, 1, textOf(replies));
          assert.equal(replies[0]?.text, strings.text('practice.concernKept'), 'the acknowledgement first');
          assert.ok(
            textOf(replies.slice(1)).includes(roleLine),
            `the counterpart answers: ${textOf(replies)}`,
          );
          for (const key of ['safety.concernIntro', 'safety.concernAsk', 'safety.stillHere'] as const) {
            assert.ok(!containsReply(strings, key, textOf(replies)), `no ${key}`);
          }
        });
      }

      it('danger said in the scene still gets the crisis reply first, not the scene', async () => {
        const say = await inScene();
        const replies = (await say('i want to kill myself')).filter((a) => a.type !== 'trace');
        assert.ok(textOf(replies).includes(strings.text('safety.callNow')), textOf(replies));
        assert.ok(!textOf(replies).includes(strings.text('practice.concernKept')));
        assert.ok(
          !textOf(replies).includes(roleLine),
          'no counterpart line before the crisis reply is answered',
        );
      });
    });
  }
});
