import assert from 'node:assert/strict';
import { AnswerReader } from '../../src/peer-groups/answers.js';
import { loadPeerDirectory } from '../../src/peer-groups/directory.js';
import { type ResultsAsk, ResultsQuestions } from '../../src/peer-groups/results-question.js';
import { testContent } from '../support/content.js';
import { fixture } from './fixtures.js';

const { strings } = testContent();
const shipped = new ResultsQuestions(strings, new AnswerReader(strings), loadPeerDirectory());

/** What people typed at the results, and how it is read (undefined: not a question about them). */
const cases: [typed: string, read: ResultsAsk | undefined][] = [
  ['wheres the link', { kind: 'link' }],
  ['how do i join', { kind: 'link' }],
  ['is it free', { kind: 'cost' }],
  ['how much does it cost?', { kind: 'cost' }],
  ['what time is it on', { kind: 'time' }],
  ['when do they meet', { kind: 'time' }],
  ['is it for families too', { kind: 'family' }],
  ['can my wife come', { kind: 'family' }],
  ['do i need to talk', { kind: 'talk' }],
  ['do i have to share', { kind: 'talk' }],
  ['can i go on suboxone', { kind: 'medication' }],
  ['are they ok with methadone?', { kind: 'medication' }],
  ['are the people nice there?', { kind: 'unknown' }],
  ['none of these', { kind: 'none' }],
  ['something else', { kind: 'none' }],
  ['more', { kind: 'more' }],
  ['anything near me', { kind: 'place' }],
  ['close to 85705', { kind: 'place', place: { text: '85705', zip: '85705' } }],
  ['in person in tucson', { kind: 'place', place: { text: 'tucson', city: 'tucson' } }],
  ['online', undefined],
  ['in person', undefined],
  ['in preson', undefined],
  ['by phone', undefined],
  ['in the evening', undefined],
  ['ok', undefined],
];

describe('questions typed at the group results (ResultsQuestions.read)', () => {
  for (const [typed, read] of cases) {
    it(`"${typed}" is ${read ? read.kind : 'no question about the results'}`, () => {
      assert.deepEqual(shipped.read(typed), read);
    });
  }

  it('a place is searched only where the directory holds local in-person groups', () => {
    assert.equal(shipped.hasLocalGroups(), false, 'the shipped directory: national organizations only');
    const local = new ResultsQuestions(strings, new AnswerReader(strings), fixture('basic'));
    assert.equal(local.hasLocalGroups(), true);
  });
});
