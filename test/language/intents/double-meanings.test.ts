import assert from 'node:assert/strict';
import { menuRouteFor } from '../../../dialogs/menu-routes.js';
import { foldText } from '../../../src/language/intents/fold-text.js';
import { loadIntentExamples } from '../../../src/language/intents/intent-examples.js';
import { type IntentName, intentNames } from '../../../src/language/intents/intent-names.js';
import { thresholds } from '../../../src/language/routing.js';
import { shippedRecognizer } from './recognizers.js';

/**
 * Words that sound like an intent but answer a question: "in person" is a meeting format, not a
 * request for a person; "evenings" is a time, not a greeting; "delete that one" is the last
 * answer, not the person's data. None is a training example.
 */
const notRequests: readonly [text: string, mustNotBe: IntentName][] = [
  ['in person would be best', 'handoff'],
  ['In person, if I can', 'handoff'],
  ['in person is what I want', 'handoff'],
  ['in person on tuesday evenings', 'handoff'],
  ['prefer face to face', 'handoff'],
  ['evenings are good', 'greeting'],
  ['Evenings mostly', 'greeting'],
  ['weekday evenings only', 'greeting'],
  ['mornings work', 'greeting'],
  ['tuesday evenings', 'greeting'],
  // The last answer, not "delete my data".
  ['delete that one', 'deleteData'],
  ['erase what i just typed', 'deleteData'],
  ['delete the last thing i said', 'deleteData'],
];

/** The same words where they do ask: these must still be understood. */
const stillRequests: readonly [text: string, intent: IntentName][] = [
  ['can I talk with a real person', 'handoff'],
  ['I need to see someone in person to talk', 'handoff'],
  ['good evening friend', 'greeting'],
  ['hey, good morning', 'greeting'],
  ['please delete all my data', 'deleteData'],
  ['erase everything you saved about me', 'deleteData'],
];

const foldedExamples = new Set(
  intentNames.flatMap((intent) => loadIntentExamples()[intent].map((example) => foldText(example))),
);

describe('words that mean something else', () => {
  for (const [text, mustNotBe] of notRequests) {
    it(`"${text}" is not taken as ${mustNotBe}, at the menu or inside a flow`, async () => {
      assert.ok(!foldedExamples.has(foldText(text)), 'a test phrasing must not be a training example');
      const recognition = await shippedRecognizer().recognizeText(text);
      const route = menuRouteFor(recognition);
      const routed = route && ('intent' in route ? [route.intent] : route.intents);
      assert.ok(!routed?.includes(mustNotBe as never), `the menu goes to ${JSON.stringify(route)}`);
      const switches = recognition.intent === mustNotBe && recognition.score >= thresholds.switchAsk;
      assert.ok(
        !switches,
        `a flow would offer to switch (${recognition.intent} ${recognition.score.toFixed(2)})`,
      );
    });
  }
  for (const [text, intent] of stillRequests) {
    it(`"${text}" is still ${intent}`, async () => {
      assert.ok(!foldedExamples.has(foldText(text)), 'a test phrasing must not be a training example');
      const recognition = await shippedRecognizer().recognizeText(text);
      assert.equal(recognition.intent, intent, `got ${recognition.intent} (${recognition.score.toFixed(2)})`);
      assert.ok(recognition.score >= thresholds.route, recognition.score.toFixed(2));
    });
  }
});
