import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { StringKey } from '../../src/content/strings.js';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { counselorToReview } from '../appointments/short-plan.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
/** Thursday 8 May 2025, 10 AM in Chicago. */
const clock = () => new Date('2025-05-08T15:00:00Z');

/** A turn: what the person says, and what must be in the reply (by string key). */
type Turn = [says: string, sees?: StringKey];

/** From the first message (no conversationUpdate) to the plan shown for review, not yet saved. */
const toReview: Turn[] = counselorToReview;

const say = (key: StringKey) => strings.text(key);
/** An accommodation request from the first message to its review, not yet saved. */
const requestToReview: Turn[] = [
  ['I want to ask for an accommodation at work', 'accommodation.intro'],
  [say('accommodationBarriers.schedule'), 'accommodation.askIdea'],
  [say('accommodationIdeas.laterStart'), 'accommodation.askWho'],
  [say('accommodation.someoneElse'), 'accommodation.askOwnWho'],
  ['my supervisor', 'accommodation.askFormat'],
  [say('accommodation.letter'), 'accommodation.askStart'],
  [say('accommodation.asap'), 'accommodation.askDisclosure'],
  [say('accommodationDisclosure.nothing'), 'accommodation.askReview'],
];

/** Another topic mid-flow: a group search, to its end ("I'm done" after it resumes the flow). */
const groupSearch: Turn[] = [
  ['actually can you help me find a support group', 'peerGroups.askFocus'],
  ['Alcohol', 'peerGroups.askApproach'],
  ['No preference', 'peerGroups.askFormat'],
  ['Online'],
  ['Any time'],
  ['skip', 'peerGroups.nextPrompt'],
];

const cases: { name: string; turns: Turn[] }[] = [
  {
    name: 'a request: a crisis at the review, "Go back" returns to it; "save it" saves',
    turns: [
      ...requestToReview,
      ['I want to kill myself', 'safety.choicePrompt'],
      ['Go back', 'accommodation.askReview'],
      ['save it', 'accommodation.saved'],
    ],
  },
  {
    name: 'a request: walking away to a group search at the review, it comes back at the review',
    turns: [
      ...requestToReview,
      ...groupSearch,
      ["I'm done", 'accommodation.askReview'],
      ['change the date', 'accommodation.askStart'],
    ],
  },
  {
    name: 'a crisis at the review gets the safety reply; "Go back" returns to the review, and "looks good" saves',
    turns: [
      ...toReview,
      ['I want to kill myself', 'safety.choicePrompt'],
      ['Go back', 'appointment.askReview'],
      ['looks good', 'appointment.saved'],
    ],
  },
  {
    name: 'walking away to a group search at the review keeps the plan unsaved; it comes back at the review',
    turns: [
      ...toReview,
      ...groupSearch,
      ["I'm done", 'appointment.askReview'],
      ['Save it', 'appointment.askReminder'],
    ],
  },
];

describe('a plan or request is shown before it is saved (HTTP, no conversationUpdate)', () => {
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
    manualScheduler: true,
  });

  for (const [index, { name, turns }] of cases.entries()) {
    it(name, async () => {
      for (const [says, sees] of turns) {
        const activity = testActivity(`review-${index}`, { text: says, localTimezone: 'America/Chicago' });
        const replies: Partial<Activity>[] = await exchange(served.url, activity);
        const seen = replies.map((reply) => reply.text ?? '').join('\n\n');
        if (sees)
          assert.match(
            seen,
            templatePattern(strings.text(sees)),
            `"${says}": ${sees} in ${JSON.stringify(seen)}`,
          );
      }
    });
  }

  it('nothing is scheduled before "Save it" and the yes to a reminder', async () => {
    for (const [says] of toReview) {
      await exchange(
        served.url,
        testActivity('review-sched', { text: says, localTimezone: 'America/Chicago' }),
      );
    }
    assert.deepEqual(await served.app.scheduler.keysOfPerson('test/users/user-1/'), []);
  });
});
