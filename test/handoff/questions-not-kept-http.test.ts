import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 18, the eighth people run (Kim): a question typed at the offer to leave a message, after
// a remark about her hospital's IT, is answered and never kept as her message to the specialist.

const turns: KeyTurn[] = [
  [
    'hi. im a nurse, on leave right now. is there an actual person i can talk to here, like a peer specialist?',
  ],
  ['before i leave anything, who will read this? is it going to my employer, its teams', ['privacy.whoSees']],
  [
    'ok so my hospital IT could see it technically. hmm. and the peer person, are they a real nurse or counselor or what',
    ['handoff.whoTheyAre'],
    ['handoff.noteKept', 'handoff.askAlias'],
  ],
];

describe('questions at the offer to leave a message (issue 18, HTTP)', () => {
  const served = useTestApp();

  for (const welcomed of [false, true]) {
    it(`Kim${welcomed ? ', welcomed' : ''}: "are they a real nurse or counselor or what" is answered, not kept`, async () => {
      await playKeyTurns(served.url, `ask9-kim-${welcomed}`, `ask9-kim-user-${welcomed}`, welcomed, turns);
    });
  }
});
