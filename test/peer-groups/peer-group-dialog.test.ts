import assert from 'node:assert/strict';
import { type Activity, ActivityTypes, type Attachment } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PeerGroupDialog, type PeerGroupResult } from '../../dialogs/peer-group-dialog.js';
import type { StringKey } from '../../src/content/strings.js';
import { shippedRecognizer } from '../language/intents/recognizers.js';
import { testContent } from '../support/content.js';
import { type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { SafetyGateHost } from '../support/safety-gate-host.js';
import { fixture, recognizing, thursday } from './fixtures.js';

const { strings } = testContent();
const directory = fixture('basic');
const makeFinder = (deps: DialogDeps) => new PeerGroupDialog(deps, { directory, clock: () => thursday });

/** The questions in order, each with an answer that leads on (alcohol, 12-step, in person...). */
const path: readonly { answer: string; ask: StringKey; again: StringKey }[] = [
  { answer: 'Alcohol', ask: 'peerGroups.askFocus', again: 'peerGroups.askFocusAgain' },
  { answer: '12-step', ask: 'peerGroups.askApproach', again: 'peerGroups.askApproachAgain' },
  { answer: 'In person', ask: 'peerGroups.askFormat', again: 'peerGroups.askFormatAgain' },
  { answer: 'Saturday morning', ask: 'peerGroups.askWhen', again: 'peerGroups.askWhenAgain' },
  { answer: 'Springfield', ask: 'peerGroups.askPlace', again: 'peerGroups.askPlaceAgain' },
  { answer: "It doesn't matter", ask: 'peerGroups.askMedication', again: 'peerGroups.askMedicationAgain' },
];
const results: Reply[] = ['peerGroups.resultsIntro', 'peerGroups.nextPrompt'];

/** The steps that reach question `index` of `path` (0: the first message). */
function stepsTo(index: number): Step[] {
  return path.slice(0, index + 1).map((question, i): Step => {
    const asked: Reply[] = i === 0 ? ['peerGroups.intro', question.ask] : [question.ask];
    return [i === 0 ? 'find me a support group' : (path[i - 1]?.answer ?? ''), asked];
  });
}
/** What follows an answer to question `index`: the next question, or the results. */
function after(index: number): Reply[] {
  const next = path[index + 1];
  return next ? [next.ask] : results;
}
/** A secular group by phone for any substance, any time: nothing in the fixture fits it. */
const nothingFitsPath: Step[] = [
  ['find me a support group', ['peerGroups.intro', 'peerGroups.askFocus']],
  ['Any substance', ['peerGroups.askApproach']],
  ['Secular (SMART)', ['peerGroups.askFormat']],
  ['By phone', ['peerGroups.askWhen']],
  ['any time', ['peerGroups.askMedication']],
];
const allAnswered = (): Step[] => [
  ...stepsTo(path.length - 1),
  [path[path.length - 1]?.answer ?? '', results],
];

interface FinderCase {
  name: string;
  steps: Step[];
  /** The dialog's result when it ended (undefined: still waiting). */
  result?: PeerGroupResult;
  /** Ended with no result: every dialog closed for another topic, which the bot starts. */
  switched?: true;
  /** Begin options, built when the case runs (a recognition takes the recognizer). */
  options?: () => Promise<object>;
  host?: 'safety';
}

const everyQuestion: FinderCase[] = path.flatMap((question, index): FinderCase[] => [
  {
    name: `help at "${question.ask}" explains, then asks the same question`,
    steps: [...stepsTo(index), ['help', ['help.short', question.ask]]],
  },
  {
    name: `cancel at "${question.ask}" leaves the finder`,
    steps: [...stepsTo(index), ['cancel', ['interruptions.cancelled']]],
    result: { left: 'cancel' },
  },
  {
    name: `nonsense at "${question.ask}": asked differently, then a skip is offered and taken`,
    steps: [
      ...stepsTo(index),
      ['%%%', [question.again]],
      ['...', ['peerGroups.offerSkip']],
      ['Skip this question', after(index)],
    ],
  },
  {
    name: `a third miss at "${question.ask}" leaves that question open and goes on`,
    steps: [
      ...stepsTo(index),
      ['%%%', [question.again]],
      ['...', ['peerGroups.offerSkip']],
      ['%%%', ['peerGroups.skippedAfterMisses', ...after(index)]],
    ],
  },
]);

const cases: FinderCase[] = [
  {
    name: 'all six questions, results, then done',
    steps: [...allAnswered(), ['Done', ['peerGroups.done']]],
    result: { done: true },
  },
  {
    name: 'prefilled from the first message: kind, format and time are not asked again (nor place, online)',
    options: async () => {
      const text = 'online 12 step meetings on weekday evenings';
      return { recognition: await shippedRecognizer().recognizeText(text), text };
    },
    steps: [
      [
        'online 12 step meetings on weekday evenings',
        ['peerGroups.intro', 'peerGroups.prefilled', 'peerGroups.askFocus'],
      ],
      ['Alcohol', ['peerGroups.askMedication']],
      ['no', results],
    ],
  },
  {
    name: '"skip this question" before a skip is offered is a skip, not "cancel"',
    steps: [...stepsTo(0), ['skip this question', ['peerGroups.askApproach']]],
  },
  {
    name: 'changing an earlier answer mid-way: "change the format" asks it again, then carries on',
    steps: [
      ...stepsTo(3),
      ['change the format', ['peerGroups.askFormat']],
      ['Online', ['peerGroups.askWhen']],
      ['Saturday morning', ['peerGroups.askMedication']],
    ],
  },
  {
    name: 'an answer named in passing ("make it online") is taken, and the open question asked again',
    steps: [
      ...stepsTo(3),
      ['make it online', ['peerGroups.updated', 'peerGroups.askWhen']],
      ['Saturday morning', ['peerGroups.askMedication']],
    ],
  },
  {
    name: 'after results: "Change an answer", pick one, answer it, new results',
    steps: [
      ...allAnswered(),
      ['Change an answer', ['peerGroups.whichChange']],
      ['When', ['peerGroups.askWhen']],
      ['any time', results],
    ],
  },
  {
    name: 'after results: free text "change the format" asks it again',
    steps: [...allAnswered(), ['change the format', ['peerGroups.askFormat']], ['By phone', results]],
  },
  {
    name: 'after results: nonsense is met differently, then with a way out, never the same line',
    steps: [
      ...allAnswered(),
      ['%%%', ['peerGroups.nextPromptAgain']],
      ['...', ['peerGroups.stuck']],
      ['Done', ['peerGroups.done']],
    ],
    result: { done: true },
  },
  {
    name: 'the change menu: nonsense re-asked differently; "Keep my answers" shows the results again',
    steps: [
      ...allAnswered(),
      ['Change an answer', ['peerGroups.whichChange']],
      ['%%%', ['peerGroups.whichChangeAgain']],
      ['Keep my answers', results],
    ],
  },
  {
    name: '"Connect me to a peer" after results ends the finder for the handoff, saying nothing more',
    steps: [...allAnswered(), ['Connect me to a peer', []]],
    result: { handoff: true },
  },
  {
    name: 'nothing fits: says so, names the answer to leave out, shows national options, offers a peer',
    steps: [
      ...nothingFitsPath,
      [
        'Yes, leave them out',
        [
          'peerGroups.nothingFits',
          'peerGroups.nothingFitsMedication',
          ['peerGroups.relaxOffer', { filter: strings.text('peerGroupTerms.filterFormat'), count: 3 }],
          'peerGroups.nationalOptions',
          'peerGroups.offerPeer',
        ],
      ],
      ['Yes, try that', results],
    ],
  },
  {
    name: 'nothing fits, then "Connect me to a peer"',
    steps: [
      ...nothingFitsPath,
      [
        'Yes, leave them out',
        [
          'peerGroups.nothingFits',
          'peerGroups.nothingFitsMedication',
          'peerGroups.relaxOffer',
          'peerGroups.nationalOptions',
          'peerGroups.offerPeer',
        ],
      ],
      ['Connect me to a peer', []],
    ],
    result: { handoff: true },
  },
  {
    name: 'a clear topic switch ("actually, ...") closes the finder at once, saying nothing, for the bot to start it',
    steps: [...stepsTo(2), ['actually I need to get ready for my doctor appointment', []]],
    switched: true,
  },
  {
    name: 'a topic switch the recognizer is fairly sure of is asked first; "no" goes back to the question',
    steps: [
      ...stepsTo(2),
      ['I need help getting ready for my court date', ['routing.switchConfirm']],
      [strings.text('routing.switchNo'), ['peerGroups.askFormat']],
    ],
  },
  {
    name: 'crisis mid-question: the safety reply at once; "Go back" asks the same question, answers kept',
    host: 'safety',
    steps: [
      ...stepsTo(2),
      ['I want to kill myself', ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt']],
      [strings.text('safety.goBack'), ['safety.backAgain', 'peerGroups.askFormat']],
      ['Online', ['peerGroups.askWhen']],
    ],
  },
];

describe('peer group dialog (transcripts)', () => {
  for (const c of [...cases, ...everyQuestion]) {
    it(c.name, async () => {
      const make = (deps: DialogDeps) =>
        c.host === 'safety' ? new SafetyGateHost(deps, makeFinder(deps)) : makeFinder(deps);
      const { client } = await runDialogCase(make, c.steps, await c.options?.(), [recognizing]);
      if (c.switched) {
        assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
        assert.equal(client.dialogTurnResult.result, undefined);
      } else if (c.result) {
        assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
        assert.deepEqual(client.dialogTurnResult.result, c.result);
      } else {
        assert.equal(client.dialogTurnResult.status, DialogTurnStatus.waiting);
      }
    });
  }
});

describe('peer group dialog (what results look like)', () => {
  /** Plays `messages`, returning every reply of the last one. */
  async function lastReplies(
    messages: (string | Partial<Activity>)[],
    channelId = 'test',
  ): Promise<Partial<Activity>[]> {
    const steps: Step[] = messages.slice(0, -1).map((text) => [text, []]);
    const { client } = await runDialogCase(makeFinder, [], undefined, [recognizing], channelId);
    for (const [message] of steps) {
      await client.sendActivity(message);
      while (client.getNextReply()) {
        // earlier replies are not the point here
      }
    }
    const replies: Partial<Activity>[] = [];
    let reply = await client.sendActivity(messages.at(-1) ?? '');
    while (reply) {
      replies.push(reply);
      reply = client.getNextReply();
    }
    return replies;
  }
  const answers = ['find me a support group', ...path.map((question) => question.answer)];
  const cardsOf = (activity: Partial<Activity> | undefined): Attachment[] => activity?.attachments ?? [];

  it('where cards show (Web Chat, Teams): the results once, as cards, each with its own text as fallback', async () => {
    for (const channel of ['webchat', 'msteams']) {
      const [shown] = await lastReplies(answers, channel);
      const cards = cardsOf(shown);
      assert.deepEqual(
        cards.map((card) => card.contentType),
        ['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.card.adaptive'],
      );
      const text = shown?.text ?? '';
      assert.ok(text.includes(strings.text('peerGroups.timesInDefault', { zone: 'America/New_York' })));
      assert.ok(!text.includes('Springfield Saturday Twelve-Step'), 'the list is not repeated as text');
      const fallbacks = cards.map((card) => (card.content as { fallbackText?: string }).fallbackText ?? '');
      assert.ok(fallbacks[0]?.startsWith('1. Springfield Saturday Twelve-Step'), fallbacks[0]);
      assert.match(fallbacks[0] ?? '', /Saturday, May 10 at 10:00\sAM EDT/);
      assert.ok(fallbacks[1]?.startsWith('2. National Twelve-Step Fellowship'), fallbacks[1]);
    }
  });

  it('where cards cannot show (SMS, a test channel): the results once, as plain text, no cards', async () => {
    for (const channel of ['sms', 'test']) {
      const [shown] = await lastReplies(answers, channel);
      assert.equal(shown?.textFormat, 'plain');
      assert.deepEqual(cardsOf(shown), []);
      const text = shown?.text ?? '';
      assert.ok(text.includes('1. Springfield Saturday Twelve-Step'));
      assert.ok(text.includes('2. National Twelve-Step Fellowship'));
      // Saturday 09:00 in Chicago, said on New York's clock.
      assert.match(text, /Saturday, May 10 at 10:00\sAM EDT/);
    }
  });

  it("meeting times follow the channel's time zone when it sends one", async () => {
    const inLosAngeles = answers.map(
      (text): Partial<Activity> => ({
        type: ActivityTypes.Message,
        text,
        localTimezone: 'America/Los_Angeles',
      }),
    );
    const [shown] = await lastReplies(inLosAngeles);
    const text = shown?.text ?? '';
    assert.ok(text.includes(strings.text('peerGroups.timesIn', { zone: 'America/Los_Angeles' })));
    assert.match(text, /Saturday, May 10 at 7:00\sAM PDT/);
  });

  it('at most five results, best fit first', async () => {
    const open = [
      'find me a support group',
      'skip',
      'No preference',
      'No preference',
      'any time',
      'skip',
      "It doesn't matter",
    ];
    const [shown] = await lastReplies(open, 'webchat');
    assert.equal(cardsOf(shown).length, 5);
  });
});
