import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { afterDisclosure, exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const say = (conversation: string, text: string) => testActivity(conversation, { text });
const textOf = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');
const has = (replies: Partial<Activity>[], key: StringKey, variant?: number) =>
  variant === undefined
    ? containsReply(strings, key, textOf(replies))
    : textOf(replies).includes(strings.text(key, {}, variant));

// Messages today's gate already classifies (explicit rules, not the learned layer).
const CONCERN = "I'm so scared I'm going to start using again";
const CONCERN_AGAIN = 'I have really strong cravings right now';
const DANGER = 'i wanna die';
const OVERDOSE = "he's not breathing and his lips are blue";
const HINT = 'everyone would be better off without me';

/** What a safety reply must never turn into: a loop of the same words, or the wrong comfort. */
function assertNoTrap(replies: Partial<Activity>[], context: string): void {
  for (const key of ['safety.stillHere', 'safety.concernIntro', 'safety.safeThanks'] as const) {
    assert.ok(!has(replies, key), `${context}: no ${key}`);
  }
}

/**
 * Each request typed right after a concern reply: what it must start with, and whether the
 * question open before (the paused one, or the menu when none was) is asked again after it.
 */
const requests: [typed: string, first: StringKey, then: 'paused' | 'menu' | undefined][] = [
  ['find a group', 'peerGroups.intro', undefined],
  ['help me get ready for my appointment', 'appointment.intro', undefined],
  ['I need an accommodation at work', 'accommodation.intro', undefined],
  ['can we practice a conversation', 'practice.intro', undefined],
  ['talk to a person', 'safety.talkToPersonAnswer', undefined],
  ['help', 'help.short', 'paused'],
  ['menu', 'interruptions.toMenu', 'menu'],
  ['cancel', 'safety.backAgain', 'paused'],
  ['my plans', 'plans.none', 'paused'],
  ['show my data', 'data.intro', 'paused'],
  ['delete my data', 'data.confirmDelete', undefined],
  ['privacy', 'privacy.kept', 'paused'],
  ['are you a bot?', 'aboutBot.answer', 'paused'],
];

describe('safety replies over HTTP: overdose, concern, check-in, inside every dialog', function () {
  this.timeout(60_000);
  let sequence = 0;
  const conversation = (name: string) => `${name}-${++sequence}`;

  const served = useTestApp();

  /** Starts a conversation with a message (no conversationUpdate) and leaves it at the nickname question. */
  async function atNickname(name: string): Promise<string> {
    const id = conversation(name);
    await exchange(served.url, say(id, 'hello'));
    await exchange(served.url, say(id, strings.text('menu.nickname')));
    return id;
  }

  describe('an overdose', () => {
    it('911 and the overdose steps at once, as the first message; never the check-in', async () => {
      const id = conversation('od');
      const replies = await exchange(served.url, say(id, OVERDOSE));
      assert.ok(replies[0]?.text?.startsWith(strings.text('safety.overdoseNow')), '911 first');
      assert.ok(has(replies, 'safety.stepOverdose'));
      assert.ok(!has(replies, 'safety.confirm', 0) && !has(replies, 'safety.confirm', 1));
    });

    // The steps again when asked for; other words one line that keeps 911 and staying with them.
    for (const [followUp, stepsAgain] of [
      ["no, it's not on purpose", false],
      ['what do i do', true],
      ['how much narcan do i give him', false],
      ['i already gave narcan', false],
    ] as const) {
      it(`"${followUp}" after it gets ${stepsAgain ? 'the steps again' : 'one line with 911'}: not "glad you're safe", not help text, not an advice refusal`, async () => {
        const id = conversation('od-follow');
        await exchange(served.url, say(id, OVERDOSE));
        const replies = await exchange(served.url, say(id, followUp));
        assert.equal(has(replies, 'safety.stepOverdose'), stepsAgain, followUp);
        assert.match(textOf(replies), /911/);
        assert.match(textOf(replies), /stay with them/i);
        assertNoTrap(replies, followUp);
        assert.ok(!has(replies, 'help.short') && !has(replies, 'advice.medical'), followUp);
      });
    }
  });

  describe('a concern reply does not trap', () => {
    for (const [typed, first, then] of requests) {
      it(`"${typed}" right after a concern reply that opened the conversation is carried out at once`, async () => {
        const id = conversation('concern-first');
        const concern = await exchange(served.url, say(id, CONCERN));
        assert.ok(has(concern, 'safety.concernAsk'));
        // The disclosure waited for the first message after the safety reply.
        const replies = afterDisclosure(await exchange(served.url, say(id, typed)));
        assert.ok(
          containsReply(strings, first, replies[0]?.text ?? ''),
          `${typed}: ${first} in ${textOf(replies)}`,
        );
        assertNoTrap(replies, typed);
        if (then)
          assert.ok(replies.at(-1)?.text?.startsWith(strings.text('menu.prompt')), `${typed}: the menu`);
      });

      it(`"${typed}" right after a concern reply mid-conversation is carried out, then back where it was`, async () => {
        const id = await atNickname('concern-mid');
        await exchange(served.url, say(id, CONCERN));
        const replies = await exchange(served.url, say(id, typed));
        assert.ok(
          containsReply(strings, first, replies[0]?.text ?? ''),
          `${typed}: ${first} in ${textOf(replies)}`,
        );
        assertNoTrap(replies, typed);
        const last = replies.at(-1)?.text ?? '';
        if (then === 'paused') assert.equal(last, strings.text('nickname.ask'), typed);
        if (then === 'menu') assert.ok(last.startsWith(strings.text('menu.prompt')), typed);
      });
    }

    it('free text after it: a brief word and the paused question again; a second concern gets a shorter, new reply', async () => {
      const id = await atNickname('concern-free');
      const first = await exchange(served.url, say(id, CONCERN));
      const again = await exchange(served.url, say(id, CONCERN_AGAIN));
      assert.ok(has(again, 'safety.concernAgain', 0));
      assert.ok(textOf(again).length < textOf(first).length);
      const free = await exchange(served.url, say(id, 'yeah it has been a rough week'));
      assert.deepEqual(
        free.map((a) => a.text),
        [strings.text('safety.concernNoted', {}, 1), strings.text('nickname.ask')],
      );
    });
  });

  describe('the check-in after a hint', () => {
    it('a command answered above it asks again in other words; an empty message is the safe reading', async () => {
      const id = await atNickname('hint');
      const asked = await exchange(served.url, say(id, HINT));
      assert.ok(asked[0]?.text?.startsWith(strings.text('safety.confirm', {}, 0)));
      const about = await exchange(served.url, say(id, 'are you a bot?'));
      assert.ok(has(about, 'aboutBot.answer'));
      assert.ok(
        about.at(-1)?.text?.startsWith(strings.text('safety.confirm', {}, 1)),
        'never the same question twice',
      );
      const silence = await exchange(served.url, testActivity(id, { text: '' }));
      assert.ok(has(silence, 'safety.callNow'), 'the crisis reply');
    });
  });

  describe('inside every guided conversation, and back to its question', () => {
    /** Opens a conversation at a feature's question and returns that question's text. */
    const features: [name: string, open: (id: string) => Promise<Partial<Activity>[]>][] = [
      ['appointment', (id) => exchange(served.url, say(id, 'help me get ready for my appointment'))],
      ['accommodation', (id) => exchange(served.url, say(id, 'I need an accommodation at work'))],
      ['peer groups', (id) => exchange(served.url, say(id, 'find a group'))],
      ['practice', (id) => exchange(served.url, say(id, 'can we practice a conversation'))],
      [
        'handoff, nobody on duty: leave a message?',
        (id) => exchange(served.url, say(id, 'talk to a person')),
      ],
      [
        'handoff, leaving a message',
        async (id) => {
          await exchange(served.url, say(id, 'talk to a person'));
          await exchange(served.url, say(id, strings.text('handoff.leaveMessage')));
          return exchange(served.url, say(id, 'Sam'));
        },
      ],
    ];
    const paths: [name: string, steps: [typed: string, key: StringKey][]][] = [
      [
        'concern, then free text',
        [
          [CONCERN, 'safety.concernAsk'],
          ['ok thanks', 'safety.concernNoted'],
        ],
      ],
      [
        'danger, then "Go back"',
        [
          [DANGER, 'safety.callNow'],
          [strings.text('safety.goBack'), 'safety.backAgain'],
        ],
      ],
      [
        'an overdose, "what do i do", then "Go back"',
        [
          [OVERDOSE, 'safety.overdoseNow'],
          ['what do i do', 'safety.stepOverdose'],
          [strings.text('safety.goBack'), 'safety.backAgain'],
        ],
      ],
      [
        'a hint answered "idk", then "Go back"',
        [
          [HINT, 'safety.confirm'],
          ['idk', 'safety.callNow'],
          [strings.text('safety.goBack'), 'safety.backAgain'],
        ],
      ],
    ];
    // In the handoff a worry is the message for the specialist: it is kept with one line and the
    // handoff goes on (test/dialogs/typed-places-http.test.ts), not answered as a concern.
    const keepsConcern = (feature: string) => feature.startsWith('handoff');
    for (const [feature, open] of features) {
      for (const [path, steps] of paths) {
        if (path === 'concern, then free text' && keepsConcern(feature)) continue;
        it(`${feature}: ${path}`, async () => {
          const id = conversation('inside');
          await exchange(served.url, say(id, 'hello'));
          const question = (await open(id)).at(-1)?.text;
          assert.ok(question, 'a question is open');
          let replies: Partial<Activity>[] = [];
          for (const [typed, key] of steps) {
            replies = await exchange(served.url, say(id, typed));
            assert.ok(has(replies, key), `${typed}: ${key} in ${textOf(replies)}`);
          }
          assert.equal(replies.at(-1)?.text, question, 'the paused question, asked again');
        });
      }
    }
  });
});
