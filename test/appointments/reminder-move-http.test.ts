import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';
import { counselorToReview } from './short-plan.js';

const { strings } = testContent();
/** Thursday 8 May 2025, 10 AM in Chicago. */
const clock = () => new Date('2025-05-08T15:00:00Z');

/** A turn: what the person says, and what must be in the reply (by string key); `not` must not be. */
type Turn = [says: string, sees: StringKey, not?: StringKey];

/** A counselor visit on Tuesday May 20 at 3 PM, saved with a reminder the night before at 8 PM. */
const saved: Turn[] = [
  ...counselorToReview,
  ['Save it', 'appointment.askReminder'],
  ['the night before at 8', 'appointment.checkReminder'],
  ['yes', 'appointment.askFollowUp'],
  ['no thanks', 'appointment.askNext'],
];
/** The saved reminder, Monday May 19 at 8 PM in Chicago, and at 7 PM. */
const at8pm = '2025-05-20T01:00:00.000Z';
const at7pm = '2025-05-20T00:00:00.000Z';

interface MoveCase {
  name: string;
  /** Said in the conversation that saved the plan, right after it. */
  sameConversation?: Turn[];
  /** Said in a later conversation (after a conversationUpdate when `welcomed`). */
  later?: Turn[];
  welcomed?: boolean;
  /** When the one scheduled reminder is due at the end, or null for none. */
  dueAt: string | null;
}

const cases: MoveCase[] = [
  {
    name: 'Rosa at the menu: "is my reminder still set" shows it; "change my reminder to 7pm instead of 8" moves it after a yes',
    later: [
      [
        'hola, is my reminder still set for the 19th?',
        'appointment.askReminderMove',
        'appointment.checkReminder',
      ],
      [
        'oh one more thing, can you change my reminder to 7pm instead of 8? the kids go to bed at 8',
        'appointment.checkReminder',
      ],
      ['sí', 'appointment.reminderSet'],
    ],
    welcomed: true,
    dueAt: at7pm,
  },
  {
    name: '"remind me may 19 at 7pm about my counselor appointment" moves the reminder, no new plan (no conversationUpdate)',
    later: [
      [
        'remind me may 19 at 7pm about my counselor appointment',
        'appointment.checkReminder',
        'appointment.intro',
      ],
      ['yes', 'appointment.reminderSet'],
    ],
    dueAt: at7pm,
  },
  {
    name: 'a "no" to the new time keeps the old one until a yes; "keep it" keeps it',
    later: [
      ['change the reminder to 7pm please', 'appointment.checkReminder'],
      ['no', 'appointment.askReminderMove'],
      ['keep it', 'appointment.reminderKept'],
    ],
    welcomed: true,
    dueAt: at8pm,
  },
  {
    name: 'in "my plans": "no. my plans", "the first one", then "now set a new reminder the night before at 7pm"',
    later: [
      ['no. my plans', 'plans.askWhich'],
      ['the first one', 'plans.opened'],
      ['now set a new reminder the night before at 7pm', 'appointment.checkReminder'],
      ['yes', 'appointment.reminderSet'],
    ],
    dueAt: at7pm,
  },
  {
    name: 'in "my plans": "cancel the reminder" removes it',
    later: [
      ['my plans', 'plans.askWhich'],
      ['the counselor one', 'plans.opened'],
      ['cancel the reminder', 'appointment.reminderRemoved'],
    ],
    welcomed: true,
    dueAt: null,
  },
  {
    name: 'right after saving: "change the reminder to 2 hours before" is checked, then "what next" again',
    sameConversation: [
      ['change the reminder to 2 hours before', 'appointment.checkReminder'],
      ['yes', 'appointment.askNext'],
    ],
    dueAt: '2025-05-20T18:00:00.000Z',
  },
  {
    name: 'Dee: "show me the plan I made" at the menu opens "my plans", not a new plan; "The counselor one on the 20th." opens it',
    later: [
      [
        'Hello again. Could you show me the plan I made for my counselor appointment?',
        'plans.askWhich',
        'appointment.intro',
      ],
      ['The counselor one on the 20th.', 'plans.opened'],
    ],
    welcomed: true,
    dueAt: at8pm,
  },
  {
    name: 'Dee: "...I want to see the one I saved. My plans." inside a new plan opens "my plans"',
    later: [
      ['I need help getting ready for my prescriber appointment', 'appointment.intro'],
      ['No, I already made one. I want to see the one I saved. My plans.', 'plans.askWhich'],
    ],
    dueAt: at8pm,
  },
  {
    name: 'a crisis while moving a reminder gets the crisis reply first',
    later: [
      ['change my reminder', 'appointment.askReminderMove'],
      ['I want to kill myself', 'safety.choicePrompt'],
    ],
    dueAt: at8pm,
  },
];

describe("a saved plan's reminder is moved in words (HTTP, real scheduler and store)", () => {
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
    manualScheduler: true,
  });

  const play = async (conversation: string, user: string, turns: readonly Turn[]) => {
    for (const [says, sees, not] of turns) {
      const activity = testActivity(
        conversation,
        // A reminder goes back to the conversation it was agreed in: a turn names where that is.
        { text: says, localTimezone: 'America/Chicago', serviceUrl: 'http://127.0.0.1:9' },
        user,
      );
      const seen = (await exchange(served.url, activity)).map((reply) => reply.text ?? '').join('\n\n');
      assert.match(
        seen,
        templatePattern(strings.text(sees)),
        `"${says}": ${sees} in ${JSON.stringify(seen)}`,
      );
      if (not) assert.doesNotMatch(seen, templatePattern(strings.text(not)), `"${says}": not ${not}`);
    }
  };

  /** The person's pending reminders, by when they are due. */
  const pendingReminders = async (user: string) => {
    const { scheduler } = served.app;
    const ids = (await scheduler.keysOfPerson(`test/users/${user}/`))
      .map((key) => key.replace('scheduler/item/', ''))
      .filter((id) => id.endsWith('-reminder'));
    const items = await Promise.all(ids.map((id) => scheduler.get(id)));
    return items.filter((item) => item?.status === 'pending').map((item) => item?.dueAt);
  };

  for (const [index, testCase] of cases.entries()) {
    it(testCase.name, async () => {
      const user = `mover-${index}`;
      await play(`saved-${index}`, user, [...saved, ...(testCase.sameConversation ?? [])]);
      if (testCase.later) {
        if (testCase.welcomed) {
          const join = testActivity(`later-${index}`, {
            type: 'conversationUpdate',
            membersAdded: [{ id: user, name: '' }],
          });
          await exchange(served.url, join);
        }
        await play(`later-${index}`, user, testCase.later);
      }
      assert.deepEqual(await pendingReminders(user), testCase.dueAt ? [testCase.dueAt] : []);
    });
  }
});
