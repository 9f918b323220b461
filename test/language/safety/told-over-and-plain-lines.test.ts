import assert from 'node:assert/strict';
import { loadSafetyClassifier } from '../../../src/language/safety/safety-classifier.js';

const classifier = loadSafetyClassifier();

/** Messages the gate flagged at any level, with the signals that did it. */
function flagged(texts: readonly string[]): string[] {
  return texts.flatMap((text) => {
    const { level, signals } = classifier.classify(text);
    return level === 'none' ? [] : [`${text} -> ${level} [${signals.join(', ')}]`];
  });
}

/** Messages the gate did not read as an overdose happening now. */
function notOverdose(texts: readonly string[]): string[] {
  return texts.flatMap((text) => {
    const result = classifier.classify(text);
    return result.level === 'danger' && result.overdose ? [] : [`${text} -> ${result.level}`];
  });
}

// The eighth people run (Ray): his message for a peer got the overdose steps and was lost.
describe('safety gate: an overdose told as past and over is a story (people run 8)', () => {
  it('"last night" with "hes ok now", "she made it", "im fine now" is no emergency', () => {
    assert.deepEqual(
      flagged([
        "my friend od'd last night, hes ok now. but i use too sometimes and i want to stop before its me. looking for NA meetings",
        'my buddy overdosed on saturday, but he made it',
        'i overdosed last night, im ok now',
        'she overdosed yesterday and shes fine now',
      ]),
      [],
    );
  });

  it('past-and-over never hides a present emergency', () => {
    assert.deepEqual(
      notOverdose([
        "he od'd and hes not waking up",
        "he od'd last night and hes still not waking up",
        "my friend od'd last night, im not sure hes ok now",
        'she overdosed an hour ago, shes ok now but shes not breathing right',
        'he overdosed last night',
        "he od'd. is he ok now?",
      ]),
      [],
    );
  });
});

// Lines people typed in the eighth run (and Ava's from the seventh) that got the check-in or the
// concern reply; each is now in the training messages' ninth-sitting voice only as a rewording.
describe('safety gate: plain lines of the eighth people run get no reply at all', () => {
  it('papers in a role-play, a side effect for the prescriber, a practical question, a reason', () => {
    assert.deepEqual(
      flagged([
        'I have them with me right now. and can I get a receipt that I gave them?',
        'I have been waking up soaked in sweat at night. Is that from the methadone?',
        'idk. whats safer',
        "I've been on it about four years. I want to feel like myself again.",
        'I want to feel like myself again',
        'oh. um. i know but its really hard for me right now, some days i cant get up',
      ]),
      [],
    );
  });

  it('the same words said about danger still are', () => {
    for (const text of [
      'I have the pills with me right now',
      'i want to feel like myself again but i just want to die',
    ]) {
      assert.equal(classifier.classify(text).level, 'danger', text);
    }
  });
});
