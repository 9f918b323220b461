import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
/** Monday December 7 2026, 10 AM in New York: the day of the report in the issue. */
const now = new Date('2026-12-07T15:00:00Z');

describe('dates through the whole bot, over HTTP (a person in New York, no conversationUpdate)', () => {
  const clock = () => now;
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
    manualScheduler: true,
  });

  /** Says `text` as Web Chat would (with the person's zone) and returns what they see. */
  const say = async (text: string, conversation = 'dates-1', user = 'user-1'): Promise<string> => {
    const activity = testActivity(
      conversation,
      {
        text,
        localTimezone: 'America/New_York',
        // Where a reminder would be sent later; never reached here (the scheduler is stopped).
        serviceUrl: 'https://connector.invalid',
      },
      user,
    );
    const replies: Partial<Activity>[] = await exchange(served.url, activity);
    return replies.map((reply) => reply.text ?? '').join('\n\n');
  };
  const shows = (seen: string, key: StringKey, vars: StringVars = {}) =>
    assert.match(seen, templatePattern(strings.text(key, vars)), `${key} in ${JSON.stringify(seen)}`);

  it('asks back a day that may be another, then confirms each time before it is kept, and a crisis in between changes nothing', async () => {
    // The conversation opens with a message, as Web Chat's first turn can (no conversationUpdate).
    shows(await say('hello'), 'menu.prompt');
    const first = await say('I have a caseworker appointment next tuesday at 9am');
    shows(first, 'appointment.askWhenCheck', { when: 'Tuesday, December 15 at 9:00 AM' });
    shows(await say('yes'), 'appointment.askGoal');
    for (const answer of ['skip', 'done', 'nothing', 'nothing else', 'no', 'Nothing']) await say(answer);
    shows(await say('none'), 'appointment.askReview');
    shows(await say('Save it'), 'appointment.askReminder');

    shows(await say('the night before at 8pm'), 'appointment.checkReminder', {
      at: 'Monday, December 14 at 8:00 PM',
    });
    shows(await say('I want to kill myself'), 'safety.choicePrompt');
    shows(await say('Go back'), 'appointment.checkReminder', { at: 'Monday, December 14 at 8:00 PM' });
    shows(await say('yes'), 'appointment.reminderSet', { at: 'Monday, December 14 at 8:00 PM' });
    shows(await say('yes'), 'appointment.checkFollowUp', { at: 'Tuesday, December 15 at 12:00 PM' });
    shows(await say("Yes, that's right"), 'appointment.followUpSet', {
      at: 'Tuesday, December 15 at 12:00 PM',
    });

    assert.deepEqual(await scheduled('user-1'), ['2026-12-15T01:00:00.000Z', '2026-12-15T17:00:00.000Z']);
  });

  it('a day alone asks its time; a correction later keeps the day; "next month" is asked back; "2 hours before" counts from the kept time', async () => {
    // The first message of the conversation is the request itself: no conversationUpdate, no hello.
    const say2 = (text: string) => say(text, 'dates-2', 'user-2');
    shows(await say2('I need to get ready for my caseworker appointment'), 'appointment.askWhen');
    shows(await say2('next month'), 'appointment.askWhichDayInMonth', { month: 'January' });
    shows(await say2('back'), 'appointment.askWhen');
    shows(await say2('friday'), 'appointment.askWhenTime', { day: 'Friday, December 11' });
    shows(await say2('not sure yet'), 'appointment.whenNoted', { when: 'Friday, December 11' });
    shows(await say2('actually 2pm'), 'appointment.dateChanged', { when: 'Friday, December 11 at 2:00 PM' });
    for (const answer of ['skip', 'done', 'nothing', 'nothing else', 'no', 'Nothing']) await say2(answer);
    shows(await say2('none'), 'appointment.askReview');
    shows(await say2('Save it'), 'appointment.askReminder');
    shows(await say2('2 hours before'), 'appointment.checkReminder', {
      at: 'Friday, December 11 at 12:00 PM',
    });
    shows(await say2('yes'), 'appointment.reminderSet', { at: 'Friday, December 11 at 12:00 PM' });
    shows(await say2('no thanks'), 'appointment.askNext');
    assert.deepEqual(await scheduled('user-2'), ['2026-12-11T17:00:00.000Z']);
  });

  /** When the person's pending messages are due (UTC), sorted. */
  async function scheduled(user: string): Promise<string[]> {
    const keys = await served.app.scheduler.keysOfPerson(`test/users/${user}/`);
    const ids = keys.flatMap((key) => /^scheduler\/item\/(.+)$/.exec(key)?.slice(1) ?? []);
    const due = await Promise.all(ids.map(async (id) => served.app.scheduler.get(id)));
    return due.flatMap((item) => (item?.status === 'pending' ? [item.dueAt] : [])).sort();
  }
});
