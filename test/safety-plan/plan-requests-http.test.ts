import assert from 'node:assert/strict';
import { testContent } from '../support/content.js';
import { assertSeen, type KeyTurn } from '../support/dialog-case.js';
import { directLineJoin, directLineSeen, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// The ninth people run (Jordan): questions, complaints and commands typed at a part of the safety
// plan were kept as its entries. They never are: "what did you add?" shows the part, "show me my
// plan" the plan so far, "put it back" puts back what was taken out, "take out the last 2 things"
// takes out the two added last, "start part 2 over" empties it. Her exact words, both ways in.

const { strings } = testContent();

/** A turn, and words the replies must (`has`) and must not (`hasNot`) show. */
type Turn = KeyTurn | [says: string, sees: KeyTurn[1], never: KeyTurn[2], has: string[], hasNot?: string[]];

const firstConversation: Turn[] = [
  [
    'i want to make a safety plan. had a really hard month. im ok right now tho',
    // Said to be okay: heard ("glad you're okay right now"), one line with 988, no wall of lines.
    ['safetyPlan.noneSafe', 'safetyPlan.offerMake'],
    ['safetyPlan.none'],
  ],
  ['yeah lets start', ['safetyPlan.intro']],
  ['not sleeping, skipping meals, and i stop answering texts', ['safetyPlan.added']],
  [
    'what did you add?',
    ['safetyPlan.showPart'],
    ['answers.sideQuestion', 'safetyPlan.added'],
    ['not sleeping'],
  ],
  [
    "i mean what's on my list so far",
    ['safetyPlan.showPart'],
    ['safetyPlan.added'],
    ['not sleeping'],
    ['- i mean'],
  ],
  ['next', []],
  ['walk the dog, hot shower, music', ['safetyPlan.added']],
  ['actually take out music, it makes me worse sometimes', ['safetyPlan.editRemoved'], [], [], ['- music']],
  [
    'hmm no put it back. sometimes it helps',
    ['safetyPlan.restored'],
    ['safetyPlan.added'],
    ['- music'],
    ['- no put it back', '- sometimes it helps'],
  ],
  ['skip', []],
  ['go back to part 2', ['safetyPlan.backToPart']],
  ['is music on there now or not', ['safetyPlan.showPart'], ['safetyPlan.added'], ['- music']],
  ['show me my plan', ['safetyPlan.soFar'], ['safetyPlan.added']],
  [
    'ugh stop adding my questions. take out the last 2 things',
    ['safetyPlan.frustrated', 'safetyPlan.editRemoved'],
    ['safetyPlan.added'],
    ['- walk the dog'],
    ['- hot shower', '- music'],
  ],
  [
    'WHAT. where did hot shower go. this is a mess',
    ['safetyPlan.frustrated', 'safetyPlan.showPart'],
    ['safetyPlan.added'],
    [],
    ['- WHAT', '- where did'],
  ],
  ['put it back', ['safetyPlan.restored'], [], ['- hot shower', '- music']],
  ['how do i remove stuff from this part', ['safetyPlan.showPart'], ['safetyPlan.added'], [], ['- how do i']],
  ['remove', ['safetyPlan.showPart'], ['safetyPlan.added'], [], ['- remove']],
  ['start part 2 over', ['safetyPlan.restarted'], ['safetyPlan.added']],
  ['hot shower', ['safetyPlan.added']],
  ['help', ['safetyPlan.showPart', 'help.short'], [], ['- hot shower']],
  ['what did you add?', ['safetyPlan.showPart'], [], ['- hot shower'], ['- walk the dog']],
];

const secondConversation: Turn[] = [
  [
    'safety plan pls. rough month, not in danger or anything, just want it written down',
    ['safetyPlan.noneSafe'],
    ['safetyPlan.none'],
  ],
  ['ok go', ['safetyPlan.intro']],
  ['i get snappy with people and i stay in bed all day', ['safetyPlan.added']],
  ['also cant sleep', ['safetyPlan.added']],
  ['actually remove cant sleep, thats not really me', ['safetyPlan.editRemoved']],
  ['wait put it back', ['safetyPlan.restored'], ['safetyPlan.added'], ['cant sleep'], ['- wait put it back']],
  ['what did you add?', ['safetyPlan.showPart'], [], ['cant sleep'], ['- what did']],
  ['next part', []],
  ['skip', []],
  ['skip', []],
  ['my bro tyler 555 882 1190', ['safetyPlan.added']],
  ['next part', []],
  ['dr okafor, i already told you her. weekdays only', ['safetyPlan.added']],
  ['what did you add?', ['safetyPlan.showPart'], [], ['- dr okafor'], ['told you']],
];

// The tenth run (Jordan): a take-out after a word of filler was kept as a sign, and a take-out
// naming one piece of an entry ("the drinking one", "cold shower") took out the whole entry.
const thirdConversation: Turn[] = [
  ['hi', []],
  ['no. safety plan', ['safetyPlan.offerMake']],
  ['sure', ['safetyPlan.intro']],
  ['isolating, drinking more on weekends, snapping at people', ['safetyPlan.added']],
  [
    'hmm actually take out the drinking one. i dont want that written down',
    ['safetyPlan.editRemoved'],
    ['safetyPlan.added'],
    ['- isolating, snapping at people'],
    ['drinking', 'written down'],
  ],
  [
    'take out drinking',
    ['safetyPlan.editNotFound'],
    ['safetyPlan.added'],
    ['- isolating, snapping at people'],
  ],
  [
    'hmm no put it back. the drinking one. my therapist would want it there',
    ['safetyPlan.restored'],
    ['safetyPlan.added'],
    ['- drinking more on weekends', '- isolating, snapping at people'],
    ['- i dont want', '- the drinking one'],
  ],
  ['next', []],
  ['walk my dog, loud music in the car, cold shower', ['safetyPlan.added']],
  [
    'take out the cold shower, i hate that. add texting my sister',
    ['safetyPlan.editRemoved'],
    ['safetyPlan.added'],
    ['- walk my dog, loud music in the car'],
    ['cold shower', 'i hate that'],
  ],
  ['take out 1', ['safetyPlan.editRemoved']],
  ['walk my dog, loud music in the car, cold shower', ['safetyPlan.added']],
  [
    'take out cold shower',
    ['safetyPlan.editRemoved'],
    [],
    ['- walk my dog, loud music in the car'],
    ['shower'],
  ],
];

// Jordan, tired at part 4 (tenth run): "skip the rest. im tired" was kept as two contacts, "stop"
// said her answers were not kept (they were), and "keep it" typed after a change was a contact.
const fourthConversation: Turn[] = [
  ['hi', []],
  ['no. safety plan', ['safetyPlan.offerMake']],
  ['sure', ['safetyPlan.intro']],
  ['isolating', ['safetyPlan.added']],
  ['next', []],
  ['skip', []],
  ['skip', []],
  ['my brother tyler 555 880 1200, my friend ash', ['safetyPlan.added']],
  ['skip the rest. im tired', ['safetyPlan.paused'], ['safetyPlan.added']],
  ['my safety plan', ['safetyPlan.resume']],
  ['stop', ['safetyPlan.paused'], ['interruptions.cancelled']],
  ['change a part', []],
  ['people i can ask for help', [], [], ['- my brother tyler 555 880 1200, my friend ash']],
  ['take out 2', ['safetyPlan.editNotFound'], ['safetyPlan.editRemoved'], ['tyler']],
  ['take out my friend ash', ['safetyPlan.editRemoved'], [], ['- my brother tyler 555 880 1200'], ['ash']],
  ['keep it', ['safetyPlan.changed'], ['safetyPlan.added', 'safetyPlan.editAdded'], [], ['- keep it']],
];

/** Plays `turns` over Direct Line, after a conversationUpdate when welcomed. */
async function play(url: string, id: string, welcomed: boolean, turns: readonly Turn[]): Promise<void> {
  const user = `${id}-user`;
  if (welcomed) await exchange(url, directLineJoin(id, user));
  for (const [says, sees, never, has = [], hasNot = []] of turns) {
    const seen = await directLineSeen(url, id, user, says);
    assertSeen(strings, says, seen, sees, never);
    for (const words of has)
      assert.ok(seen.includes(words), `"${says}": "${words}" in ${JSON.stringify(seen)}`);
    for (const words of hasNot)
      assert.ok(!seen.includes(words), `"${says}": no "${words}" in ${JSON.stringify(seen)}`);
  }
}

describe('safety plan: questions, complaints and commands are never entries (ninth run, HTTP)', function () {
  this.timeout(60_000);
  const served = useTestApp({ per: 'test', env: { RATE_LIMIT_PER_MINUTE: '0' } });

  for (const welcomed of [false, true]) {
    const how = welcomed ? 'after a conversationUpdate' : 'no conversationUpdate';
    it(`Jordan's first try: what did you add, put it back, the last 2 things, start over (${how})`, async () => {
      await play(served.url, `plan-requests-1-${welcomed}`, welcomed, firstConversation);
    });
    it(`Jordan's second try: "wait put it back" restores, an aside to the bot is left out (${how})`, async () => {
      await play(served.url, `plan-requests-2-${welcomed}`, welcomed, secondConversation);
    });
    it(`Jordan's tenth-run try: "hmm actually take out the drinking one" takes out that piece alone (${how})`, async () => {
      await play(served.url, `plan-requests-3-${welcomed}`, welcomed, thirdConversation);
    });
    it(`Jordan tired: "skip the rest. im tired" and "stop" say it is saved, "keep it" keeps (${how})`, async () => {
      await play(served.url, `plan-requests-4-${welcomed}`, welcomed, fourthConversation);
    });
  }
});
