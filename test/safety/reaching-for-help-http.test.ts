import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const classifier = loadSafetyClassifier();

/** Every danger and concern reply's first words: none of them may meet a person reaching for help. */
const anySafetyReply: readonly StringKey[] = ['safety.confirm', 'safety.dangerIntro', 'safety.concernIntro'];

// People run 10: "im not going to fight it anymore, im going to ask for help" got the check-in.
// Giving up the fight alone to ask for help is reaching out, not danger; giving up alone still is.
const reaching = [
  'im not going to fight it anymore, im going to ask for help',
  'not gonna fight this anymore, gonna get help',
  "i'm not going to fight it anymore, I'm going to reach out to my sponsor",
  'im not going to fight it anymore im going to call my counselor',
  'im not gonna fight it alone anymore',
];
const stillDanger = [
  'im not going to fight it anymore',
  'im not going to fight it anymore, im going to let go',
  'im not going to fight it anymore, i give up',
  'im not going to fight it anymore, tell my mom i love her',
];

describe('reaching for help is not danger; giving up still is (people run 10)', function () {
  this.timeout(60_000);

  it('the gate: no level for reaching out, danger for giving up', () => {
    assert.deepEqual(
      reaching.filter((text) => classifier.classify(text).level !== 'none'),
      [],
    );
    assert.deepEqual(
      stillDanger.filter((text) => classifier.classify(text).level !== 'danger'),
      [],
    );
  });

  const served = useTestApp();
  let conversations = 0;
  for (const welcomed of [true, false]) {
    const how = welcomed ? 'after the welcome' : 'as the first message (no conversationUpdate)';
    it(`over HTTP, ${how}: no check-in for reaching out, the check-in for giving up`, async () => {
      const turns = (texts: readonly string[], sees: readonly StringKey[], never: readonly StringKey[]) =>
        texts.map((text): KeyTurn => [text, sees, never]);
      for (const [texts, sees, never] of [
        [reaching, [], anySafetyReply],
        [stillDanger.slice(0, 1), ['safety.confirm'], []],
      ] as const) {
        conversations += 1;
        await playKeyTurns(
          served.url,
          `reaching-${conversations}`,
          `reaching-user-${conversations}`,
          welcomed,
          turns(texts, sees, never),
        );
      }
    });
  }
});
