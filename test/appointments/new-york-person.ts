import type { Activity } from 'botbuilder';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A bot served over HTTP on a fixed clock, and a person in New York typing to it: with
 * `welcomed`, a conversationUpdate comes first; each message returns the bot's replies.
 */
export function newYorkPeople(now: Date) {
  const clock = () => now;
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
    manualScheduler: true,
  });
  return async (conversation: string, welcomed: boolean) => {
    // Where a reminder would be sent later; never reached here (the scheduler is manual).
    const fields = { localTimezone: 'America/New_York', serviceUrl: 'https://connector.invalid' };
    if (welcomed)
      await exchange(
        served.url,
        testActivity(conversation, {
          ...fields,
          type: 'conversationUpdate',
          membersAdded: [{ id: 'user-1', name: '' }],
        }),
      );
    return async (text: string): Promise<Partial<Activity>[]> =>
      exchange(served.url, testActivity(conversation, { ...fields, text }));
  };
}
