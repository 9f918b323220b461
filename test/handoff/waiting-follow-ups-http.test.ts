import assert from 'node:assert/strict';
import { testContent } from '../support/content.js';
import { assertSeen, containsReply, type KeyTurn } from '../support/dialog-case.js';
import { directLineJoin, directLineSeen, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 18, the eighth people run (Sam at 11 pm, Kim the next day): follow-ups on a request that
// waits are answered wherever they sit in the message, the request's code too, and a lonely night
// gets an answer that asks nothing of a hotline; inside the request's form the same words are the message.
const { strings } = testContent();

const sent: KeyTurn[] = [
  ['is there a real person i can talk to rn', ['handoff.offerMessage']],
  ['ugh ok. ill leave one', ['handoff.askAlias']],
  ['sam', ['handoff.askMessage']],
  [
    "hey. i've been struggling a lot lately. i just want to talk to someone who isnt a hotline",
    ['handoff.askContact'],
  ],
  ['here i guess. or text me 555-0199', ['handoff.confirmMessage']],
  ['ok send', ['handoff.messageLeft']],
];

const lost = ['fallback.notUnderstood', 'fallback.stuck'] as const;

describe('follow-ups while a request waits (issue 18, HTTP)', () => {
  const served = useTestApp();

  for (const welcomed of [false, true]) {
    it(`Sam and Kim${welcomed ? ', the next conversation welcomed' : ''}: the wait, the code and a lonely night are answered`, async () => {
      const user = `wait9-user-${welcomed}`;
      const replies = (conversation: string, says: string) =>
        directLineSeen(served.url, conversation, user, says);
      for (const [says, sees, never] of sent)
        assertSeen(strings, says, await replies('wait9-a', says), sees, never);
      const later = `wait9-b-${welcomed}`;
      if (welcomed) await exchange(served.url, directLineJoin(later, user));
      // The first words in the new chat, with nothing asked before (the people run's Sam).
      const first = await replies(later, 'still up. did anyone answer');
      assert.ok(containsReply(strings, 'handoff.waitingAnswer', first), JSON.stringify(first));
      const talk = await replies(later, 'talk to a person');
      const code = /\(([A-Z0-9]{6})\)/.exec(talk)?.[1];
      assert.ok(code, `a request code in ${JSON.stringify(talk)}`);
      await replies(later, 'keep it as it is');
      const turns: KeyTurn[] = [
        ['so i just wait? its 11pm and i cant sleep', ['handoff.waitingLonely'], lost],
        ['will they msg me here or text me', ['handoff.waitingAnswer'], lost],
        ['Hello again. Has the peer specialist read my message yet?', ['handoff.waitingAnswer'], lost],
        ['still up. did anyone answer', ['handoff.waitingAnswer'], lost],
        ['hi its K again. did anyone read my message yet', ['handoff.waitingAnswer'], lost],
        [`my request to the peer specialist. ${code}. whats the status`, ['handoff.waitingAnswer'], lost],
        [`${code.toLowerCase()}?`, ['handoff.waitingAnswer'], lost],
        [
          'i dont want a hotline. im not in danger or anything, just lonely and its late',
          ['handoff.waitingLonely'],
          [...lost, 'crisis.intro'],
        ],
        // Inside the form, the same words are the message, never a waiting answer.
        ['talk to a person', ['handoff.alreadyWaitingAsk']],
        ['change my message'],
        [
          "i've been struggling and cant sleep. its late and i feel lonely",
          ['handoff.askContact'],
          ['handoff.waitingLonely'],
        ],
      ];
      for (const [says, sees, never] of turns)
        assertSeen(strings, says, await replies(later, says), sees, never);
    });
  }
});
