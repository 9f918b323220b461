import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 18, the tenth people run (Kim): "would my manager or HR see it. yes or no" at the offer to
// leave a message gets the plain answer, never kept as her message to the peer.

const turns: KeyTurn[] = [
  [
    'hi. i need to talk to an actual person about going back to work after my leave',
    ['handoff.offerMessage'],
  ],
  [
    'ok but would my manager or HR see it. yes or no',
    ['privacy.employerAnswer', 'handoff.offerMessage'],
    ['handoff.askAlias', 'handoff.noteKept'],
  ],
  ['leave a message', ['handoff.askAlias']],
  ['K', ['handoff.askMessage']],
  ['back to work monday after a leave. nervous about questions', ['handoff.askContact']],
  ['does HR see this', ['privacy.employerAnswer', 'handoff.askContact'], ['handoff.confirmMessage']],
];

describe('an employer question while leaving a message (issue 18, people10, HTTP)', () => {
  const served = useTestApp();

  for (const welcomed of [false, true]) {
    it(`Kim${welcomed ? ', welcomed' : ''}: "would my manager or HR see it" is answered, not kept`, async () => {
      await playKeyTurns(served.url, `hr10-${welcomed}`, `hr10-user-${welcomed}`, welcomed, turns);
    });
  }
});
