import assert from 'node:assert/strict';
import { AnswerReader, readPlace } from '../../src/peer-groups/answers.js';
import type { Filter, Preferences } from '../../src/peer-groups/matching.js';
import { shippedRecognizer } from '../language/intents/recognizers.js';
import { testContent } from '../support/content.js';

const reader = new AnswerReader(testContent().strings);

async function read(filter: Filter, text: string): Promise<Preferences | undefined> {
  const recognition = await shippedRecognizer().recognizeText(text, { timezone: 'America/New_York' });
  return reader.read(filter, text, recognition);
}

type ReadCase = [filter: Filter, text: string, expected: Preferences | undefined];

const cases: ReadCase[] = [
  ['focus', 'Alcohol', { focus: 'alcohol' }],
  ['focus', '2', { focus: 'otherDrugs' }],
  ['focus', 'mostly drinking', { focus: 'alcohol' }],
  ['focus', 'alcohol and drugs', { focus: 'anySubstance' }],
  ['focus', 'drinking and depression', { focus: 'coOccurring' }],
  ['focus', 'for my wife', { focus: 'familyFriends' }],
  ['focus', 'any substance', { focus: 'anySubstance' }],
  ['focus', 'skip', { focus: 'any' }],
  ['focus', 'purple monkey', undefined],
  ['approach', 'something not religious', { approach: 'secular' }],
  ['approach', '12-step', { approach: 'twelveStep' }],
  ['approach', 'Buddhist-inspired', { approach: 'buddhist' }],
  ['approach', '12 step or smart', { approach: 'any' }],
  ['approach', 'No preference', { approach: 'any' }],
  ['approach', 'blue', undefined],
  ['format', 'zoom is easiest', { format: 'online' }],
  ['format', 'In person', { format: 'inPerson' }],
  ['format', 'online or by phone', { format: 'any' }],
  ['format', 'doesnt matter', { format: 'any' }],
  ['when', 'weekday evenings', { when: { days: [1, 2, 3, 4, 5], parts: ['evening'] } }],
  ['when', 'Saturday morning', { when: { days: [6], parts: ['morning'] } }],
  ['when', 'saturdays', { when: { days: [6], parts: [] } }],
  ['when', 'this weekend', { when: { days: [0, 6], parts: [] } }],
  ['when', 'tuesday at 7pm', { when: { days: [2], parts: ['evening'] } }],
  ['when', 'after work', { when: { days: [], parts: ['evening'] } }],
  ['when', 'any evening', { when: { days: [], parts: ['evening'] } }],
  ['when', 'any time', { when: 'any' }],
  ['when', 'banana', undefined],
  ['place', '62704', { place: { text: '62704', zip: '62704' } }],
  ['place', 'Springfield, IL', { place: { text: 'Springfield, IL', city: 'Springfield', state: 'IL' } }],
  ['place', 'in Springfield', { place: { text: 'Springfield', city: 'Springfield' } }],
  ['place', 'not sure', { place: 'any' }],
  ['place', '<b>town</b>', undefined],
  ['place', 'I would rather not say where I live', undefined],
  ['medication', 'Yes, only those', { medication: 'required' }],
  ['medication', 'yeah', { medication: 'required' }],
  ['medication', 'no', { medication: 'any' }],
  ['medication', 'hmm', undefined],
];

describe('peer groups: reading answers', () => {
  for (const [filter, text, expected] of cases) {
    it(`${filter}: ${JSON.stringify(text)}`, async () => {
      assert.deepEqual(await read(filter, text), expected);
    });
  }

  it('a ZIP+4 is read as its ZIP; a state typed in lower case needs a comma', () => {
    assert.deepEqual(readPlace('62704-1234'), { text: '62704', zip: '62704' });
    assert.deepEqual(readPlace('springfield, il'), {
      text: 'springfield, IL',
      city: 'springfield',
      state: 'IL',
    });
  });

  it('"change the format" and "a different time" ask to change an answer; other words do not', () => {
    assert.equal(reader.changeRequest('can I change the format'), 'format');
    assert.equal(reader.changeRequest('a different time please'), 'when');
    assert.equal(reader.changeRequest('go back to the city'), 'place');
    assert.equal(reader.changeRequest('the format is fine'), undefined);
    assert.equal(reader.changeRequest('hello'), undefined);
  });

  it('kinds of group, formats and recurring times said in passing are taken; dated times only from a first message', async () => {
    const text = 'an online 12 step meeting on weekday evenings';
    const recognition = await shippedRecognizer().recognizeText(text, { timezone: 'America/New_York' });
    assert.deepEqual(reader.mentions(recognition, text), {
      approach: 'twelveStep',
      format: 'online',
      when: { days: [1, 2, 3, 4, 5], parts: ['evening'] },
    });
    const dated = 'online tonight';
    const tonight = await shippedRecognizer().recognizeText(dated, { timezone: 'America/New_York' });
    assert.deepEqual(reader.mentions(tonight, dated), { format: 'online' });
    assert.deepEqual(reader.prefill(recognition, text), {
      approach: 'twelveStep',
      format: 'online',
      when: { days: [1, 2, 3, 4, 5], parts: ['evening'] },
    });
  });
});
