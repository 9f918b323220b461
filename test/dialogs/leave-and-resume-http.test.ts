import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
/** Thursday 8 May 2025, 10 AM in Chicago: dates said in these conversations count from it. */
const clock = () => new Date('2025-05-08T15:00:00Z');

describe('a conversation left for another keeps its answers and resumes where it was (HTTP, no conversationUpdate)', () => {
  // Nothing here is scheduled: no reminder is accepted, so the scheduler may run.
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
  });

  let conversation = 0;
  /** A person of their own, saying `text` as Web Chat would; returns what they see. */
  const personSays = () => {
    conversation += 1;
    const id = `resume-${conversation}`;
    return async (text: string): Promise<string> => {
      const activity = testActivity(id, { text, localTimezone: 'America/Chicago' });
      const replies: Partial<Activity>[] = await exchange(served.url, activity);
      return replies.map((reply) => reply.text ?? '').join('\n\n');
    };
  };
  const shows = (seen: string, key: StringKey, vars: StringVars = {}) =>
    assert.match(seen, templatePattern(strings.text(key, vars)), `${key} in ${JSON.stringify(seen)}`);
  const lacks = (seen: string, key: StringKey) =>
    assert.doesNotMatch(seen, templatePattern(strings.text(key)), `${key} in ${JSON.stringify(seen)}`);

  it('appointment plan -> a group -> back at the goal question, the kind and date kept in the saved plan', async () => {
    const say = personSays();
    shows(await say('I see my counselor on May 20 at 3pm'), 'appointment.askGoal');
    shows(await say('actually can you help me find a support group'), 'peerGroups.askFocus');
    await say('Alcohol');
    await say('No preference');
    await say('Online');
    await say('Any time');
    shows(await say('skip'), 'peerGroups.nextPrompt');
    const feature = strings.text('features.appointment');
    const back = await say("I'm done");
    shows(back, 'routing.resume', { feature });
    shows(back, 'appointment.askGoal');
    const goal = await say('a refill');
    shows(goal, 'appointment.askQuestions');
    lacks(goal, 'appointment.askType');
    for (const answer of ['done', "That's all", 'nothing else', 'no', 'Nothing']) await say(answer);
    // A reminder is offered only for a plan with a date to come: the one said in the first message.
    shows(await say('done'), 'appointment.askReview');
    const saved = await say('Save it');
    shows(saved, 'appointment.saved');
    shows(saved, 'appointment.askReminder');
  });

  it('"menu" in the other conversation does not bring the plan back: the person chose the menu', async () => {
    const say = personSays();
    shows(await say('I see my counselor on May 20 at 3pm'), 'appointment.askGoal');
    shows(await say('actually can you help me find a support group'), 'peerGroups.askFocus');
    const menu = await say('menu');
    shows(menu, 'menu.promptAgain');
    lacks(menu, 'routing.resume');
  });
});
