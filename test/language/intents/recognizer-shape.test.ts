import assert from 'node:assert/strict';
import {
  type Activity,
  getTopScoringIntent,
  type RecognizerResult,
  TestAdapter,
  TurnContext,
} from 'botbuilder';
import { DialogContext, DialogSet, Recognizer } from 'botbuilder-dialogs';
import { intentNames } from '../../../src/language/intents/intent-names.js';
import { intentTrace, intentTraceName } from '../../../src/language/intents/intent-trace.js';
import { shippedRecognizer } from './recognizers.js';

/** A DialogContext around one incoming message, as a dialog would have it. */
function dialogContextFor(activity: Partial<Activity>): DialogContext {
  const adapter = new TestAdapter();
  const context = new TurnContext(adapter, {
    ...adapter.makeActivity(activity.text),
    ...activity,
  });
  return new DialogContext(new DialogSet(), context, { dialogStack: [] });
}

describe('recognizer shape and trace', () => {
  it("is a botbuilder Recognizer returning every intent's score, entities and the typed recognition", async () => {
    const recognizer = shippedRecognizer();
    assert.ok(recognizer instanceof Recognizer);
    const activity: Partial<Activity> = {
      type: 'message',
      text: 'I see my psychiatrist next Tuesday at 3pm',
      localTimezone: 'America/Chicago',
    };
    const result = await recognizer.recognize(dialogContextFor(activity), activity);
    assert.equal(result.text, activity.text);
    assert.deepEqual(Object.keys(result.intents).sort(), [...intentNames].sort());
    const total = Object.values(result.intents).reduce((sum, { score }) => sum + (score ?? 0), 0);
    assert.ok(Math.abs(total - 1) < 1e-9);
    assert.equal(getTopScoringIntent(result).intent, 'appointment');
    assert.equal(result.wayfinder.intent, 'appointment');
    assert.equal(result.entities.datetime[0]?.value?.local, '2025-05-13T15:00:00');
    assert.equal(result.entities.datetime[0]?.timezone, 'America/Chicago');
  });

  it('reads the offset of rawLocalTimestamp when the channel sends no localTimezone', async () => {
    const activity = {
      type: 'message',
      text: 'next Tuesday at 3pm',
      localTimestamp: new Date('2025-05-08T15:00:00Z'),
      rawLocalTimestamp: '2025-05-08T20:30:00.000+05:30',
    };
    const result = await shippedRecognizer().recognize(dialogContextFor(activity), activity);
    assert.equal(result.entities.datetime[0]?.timezone, 'UTC+05:30');
    assert.equal(result.entities.datetime[0]?.value?.iso, '2025-05-13T09:30:00.000Z');
  });

  it('builds an IntentRecognizer trace activity from a recognition', async () => {
    const recognition = await shippedRecognizer().recognizeText('find me an online NA meeting');
    const trace = intentTrace(recognition);
    assert.equal(trace.type, 'trace');
    assert.equal(trace.name, intentTraceName);
    assert.equal(trace.name, 'IntentRecognizer');
    assert.ok(trace.label && trace.valueType);
    assert.deepEqual(Object.keys(trace.value).sort(), ['entities', 'intent', 'score']);
    assert.equal(trace.value.intent, 'peerGroup');
    assert.equal(trace.value.score, recognition.score);
    assert.deepEqual(Object.keys(trace.value.entities).sort(), [
      'accommodationSetting',
      'appointmentType',
      'boolean',
      'datetime',
      'groupApproach',
      'groupFormat',
      'number',
    ]);
    assert.deepEqual(
      JSON.parse(JSON.stringify(trace.value)),
      trace.value,
      'the value survives serialization',
    );
  });

  it("builds the same trace from any RecognizerResult, e.g. a cloud recognizer's", () => {
    const result: RecognizerResult = {
      text: 'hi',
      intents: { greeting: { score: 0.9 }, none: { score: 0.1 } },
      entities: { datetime: [] },
    };
    assert.deepEqual(intentTrace(result).value, {
      intent: 'greeting',
      score: 0.9,
      entities: { datetime: [] },
    });
  });
});
