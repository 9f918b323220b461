import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 18, the tenth people run (Kim): "would my manager or HR see it. yes or no" at the offer to
// leave a message gets the plain answer, never kept as her message to the peer; after sending,
// "delete what i said about my job from my message" opens the request to change it.

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

/** After sending, taking her job out of the message opens the request waiting, not the privacy note. */
const takesBack: KeyTurn[] = [
  ['talk to a person', ['handoff.offerMessage']],
  ['leave a message', ['handoff.askAlias']],
  ['kim', ['handoff.askMessage']],
  [
    'back to work monday after 6 wks leave, my manager in IT knows something happened',
    ['handoff.askContact'],
  ],
  ['teams is fine', ['handoff.confirmMessage']],
  ['yes send', ['handoff.messageLeft']],
  [
    'no. i want to delete what i said about my job from my message',
    ['handoff.alreadyWaitingAsk'],
    ['privacy.kept'],
  ],
];

describe('an employer question while leaving a message (issue 18, people10, HTTP)', () => {
  const served = useTestApp();

  for (const welcomed of [false, true]) {
    it(`Kim${welcomed ? ', welcomed' : ''}: "would my manager or HR see it" is answered, not kept`, async () => {
      await playKeyTurns(served.url, `hr10-${welcomed}`, `hr10-user-${welcomed}`, welcomed, turns);
    });
    it(`Kim${welcomed ? ', welcomed' : ''}: "delete what i said about my job from my message" opens her request`, async () => {
      await playKeyTurns(served.url, `back10-${welcomed}`, `back10-user-${welcomed}`, welcomed, takesBack);
    });
  }
});
