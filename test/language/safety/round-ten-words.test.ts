import assert from 'node:assert/strict';
import { loadSafetyClassifier, type SafetyResult } from '../../../src/language/safety/safety-classifier.js';

const classifier = loadSafetyClassifier();

const explicitDanger = (r: SafetyResult) => r.level === 'danger' && r.explicit;
const overdose = (r: SafetyResult) => explicitDanger(r) && r.overdose;
const none = (r: SafetyResult) => r.level === 'none';
const concern = (r: SafetyResult) => r.level === 'concern';

// The tenth sitting: words people type for the categories set B's totals showed weakest, each case
// [what it shows, what people type, what the gate must say].
const cases: readonly (readonly [string, readonly string[], (result: SafetyResult) => boolean])[] = [
  [
    'a threat said outright is explicit danger',
    [
      'ill murder him',
      'i will kill her if she comes back',
      'gonna put a bullet in his head',
      'gonna make him bleed',
      "i'll kill them all",
    ],
    explicitDanger,
  ],
  [
    'the same verbs in a game, a joke or an errand are not',
    [
      "we're gonna kill them all in the tournament lol",
      'ill kill them with kindness',
      'gonna put a bullet point in the letter',
      "i'll shoot him a text later",
    ],
    none,
  ],
  [
    'a whole bottle, or the usual amount after a break, is the overdose reply',
    [
      'took my whole bottle of klonopin',
      'i relapsed tonight took my usual and now i cant wake myself up all the way',
      'i took my old dose after 3 months off and im fading',
    ],
    overdose,
  ],
  [
    'the usual dose taken as prescribed is a routine (it got the overdose reply), and a story is a story',
    [
      'i took my usual dose this morning',
      'took my usual dose at the clinic today',
      "i wrote about the night i od'd for my step work",
      "i shared at the meeting about the time i od'd in my car",
    ],
    none,
  ],
  [
    'a worry about using is met as a concern',
    [
      'i might use tonight',
      "i'm worried about my sobriety",
      'i dont know how long i can stay sober',
      'scared im gonna slip',
      'im dope sick and i need to get well',
    ],
    concern,
  ],
];

describe('safety gate: round 10 words, as people type them', () => {
  for (const [shows, texts, wanted] of cases) {
    it(shows, () => {
      const wrong = texts.flatMap((text) => {
        const result = classifier.classify(text);
        return wanted(result) ? [] : [`${text} -> ${JSON.stringify(result)}`];
      });
      assert.deepEqual(wrong, []);
    });
  }
});
