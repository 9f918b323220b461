import assert from 'node:assert/strict';
import { SafetyReplies } from '../../dialogs/safety-replies.js';
import { testContent } from '../support/content.js';

const { strings, spanish, crisisResources } = testContent();
const replies = new SafetyReplies(strings, spanish, crisisResources);

/** What people type after a crisis reply, and whether it says they are safe right now. */
const answers: [typed: string, safe: boolean][] = [
  ["I'm safe now", true],
  ['im safe', true],
  ["I'm okay now, thanks", true],
  ['i am safe right now', true],
  ['estoy a salvo', true],
  ['ya estoy bien', true],
  ["I'm safe?", false],
  ["i'm safe but not sure for how long", false],
  ["i'm not safe", false],
  ['not safe', false],
  ['no', false],
  ['idk', false],
  ['ok', false],
  ['safe', false],
  ['', false],
];

describe('"safe right now" after a crisis reply: only then is a safety plan offered (issue 20)', () => {
  for (const [typed, safe] of answers) {
    it(`${JSON.stringify(typed)} ${safe ? 'says' : 'does not say'} the person is safe now`, () => {
      assert.equal(replies.isSafeNow(typed), safe);
    });
  }
});
