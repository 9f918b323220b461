import assert from 'node:assert/strict';
import { foldText } from '../../../src/language/intents/fold-text.js';
import { loadIntentExamples } from '../../../src/language/intents/intent-examples.js';
import { type IntentName, intentNames } from '../../../src/language/intents/intent-names.js';
import { shippedRecognizer } from './recognizers.js';

/** A message and the intent it must get; none of these is in the example files. */
type PhrasingCase = readonly [text: string, intent: IntentName];

const keyPhrasings: readonly PhrasingCase[] = [
  ['I see my psychiatrist next Tuesday at 3pm', 'appointment'],
  ['how do I ask my boss for Fridays off for treatment', 'accommodation'],
  ['is there a smart recovery meeting on zoom tonight', 'peerGroup'],
  ['can we role play me talking to my landlord', 'practice'],
  ['I want to talk to a real person please', 'handoff'],
  ['what can this bot do', 'help'],
  ['show me the main menu please', 'menu'],
  ['ok can we just start over from scratch', 'cancel'],
  ["good evening, hope you're well", 'greeting'],
  ['thank you so much for the help', 'thanks'],
  ['what info have you saved about me', 'showData'],
  ['please delete all of my data', 'deleteData'],
  ['can my probation officer read this chat', 'privacy'],
  ['wait are you a bot or a person', 'aboutBot'],
  ['what should I make for dinner tonight', 'none'],
];

const typosEmojiContractions: readonly PhrasingCase[] = [
  ['i got a apointment with my psychiatirst tmrw', 'appointment'],
  ['HOW DO I ASK FOR AN ACCOMODATION AT WORK', 'accommodation'],
  ['wheres the nearest NA meetin', 'peerGroup'],
  ["let's practise what i'm gonna say to my doc", 'practice'],
  ['i wanna talk 2 a human 🙏', 'handoff'],
  ["I'm confused, what do u do?", 'help'],
  ['menue', 'menu'],
  ['nvm cancel that 🛑', 'cancel'],
  ['heyyy 👋', 'greeting'],
  ['thx so much!! 💜', 'thanks'],
  ['wut do u know bout me', 'showData'],
  ['delte everything u have on me', 'deleteData'],
  ["who's gonna see what i type here?", 'privacy'],
  ['r u a real person or a robot 🤖', 'aboutBot'],
  ["I'm tryin to quit drinkin", 'none'],
];

const foldedExamples = new Set(
  intentNames.flatMap((intent) => loadIntentExamples()[intent].map((example) => foldText(example))),
);

function recognizes(cases: readonly PhrasingCase[]): void {
  for (const [text, intent] of cases) {
    it(`"${text}" -> ${intent}`, async () => {
      assert.ok(!foldedExamples.has(foldText(text)), 'a test phrasing must not be a training example');
      const result = await shippedRecognizer().recognizeText(text);
      assert.equal(result.intent, intent, `got ${result.intent} (${result.score.toFixed(2)})`);
    });
  }
}

describe('intent recognizer on new phrasings', () => {
  describe('key phrasings, one per intent', () => recognizes(keyPhrasings));
  describe('typos, casing, contractions, slang and emoji', () => recognizes(typosEmojiContractions));

  it('routes the key appointment phrasing with confidence (score >= 0.7)', async () => {
    const result = await shippedRecognizer().recognizeText('I see my psychiatrist next Tuesday at 3pm');
    assert.ok(result.score >= 0.7, `score ${result.score.toFixed(2)}`);
  });

  it('reads an empty or emoji-only message as none without failing', async () => {
    for (const text of ['', '   ', '😊😊'])
      assert.equal((await shippedRecognizer().recognizeText(text)).intent, 'none');
  });
});
