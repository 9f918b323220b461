import assert from 'node:assert/strict';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { RobustnessBot } from './harness.js';

const { strings } = testContent();

/** A reply named by its key; vars fill its placeholders. `not` marks one that must not come. */
type Expect = StringKey | [StringKey, StringVars] | { not: StringKey };
/** A row: what the person types, and what the bot's replies to it must (and must not) hold. */
type Row = [says: string, answers: readonly Expect[]];

interface SaidCase {
  name: string;
  rows: readonly Row[];
}

// Every case opens with a message (no conversationUpdate), as Web Chat's first turn can.
const cases: SaidCase[] = [
  {
    name: 'the date said before "did you mean ...?" reaches the appointment plan after "yes"',
    rows: [
      ['hi', ['menu.prompt']],
      ['i have to go see someone on may 20 at 3pm', ['routing.confirm']],
      ['yes', [['appointment.noted', { facts: 'Tuesday, May 20 at 3:00 PM' }], 'appointment.askType']],
      ['my counselor', ['appointment.askGoal', { not: 'appointment.askWhen' }]],
    ],
  },
  {
    name: '"Dr. Patel, about side effects" in the first message: noted, in the questions, and not asked again',
    rows: [
      [
        'I see Dr. Patel on may 20 at 3pm, about side effects',
        [
          ['appointment.noted', { facts: 'Primary care, Dr. Patel, Tuesday, May 20 at 3:00 PM' }],
          ['appointment.topicNoted', { question: 'Can we talk about side effects?' }],
          'appointment.askGoal',
        ],
      ],
      ['a refill', ['appointment.questionsSoFar', { not: 'appointment.askType' }]],
    ],
  },
  {
    name: '"weed" at the group finder is other drugs, and the next question is asked',
    rows: [
      ['find me a support group', ['peerGroups.askFocus']],
      ['weed', ['peerGroups.askApproach']],
    ],
  },
  {
    name: 'a group search left for an appointment plan does not come back when the plan is cancelled (the person chose to stop)',
    rows: [
      ['find me a support group', ['peerGroups.askFocus']],
      ['Alcohol', ['peerGroups.askApproach']],
      ['actually can you help me get ready for my doctor appointment', ['appointment.intro']],
      ['cancel', [{ not: 'routing.resume' }]],
    ],
  },
  {
    name: 'frustration inside the accommodation request: a sorry, never a letter; a crisis message there gets crisis lines',
    rows: [
      ['i need to ask for an accommodation at work', ['accommodation.intro', 'accommodation.askBarrier']],
      ['this is useless', ['answers.upset', { not: 'accommodation.askIdea' }]],
      ['I want to kill myself', [{ not: 'accommodation.askIdea' }]],
    ],
  },
];

describe('What was said stays said, and what is no answer is not kept (the whole bot, typed)', function () {
  this.timeout(120000);
  let bot: RobustnessBot;
  before(() => {
    bot = new RobustnessBot();
  });

  for (const c of cases) {
    it(c.name, async () => {
      const conversation = bot.conversation();
      for (const [index, [says, expected]] of c.rows.entries()) {
        const texts = (await conversation.say(says)).map((reply) => reply.text ?? '').join('\n\n');
        for (const want of expected) {
          const where = `row ${index + 1} (${JSON.stringify(says)}): ${JSON.stringify(texts)}`;
          if (typeof want === 'object' && 'not' in want)
            assert.ok(!containsReply(strings, want.not, texts), `${where} has ${want.not}`);
          else assert.ok(containsReply(strings, want, texts), `${where} lacks ${JSON.stringify(want)}`);
        }
      }
    });
  }

  it('an accommodation request left for a group keeps its answers: back at the question, the setting not asked again', async () => {
    const conversation = bot.conversation();
    const say = async (text: string) => (await conversation.say(text)).map((r) => r.text ?? '').join('\n\n');
    assert.ok(
      containsReply(
        strings,
        'accommodation.askBarrier',
        await say('i need to ask for an accommodation at work'),
      ),
    );
    const left = await say('actually can you help me find a support group');
    assert.ok(containsReply(strings, 'peerGroups.askFocus', left), left);
    for (const answer of ['Alcohol', 'No preference', 'Online', 'Any time', 'skip']) await say(answer);
    const back = await say("I'm done");
    assert.ok(
      containsReply(strings, ['routing.resume', { feature: strings.text('features.accommodation') }], back),
      back,
    );
    assert.ok(containsReply(strings, 'accommodation.askBarrier', back), back);
    assert.ok(!containsReply(strings, 'accommodation.askSetting', back), back);
  });
});
