import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DisclosureTerms } from '../../src/accommodations/terms.js';
import type { StringKey } from '../../src/content/strings.js';
import { createWayfinderRecognizer } from '../../src/language/intents/index.js';
import { loadScenarios } from '../../src/practice/scenarios.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';
import { lastCardText } from './support.js';

const { strings } = testContent();
const scenarioCounterpart = (id: string) =>
  loadScenarios().find((scenario) => scenario.id === id)?.counterpart ?? id;
const terms = DisclosureTerms.from(strings);
/** Thursday 8 May 2025, 10 AM in Chicago. */
const clock = () => new Date('2025-05-08T15:00:00Z');

/** A turn: what the person types, and what must be in the reply (by string key). */
type Turn = [says: string, sees: StringKey];

/** Typed from the first message (no conversationUpdate), with ADHD named and two changes asked for. */
const adhdTwoChanges: Turn[] = [
  ['i need to ask my job for changes, i have ADHD and cant focus', 'accommodation.intro'],
  ['written instructions and a quiet room', 'accommodation.askWho'],
  ['hr', 'accommodation.askFormat'],
  ['email', 'accommodation.askStart'],
  ['as soon as possible', 'accommodation.askDisclosure'],
  ['specifics', 'accommodationBrief.heading'],
  ['add that i need breaks too', 'accommodation.askReview'],
  ['looks good', 'accommodation.saved'],
];

/** "say i'm in recovery" typed at the disclosure question (as the load script does). */
const recoveryTyped: Turn[] = [
  ['Accommodations', 'accommodation.askSetting'],
  ['Work', 'accommodation.askBarrier'],
  ['my bus runs late', 'accommodation.askIdea'],
  ['1', 'accommodation.askWho'],
  ['hr', 'accommodation.askFormat'],
  ['letter', 'accommodation.askStart'],
  ['asap', 'accommodation.askDisclosure'],
  ["say i'm in recovery", 'accommodation.askReview'],
];

/** As a student typed it when people played the bot (fifth run): asides, pointers and an objection. */
const asidesTyped: Turn[] = [
  ['i need extra time on tests lol and like a quiet room. i have adhd', 'routing.twoOptions'],
  ['the accommodation one', 'accommodation.askSetting'],
  ['school. community college', 'accommodation.askBarrier'],
  ['focus i guess. adhd makes timed tests rly hard', 'accommodation.askIdea'],
  ['1 and 3 both', 'accommodation.askWho'],
  ['idk the disability office i guess?', 'accommodation.askFormat'],
  ['email prob', 'accommodation.askStart'],
  ['before finals lol so like asap', 'accommodation.askDisclosure'],
  ["specifics. say i'm in recovery", 'accommodation.askReview'],
  ['no!! it says recovery. i said dont say that', 'accommodation.askDisclosure'],
  ['just adhd', 'accommodation.askReview'],
  ['looks good', 'accommodation.saved'],
];

/** Ava (group D): depression named, a saved request, then "practice saying it". */
const avaPractices: Turn[] = [
  // The disability office and extensions say school, the change and who: only the barrier is asked.
  ['hi um i need to ask my uni disability office for extensions on my deadlines', 'accommodation.askBarrier'],
  [
    'depression makes it really hard to focus and some weeks i just cant get out of bed',
    'accommodation.askFormat',
  ],
  ['email', 'accommodation.askStart'],
  ['as soon as possible', 'accommodation.askDisclosure'],
  ['specifics i guess. depression', 'accommodation.askReview'],
  ['save it', 'accommodation.saved'],
  ['practice saying it', 'practice.scene'],
  ['feedback at the end', 'practice.counterpartSays'],
  [
    'hi, I have depression and I wanted to ask about extensions on my assignment deadlines',
    'practice.counterpartSays',
  ],
  ['stop', 'practice.stopped'],
];

/** Marcus (group A): his supervisor, a health condition and no more; he keeps recovery out. */
const marcusPractices: Turn[] = [
  ['need a letter for work', 'accommodation.askBarrier'],
  ['the treatment times. IOP is thurs 8 to 11', 'accommodation.askIdea'],
  ['a later start time on thursdays, 11:30', 'accommodation.askWho'],
  ['mike my supervsr', 'accommodation.askFormat'],
  ['email then', 'accommodation.askStart'],
  ['asap', 'accommodation.askDisclosure'],
  ['health condition', 'accommodation.askReview'],
  ['k save it', 'accommodation.saved'],
  ['practice saying it', 'practice.scene'],
  ['feedback at the end', 'practice.counterpartSays'],
  ['i need to start at 11:30 on thursdays. its for a health thing', 'practice.counterpartSays'],
  ['stop', 'practice.stopped'],
];

/** The text of every reply from the first that holds `key`'s words on. */
function repliesFrom(sent: readonly Partial<Activity>[], key: StringKey): string {
  const at = sent.findIndex((reply) => templatePattern(strings.text(key)).test(reply.text ?? ''));
  return sent
    .slice(Math.max(at, 0))
    .map((reply) => reply.text ?? '')
    .join('\n');
}

/** Plays `turns` in conversation `id`; returns every reply. */
async function play(url: string, id: string, turns: readonly Turn[]): Promise<Partial<Activity>[]> {
  const sent: Partial<Activity>[] = [];
  for (const [says, sees] of turns) {
    const replies = await exchange(url, testActivity(id, { text: says, localTimezone: 'America/Chicago' }));
    sent.push(...replies);
    const seen = replies.map((reply) => reply.text ?? '').join('\n\n');
    assert.match(seen, templatePattern(strings.text(sees)), `"${says}": ${sees} in ${JSON.stringify(seen)}`);
  }
  return sent;
}

describe('an accommodation request says what the person said (HTTP, typed, no conversationUpdate)', () => {
  const served = useTestApp({
    overrides: () => ({ clock, recognizer: createWayfinderRecognizer({ clock }) }),
    manualScheduler: true,
  });

  it('ADHD named in the first message goes in as ADHD, never recovery; three changes are listed', async () => {
    const sent = await play(served.url, 'letters-adhd', adhdTwoChanges);
    const letter = lastCardText(sent);
    assert.deepEqual(terms.beyond(letter, ['health', 'diagnosis']), [], letter);
    assert.ok(letter.includes('I have ADHD'), letter);
    for (const key of [
      'accommodationIdeas.writtenInstructionsRequest',
      'accommodationIdeas.quietSpaceRequest',
      'accommodationIdeas.breaksRequest',
    ] as const)
      assert.ok(letter.includes(strings.text(key)), `${key} in ${letter}`);
    assert.ok(!letter.includes('add that'), letter);
  });

  for (const welcomed of [false, true])
    it(`asides are left out and "no!! it says recovery" changes what is shared (${welcomed ? 'after' : 'without'} a conversationUpdate)`, async () => {
      const id = `letters-asides-${welcomed}`;
      if (welcomed)
        await exchange(
          served.url,
          testActivity(id, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'user' }] }),
        );
      const letter = lastCardText(await play(served.url, id, asidesTyped));
      for (const aside of ['1 and 3', 'lol', 'so like', 'idk', 'i guess', 'asap'])
        assert.ok(!letter.toLowerCase().includes(aside), `"${aside}" in ${letter}`);
      assert.ok(letter.includes('before finals, as soon as possible'), letter);
      assert.deepEqual(terms.beyond(letter, ['health', 'diagnosis']), [], letter);
    });

  for (const welcomed of [false, true])
    it(`Ava: depression named gets no note about recovery, and "practice saying it" plays her request and reason (${welcomed ? 'after' : 'without'} a conversationUpdate)`, async () => {
      const id = `letters-ava-${welcomed}`;
      if (welcomed)
        await exchange(
          served.url,
          testActivity(id, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'user' }] }),
        );
      const sent = await play(served.url, id, avaPractices);
      const all = sent.map((reply) => reply.text ?? '').join('\n');
      assert.ok(
        all.includes(strings.text('accommodationBrief.notRecovery', { condition: 'depression' })),
        all,
      );
      assert.ok(!all.includes(strings.text('accommodationBrief.school')), all);
      const practice = repliesFrom(sent, 'practice.intro');
      assert.ok(practice.includes('ask about extensions on assignment deadlines'), practice);
      assert.ok(
        practice.includes(strings.text('practice.sceneReason', { reason: 'my depression' })),
        practice,
      );
      assert.ok(!/recovery/i.test(practice), practice);
    });

  it('Marcus: "practice saying it" plays his supervisor, his later start and a health condition, never recovery', async () => {
    const practice = repliesFrom(await play(served.url, 'letters-marcus', marcusPractices), 'practice.intro');
    assert.ok(practice.includes('a later start time on thursdays, 11:30'), practice);
    // "mike my supervsr" at who: the supervisor is played by the name he gave.
    const playedAs = scenarioCounterpart('supervisor-meetings').replace(/, \w+$/, ', Mike');
    assert.ok(practice.includes(playedAs) && !practice.includes(', Pat'), practice);
    const reason = strings.text('accommodationLetter.practiceReasonGeneral');
    assert.ok(practice.includes(strings.text('practice.sceneReason', { reason })), practice);
    assert.ok(!/recovery|rehab/i.test(practice), practice);
  });

  it('"say i\'m in recovery" typed at the disclosure question names recovery, without another question', async () => {
    const letter = lastCardText(await play(served.url, 'letters-recovery', recoveryTyped));
    assert.ok(letter.includes(strings.text('accommodationLetter.travelSpecifics')), letter);
  });
});
