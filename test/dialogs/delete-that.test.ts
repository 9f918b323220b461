import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { useRobustnessBot } from '../robustness/harness.js';
import { promptPaths } from '../robustness/prompt-paths.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';

const { strings } = testContent();
const says = (replies: readonly Partial<Activity>[], key: Parameters<typeof containsReply>[1]) =>
  replies.some((reply) => containsReply(strings, key, reply.text ?? ''));

/** People typed "delete that" meaning their last answer, and got "delete my data". */
describe('"delete that" means the last answer, not "delete my data"', function () {
  this.timeout(60_000);
  const robust = useRobustnessBot();

  // Questions with a question before them ("back" goes there), and where "back" leads.
  const paths = promptPaths.filter((path) => path.back !== undefined);

  it('has questions to try', () => assert.ok(paths.length >= 5, `${paths.length}`));

  for (const typed of ['delete that', 'delete that answer', 'erase that', 'take that out']) {
    it(`"${typed}" at every question with one before it goes back there, and never asks to erase data`, async () => {
      const wrong: string[] = [];
      for (const path of paths) {
        await robust.bot.specialistOnDuty(path.onDuty ? robust.connector.url : undefined);
        const conversation = robust.bot.conversation();
        for (const step of path.steps) await conversation.say(step);
        const replies = await conversation.say(typed);
        if (says(replies, 'data.confirmDelete')) wrong.push(`${path.prompt}: asked to erase data`);
        else if (path.back && !says(replies, path.back))
          wrong.push(`${path.prompt}: not back at ${path.back}`);
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('at the menu, "delete that" does not ask to erase data; "delete my data" still does', async () => {
    const conversation = robust.bot.conversation();
    await conversation.say('hi');
    assert.ok(!says(await conversation.say('delete that'), 'data.confirmDelete'));
    assert.ok(says(await conversation.say('delete my data'), 'data.confirmDelete'));
  });
});
