import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PeerGroupDialog } from '../../dialogs/peer-group-dialog.js';
import type { StringKey } from '../../src/content/strings.js';
import { loadPeerDirectory } from '../../src/peer-groups/directory.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { SafetyGateHost } from '../support/safety-gate-host.js';
import { useTestApp } from '../support/test-app.js';
import { entry, recognizing, thursday } from './fixtures.js';

const { strings } = testContent();
const say = (key: StringKey) => strings.text(key);
const shipped = loadPeerDirectory();
const makeFinder = (deps: DialogDeps) =>
  new PeerGroupDialog(deps, { directory: shipped, clock: () => thursday });

/** Support with other drugs, any kind of group, online, any time: the medication question is next. */
const toMedication: Step[] = [
  ['find me a support group', ['peerGroups.intro', 'peerGroups.askFocus']],
  [say('peerGroupChoices.focusOtherDrugs'), ['peerGroups.askApproach']],
  [say('peerGroupChoices.noPreference'), ['peerGroups.askFormat']],
  [say('peerGroupChoices.formatOnline'), ['peerGroups.askWhen']],
  ['any time', ['peerGroups.askMedication']],
];

/** Plays the steps, then `last`, returning every reply to `last`. */
async function repliesTo(last: string, host?: 'safety'): Promise<Partial<Activity>[]> {
  const make = (deps: DialogDeps) => (host ? new SafetyGateHost(deps, makeFinder(deps)) : makeFinder(deps));
  const { client } = await runDialogCase(make, toMedication, undefined, [recognizing]);
  const replies: Partial<Activity>[] = [];
  for (let reply = await client.sendActivity(last); reply; reply = client.getNextReply()) replies.push(reply);
  return replies;
}

const required = say('peerGroupTerms.medicationRequired');

describe('peer groups: a person on medication for opioid use disorder (shipped directory)', () => {
  it('SMART Recovery comes first, from its own statement; unknown policies say "ask them"; nothing to drop', async () => {
    const [results, next] = await repliesTo(say('peerGroupChoices.medicationRequired'));
    const text = results?.text ?? '';
    assert.ok(text.startsWith(strings.text('peerGroups.resultsIntro', { summary: '' }).slice(0, 20)), text);
    assert.ok(text.includes(required), 'the summary names the medication answer');
    const smart = entry(shipped, 'smart-recovery');
    assert.equal(smart.medicationFriendly, 'yes');
    assert.ok(smart.medicationSource?.cite.includes('FDA-approved medications'));
    const first = text.split('\n\n')[1] ?? '';
    assert.ok(first.startsWith(strings.text('peerGroupCards.item', { number: 1, name: smart.name })), first);
    assert.ok(first.includes(say('peerGroupCards.reasonMedication')), first);
    // NA leaves it to each group; the others have no stated policy: each is shown with how to ask.
    assert.ok(text.includes(entry(shipped, 'na').name));
    assert.ok(text.includes(say('peerGroupCards.noteMedicationEachGroup')));
    assert.ok(text.includes(say('peerGroupCards.noteMedicationUnknown')));
    assert.ok(text.includes(say('peerGroupCards.askMedication')));
    // Results were found, so nothing is offered to leave out, least of all the medication answer.
    assert.equal(next?.text?.startsWith(say('peerGroups.nextPrompt')), true);
    const offered = JSON.stringify(next);
    assert.ok(!offered.includes(say('peerGroupChoices.relax')));
    for (const reply of [results, next]) {
      assert.ok(!reply?.text?.includes(say('peerGroupTerms.filterMedication')));
    }
  });

  it('no national organization with a stated policy lacks its source', () => {
    for (const group of shipped.groups) {
      if (group.medicationFriendly !== 'unknown') assert.ok(group.medicationSource, group.id);
    }
  });

  /** Typed answers to the medication question, and whether the search then keeps that filter. */
  const typed: readonly [answer: string, keeps: boolean][] = [
    [say('peerGroupChoices.medicationRequired'), true],
    ['yes', true],
    ['leave them out', true],
    ['yes please', true],
    ['1', true],
    ['only those', true],
    [say('peerGroupChoices.medicationAny'), false],
    ['no', false],
    ['nope', false],
    ['2', false],
  ];
  for (const [answer, keeps] of typed) {
    it(`"${answer}" ${keeps ? 'keeps' : 'does not keep'} the medication answer`, async () => {
      const [results, next] = await repliesTo(answer);
      assert.ok(results?.text?.includes(smartName()), results?.text);
      assert.equal(results?.text?.includes(required), keeps, results?.text);
      assert.ok(next?.text?.startsWith(say('peerGroups.nextPrompt')));
    });
  }

  const misses: readonly string[] = ['idk', 'yse', 'what does that mean?'];
  for (const answer of misses) {
    it(`"${answer}" is asked again in other words, never the same question twice`, async () => {
      const replies = await repliesTo(answer);
      assert.deepEqual(
        replies.map((reply) => reply.text?.startsWith(say('peerGroups.askMedicationAgain'))),
        [true],
      );
    });
  }

  it('a crisis sentence at the medication question gets the crisis reply at once', async () => {
    const replies = await repliesTo('I want to kill myself', 'safety');
    const expected: Reply[] = ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt'];
    assert.equal(replies.length, expected.length);
    for (const [index, want] of expected.entries()) {
      assert.ok(containsReply(strings, want, replies[index]?.text ?? ''), want.toString());
    }
  });
});

function smartName(): string {
  return entry(shipped, 'smart-recovery').name;
}

describe('peer groups over HTTP: a conversation that starts by asking for a group', () => {
  const served = useTestApp();

  it('with no welcome first, a person on medication finds SMART Recovery first and is offered nothing to drop', async () => {
    const send = async (text: string) =>
      (await exchange(served.url, testActivity('moud-search', { text }))).map((reply) => reply.text ?? '');
    // It starts with a message, no conversationUpdate (a first message that is itself the request
    // is typed18's start-anywhere work: today it gets the menu).
    await send('hi');
    const first = await send('can you find me an online support group');
    assert.ok(
      first.some((text) => text.startsWith(say('peerGroups.intro'))),
      first.join('\n'),
    );
    await send(say('peerGroupChoices.focusOtherDrugs'));
    await send(say('peerGroupChoices.noPreference'));
    const asked = await send('any time');
    assert.ok(
      asked.some((text) => text.startsWith(say('peerGroups.askMedication'))),
      asked.join('\n'),
    );
    const [results = '', ...rest] = await send('yes');
    assert.ok(
      results.includes(strings.text('peerGroupCards.item', { number: 1, name: smartName() })),
      results,
    );
    assert.ok(!rest.some((text) => text.includes(say('peerGroupChoices.relax'))));
  });
});
