import assert from 'node:assert/strict';
import { dialogWalk } from '../../bench/conversations.js';
import { testContent } from '../support/content.js';
import { exchangeAll, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

/**
 * `npm run bench` measures Wayfinder walking real dialogs with bench/conversations.ts's script.
 * If the dialogs change under it, the script would measure reprompts instead: this keeps it true.
 */
describe('the benchmark conversation walks real dialogs', () => {
  const served = useTestApp();

  it('completes an appointment plan, back at the menu, and a group search, with no failed turn', async () => {
    const { strings } = testContent();
    const turns: string[][] = [];
    for (const text of dialogWalk) {
      const replies = await exchangeAll(
        served.url,
        testActivity('bench-walk', { text, localTimezone: 'America/Chicago' }),
      );
      assert.ok(!replies.some((a) => a.name === 'OnTurnError Trace'), `turn "${text}" failed`);
      turns.push(replies.filter((a) => a.type === 'message').map((a) => a.text ?? ''));
    }
    const answerTo = (line: string) => turns[dialogWalk.indexOf(line)] ?? [];
    assert.ok(answerTo('None of these').includes(strings.text('appointment.review')), 'the plan was shown');
    assert.ok(answerTo('Save it').includes(strings.text('appointment.saved')), 'the plan was saved');
    assert.ok(
      answerTo('menu').some((text) => text.startsWith(strings.text('menu.promptAgain'))),
      'back at the menu',
    );
    assert.ok((turns.at(-2) ?? []).length >= 2, 'the group search showed its results and what next');
    const menu = (turns.at(-1) ?? []).some((text) => text.includes(strings.text('menu.promptAgain')));
    assert.ok(menu, 'done with the search: back at the menu');
  });
});
