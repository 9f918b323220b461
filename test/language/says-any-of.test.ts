import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { foldedVariants, saysAnyOf } from '../../src/language/says-any-of.js';
import { foldAnswer } from '../../src/language/typed-answer.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

/** [locale list, typed, found]: whole phrases of the list, whatever the case, accents or marks. */
const rows: [key: StringKey, typed: string | undefined, found: boolean][] = [
  ['handoff.needsNowWords', 'no. like a hotline or something', true],
  ['handoff.needsNowWords', 'HOTLINE?', true],
  ['handoff.needsNowWords', 'i need someone RIGHT-NOW', true],
  ['handoff.needsNowWords', 'hotlines are useless', false],
  ['handoff.needsNowWords', 'nowhere to go', false],
  ['handoff.needsNowWords', 'snow day', false],
  ['handoff.needsNowWords', '', false],
  ['handoff.needsNowWords', undefined, false],
  ['plans.savedWords', 'show me The Plan I Made', true],
  ['plans.savedWords', 'the plan i make', false],
  ['myPlans.letterWords', 'where is my leter', true],
  ['myPlans.letterWords', 'where is my lettering', false],
  ['handoff.thisChatWords', 'Hére is fine!', true],
  ['handoff.thisChatWords', 'there', false],
];

describe('saysAnyOf: a locale word list found in typed words', () => {
  for (const [key, typed, found] of rows) {
    it(`${key} ${found ? 'in' : 'not in'} ${JSON.stringify(typed)}`, () => {
      assert.equal(saysAnyOf(strings, key, typed), found);
    });
  }

  it('takes already folded text the same as typed text', () => {
    assert.equal(saysAnyOf(strings, 'handoff.needsNowWords', 'like a hotline'), true);
  });

  it('folds a list once: the same folded phrases each time, as foldAnswer folds each', () => {
    const first = foldedVariants(strings, 'handoff.waitingQuestionWords');
    assert.deepEqual(first, strings.variants('handoff.waitingQuestionWords').map(foldAnswer));
    assert.equal(foldedVariants(strings, 'handoff.waitingQuestionWords'), first);
  });
});
