import assert from 'node:assert/strict';
import { typedAnswerReader } from '../../src/language/typed-answer.js';
import { Questionnaire } from '../../src/questionnaire/questionnaire.js';
import { testContent } from '../support/content.js';

/** A small questionnaire: a drink, then a size (asked only for coffee), then a name. */
type Field = 'drink' | 'size' | 'name';
interface Order {
  drink?: string;
  size?: string;
  name?: string;
}

const order = new Questionnaire<Field, Order>(
  {
    fields: ['drink', 'size', 'name'],
    applies: (field, answers) => field !== 'size' || answers.drink === 'coffee',
    skipped: (field) => ({ [field]: 'any' }),
  },
  typedAnswerReader(testContent().strings),
);

/** Reads a drink or a name as typed; "coffee, large" answers the size too. */
const own = (text: string) => (field: Field) =>
  field === 'drink' && text.startsWith('coffee')
    ? { drink: 'coffee', ...(text.includes('large') ? { size: 'large' } : {}) }
    : field === 'name' && /^[a-z]+$/.test(text)
      ? { name: text }
      : undefined;

describe('a questionnaire: what applies, read, miss, skip, back, change', () => {
  it('asks the first field not answered that applies', () => {
    assert.equal(order.next({}), 'drink');
    assert.equal(order.next({ drink: 'tea' }), 'name', 'size applies to coffee only');
    assert.equal(order.next({ drink: 'coffee' }), 'size');
    assert.equal(order.next({ drink: 'tea', name: 'sam' }), undefined);
  });

  it('reads an answer into a patch that may hold other fields, "back" as back, else a miss', () => {
    assert.deepEqual(order.read('drink', 'coffee, large', own('coffee, large')), {
      kind: 'answer',
      patch: { drink: 'coffee', size: 'large' },
    });
    assert.deepEqual(order.read('name', 'back', own('back')), { kind: 'back' });
    assert.deepEqual(order.read('drink', 'purple', own('purple')), { kind: 'miss' });
    assert.deepEqual(order.read(undefined, 'coffee', own('coffee')), { kind: 'miss' }, 'no open question');
  });

  it('takes a patch with the misses counted afresh', () =>
    assert.deepEqual(order.take({ drink: 'coffee' }, { size: 'large' }), {
      answers: { drink: 'coffee', size: 'large' },
      misses: 0,
    }));

  it('asks again after a miss, then again, then skips the question for the person', () => {
    const first = order.miss({ answers: {}, misses: 0 }, 'drink');
    assert.deepEqual(first, { skipped: false, state: { answers: {}, misses: 1 } });
    assert.deepEqual(order.miss(first.state, 'drink'), { skipped: false, state: { answers: {}, misses: 2 } });
    assert.deepEqual(order.miss({ answers: {}, misses: 2 }, 'drink'), {
      skipped: true,
      state: { answers: { drink: 'any' }, misses: 0 },
    });
    assert.deepEqual(
      [0, 1, 2, 5].map((misses) => order.attempt(misses)),
      ['first', 'again', 'stuck', 'stuck'],
    );
  });

  it('"back" clears the answered question before that applies; nothing before is undefined', () => {
    assert.deepEqual(order.back({ drink: 'tea' }, 'name'), { answers: {}, misses: 0 }, 'size did not apply');
    assert.deepEqual(order.back({ drink: 'coffee', size: 'large' }, 'name'), {
      answers: { drink: 'coffee' },
      misses: 0,
    });
    assert.equal(order.back({}, 'drink'), undefined);
  });

  it('a spec that clears more with an answer has it cleared on "back" and on a change', () => {
    const withSize = new Questionnaire<Field, Order>(
      {
        fields: ['drink', 'size', 'name'],
        applies: () => true,
        skipped: (field) => ({ [field]: 'any' }),
        // Only the drink is ever cleared here, and the size goes with it.
        cleared: ({ drink: _drink, size: _size, ...rest }) => rest,
      },
      typedAnswerReader(testContent().strings),
    );
    assert.deepEqual(withSize.change({ drink: 'tea', size: 'small', name: 'sam' }, 'drink').answers, {
      name: 'sam',
    });
    assert.deepEqual(withSize.back({ drink: 'tea' }, 'size')?.answers, {});
  });

  it('changing an answer clears it; what can be changed is what was given or applies now', () => {
    assert.deepEqual(order.change({ drink: 'tea', name: 'sam' }, 'drink'), {
      answers: { name: 'sam' },
      misses: 0,
    });
    assert.deepEqual(order.changeable({ drink: 'tea' }), ['drink', 'name']);
    assert.deepEqual(order.changeable({ drink: 'coffee' }), ['drink', 'size', 'name']);
  });
});
