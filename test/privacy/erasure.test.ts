import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { loadAppointmentContent } from '../../src/appointments/index.js';
import type { StringKey } from '../../src/content/strings.js';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { createWayfinderRecognizer, type WayfinderRecognizer } from '../../src/language/intents/index.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { userStateKey } from '../../src/privacy/state-keys.js';
import { Azurite } from '../support/azurite.js';
import { type StandInConnector, startConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { blobDocuments, fileStoreDocuments, findNeedles, type RawDocument } from '../support/store-scan.js';
import { makeTempDir } from '../support/temp-dir.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const text = (key: StringKey): string => strings.text(key);
const doctor = loadPracticeContent().scenarios.find((scenario) => scenario.id === 'rushed-doctor');
const anxiety = loadAppointmentContent(strings).barriers.find((barrier) => barrier.id === 'anxiety');
if (!doctor || !anxiety)
  throw new Error('the content lacks the rushed-doctor scenario or the anxiety barrier');

/** Someone who uses every feature; everything that could name them is one of these strings. */
interface Person {
  userId: string;
  aadObjectId: string;
  conversations: readonly [string, string];
  /** Typed into free-text answers in every feature. */
  phrase: string;
}

const leaving: Person = {
  userId: 'erase-me-6c1f',
  aadObjectId: 'aad-erase-me-0d5b',
  conversations: ['erase-me-first-93d2', 'erase-me-second-41e7'],
  phrase: 'zebra-quartz-7731',
};
const staying: Person = {
  userId: 'keep-me-2b8e',
  aadObjectId: 'aad-keep-me-77c4',
  conversations: ['keep-me-first-5a90', 'keep-me-second-c3d1'],
  phrase: 'walrus-amber-5529',
};

/** The strings whose presence anywhere in the store would name `person`. */
const needlesOf = (person: Person): string[] => [
  person.userId,
  person.aadObjectId,
  ...person.conversations,
  userStateKey('test', person.userId),
  person.phrase,
];

/** One message: in the person's conversation 0 or 1, the words, and a reply it must bring. */
type Turn = readonly [conversation: 0 | 1, words: string, expected?: StringKey];

/** Every feature, with `phrase` typed into free-text answers wherever there is one. */
const everyFeature = (phrase: string): readonly Turn[] => [
  // An appointment plan with a reminder and a check-in.
  [0, text('menu.appointment'), 'appointment.askType'],
  [0, 'my counselor', 'appointment.askWhen'],
  [0, 'next Tuesday at 3', 'appointment.askGoal'],
  [0, `a plan for ${phrase} and my sleep`, 'appointment.askQuestions'],
  [0, '1', 'appointment.questionAdded'],
  [0, `could we talk about ${phrase}?`, 'appointment.questionAdded'],
  [0, 'done', 'appointment.askTopQuestions'],
  [0, '2', 'appointment.askBarriers'],
  [0, text(anxiety.label), 'appointment.askBarriersMore'],
  [0, "That's all", 'appointment.askBring'],
  [0, `my notes on ${phrase}`, 'appointment.askSupport'],
  [0, 'yes', 'appointment.askShare'],
  [0, 'Nothing', 'appointment.askTalk'],
  [0, 'say it back', 'appointment.askTalkMore'],
  [0, 'done', 'appointment.askReview'],
  [0, 'Save it', 'appointment.askReminder'],
  [0, 'The day before', 'appointment.checkReminder'],
  [0, 'yes', 'appointment.askFollowUp'],
  [0, 'Yes, check in', 'appointment.checkFollowUp'],
  [0, 'yes', 'appointment.askNext'],
  [0, "I'm done", 'appointment.finished'],

  // An accommodation request in their own words, then a role-play with feedback at the end.
  [0, text('menu.accommodation'), 'accommodation.askSetting'],
  [0, text('accommodationSettings.work'), 'accommodation.askBarrier'],
  [0, text('accommodation.somethingElse'), 'accommodation.askOwnBarrier'],
  [0, `my bus from ${phrase} runs late`, 'accommodation.askIdea'],
  [0, text('accommodation.somethingElse'), 'accommodation.askOwnIdea'],
  [0, `start at 10 near ${phrase}`, 'accommodation.askWho'],
  [0, text('accommodation.someoneElse'), 'accommodation.askOwnWho'],
  [0, `the lead at ${phrase}`, 'accommodation.askFormat'],
  [0, text('accommodation.letter'), 'accommodation.askStart'],
  [0, text('accommodation.asap'), 'accommodation.askDisclosure'],
  [0, text('accommodationDisclosure.specifics'), 'accommodation.askCondition'],
  [0, text('accommodation.conditionRecovery'), 'accommodation.askReview'],
  [0, 'Save it', 'accommodation.askNext'],
  [0, text('accommodation.nextPractice'), 'practice.chooseScenario'],
  [0, doctor.title, 'practice.askMode'],
  [0, text('practiceChoices.atEnd')],
  [0, `I'd like two minutes to go over ${phrase}.`],
  [0, 'stop', 'practice.stopped'],
  [0, 'menu', 'menu.promptAgain'],

  // A peer-group search, begun by a message in a new conversation.
  [1, 'hi', 'menu.prompt'],
  [1, 'find me a support group', 'peerGroups.askFocus'],
  [1, 'Alcohol', 'peerGroups.askApproach'],
  [1, '12-step', 'peerGroups.askFormat'],
  [1, 'In person', 'peerGroups.askWhen'],
  [1, 'Saturday morning', 'peerGroups.askMedication'],
  [1, "It doesn't matter", 'peerGroups.resultsIntro'],
  [1, 'Done', 'peerGroups.done'],

  // Nobody is on duty: a request to talk to a person, with a message left.
  [1, 'talk to a person', 'handoff.nobodyNow'],
  [1, text('handoff.leaveMessage'), 'handoff.askAlias'],
  [1, 'Sam', 'handoff.askMessage'],
  [1, `please call about ${phrase}`, 'handoff.askContact'],
  [1, `text me at ${phrase}`, 'handoff.confirmMessage'],
  [1, text('handoff.sendMessage'), 'handoff.messageLeft'],

  // A safety plan in their words, with the next-day check-in.
  [1, 'my safety plan', 'safetyPlan.none'],
  [1, text('safetyPlan.makeYes'), 'safetyPlan.intro'],
  [1, `when ${phrase} comes up`, 'safetyPlan.added'],
  [1, 'next', 'safetyPlan.stepCount'],
  [1, 'skip', 'safetyPlan.skipped'],
  [1, 'skip', 'safetyPlan.skipped'],
  [1, `my friend ${phrase} 312-555-0142`, 'safetyPlan.added'],
  [1, 'next', 'safetyPlan.stepCount'],
  [1, 'skip', 'safetyPlan.skipped'],
  [1, 'skip', 'safetyPlan.skipped'],
  [1, 'skip', 'safetyPlan.revisitWhich'],
  [1, text('safetyPlan.revisitNo'), 'safetyPlan.saved'],
  [1, text('safetyPlan.followUpYes'), 'safetyPlan.followUpSet'],
];

/** A store to run the app on, and how to read back every document it holds. */
interface Backend {
  name: string;
  env(): Promise<NodeJS.ProcessEnv>;
  documents(): Promise<RawDocument[]>;
  cleanup(): Promise<void>;
}

function fileBackend(): Backend {
  let dir: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  return {
    name: 'the file store',
    async env() {
      dir = await makeTempDir();
      return { STORAGE: 'file', DATA_DIR: dir.path };
    },
    documents: () => fileStoreDocuments(dir?.path ?? ''),
    cleanup: async () => dir?.remove(),
  };
}

function blobBackend(): Backend {
  let azurite: Azurite | undefined;
  const container = `erasure-${Date.now().toString(36)}`;
  return {
    name: 'Azure Blob (Azurite)',
    async env() {
      azurite = await Azurite.start();
      return { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: container };
    },
    documents: () => blobDocuments(azurite?.connectionString ?? '', container),
    cleanup: async () => azurite?.stop(),
  };
}

for (const makeBackend of [fileBackend, blobBackend]) {
  const backend = makeBackend();
  describe(`"delete my data" leaves nothing that names the person: ${backend.name} (HTTP)`, function () {
    this.timeout(240_000);
    let connector: StandInConnector;
    let recognizer: WayfinderRecognizer;
    // Thursday, 8 May 2025, 10:00 in Chicago: "next Tuesday at 3" is 13 May.
    let now = Date.parse('2025-05-08T15:00:00Z');
    const clock = () => new Date(now);

    before(async () => {
      connector = await startConnector();
      recognizer = createWayfinderRecognizer({ clock, defaultTimezone: 'America/Chicago' });
    });
    // The test moves the clock and ticks the scheduler itself.
    const served = useTestApp({
      env: async () => ({ ...(await backend.env()), RATE_LIMIT_PER_MINUTE: '0' }),
      overrides: () => ({ storage: undefined, clock, recognizer }),
      manualScheduler: true,
    });
    after(async () => {
      await connector?.close();
      await backend.cleanup();
    });

    /** One activity from `person` in their conversation `n`; returns the texts the person sees. */
    async function send(person: Person, n: 0 | 1, fields: Partial<Activity>): Promise<string[]> {
      const activity = testActivity(person.conversations[n], {
        serviceUrl: connector.url,
        ...fields,
        from: { id: person.userId, name: '', role: 'user', aadObjectId: person.aadObjectId },
      });
      return (await exchange(served.url, activity)).map((reply) => reply.text ?? '');
    }

    /** Sends `words`; when `expected` is given, one of the replies must hold that string. */
    async function say(person: Person, n: 0 | 1, words: string, expected?: StringKey): Promise<void> {
      const replies = await send(person, n, { text: words });
      if (expected) {
        assert.ok(
          replies.some((reply) => containsReply(strings, expected, reply)),
          `"${words}" should bring ${expected}; got ${JSON.stringify(replies)}`,
        );
      }
    }

    /** Every feature; the first conversation begins with a conversationUpdate, the second with a message. */
    async function useEverything(person: Person): Promise<void> {
      await send(person, 0, { type: 'conversationUpdate', membersAdded: [{ id: person.userId, name: '' }] });
      for (const [n, words, expected] of everyFeature(person.phrase)) await say(person, n, words, expected);
    }

    it('erases every trace of one person in every document, and the other person keeps everything', async () => {
      await useEverything(leaving);
      await useEverything(staying);
      const before = await backend.documents();
      for (const person of [leaving, staying]) {
        const missing = needlesOf(person).filter((needle) => findNeedles(before, [needle]).length === 0);
        assert.deepEqual(
          missing,
          [],
          'before erasure the store holds each of these (else the scan proves nothing)',
        );
      }

      await say(leaving, 1, 'delete my data', 'data.confirmDelete');
      await say(leaving, 1, 'yes', 'data.deleted');

      const after = await backend.documents();
      assert.deepEqual(findNeedles(after, needlesOf(leaving)), [], 'documents that still name the person');
      const stayingDocs = needlesOf(staying).map((needle) => findNeedles(before, [needle]).length);
      assert.deepEqual(
        needlesOf(staying).map((needle) => findNeedles(after, [needle]).length),
        stayingDocs,
        'the other person has as many documents naming them as before',
      );

      // The shared queue of requests for a person holds no code of theirs either.
      const handoff = new HandoffStore(served.app.storage);
      const open = await handoff.openCodes();
      assert.equal(open.length, 1, 'only the other person’s request still waits');
      assert.equal(
        (await handoff.request(open[0] ?? ''))?.request.member.userKey,
        userStateKey('test', staying.userId),
      );

      // The other person's reminder still goes out, once, to their conversation.
      connector.newTexts(staying.conversations[0]);
      now = Date.parse('2025-05-12T20:01:00Z');
      const ticked = await served.app.scheduler.tick();
      assert.equal(ticked.sent, 1, 'one reminder due: the other person’s');
      const [reminder] = connector.newTexts(staying.conversations[0]);
      assert.ok(reminder?.includes(text('reminders.stopHint')), reminder);
      assert.deepEqual(connector.newTexts(leaving.conversations[0]), [], 'none for the erased person');
    });
  });
}
