import assert from 'node:assert/strict';
import { type SpanName, spanChannel, spanNames } from '../../src/platform/spans.js';
import { exchangeAll, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The turn profile of `npm run bench` reads these spans: each part of a message turn must be
 * announced once, and a message must still be answered whether or not anything listens.
 */
describe('turn spans for the benchmark profile', () => {
  const seen = new Map<SpanName, number>();
  const count = (name: SpanName) => () => seen.set(name, (seen.get(name) ?? 0) + 1);
  const listeners = spanNames.map((name) => ({ name, listener: count(name) }));

  const served = useTestApp();
  afterEach(() => {
    for (const { name, listener } of listeners) spanChannel(name).end.unsubscribe(listener);
    seen.clear();
  });

  it('times the safety gate, the intent recognizer, the date-time and the other recognizers once per message', async () => {
    for (const { name, listener } of listeners) spanChannel(name).end.subscribe(listener);
    const replies = await exchangeAll(
      served.url,
      testActivity('spans-1', { text: 'my appointment is tomorrow at 3pm' }),
    );
    assert.ok(replies.some((a) => a.type === 'message'));
    assert.deepEqual(Object.fromEntries(seen), { safety: 1, intent: 1, datetime: 1, entities: 1 });
  });

  it('answers the same with nothing listening', async () => {
    const replies = await exchangeAll(
      served.url,
      testActivity('spans-2', { text: 'my appointment is tomorrow at 3pm' }),
    );
    assert.ok(replies.some((a) => a.type === 'message'));
    assert.equal(seen.size, 0);
  });
});
