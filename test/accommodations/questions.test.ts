import assert from 'node:assert/strict';
import {
  AccommodationQuestions,
  looksLikeNonsense,
  settingFrom,
} from '../../src/accommodations/questions.js';
import type {
  AccommodationSetting,
  DomainEntity,
  WayfinderRecognition,
} from '../../src/language/intents/index.js';
import { testContent } from '../support/content.js';
import { accommodationContent, TODAY } from './support.js';

const { strings } = testContent();
const questions = () => new AccommodationQuestions(strings, accommodationContent());

/** A recognition that found these settings (as the lexicon reports them) and dates. */
function recognized(
  settings: [AccommodationSetting, string][],
  dates: WayfinderRecognition['entities']['datetime'] = [],
): WayfinderRecognition {
  const accommodationSetting: DomainEntity<AccommodationSetting>[] = settings.map(([value, text]) => ({
    value,
    text,
  }));
  return {
    intent: 'accommodation',
    score: 0.9,
    entities: {
      datetime: dates,
      number: [],
      boolean: [],
      appointmentType: [],
      accommodationSetting,
      groupApproach: [],
      groupFormat: [],
    },
  };
}

describe('reading accommodation answers', () => {
  it('takes keyboard mashes and symbols as nonsense, and real words (even odd ones) as words', () => {
    for (const text of ['asdfgh', 'qwerty', 'sdkjfh', '???', 'zzzz', 'hjkl', '🙂🙂']) {
      assert.equal(looksLikeNonsense(text), true, text);
    }
    for (const text of [
      'my bus is late',
      'HR',
      'ptsd',
      'IOP',
      'I need a later start',
      'blah blah',
      'idk lol',
    ]) {
      assert.equal(looksLikeNonsense(text), false, text);
    }
  });

  it('finds the barrier a sentence names: the clinic in "later start time at work because of my clinic"', () => {
    assert.equal(questions().barrierFrom('later start time at work because of my clinic'), 'schedule');
    assert.equal(questions().barrierFrom('my meds make me so groggy'), 'medication');
    assert.equal(questions().barrierFrom('I forget things and lose focus'), 'concentration');
    assert.equal(questions().barrierFrom('the bus takes two hours'), 'travel');
    assert.equal(questions().barrierFrom('I would like a standing desk'), undefined);
  });

  it('takes the place over a health word when both are named ("at work ... my clinic" is work)', () => {
    assert.equal(
      settingFrom(
        recognized([
          ['work', 'work'],
          ['healthcare', 'clinic'],
        ]),
      ),
      'work',
    );
    assert.equal(settingFrom(recognized([['healthcare', 'clinic']])), 'healthcare');
    assert.equal(settingFrom(recognized([])), undefined);
    assert.equal(
      settingFrom(
        recognized([
          ['work', 'work'],
          ['school', 'school'],
        ]),
      ),
      undefined,
      'two places: ask',
    );
  });

  it('reads a button by its words or its number (when numbered), and "back" and "skip" anywhere', () => {
    const q = questions();
    const choices = q.choices('format', {});
    const turn = { today: TODAY };
    assert.deepEqual(q.parse('format', strings.text('accommodation.letter'), choices, turn), {
      kind: 'answer',
      patch: { format: 'letter' },
    });
    // A number picks only where the buttons were shown with numbers.
    assert.deepEqual(q.parse('format', '1', choices, { ...turn, numbered: true }), {
      kind: 'answer',
      patch: { format: 'email' },
    });
    assert.deepEqual(q.parse('format', '1', choices, turn), { kind: 'miss' });
    assert.deepEqual(q.parse('format', 'go back', choices, turn), { kind: 'back' });
    assert.deepEqual(q.parse('format', 'skip', choices, turn), { kind: 'skip' });
    assert.deepEqual(q.parse('format', 'carrier pigeon', choices, turn), { kind: 'miss' });
  });

  it("keeps a person's own words for what gets in the way, sorted into a barrier when it can be", () => {
    const q = questions();
    const parsed = q.parse('barrier', 'my group meets at 8 every morning', q.choices('barrier', {}), {
      today: TODAY,
    });
    assert.deepEqual(parsed, {
      kind: 'answer',
      patch: { barrier: { id: 'schedule', words: 'my group meets at 8 every morning' } },
    });
    const other = q.parse('barrier', 'the lights flicker', [], { today: TODAY });
    assert.deepEqual(other, {
      kind: 'answer',
      patch: { barrier: { id: 'other', words: 'the lights flicker' } },
    });
  });

  it('refuses an answer over the length limit, asking for a shorter one', () => {
    assert.deepEqual(questions().parse('idea', 'x '.repeat(150), [], { today: TODAY }), { kind: 'tooLong' });
  });

  it('takes a start date the recognizer found, but not one in the past', () => {
    const date = (local: string) =>
      recognized(
        [],
        [
          {
            kind: 'date',
            text: 'monday',
            start: 0,
            end: 6,
            timex: 'x',
            value: { iso: `${local}Z`, local },
            timezone: 'UTC',
            ambiguous: false,
          },
        ],
      );
    const q = questions();
    assert.deepEqual(
      q.parse('start', 'Monday', [], { today: TODAY, recognition: date('2025-05-12T00:00:00') }),
      {
        kind: 'answer',
        patch: { start: { date: '2025-05-12' } },
      },
    );
    assert.deepEqual(
      q.parse('start', 'last Monday', [], { today: TODAY, recognition: date('2025-05-05T00:00:00') }),
      {
        kind: 'miss',
      },
    );
    assert.deepEqual(q.parse('start', 'when the new schedule comes out', [], { today: TODAY }), {
      kind: 'answer',
      patch: { start: { words: 'when the new schedule comes out' } },
    });
  });

  it('offers only the ideas and people that fit the setting', () => {
    const q = questions();
    const housing = q.choices('who', { setting: 'housing' }).map((choice) => choice.value);
    assert.deepEqual(housing, ['landlord', 'housingOffice', 'own']);
    const ideas = q
      .choices('idea', { setting: 'school', barrier: { id: 'concentration' } })
      .map((c) => c.value);
    assert.deepEqual(ideas, [
      'extraTime',
      'classNotes',
      'quietTestRoom',
      'taskSteps',
      'deadlineExtensions',
      'own',
    ]);
  });
});
