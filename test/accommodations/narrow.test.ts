import assert from 'node:assert/strict';
import { narrowedRequest } from '../../src/accommodations/narrow.js';
import { rightsQuestionIn } from '../../src/accommodations/rights.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();
const extraTime = strings.text('accommodationIdeas.extraTimeRequest');
const laterStart = strings.text('accommodationIdeas.laterStartRequest');

/** [the listed change, what the person typed, the change as the letter writes it (undefined: as listed)]. */
const narrowings: [string, string, string | undefined][] = [
  [extraTime, 'extra time on tests only (not assignments) and the quiet room', 'extra time on tests'],
  [extraTime, 'change it says assignments i only need it for tests', 'extra time on tests'],
  [extraTime, 'just tests', 'extra time on tests'],
  [extraTime, 'not tests, only assignments', 'extra time on assignments'],
  [extraTime, 'extra time on tests', undefined],
  [extraTime, '1 and 3 both', undefined],
  [laterStart, 'later start. just thurs', 'a later start time on Thursdays'],
  [
    laterStart,
    'change it. its only thurs not whenever. need to start at 11 not 7',
    'a later start time on Thursdays',
  ],
  [laterStart, 'a later start', undefined],
];

/** [typed inside a request, what it asks about (undefined: no rights question)]. */
const questions: [string, 'disclosure' | 'rights' | undefined][] = [
  ['do i have to tell them its depression? i dont really want them knowing that', 'disclosure'],
  ['email. but do i have to say my diagnosis', 'disclosure'],
  ['do i have to tell them about my adhd meds or whatever', 'disclosure'],
  ['can they fire me for asking', 'rights'],
  ['does depression count as a disability at college', 'rights'],
  [
    'wait the rights thing said recovery. im not in recovery i have depression. does 504 still cover me',
    'rights',
  ],
  ['idk. dont want them knowing its rehab', undefined],
  ['my diagnosis is adhd', undefined],
  ['general health condition', undefined],
  ['email', undefined],
];

describe('a change narrowed in the person words, and rights questions inside a request', () => {
  for (const [request, said, expected] of narrowings)
    it(`"${said}" makes "${request}" ${expected === undefined ? 'stay as listed' : `"${expected}"`}`, () => {
      assert.equal(narrowedRequest(strings, request, said), expected);
    });

  for (const [typed, about] of questions)
    it(`"${typed}" is ${about ?? 'no rights question'}`, () => {
      assert.equal(rightsQuestionIn(strings, typed)?.about, about);
    });

  it('the rest of a message with a question is kept, so it can answer the step', () => {
    assert.equal(rightsQuestionIn(strings, 'email. but do i have to say my diagnosis')?.rest, 'email.');
  });
});
