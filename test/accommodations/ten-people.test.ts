import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { DisclosureTerms } from '../../src/accommodations/terms.js';
import type { StringKey } from '../../src/content/strings.js';
import { makeDialogDeps } from '../support/dialog-case.js';
import { makeAccommodation } from './support.js';

/**
 * Ten people, typing (issue 19, letters): each turn is judged as a peer sitting beside them would
 * judge it, by what the person sees. The figure (turns handled well out of all turns) is the one in
 * docs/accommodations.md; here every turn must be handled well.
 */
const deps = makeDialogDeps();
const { strings } = deps;
const terms = DisclosureTerms.from(strings);

/** What one turn showed: its replies' text, and the letter if a request card came with them. */
interface Seen {
  text: string;
  letter?: string;
}
type Turn = [says: string, handledWell: (seen: Seen) => boolean];

/** The reply holds the text of `key` (placeholders aside). */
const shows =
  (key: StringKey) =>
  ({ text }: Seen): boolean =>
    strings
      .text(key)
      .split(/\{\w+\}/)
      .every((part) => text.includes(part));
/** A request card came, and its letter passes `check`. */
const letter =
  (check: (text: string) => boolean) =>
  (seen: Seen): boolean =>
    seen.letter !== undefined && check(seen.letter);
/** The letter names `named` and says nothing of recovery. */
const names = (named: string) =>
  letter((text) => text.includes(named) && terms.beyond(text, ['health', 'diagnosis']).length === 0);
/** The letter says no diagnosis and nothing of recovery. */
const namesNothing = letter((text) => terms.beyond(text, ['health']).length === 0);
const asks = {
  barrier: shows('accommodation.askBarrier'),
  idea: shows('accommodation.askIdea'),
  who: shows('accommodation.askWho'),
  format: shows('accommodation.askFormat'),
  start: shows('accommodation.askStart'),
  disclosure: shows('accommodation.askDisclosure'),
  review: shows('accommodation.askReview'),
  saved: shows('accommodation.saved'),
};
const toStart: Turn[] = [
  ['hi', shows('accommodation.askSetting')],
  ['work', asks.barrier],
];
const toDisclosure = (barrier: string, idea = '1'): Turn[] => [
  ...toStart,
  [barrier, asks.idea],
  [idea, asks.who],
  ['hr', asks.format],
  ['email', asks.start],
  ['asap', asks.disclosure],
];
const includes = (key: StringKey) => (text: string) => text.includes(strings.text(key));

const people: [who: string, turns: Turn[]][] = [
  [
    'names ADHD in the barrier, then shares specifics',
    [
      ...toDisclosure('my adhd makes it hard to focus'),
      ['specifics', names('ADHD')],
      ['looks good', asks.saved],
    ],
  ],
  [
    'types depression at the disclosure question',
    [...toDisclosure('mornings are hard'), ['i have depression', names('depression')], ['save', asks.saved]],
  ],
  [
    'taps Specifics, then would rather not say',
    [
      ...toDisclosure('mornings are hard'),
      ['specifics', ({ letter: shown }) => shown === undefined],
      ["i'd rather not say", namesNothing],
    ],
  ],
  [
    'shares specifics and says methadone',
    [
      ...toDisclosure('my group meets at 8'),
      ['specifics', ({ letter: shown }) => shown === undefined],
      ['im on methadone', letter(includes('accommodationLetter.scheduleSpecifics'))],
    ],
  ],
  [
    'asks for two changes by number',
    [
      ...toDisclosure('my group meets at 8', '1 and 3'),
      [
        'nothing specific',
        letter(
          (text) =>
            includes('accommodationIdeas.laterStartRequest')(text) &&
            includes('accommodationIdeas.shiftChangeRequest')(text),
        ),
      ],
    ],
  ],
  [
    'asks for a later start and a quiet room in words',
    [
      ...toDisclosure('my group meets at 8', 'a later start and a quiet room'),
      ['nothing specific', letter(includes('accommodationIdeas.quietSpaceRequest'))],
    ],
  ],
  [
    'says "both" at a clinic',
    [
      ['hi', shows('accommodation.askSetting')],
      ['health care', asks.barrier],
      ['treatment or meeting times', asks.idea],
      ['both', asks.who],
      ['1', asks.format],
      ['email', asks.start],
      ['asap', asks.disclosure],
      [
        'nothing specific',
        letter(
          (text) =>
            includes('accommodationIdeas.timesThatFitRequest')(text) &&
            includes('accommodationIdeas.remoteVisitsRequest')(text),
        ),
      ],
    ],
  ],
  [
    'adds a quiet room at the review',
    [
      ...toDisclosure('mornings are hard'),
      ['nothing specific', asks.review],
      [
        'add that i need a quiet room too',
        letter(
          (text) => includes('accommodationIdeas.quietSpaceRequest')(text) && !text.includes('add that'),
        ),
      ],
      [
        'make it shorter',
        letter(
          (text) =>
            !text.includes(
              strings.text('accommodationLetter.benefit', {
                benefit: strings.text('accommodationSettings.workBenefit'),
              }),
            ),
        ),
      ],
    ],
  ],
  [
    'takes out the part about recovery',
    [
      ...toDisclosure('my group meets at 8'),
      ["say i'm in recovery", letter(includes('accommodationLetter.scheduleSpecifics'))],
      ['take out the part about recovery', asks.disclosure],
      ['nothing specific', letter((text) => terms.beyond(text, []).length === 0)],
    ],
  ],
  [
    'wants more about the rights, then "the second one"',
    [
      ...toDisclosure('mornings are hard'),
      ['nothing specific', ({ text }) => !text.includes(strings.text('accommodationHelp.whereHeading'))],
      ['more about my rights', shows('accommodationHelp.whereHeading')],
      ['the second one', shows('accommodation.askChange')],
    ],
  ],
];

/** Plays one person's turns; returns how many were handled well. */
async function handledWell(turns: readonly Turn[]): Promise<number> {
  const client = new DialogTestClient('test', makeAccommodation()(makeDialogDeps()));
  let well = 0;
  for (const [says, judge] of turns) {
    const replies: Partial<Activity>[] = [];
    for (let reply = await client.sendActivity(says); reply; reply = client.getNextReply())
      replies.push(reply);
    const card = replies.find((reply) => reply.attachments?.length)?.attachments?.[0]?.content as
      | { fallbackText?: string }
      | undefined;
    const seen: Seen = { text: replies.map((reply) => reply.text ?? '').join('\n\n') };
    if (card?.fallbackText) seen.letter = card.fallbackText;
    if (judge(seen)) well += 1;
  }
  return well;
}

describe('ten people typing an accommodation request (issue 19)', () => {
  it('every turn of every conversation is handled well', async () => {
    let total = 0;
    let well = 0;
    const missed: string[] = [];
    for (const [who, turns] of people) {
      const good = await handledWell(turns);
      total += turns.length;
      well += good;
      if (good < turns.length) missed.push(`${who}: ${good}/${turns.length}`);
    }
    console.log(`      ten people: ${well}/${total} turns handled well`);
    assert.deepEqual(missed, []);
  });
});
