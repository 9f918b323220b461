import type { StringKey } from '../../src/content/strings.js';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { questionsToReview } from '../appointments/short-plan.js';
import { testContent } from '../support/content.js';
import { assertSeen, type KeyTurn } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
/** Thursday 8 May 2025, 10 AM in Chicago. */
const clock = () => new Date('2025-05-08T15:00:00Z');

const say = (key: StringKey) => strings.text(key);

/** A group search typed to its results (the shipped directory: national organizations only). */
const toResults: KeyTurn[] = [
  ['find me a support group', ['peerGroups.askFocus']],
  ['alcohol', ['peerGroups.askApproach']],
  ['no preference', ['peerGroups.askFormat']],
  ['online', ['peerGroups.askWhen']],
  ['any time', ['peerGroups.askMedication']],
  ['no', ['peerGroups.resultsIntro', 'peerGroups.nextPrompt']],
];

/** An appointment plan from the first message to saved (no reminder). */
const savedPlan: KeyTurn[] = [
  ['I see my counselor on May 20 at 3pm', ['appointment.askGoal']],
  ['a refill', ['appointment.askQuestions']],
  ...questionsToReview,
  ['save it', ['appointment.saved']],
  ['no'],
];

/** An accommodation request from the first message to saved. */
const savedRequest: KeyTurn[] = [
  ['I want to ask for an accommodation at work', ['accommodation.intro']],
  [say('accommodationBarriers.schedule')],
  [say('accommodationIdeas.laterStart')],
  [say('accommodation.someoneElse')],
  ['my supervisor'],
  [say('accommodation.letter')],
  [say('accommodation.asap')],
  [say('accommodationDisclosure.nothing'), ['accommodation.askReview']],
  ['save it', ['accommodation.saved']],
];

const resultsAgain = 'peerGroupResults.nextAfterAnswer';

const cases: { name: string; turns: KeyTurn[] }[] = [
  {
    name: '1. questions typed at the group results are answered from the directory, and the results stay',
    turns: [
      ...toResults,
      ['wheres the link', ['peerGroupResults.linkIntro', resultsAgain], ['peerGroups.nextPromptAgain']],
      ['is it free', ['peerGroupResults.cost', resultsAgain], ['peerGroups.nextPromptAgain']],
      ['what time is it on', ['peerGroupResults.timeIntro', resultsAgain]],
      ['is it for families too', ['peerGroupResults.familyNo', resultsAgain]],
      ['do i need to talk', ['peerGroupResults.talk', resultsAgain]],
      [
        'can i go on suboxone',
        ['peerGroupResults.medicationIntro', resultsAgain],
        ['peerGroups.resultsIntro'],
      ],
      ['are the people nice there?', ['peerGroupResults.dontKnow', 'peerGroups.nextPromptAgain']],
      ['more', ['peerGroupResults.noMore', resultsAgain]],
      ['none of these', ['peerGroupResults.noneFit', 'peerGroups.whichChange']],
      ['keep my answers', ['peerGroups.resultsIntro']],
      ['different time', ['peerGroups.askWhen']],
    ],
  },
  {
    name: '2. a place typed anywhere in the group finder is met with what the directory has; online goes on',
    turns: [
      // "near me" is read as in person too, so the format is not asked.
      ['find me a support group near me', ['peerGroupResults.noLocalList', 'peerGroups.askFocus']],
      ['alcohol', ['peerGroups.askApproach']],
      ['no preference', ['peerGroups.askWhen']],
      // Said in full once per search (group B: it came back on every screen), then in one line.
      ['in person in tucson', ['peerGroupResults.noLocalListAgain', 'peerGroups.askWhen']],
      ['any time'],
      ['no', ['peerGroups.resultsIntro']],
      ['close to 85705', ['peerGroupResults.noLocalListAgain', 'peerGroupResults.offerOnline', resultsAgain]],
      ['anything near me', ['peerGroupResults.noLocalListAgain']],
      ['online', ['peerGroups.resultsIntro']],
    ],
  },
  {
    name: '3. "delete 1" and "get rid of that plan" in my plans delete that plan, confirmed; "delete my data" still asks about everything',
    turns: [
      ...savedPlan,
      ['my plans', ['plans.askWhich']],
      ['delete 1', ['plans.aboutToDelete', 'plans.confirmDelete'], ['data.confirmDelete']],
      ['no', ['plans.kept']],
      ['delete my data', ['data.confirmDelete']],
      ['no', ['data.keptData', 'plans.askAction'], ['errors.turnFailed']],
      ['get rid of that plan', ['plans.confirmDelete'], ['data.confirmDelete']],
      ['yes', ['plans.deleted']],
    ],
  },
  {
    name: '3. "remove number 1" in saved requests deletes that request, confirmed; "delete everything" is delete-my-data',
    turns: [
      ...savedRequest,
      ['menu'],
      ['my plans', ['accommodationSaved.askWhich']],
      [
        'remove number 1',
        ['accommodationSaved.aboutToDelete', 'accommodationSaved.confirmDelete'],
        ['data.confirmDelete'],
      ],
      ['no', ['accommodationSaved.kept']],
      ['delete everything', ['data.confirmDelete']],
      ['no', ['data.keptData']],
      ['delete it', ['accommodationSaved.confirmDelete'], ['data.confirmDelete']],
      ['yes', ['accommodationSaved.deleted']],
    ],
  },
  {
    name: '3. "delete 1" with no list open never opens delete-my-data; "delete my data" does',
    turns: [
      ['delete 1', [], ['data.confirmDelete']],
      ['remove number 2', [], ['data.confirmDelete']],
      ['delete my data', ['data.confirmDelete']],
      ['no', ['data.keptData']],
    ],
  },
  {
    name: '4. a worry typed at the offer to leave a message is kept as the message, with one line',
    turns: [
      ['talk to a person', ['handoff.nobodyNow', 'handoff.offerMessage']],
      [
        "i've been struggling a lot and need someone",
        ['handoff.concernKept', 'handoff.askAlias'],
        ['safety.concernAsk'],
      ],
      ['Sam', ['handoff.askContact']],
      ['here', ['handoff.confirmMessage']],
      ['send it', ['handoff.messageLeft']],
    ],
  },
  {
    name: '4. a worry typed as the message is kept; danger there still gets the crisis reply first',
    turns: [
      ['i want to talk to a real person', ['handoff.offerMessage']],
      ['yes', ['handoff.askAlias']],
      ['Sam', ['handoff.askMessage']],
      ['i want to kill myself', ['safety.choicePrompt'], ['handoff.concernKept']],
      ['go back'],
      [
        "i've been struggling a lot and need someone",
        ['handoff.concernKept', 'handoff.askContact'],
        ['safety.concernAsk'],
      ],
    ],
  },
  {
    name: '5. "my safety plan" while making it shows it so far and asks the same again; "how do i fix my plan" changes a part',
    turns: [
      ['make a safety plan', ['safetyPlan.offerMake']],
      ['yes'],
      ['not sleeping', ['safetyPlan.added', 'safetyPlan.more']],
      ['my safety plan', ['safetyPlan.soFar', 'safetyPlan.more'], ['safetyPlan.resume']],
      ['how do i fix my plan', ['safetyPlan.editWhich'], ['safetyPlan.added']],
      // Nothing changed: the plan goes on with the next part.
      ['keep it', [], ['safetyPlan.editWhich', 'safetyPlan.added']],
      ['can i change something in my plan', ['safetyPlan.editWhich'], ['safetyPlan.added']],
      ['warning signs'],
      ['keep it', ['safetyPlan.kept']],
      ['edit my plan', ['safetyPlan.editWhich'], ['safetyPlan.added']],
    ],
  },
];

describe('what people type at the places that failed (issue 18, HTTP, no conversationUpdate)', () => {
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
    manualScheduler: true,
  });

  for (const [index, { name, turns }] of cases.entries()) {
    it(name, async () => {
      for (const [says, sees = [], never = []] of turns) {
        const activity = testActivity(
          `typed18-${index}`,
          { text: says, localTimezone: 'America/Chicago' },
          `typed18-user-${index}`,
        );
        const seen = (await exchange(served.url, activity)).map((reply) => reply.text ?? '').join('\n\n');
        assertSeen(strings, says, seen, sees, never);
      }
    });
  }
});
