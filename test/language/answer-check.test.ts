import assert from 'node:assert/strict';
import {
  type CheckedAnswer,
  checkAnswer,
  nicknameIn,
  questionToUs,
  type SideQuestion,
  sideAnswer,
} from '../../src/language/answer-check.js';
import { type AnswerOption, type TypedQuestion, typedAnswerReader } from '../../src/language/typed-answer.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();
const option = (value: string, label: string): AnswerOption => ({ value, label });
/** Ideas at work as a channel with buttons shows them: no numbers next to them. */
const ideas: TypedQuestion = {
  options: ['A quieter workspace', 'A later start time', 'Breaks during the day', 'Something else'].map(
    (label, index) => option(['quiet', 'later', 'breaks', 'own'][index] ?? label, label),
  ),
};
const open: TypedQuestion = { options: [] };

/** What the check should find: a kind, and for a pick its value, for words the words kept. */
type Expected = CheckedAnswer['kind'] | ['pick', string] | ['words' | 'correction', string];

/** [what it shows, question, typed, expected] */
const table: [string, TypedQuestion, string, Expected][] = [
  ['a pointer to a button by its words', ideas, 'the quieter one', ['pick', 'quiet']],
  ['a number and filler, buttons shown without numbers', ideas, '1 is fine', ['pick', 'quiet']],
  ['a bare number where options were shown', ideas, '2', ['pick', 'later']],
  ['a bare number where none were shown is no content', open, '2', 'empty'],
  ['"that one" points at nothing in particular', ideas, 'that one', 'empty'],
  ['yea', ideas, 'yea', 'empty'],
  ['ok', open, 'ok', 'empty'],
  ['idk', open, 'idk', 'empty'],
  ['what', open, 'what', 'empty'],
  ['a lone question mark', open, '?', 'empty'],
  ['no', open, 'no', 'empty'],
  ['this is useless', ideas, 'this is useless', 'upset'],
  ['you dont understand', open, 'you dont understand', 'upset'],
  ['ugh', open, 'ugh', 'upset'],
  ['frustration in a longer message', open, 'ugh this is not helping at all', 'upset'],
  ['a side question', open, 'what is the disability office called?', 'question'],
  ['a question without its mark', open, 'should i tell my boss about my meds', 'question'],
  ['a correction with "not"', open, 'its the med doc not primary', ['correction', 'the med doc']],
  ['a correction led by "I meant"', open, 'no I meant the late shift', ['correction', 'the late shift']],
  [
    'an answer that opens with "when" is no question',
    open,
    'when the new schedule comes out',
    ['words', 'when the new schedule comes out'],
  ],
  ['an unsure answer with a question mark is kept', ideas, 'a later start?', ['pick', 'later']],
  ['own words with a question mark', open, 'start at 10?', ['words', 'start at 10?']],
  ['"its" before own words is not kept', open, 'its my supervisor mike', ['words', 'my supervisor mike']],
  ['own words are kept as typed', open, 'My bus gets in at 9:15', ['words', 'My bus gets in at 9:15']],
  ['own words with a typo', open, 'cant get ther by bus', ['words', 'cant get ther by bus']],
  [
    'own words that mention confusion are not upset',
    open,
    'forms leave me lost',
    ['words', 'forms leave me lost'],
  ],
];

describe('checkAnswer: a free-text answer read for what it is before it is kept', () => {
  for (const [name, question, typed, expected] of table) {
    it(`${name}: "${typed}"`, () => {
      const found = checkAnswer(strings, typed, question);
      if (typeof expected === 'string') return assert.equal(found.kind, expected);
      const [kind, value] = expected;
      assert.equal(found.kind, kind);
      if (found.kind === 'pick') assert.equal(found.pick.value, value);
      if (found.kind === 'words' || found.kind === 'correction') assert.equal(found.words, value);
    });
  }

  it('a correction with "not" says which answer it replaces', () => {
    const found = checkAnswer(strings, "it's the med doc, not primary", open);
    assert.deepEqual(found, { kind: 'correction', words: 'the med doc', replaces: 'primary' });
  });

  it('one list per meaning: every dialog reads a shrug and frustration the same way', () => {
    const reader = typedAnswerReader(strings);
    for (const shrug of strings.variants('answers.unsureWords')) {
      assert.equal(checkAnswer(strings, shrug, open).kind, 'empty', shrug);
      assert.equal(reader.nonAnswer(shrug), 'filler', shrug);
      assert.equal(reader.saysNothing(shrug), true, shrug);
    }
    for (const upset of strings.variants('answers.frustrationWords')) {
      assert.equal(checkAnswer(strings, upset, open).kind, 'upset', upset);
      assert.equal(reader.nonAnswer(upset), 'frustration', upset);
    }
  });

  it('a question is content where the question collects questions', () => {
    const found = checkAnswer(strings, 'what are the side effects?', open, { takesQuestions: true });
    assert.equal(found.kind, 'words');
  });

  it('"why do you need that?" is to the bot even where the question collects questions', () => {
    const found = checkAnswer(strings, 'why do you need that?', open, { takesQuestions: true });
    assert.deepEqual(found, { kind: 'question', about: 'why' });
    const forTheDoctor = checkAnswer(strings, 'can you explain my options?', open, { takesQuestions: true });
    assert.equal(forTheDoctor.kind, 'words');
    // Rosa, at her plan's questions: said outright to be for the bot.
    const rosa = 'oye, one question for you: if I arrive late, can they close my case?';
    assert.deepEqual(checkAnswer(strings, rosa, open, { takesQuestions: true }), {
      kind: 'question',
      about: 'forUs',
    });
  });
});

describe('questionToUs: a question to the bot inside a step, answered and never kept', () => {
  const asked: [string, SideQuestion | undefined][] = [
    ['may I ask who will read my message?', 'whoReads'],
    ['can my manager see it', 'whoReads'],
    ['why do you need that?', 'why'],
    ['whats this for', 'why'],
    ['what did you add', 'other'],
    // Words for the plan or the specialist, not questions to the bot.
    ['when i feel useless', undefined],
    ['what if i relapse', undefined],
    ['I stop eating', undefined],
  ];
  for (const [typed, about] of asked) {
    it(`${JSON.stringify(typed)} -> ${about ?? 'not to the bot'}`, () => {
      assert.equal(questionToUs(strings, typed), about);
    });
  }

  it('who reads is answered with the privacy line, why with what the step is for', () => {
    assert.ok(sideAnswer(strings, 'whoReads').startsWith(strings.text('privacy.whoSees')));
    assert.ok(sideAnswer(strings, 'why', 'So they know.').startsWith('So they know.'));
    assert.ok(sideAnswer(strings, 'why').startsWith(strings.text('answers.sideWhy')));
  });
});

describe('nicknameIn: the name inside an answer to "what should I call you?"', () => {
  const names: [string, string | undefined][] = [
    ['Jay', 'Jay'],
    ['call me Jay', 'Jay'],
    ['Thanks, call me Jay', 'Jay'],
    ["it's Jay", 'Jay'],
    ['its jay', 'jay'],
    ['Jay is fine', 'Jay'],
    ['you can call me Jay please', 'Jay'],
    ['my name is Mary Ann', 'Mary Ann'],
    ["I'm Sam!", 'Sam'],
    ['42', '42'],
    ['2', undefined],
    ['ok', undefined],
    ['idk', undefined],
    ['ugh', undefined],
    ['what', undefined],
    // Kim (people run 7): her initial alone, as she typed it; a lower-case "k" is an okay.
    ['K', 'K'],
    ['K.', 'K'],
    ['k', undefined],
  ];
  for (const [typed, name] of names) {
    it(`"${typed}" gives ${name === undefined ? 'no name' : `"${name}"`}`, () => {
      assert.equal(nicknameIn(strings, typed), name);
    });
  }
});
