import assert from 'node:assert/strict';
import { CommandRecognizer } from '../../src/language/commands.js';
import { isFeatureIntent, thresholds } from '../../src/language/routing.js';
import { shippedRecognizer } from '../language/intents/recognizers.js';
import { testContent } from '../support/content.js';
import { manifestCommandLists } from '../support/teams.js';

/**
 * Pressing a command in Teams' command menu sends its title as the message. Each title must be
 * understood as the feature it names, the way the bot reads a message: a global command first,
 * else a feature intent sure enough to start it at once.
 */
async function understoodAs(title: string): Promise<string | undefined> {
  const command = new CommandRecognizer(testContent().strings).recognize(title);
  if (command) return command;
  const { intent, score } = await shippedRecognizer().recognizeText(title, { timezone: 'America/Chicago' });
  return isFeatureIntent(intent) && score >= thresholds.route ? intent : undefined;
}

describe("the Teams manifest's commands", () => {
  it('each personal-chat title is understood, and together they reach every main feature once', async () => {
    const personal = (await manifestCommandLists()).filter((list) => list.scopes.includes('personal'));
    assert.equal(personal.length, 1);
    for (const list of personal) {
      const reached: string[] = [];
      for (const { title } of list.commands) {
        const feature = await understoodAs(title);
        assert.ok(feature, `"${title}" is not understood as a feature or command`);
        reached.push(feature);
      }
      assert.deepEqual(reached.sort(), [
        'accommodation',
        'appointment',
        'handoff',
        'help',
        'mySafetyPlan',
        'peerGroup',
        'practice',
        'showData',
      ]);
    }
  });
});
