import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PeerGroupDialog } from '../../dialogs/peer-group-dialog.js';
import type { StringKey } from '../../src/content/strings.js';
import { ianaZone } from '../../src/language/intents/time-zone.js';
import { AnswerReader } from '../../src/peer-groups/answers.js';
import { loadPeerDirectory } from '../../src/peer-groups/directory.js';
import { PeerSearch } from '../../src/peer-groups/matching.js';
import { PolicyQuestions } from '../../src/peer-groups/policy-question.js';
import { shippedRecognizer } from '../language/intents/recognizers.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';
import { entry, fixture, recognizing, thursday } from './fixtures.js';

// Issue 19, deliverable 4: peer groups honour what the person said.
const { strings } = testContent();
const say = (key: StringKey) => strings.text(key);
const shipped = loadPeerDirectory();
const reader = new AnswerReader(strings);
const policy = new PolicyQuestions(strings, reader, shipped);
const twelveStepNames = shipped.groups.filter((g) => g.approach.includes('twelveStep')).map((g) => g.name);
const results: Reply[] = ['peerGroups.resultsIntro', 'peerGroups.nextPrompt'];

/** What a person typed, as the recognizer reads it. */
const recognized = (text: string) =>
  shippedRecognizer().recognizeText(text, { timezone: 'America/New_York' });

/** Plays `steps` with the shipped directory, then `last`; returns every reply to `last`. */
async function play(steps: Step[], last: string, options?: object, directory = shipped): Promise<string[]> {
  const make = (deps: DialogDeps) => new PeerGroupDialog(deps, { directory, clock: () => thursday });
  const { client } = await runDialogCase(make, steps, options, [recognizing]);
  const replies: Partial<Activity>[] = [];
  for (let reply = await client.sendActivity(last); reply; reply = client.getNextReply()) replies.push(reply);
  return replies.map((reply) => reply.text ?? '');
}

/** Each reply contains its expected string, in order, and there are no others. */
function expectReplies(texts: readonly string[], expected: readonly Reply[]): void {
  assert.equal(texts.length, expected.length, texts.join('\n---\n'));
  for (const [index, want] of expected.entries()) {
    assert.ok(containsReply(strings, want, texts[index] ?? ''), `${want} in: ${texts[index]}`);
  }
}

const noTwelveStepGroup = (texts: readonly string[]) => {
  for (const name of twelveStepNames) assert.ok(!texts.join('\n').includes(name), `${name} was shown`);
};

describe('peer groups honour the person: "not 12-step"', () => {
  const excluding = [
    'not 12 step',
    'no 12-step please',
    'Non-12-step',
    'anything but 12 step',
    'no AA or NA',
    'nothing 12 step',
    '12 step isnt for me',
    "i don't want 12 step",
  ];
  for (const text of excluding) {
    it(`"${text}" at the kind-of-group question rules out 12-step groups`, async () => {
      assert.deepEqual(reader.read('approach', text, await recognized(text)), { approach: 'notTwelveStep' });
    });
  }
  // Said by a person playing the bot, who was then offered faith-based groups ("Got it: faith-based").
  for (const text of [
    'no god stuff',
    'NOT faith based',
    "i'm not religious",
    'nothing religious, no church',
  ]) {
    it(`"${text}" at the kind-of-group question is secular, never faith-based`, async () => {
      assert.deepEqual(reader.read('approach', text, await recognized(text)), { approach: 'secular' });
    });
  }
  it('"weed mostly. no god stuff" said in passing is secular too', async () => {
    const text = 'weed mostly. no god stuff';
    assert.equal(reader.mentions(await recognized(text), text).approach, 'secular');
  });
  const choosing: readonly [string, object][] = [
    ['faith based', { approach: 'faithBased' }],
    ['12 step is fine', { approach: 'twelveStep' }],
    ['12-step', { approach: 'twelveStep' }],
    ['aa', { approach: 'twelveStep' }],
    ['smart', { approach: 'secular' }],
  ];
  for (const [text, answer] of choosing) {
    it(`"${text}" is a kind of group, not ruling 12-step out`, async () => {
      assert.deepEqual(reader.read('approach', text, await recognized(text)), answer);
    });
  }

  it('the search, its national options and what it offers to leave out never bring back a 12-step group', () => {
    const search = new PeerSearch(shipped, {
      now: thursday,
      zone: ianaZone('America/New_York') ?? assert.fail(),
    });
    const prefs = {
      focus: 'alcohol',
      approach: 'notTwelveStep',
      format: 'phone',
      medication: 'required',
    } as const;
    const shown = [...search.find(prefs), ...search.nationalOptions(prefs)].map((m) => m.group.name);
    assert.ok(shown.length > 0);
    noTwelveStepGroup(shown);
    assert.notEqual(search.relaxation({ ...prefs, format: 'inPerson' })?.filter, 'approach');
  });

  it('one message mid-way fills four answers: "online, not 12 step, evenings, I\'m on suboxone"', async () => {
    const steps: Step[] = [
      ['find me a support group', ['peerGroups.intro', 'peerGroups.askFocus']],
      ["online, not 12 step, evenings, I'm on suboxone", ['peerGroups.updated', 'peerGroups.askFocus']],
    ];
    const texts = await play(steps, 'drugs');
    expectReplies(texts, results);
    const summary = texts[0] ?? '';
    for (const key of [
      'peerGroupTerms.approachNotTwelveStep',
      'peerGroupTerms.formatOnline',
      'peerGroupWhen.partEvening',
      'peerGroupTerms.medicationRequired',
    ] as const) {
      assert.ok(summary.toLowerCase().includes(say(key).toLowerCase()), `${key} in: ${summary}`);
    }
    noTwelveStepGroup(texts);
  });

  it('the same four in the first message are not asked again, only what it is for', async () => {
    const text = "find a group online, not 12 step, evenings, I'm on suboxone";
    const options = { recognition: await recognized(text), text };
    const steps: Step[] = [[text, ['peerGroups.intro', 'peerGroups.prefilled', 'peerGroups.askFocus']]];
    const texts = await play(steps, 'other drugs', options);
    expectReplies(texts, results);
    noTwelveStepGroup(texts);
  });
});

describe('peer groups honour the person: medication for recovery', () => {
  const said: readonly [string, boolean][] = [
    ["I'm on suboxone", true],
    ['i take methadone every morning', true],
    ['im on bupe', true],
    ['on the vivitrol shot', true],
    ['suboxen', true],
    ['I get sublocade monthly', true],
    ["I'm not on methadone", false],
    ['i got off suboxone last year', false],
    ['no', false],
    ['online please', false],
  ];
  for (const [text, onMedication] of said) {
    it(`"${text}" ${onMedication ? 'keeps' : 'does not set'} the medication-friendly answer`, () => {
      assert.equal(reader.medicationOf(text), onMedication ? 'required' : undefined);
    });
  }

  it('said at the medication question, "I\'m on buprenorphine" is a yes', async () => {
    const text = "I'm on buprenorphine";
    assert.deepEqual(reader.read('medication', text, await recognized(text)), { medication: 'required' });
  });

  it('nothing fits: told so honestly, never offered to leave medication out, shown what they can do', async () => {
    const steps: Step[] = [
      ['find me a support group', ['peerGroups.intro', 'peerGroups.askFocus']],
      ['any substance', ['peerGroups.askApproach']],
      ['secular', ['peerGroups.askFormat']],
      ['by phone', ['peerGroups.askWhen']],
      ['any time', ['peerGroups.askMedication']],
    ];
    const texts = await play(steps, "i'm on buprenorphine", undefined, fixture('basic'));
    expectReplies(texts, [
      'peerGroups.nothingFits',
      'peerGroups.nothingFitsMedication',
      ['peerGroups.relaxOffer', { filter: say('peerGroupTerms.filterFormat'), count: 3 }],
      'peerGroups.nationalOptions',
      'peerGroups.offerPeer',
    ]);
    assert.ok(!texts.join('\n').includes(`"${say('peerGroupTerms.filterMedication')}"`));
  });
});

describe('peer groups honour the person: a question about a group is answered, not taken as a choice', () => {
  const questions: readonly [string, string | undefined][] = [
    ['can i go to NA on suboxone?', 'na'],
    ['does smart allow methadone', 'smart-recovery'],
    ['is celebrate recovery ok with vivitrol?', 'celebrate-recovery'],
    ['Can I go to AA if I take methadone', 'aa'],
    ['do na meetings welcome people on meds?', 'na'],
    ['I go to NA', undefined],
    ['NA', undefined],
    ["i'm on suboxone", undefined],
    ['can i go to AA or NA on suboxone?', undefined],
  ];
  for (const [text, id] of questions) {
    it(`"${text}" ${id ? `asks about ${id}` : 'asks about no one group'}`, () => {
      assert.equal(policy.groupAskedAbout(text)?.id, id);
    });
  }

  it('each answer says what the directory says, and how to ask where it is not a yes', () => {
    const na = policy.answer(entry(shipped, 'na'));
    assert.ok(na.startsWith(strings.text('peerGroupPolicy.eachGroup', { name: entry(shipped, 'na').name })));
    assert.ok(na.includes(say('peerGroupCards.askMedication')));
    assert.ok(na.includes(say('peerGroupPolicy.askPeer')));
    const aa = policy.answer(entry(shipped, 'aa'));
    assert.ok(aa.startsWith(strings.text('peerGroupPolicy.unknown', { name: entry(shipped, 'aa').name })));
    const smart = entry(shipped, 'smart-recovery');
    assert.equal(policy.answer(smart), strings.text('peerGroupPolicy.yes', { name: smart.name }));
  });

  const toApproach: Step[] = [
    ['find me a support group', ['peerGroups.intro', 'peerGroups.askFocus']],
    ['drugs', ['peerGroups.askApproach']],
  ];

  it('at the kind-of-group question: answered, the same question again, and medication not asked later', async () => {
    const texts = await play(toApproach, 'can i go to NA on suboxone?');
    expectReplies(texts, [
      ['peerGroupPolicy.eachGroup', { name: entry(shipped, 'na').name }],
      'peerGroups.askApproach',
    ]);
    const steps: Step[] = [
      ...toApproach,
      ['can i go to NA on suboxone?', ['peerGroupPolicy.eachGroup', 'peerGroups.askApproach']],
      ['no preference', ['peerGroups.askFormat']],
      ['online', ['peerGroups.askWhen']],
    ];
    expectReplies(await play(steps, 'any time'), results);
  });

  it('after the results: answered, and the results prompt again', async () => {
    const steps: Step[] = [
      ...toApproach,
      ['no preference', ['peerGroups.askFormat']],
      ['online', ['peerGroups.askWhen']],
      ['any time', ['peerGroups.askMedication']],
      ['yes', results],
    ];
    const texts = await play(steps, 'is AA ok with vivitrol?');
    expectReplies(texts, [
      ['peerGroupPolicy.unknown', { name: entry(shipped, 'aa').name }],
      'peerGroups.nextPrompt',
    ]);
  });

  it('as the first message: answered after the intro; 12-step is not chosen', async () => {
    const text = 'can i go to NA on suboxone?';
    const texts = await play([], text, { recognition: await recognized(text), text });
    expectReplies(texts, [
      'peerGroups.intro',
      'peerGroupPolicy.eachGroup',
      ['peerGroups.prefilled', { summary: say('peerGroupTerms.medicationRequired') }],
      'peerGroups.askFocus',
    ]);
    assert.ok(!texts.join('\n').includes(say('peerGroupTerms.approachTwelveStep')));
  });
});

describe('peer groups honour the person: secular means no religion (Janet, group B)', () => {
  for (const text of [
    'I would prefer one that is secular and not a 12-step program.',
    'Change an answer, please. I would like to remove the religious options.',
    'I asked for a secular group, and I do not want a religious program.',
    'take out the church ones',
  ])
    it(`"${text}" said in passing is secular, never faith-based nor only not-12-step`, async () => {
      assert.equal(reader.mentions(await recognized(text), text).approach, 'secular');
    });

  it('"remove the religious options" sets no format ("remove" is not "remote")', async () => {
    const text = 'Change an answer, please. I would like to remove the religious options.';
    assert.equal(reader.mentions(await recognized(text), text).format, undefined);
  });

  it('"I\'m not sure about the church one" leaves nothing out', async () => {
    const text = "I'm not sure about the church one";
    assert.notEqual(reader.mentions(await recognized(text), text).approach, 'secular');
  });
});

/** Janet's first turns (group B), as typed: a town, secular, in person, evenings, then three place questions. */
const janet = [
  'Good afternoon. I am looking for a support group that meets in person, in the evening, here in Dayton, Ohio. I would prefer one that is secular and not a 12-step program.',
  'I would say other drugs. I take buprenorphine for opioid use disorder, and I have been stable for some time now.',
  'Thank you. However, I specifically said I would like a secular group. Also, I live in Dayton, Ohio. Is there anything actually in Dayton?',
  'Very well. Where is the nearest SMART Recovery meeting? How would I find an evening one in Dayton specifically?',
  'Could a peer specialist help me find a meeting in Dayton?',
  'Change an answer, please. I would like to remove the religious options.',
];

describe('peer groups over HTTP: Janet (group B), with and without a conversationUpdate', () => {
  const served = useTestApp();
  for (const welcomed of [false, true])
    it(`no faith-based group, in person kept, and "no local list" said in full once per search (${welcomed ? 'after' : 'without'} a conversationUpdate)`, async () => {
      const id = `honour-janet-${welcomed}`;
      if (welcomed)
        await exchange(
          served.url,
          testActivity(id, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'user' }] }),
        );
      const texts: string[] = [];
      for (const text of janet)
        for (const reply of await exchange(served.url, testActivity(id, { text })))
          texts.push(reply.text ?? '', JSON.stringify(reply.attachments ?? []));
      const all = texts.join('\n');
      assert.ok(!all.includes(entry(shipped, 'celebrate-recovery').name), all);
      const full = texts.filter((text) => containsReply(strings, 'peerGroupResults.noLocalList', text));
      assert.equal(full.length, 1, all);
      assert.ok(
        texts.some((text) => containsReply(strings, 'peerGroupResults.noLocalListAgain', text)),
        all,
      );
      const last =
        texts.filter((text) => containsReply(strings, 'peerGroups.resultsIntro', text)).at(-1) ?? '';
      assert.ok(last.includes(say('peerGroupTerms.formatInPerson')), last);
      assert.ok(!last.includes(say('peerGroupTerms.approachFaithBased')), last);
    });
});

describe('peer groups over HTTP: a conversation that starts with a message, on Web Chat', () => {
  const served = useTestApp();

  it('four answers in the first message, then the results once, as cards with no 12-step group', async () => {
    const send = (text: string) =>
      exchange(served.url, testActivity('honour-webchat', { text, channelId: 'webchat' }));
    // The first message of the conversation: no conversationUpdate, no "hi".
    const first = await send("find a group: online, not 12 step, evenings, I'm on suboxone");
    assert.ok(first.some((reply) => containsReply(strings, 'peerGroups.prefilled', reply.text ?? '')));
    const replies = await send('drugs');
    const shown = replies.find((reply) => (reply.attachments ?? []).length > 0);
    assert.ok(shown, replies.map((reply) => reply.text).join('\n'));
    assert.ok(containsReply(strings, 'peerGroups.resultsIntro', shown.text ?? ''));
    const cards = JSON.stringify(shown.attachments);
    assert.ok(cards.includes(entry(shipped, 'smart-recovery').name));
    noTwelveStepGroup([cards, ...replies.map((reply) => reply.text ?? '')]);
    assert.ok(!replies.some((reply) => containsReply(strings, 'peerGroups.askWhen', reply.text ?? '')));
  });
});
