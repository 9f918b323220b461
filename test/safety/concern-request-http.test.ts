import assert from 'node:assert/strict';
import type { Activity, CardAction } from 'botbuilder';
import type { StringKey } from '../../src/content/strings.js';
import { globalCommands } from '../../src/language/commands.js';
import { type FeatureIntent, featureIntents } from '../../src/language/routing.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply } from '../support/dialog-case.js';
import { directLineJoin, directLineSay, exchange, exchangeAll } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const DISCLOSURE: StringKey = 'firstMessage.disclosure';
const ACK: StringKey = 'safety.concernIntro';

/**
 * One message that carries a concern (how the person feels) and a request (what they came for),
 * typed as people type: the concern is met once, with a person and the safety plan offered, then
 * the request is carried out as if typed at the menu.
 */
interface Row {
  covers: FeatureIntent | (typeof globalCommands)[number];
  says: string;
  /** What the request gets, after the concern reply (string keys). */
  answers: readonly Reply[];
  /** One of these after the concern reply (what is stored differs after a welcome). */
  anyOf?: readonly Reply[];
  /** What must not come: the menu where a flow should start, a question the message answered. */
  never?: readonly Reply[];
}

const rows: readonly Row[] = [
  {
    covers: 'appointment',
    says: 'i feel so hopeless lately, can you help me get ready for my doctor appointment thursday',
    answers: ['appointment.intro', 'appointment.noted'],
    never: ['appointment.askType', 'menu.prompt'],
  },
  {
    covers: 'accommodation',
    says: 'been craving so bad all week. i need to ask my job for a later start because of treatment',
    answers: ['accommodation.intro', 'accommodation.noted'],
    never: ['accommodation.askSetting', 'menu.prompt'],
  },
  {
    covers: 'peerGroup',
    says: 'been craving so bad all week. find me a group online',
    answers: ['peerGroups.intro'],
    never: ['menu.prompt'],
  },
  {
    covers: 'practice',
    says: 'im scared ill relapse, can we role play me asking my boss for time off',
    answers: ['practice.intro'],
    never: ['menu.prompt'],
  },
  {
    covers: 'handoff',
    says: 'im scared ill relapse, i want to talk to a person',
    answers: ['handoff.intro', 'handoff.nobodyNow', 'handoff.offerMessage'],
    never: ['menu.prompt'],
  },
  {
    covers: 'handoff',
    says: 'i feel like giving up on recovery... can i talk to a real persn',
    answers: ['handoff.intro', 'handoff.nobodyNow', 'handoff.offerMessage'],
    never: ['menu.prompt'],
  },
  { covers: 'help', says: 'i feel so hopeless lately. help', answers: ['help.short', 'menu.prompt'] },
  { covers: 'menu', says: 'i feel like giving up on recovery. menu', answers: ['menu.prompt'] },
  { covers: 'cancel', says: 'i feel so alone and empty. start over', answers: ['menu.prompt'] },
  {
    covers: 'showData',
    says: 'i feel so alone and empty. show my data',
    answers: ['menu.prompt'],
    anyOf: ['data.nothing', 'data.intro'],
  },
  {
    covers: 'deleteData',
    says: 'im scared ill relapse. delete my data',
    answers: ['data.confirmDelete'],
    never: ['menu.prompt'],
  },
  {
    covers: 'privacy',
    says: 'i feel so hopeless lately, is this private?',
    answers: ['privacy.kept', 'menu.prompt'],
  },
  {
    covers: 'aboutBot',
    says: 'been craving so bad all week. are you a bot',
    answers: ['aboutBot.answer', 'menu.prompt'],
  },
  { covers: 'myPlans', says: 'i feel so alone and empty. my plans', answers: ['plans.none'] },
  {
    covers: 'crisisLines',
    says: 'i feel so alone and empty. crisis lines',
    answers: ['crisis.intro', 'menu.prompt'],
  },
  {
    covers: 'mySafetyPlan',
    says: 'i feel so hopeless lately. my safety plan',
    answers: ['safetyPlan.none', 'safetyPlan.offerMake'],
  },
];

/** The replies that never follow a concern the person moved on from. */
const trapped: readonly Reply[] = ['safety.stillHere', 'safety.concernNoted', 'safety.concernAgain'];

function textOf(activity: Partial<Activity>): string {
  const cards = (activity.attachments ?? []).map((a) => JSON.stringify(a.content ?? ''));
  return [activity.text ?? '', ...cards].join('\n');
}

/** Where `reply` first shows in `replies`, or -1. */
function indexOf(replies: readonly Partial<Activity>[], reply: Reply): number {
  return replies.findIndex((activity) => containsReply(strings, reply, textOf(activity)));
}

/** The button titles a person sees on an activity: suggested actions or a card's buttons. */
function buttonsOf(activity: Partial<Activity> | undefined): string[] {
  const suggested = activity?.suggestedActions?.actions ?? [];
  const onCards = (activity?.attachments ?? []).flatMap(
    (a) => ((a.content as { buttons?: CardAction[] } | undefined)?.buttons ?? []) as CardAction[],
  );
  return [...suggested, ...onCards].map((action) => action.title ?? '');
}

function disclosures(replies: readonly Partial<Activity>[]): number {
  return replies.filter((activity) => activity.text === strings.text(DISCLOSURE)).length;
}

describe('a concern message that carries a request (HTTP)', () => {
  const served = useTestApp();

  let conversations = 0;
  const next = () => {
    conversations += 1;
    return { conversation: `concern-request-${conversations}`, user: `concern-user-${conversations}` };
  };

  for (const started of [true, false]) {
    const how = started ? 'after the welcome' : 'as the first message (no conversationUpdate)';
    describe(how, () => {
      for (const row of rows) {
        it(`"${row.says}": the concern is met once, a person offered, then ${row.covers}`, async () => {
          const { conversation, user } = next();
          if (started) await exchange(served.url, directLineJoin(conversation, user));
          const all = await exchangeAll(served.url, directLineSay(conversation, user, row.says));
          const safety = all.find((a) => a.type === 'trace' && a.name === 'SafetyCheck');
          assert.deepEqual(safety?.value, { level: 'concern' }, 'the gate hears the concern');
          const replies = all.filter((a) => a.type !== 'trace');

          const acks = replies.filter((a) => containsReply(strings, ACK, textOf(a)));
          assert.equal(acks.length, 1, 'acknowledged once');
          const ack = replies.indexOf(acks[0] as Partial<Activity>);
          assert.ok(textOf(acks[0] ?? {}).includes('988'), 'the reply names 988');
          const buttons = buttonsOf(acks[0]);
          assert.ok(buttons.includes(strings.text('safety.talkToPerson')), 'a person is offered');
          assert.ok(buttons.includes(strings.text('safety.myPlan')), 'the safety plan is one tap away');

          for (const want of row.answers) {
            const at = indexOf(replies, want);
            assert.ok(at > ack, `then ${JSON.stringify(want)}`);
          }
          if (row.anyOf) {
            const found = row.anyOf.map((want) => indexOf(replies, want)).filter((at) => at > ack);
            assert.ok(found.length > 0, `then one of ${JSON.stringify(row.anyOf)}`);
          }
          for (const unwanted of [...(row.never ?? []), ...trapped]) {
            assert.equal(indexOf(replies, unwanted), -1, `never ${JSON.stringify(unwanted)}`);
          }
          if (started) {
            assert.equal(disclosures(replies), 0, 'welcomed already: no disclosure');
          } else {
            assert.equal(disclosures(replies), 1, 'told once it is automated');
            const disclosed = replies.findIndex((a) => a.text === strings.text(DISCLOSURE));
            const first = Math.min(...row.answers.map((want) => indexOf(replies, want)));
            assert.ok(ack < disclosed && disclosed < first, 'after the concern reply, before the request');
          }
        });
      }
    });
  }

  it('the table covers every guided conversation and every global command', () => {
    const covered = new Set<string>(rows.map((row) => row.covers));
    const missing = [...featureIntents, ...globalCommands].filter((name) => !covered.has(name));
    assert.deepEqual(missing, [], 'add a row for each');
  });

  it('the flow started goes on with the next answer: the concern reply does not come back', async () => {
    const { conversation, user } = next();
    await exchange(served.url, directLineSay(conversation, user, rows[0]?.says ?? ''));
    const replies = await exchange(served.url, directLineSay(conversation, user, 'a refill'));
    assert.ok(replies.length > 0);
    for (const activity of replies) {
      assert.ok(!textOf(activity).includes('988'), `no safety reply: ${activity.text}`);
    }
    assert.equal(indexOf(replies, 'menu.prompt'), -1, 'still in the appointment flow');
  });

  it('"Talk to a person" tapped on the reply while the flow goes on: the person is asked for', async () => {
    const { conversation, user } = next();
    await exchange(
      served.url,
      directLineSay(conversation, user, 'been craving so bad all week. find me a group online'),
    );
    const tapped = await exchange(
      served.url,
      directLineSay(conversation, user, strings.text('safety.talkToPerson')),
    );
    // Like any topic asked for inside a flow: one question, so a slip does not lose the search.
    assert.notEqual(
      indexOf(tapped, ['routing.switchConfirm', { feature: strings.text('features.handoff') }]),
      -1,
    );
    const replies = await exchange(served.url, directLineSay(conversation, user, 'yes'));
    assert.notEqual(indexOf(replies, 'handoff.intro'), -1, 'the handoff starts');
  });

  // Concern that names a feature, or sounds like a question, without asking for anything.
  const concernOnly = [
    'i feel so hopeless lately',
    'i feel like giving up on recovery, nobody at group gets it',
    'been craving so bad, my meetings arent helping anymore',
    'i feel so hopeless about my appointment thursday',
    "my husband said if i tell anyone he'll take the kids",
    'im scared ill relapse and i dont have anyone to talk to',
    'im scared ill relapse, can you tell me if its safe to taper my suboxone',
  ];
  for (const text of concernOnly) {
    it(`a concern alone keeps the question, nothing started: "${text}"`, async () => {
      const { conversation, user } = next();
      const all = await exchangeAll(served.url, directLineSay(conversation, user, text));
      const safety = all.find((a) => a.type === 'trace' && a.name === 'SafetyCheck');
      assert.deepEqual(safety?.value, { level: 'concern' }, 'the gate hears the concern');
      const replies = all.filter((a) => a.type !== 'trace');
      assert.equal(replies.length, 1, 'the concern reply alone');
      assert.ok(containsReply(strings, 'safety.concernAsk', textOf(replies[0] ?? {})));
      assert.ok(buttonsOf(replies[0]).includes(strings.text('safety.keepGoing')), 'keep going is offered');
    });
  }

  it('in a flow, a concern that asks for that same flow: the reply, then its open question again, answers kept', async () => {
    const { conversation, user } = next();
    await exchange(served.url, directLineJoin(conversation, user));
    const started = await exchange(
      served.url,
      directLineSay(conversation, user, 'help me get ready for my doctor visit'),
    );
    assert.notEqual(indexOf(started, 'appointment.askWhen'), -1, 'the flow asks when');
    const replies = await exchange(
      served.url,
      directLineSay(
        conversation,
        user,
        'im scared ill relapse, can you help me get ready for my appointment',
      ),
    );
    const ack = indexOf(replies, ACK);
    assert.ok(ack >= 0, 'the concern reply');
    assert.ok(indexOf(replies, 'safety.backAgain') > ack, 'back to where we were');
    assert.ok(indexOf(replies, 'appointment.askWhen') > ack, 'the same question, not a new start');
    assert.equal(indexOf(replies, 'appointment.intro'), -1);
  });

  it('a second concern in a row that asks for something: a shorter reply, then the request', async () => {
    const { conversation, user } = next();
    await exchange(served.url, directLineSay(conversation, user, 'i feel so hopeless lately'));
    const replies = await exchange(
      served.url,
      directLineSay(conversation, user, 'im scared ill relapse, find me a group'),
    );
    const shorter = indexOf(replies, 'safety.concernAgain');
    assert.ok(shorter >= 0, 'the shorter reply');
    assert.equal(indexOf(replies, ACK), -1, 'not the first reply again');
    assert.ok(indexOf(replies, 'peerGroups.intro') > shorter, 'then the group search');
  });

  it('danger with a request: the crisis reply and its question, the request waits', async () => {
    const { conversation, user } = next();
    const replies = await exchange(
      served.url,
      directLineSay(conversation, user, 'i want to end my life tonight. find me a group'),
    );
    assert.ok(indexOf(replies, 'safety.dangerIntro') >= 0, 'the crisis reply');
    assert.equal(indexOf(replies, 'peerGroups.intro'), -1, 'no group search now');
    assert.equal(indexOf(replies, 'safety.concernCarry'), -1);
  });

  it('an overdose with a request: 911 and the overdose steps, the request waits', async () => {
    const { conversation, user } = next();
    const replies = await exchange(
      served.url,
      directLineSay(conversation, user, 'i took way more than usual and cant stay awake, find me a group'),
    );
    assert.ok(indexOf(replies, 'safety.overdoseNow') >= 0, 'the overdose reply');
    assert.equal(indexOf(replies, 'peerGroups.intro'), -1, 'no group search now');
  });

  it('in Spanish: the Spanish reply, and nothing started in English', async () => {
    const { conversation, user } = next();
    const replies = await exchange(
      served.url,
      directLineSay(conversation, user, 'me quiero morir, ayudame a buscar un grupo'),
    );
    assert.ok(
      replies.some((a) => textOf(a).includes('AYUDA')),
      'the Spanish options',
    );
    assert.equal(indexOf(replies, 'peerGroups.intro'), -1);
    assert.equal(indexOf(replies, 'safety.concernCarry'), -1);
  });
});
