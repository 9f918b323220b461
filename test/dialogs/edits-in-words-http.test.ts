import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { questionsToReview } from '../appointments/short-plan.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
/** Thursday 8 May 2025, 10 AM in Chicago. */
const clock = () => new Date('2025-05-08T15:00:00Z');

/** What must be in the replies: a string by key (with its values), or words of the person's kept as typed. */
type Sees = StringKey | [StringKey, StringVars] | RegExp;
/** A turn: what the person types, what the replies must hold, and what they must not. */
type Turn = [says: string, sees?: Sees[], never?: Sees[]];

const list = (...entries: string[]) => entries.map((entry) => `- ${entry}`).join('\n');
const matcher = (sees: Sees): RegExp =>
  sees instanceof RegExp
    ? sees
    : typeof sees === 'string'
      ? templatePattern(strings.text(sees))
      : templatePattern(strings.text(sees[0], sees[1]));

/**
 * The fifth people run's edits said in words, typed as they were typed (issue 18, 19): Jordan's
 * safety plan, Sam's message for a specialist, Marcus's letter, Rosa's appointment plan.
 */
const people: { name: string; turns: Turn[] }[] = [
  {
    name: 'Jordan: "keep those. add not answering texts" adds to the warning signs; "take out", "remove the second one" and "erase all that" take out',
    turns: [
      ['need to make a safety plan'],
      ['thinking nobody cares'],
      ['staying in bed'],
      [
        'change my warning signs',
        [['safetyPlan.editNow', { entries: list('thinking nobody cares', 'staying in bed') }]],
      ],
      [
        'keep those. add not answering texts',
        [
          [
            'safetyPlan.editAdded',
            { entries: list('thinking nobody cares', 'staying in bed', 'not answering texts') },
          ],
        ],
        [/keep those/],
      ],
      [
        'take out staying in bed',
        [['safetyPlan.editRemoved', { entries: list('thinking nobody cares', 'not answering texts') }]],
      ],
      ['remove the second one', [['safetyPlan.editRemoved', { entries: list('thinking nobody cares') }]]],
      ['replace it with not sleeping', [['safetyPlan.editReplaced', { entries: list('not sleeping') }]]],
      [
        'also thinking nobody cares',
        [['safetyPlan.editAdded', { entries: list('not sleeping', 'thinking nobody cares') }]],
      ],
      [
        'none. erase all that',
        [['safetyPlan.editRemoved', { entries: strings.text('safetyPlan.editEmpty') }]],
      ],
    ],
  },
  {
    name: 'Jordan while making the plan (sixth run): "back. want to do the coping one." goes there, "remove that" takes out the last entry, "remove myself from the room" is kept',
    turns: [
      ['need to make a safety plan'],
      ['thinking nobody cares'],
      [
        'back. want to do the coping one.',
        [['safetyPlan.backToPart', { name: strings.text('safetyPlan.stepCopingAlone') }]],
        [/want to do the coping/],
      ],
      ['go for a walk'],
      [
        'no thats not it. remove that',
        [['safetyPlan.editRemoved', { entries: strings.text('safetyPlan.editEmpty') }]],
      ],
      ['remove myself from the room', [], ['safetyPlan.editRemoved', 'safetyPlan.editNotFound']],
      ['show my safety plan', [/remove myself from the room/], [/go for a walk/, /back\. want/]],
    ],
  },
  {
    name: 'Jordan: a plain new list at a part being changed still replaces it, and says so',
    turns: [
      ['need to make a safety plan'],
      ['thinking nobody cares'],
      ['change my warning signs'],
      [
        'not sleeping. drinking more',
        [['safetyPlan.editReplaced', { entries: list('not sleeping', 'drinking more') }]],
      ],
    ],
  },
  {
    name: 'Jordan: "no. the plan is wrong. fix warning signs" at a question of the plan opens that part',
    turns: [
      ['need to make a safety plan'],
      ['not sleeping. drinking more'],
      ['next'],
      [
        'no. the plan is wrong. fix warning signs',
        [['safetyPlan.editNow', { entries: list('not sleeping', 'drinking more') }]],
      ],
    ],
  },
  {
    name: 'Sam: "the message is fine. the NAME is wrong" asks the name only; "my name is wrong, it\'s Dee", "just put Mike", "change the message to ..." change one part; "Change it" asks which',
    turns: [
      ['talk to a person', ['handoff.offerMessage']],
      ['leave a message', ['handoff.askAlias']],
      ['keep what? sam', ['handoff.askMessage']],
      ['please call me about evening meetings', ['handoff.askContact']],
      [
        'here',
        [
          [
            'handoff.confirmMessage',
            { name: 'keep what? sam', message: 'please call me about evening meetings' },
          ],
        ],
      ],
      ['the message is fine. the NAME is wrong', ['handoff.askAlias'], ['handoff.askMessageAgain']],
      [
        'Sam',
        [['handoff.confirmMessage', { name: 'Sam', message: 'please call me about evening meetings' }]],
      ],
      [
        "my name is wrong, it's Dee",
        [['handoff.confirmMessage', { name: 'Dee', message: 'please call me about evening meetings' }]],
      ],
      [
        'just put Mike',
        [['handoff.confirmMessage', { name: 'Mike', message: 'please call me about evening meetings' }]],
      ],
      [
        'change the message to i have been struggling and want to talk to someone',
        [
          [
            'handoff.confirmMessage',
            { name: 'Mike', message: 'i have been struggling and want to talk to someone' },
          ],
        ],
      ],
      ['Change it', ['handoff.askWhichPart']],
      ['how to reach me', ['handoff.askContact']],
      [
        'here in this chat',
        [['handoff.confirmMessage', { name: 'Mike', contact: strings.text('handoff.thisChat') }]],
      ],
      ['Change it', ['handoff.askWhichPart']],
      ['my name is just Sam. fix that', [['handoff.confirmMessage', { name: 'Sam' }]]],
      ['Send it', ['handoff.messageLeft']],
    ],
  },
  {
    name: 'Marcus: at the letter\'s review, "just put Mike" and "make it the 17th" change that part, not "Tap Save it"',
    turns: [
      ['I want to ask for an accommodation at work', ['accommodation.intro']],
      [strings.text('accommodationBarriers.schedule'), ['accommodation.askIdea']],
      ['later start on thurs. like 11', ['accommodation.askWho']],
      [strings.text('accommodation.someoneElse'), ['accommodation.askOwnWho']],
      ['supervsr mike', ['accommodation.askFormat']],
      [strings.text('accommodation.letter'), ['accommodation.askStart']],
      [strings.text('accommodation.asap'), ['accommodation.askDisclosure']],
      [strings.text('accommodationDisclosure.nothing'), ['accommodation.askReview']],
      [
        'wait it says thurs like 11. thats how i typed it lol. change it to start at 10am on thursdays',
        ['accommodation.askReview', /this change: start at 10am on thursdays\./],
        ['accommodation.askReviewAgain'],
      ],
      [
        'it says supervsr mike at the bottom. just put Mike',
        ['accommodation.askReview', ['accommodationLetter.nextSendTo', { who: 'Mike' }]],
        ['accommodation.askReviewAgain'],
      ],
      [
        'actually this thurs is too soon. make it the 17th',
        ['accommodation.askReview', ['accommodationLetter.startDate', { date: 'Saturday, May 17' }]],
        ['accommodation.askReviewAgain'],
      ],
      ['the date is wrong', ['accommodation.askStart'], ['accommodation.askReviewAgain']],
    ],
  },
  {
    name: 'Rosa: "it is the 15th not the 16th. Still 9am" at the goal changes the date and keeps the time; at the review the date, the time and what I want are changed in words',
    turns: [
      [
        'I have appointment with my caseworker for the SNAP recertification on May 16 at 9am',
        ['appointment.askGoal'],
      ],
      [
        'ay perdón, I looked at the letter, it is the 15th not the 16th. Still 9am',
        [['appointment.dateChanged', { when: 'Thursday, May 15 at 9:00 AM' }], 'appointment.askGoal'],
      ],
      ['Keep my SNAP', ['appointment.askQuestions']],
      ...questionsToReview,
      [
        'the date is still wrong!! it is May 16 at 9. change the date please',
        [['appointment.dateChanged', { when: 'Friday, May 16 at 9:00 AM' }], 'appointment.review'],
      ],
      ['change the start time to 10', [['appointment.dateChanged', { when: 'Friday, May 16 at 10:00 AM' }]]],
      ['gracias. now change what I want, it has my words mixed', ['appointment.askGoal']],
      ['keep my SNAP benefits', ['appointment.review', /keep my SNAP benefits/]],
      ['the date is wrong', ['appointment.askWhen']],
      ['May 16 at 10am', ['appointment.review']],
      [
        'Could I change something first? The part about what might get in the way looks a little odd.',
        ['appointment.askChange'],
      ],
    ],
  },
];

describe('an edit said in words on every review screen (HTTP)', () => {
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
    manualScheduler: true,
  });

  for (const [index, { name, turns }] of people.entries()) {
    for (const welcomed of [false, true]) {
      it(`${name} (${welcomed ? 'after a conversationUpdate' : 'no conversationUpdate'})`, async () => {
        const conversation = `edits-${index}-${welcomed}`;
        const user = `edits-user-${index}-${welcomed}`;
        if (welcomed)
          await exchange(
            served.url,
            testActivity(
              conversation,
              { type: 'conversationUpdate', membersAdded: [{ id: user, name: 'Person' }] },
              user,
            ),
          );
        for (const [says, sees = [], never = []] of turns) {
          const activity = testActivity(conversation, { text: says, localTimezone: 'America/Chicago' }, user);
          const replies: Partial<Activity>[] = await exchange(served.url, activity);
          // The letter and the plan come as cards: their words count too.
          const seen = replies
            .map((reply) => `${reply.text ?? ''}\n${JSON.stringify(reply.attachments ?? [])}`)
            .join('\n\n');
          for (const expected of sees)
            assert.match(seen, matcher(expected), `"${says}" in ${JSON.stringify(seen)}`);
          for (const unwanted of never)
            assert.doesNotMatch(seen, matcher(unwanted), `"${says}" in ${JSON.stringify(seen)}`);
        }
      });
    }
  }
});
