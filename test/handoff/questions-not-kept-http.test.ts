import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { directLineJoin, directLineSay, exchange } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 18, the eighth people run (Kim): a question typed at the offer to leave a message, after
// a remark about her hospital's IT, is answered and never kept as her message to the specialist.
const { strings } = testContent();

type Turn = [says: string, sees?: readonly StringKey[], never?: readonly StringKey[]];

const turns: Turn[] = [
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
      const conversation = `ask9-kim-${welcomed}`;
      const user = `ask9-kim-user-${welcomed}`;
      if (welcomed) await exchange(served.url, directLineJoin(conversation, user));
      for (const [says, sees = [], never = []] of turns) {
        const seen = (await exchange(served.url, directLineSay(conversation, user, says)))
          .map((reply) => reply.text ?? '')
          .join('\n\n');
        for (const key of sees)
          assert.ok(containsReply(strings, key, seen), `"${says}": ${key} in ${JSON.stringify(seen)}`);
        for (const key of never)
          assert.ok(!containsReply(strings, key, seen), `"${says}": no ${key} in ${JSON.stringify(seen)}`);
      }
    });
  }
});
