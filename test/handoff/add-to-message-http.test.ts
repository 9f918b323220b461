import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { assertSeen, containsReply } from '../support/dialog-case.js';
import { directLineJoin, directLineSeen, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 18, the eighth people run (Dee, Kim): a waiting request's message is added to when the
// person says so ("i want to add something to it", "Also, ..."), never replaced by the one new line.
const { strings } = testContent();

const FIRST = 'im a nurse on medical leave, burned out and not sleeping. evenings are best';

/** What the person says, what must be in the replies, what must not, and the words that must be seen. */
type Turn = [
  says: string,
  sees?: readonly StringKey[],
  never?: readonly StringKey[],
  words?: readonly string[],
];

const people: { name: string; asks: string; adds: string; contact: string }[] = [
  {
    name: 'Dee',
    asks: 'I would like to add something to it, please.',
    adds: 'Also, I am usually free in the mornings before 11.',
    contact: 'here',
  },
  {
    name: 'Kim',
    asks: 'i want to add something to it',
    adds: 'also please dont ask which hospital i work at',
    contact: 'here in this chat',
  },
];

describe('adding to a waiting message (issue 18, HTTP)', () => {
  const served = useTestApp();

  for (const welcomed of [false, true]) {
    for (const person of people) {
      it(`${person.name}${welcomed ? ', welcomed' : ''}: "${person.asks}" then "${person.adds}" keeps the first words`, async () => {
        const user = `add9-${person.name}-${welcomed}`;
        const check = async (conversation: string, [says, sees = [], never = [], words = []]: Turn) => {
          const seen = await directLineSeen(served.url, conversation, user, says);
          assertSeen(strings, says, seen, sees, never);
          for (const word of words)
            assert.ok(seen.includes(word), `"${says}": "${word}" in ${JSON.stringify(seen)}`);
        };
        const sent: Turn[] = [
          ['talk to a person', ['handoff.offerMessage']],
          ['leave a message', ['handoff.askAlias']],
          [person.name, ['handoff.askMessage']],
          [FIRST, ['handoff.askContact']],
          ['here in this chat', ['handoff.confirmMessage']],
          ['send it', ['handoff.messageLeft']],
        ];
        for (const turn of sent) await check(`add9-a-${user}`, turn);
        const later = `add9-b-${user}`;
        if (welcomed) await exchange(served.url, directLineJoin(later, user));
        const turns: Turn[] = [
          ['talk to a person', ['handoff.alreadyWaitingAsk']],
          [person.asks, ['handoff.askMessageAgain'], ['fallback.notUnderstood']],
          [person.adds, ['handoff.askContact']],
          [person.contact, ['handoff.confirmMessage'], [], [FIRST, person.adds.slice(1)]],
        ];
        for (const turn of turns) await check(later, turn);
      });
    }
  }

  // Sam: "same as before" at how to reach him keeps the phone number his request already had.
  for (const welcomed of [false, true]) {
    it(`Sam${welcomed ? ', welcomed' : ''}: "same as before" keeps the number he gave`, async () => {
      const user = `add9-sam-${welcomed}`;
      const say = (conversation: string, says: string) =>
        directLineSeen(served.url, conversation, user, says);
      for (const says of [
        'talk to a person',
        'leave a message',
        'sam',
        FIRST,
        'here i guess. or text me 555-0199',
        'ok send',
      ])
        await say(`add9-sam-a-${welcomed}`, says);
      const later = `add9-sam-b-${welcomed}`;
      if (welcomed) await exchange(served.url, directLineJoin(later, user));
      for (const says of [
        'talk to a person',
        'change my message',
        "i've been struggling a lot lately and cant sleep. evenings are good",
      ])
        await say(later, says);
      const seen = await say(later, 'same as before');
      assert.ok(containsReply(strings, 'handoff.confirmMessage', seen), JSON.stringify(seen));
      assert.ok(seen.includes('555-0199'), `the number in ${JSON.stringify(seen)}`);
    });
  }
});
