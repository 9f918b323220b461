import assert from 'node:assert/strict';
import { clausesOf, sentencesOf } from '../../src/language/sentences.js';

/** [typed, sentences]: where a message divides into sentences, each keeping its closing mark. */
const sentenceRows: [typed: string, sentences: string[]][] = [
  ['can we skip this one', ['can we skip this one']],
  ['back. want to do the coping one', ['back.', 'want to do the coping one']],
  ['ugh!! next part', ['ugh!!', 'next part']],
  ['wait... is this saved?', ['wait...', 'is this saved?']],
  ['first line\nsecond line', ['first line', 'second line']],
  ['later start; like 11', ['later start;', 'like 11']],
  // Abbreviations and numbers: their dots end nothing.
  ['I see Dr. Lee on thurs. can you help', ['I see Dr. Lee on thurs.', 'can you help']],
  ['mr. smith said no', ['mr. smith said no']],
  ['at 7.30 tomorrow. ok', ['at 7.30 tomorrow.', 'ok']],
  ['e.g. a later start', ['e.g. a later start']],
  ['go to wayfinder.org now', ['go to wayfinder.org now']],
  ['breaks, a quiet room etc. and a later start', ['breaks, a quiet room etc. and a later start']],
  ['breaks etc. Next one', ['breaks etc.', 'Next one']],
  ['breaks etc.', ['breaks etc.']],
  // Emoji stay in the sentence they were typed in.
  ['im nervous 😬 what do i say', ['im nervous 😬 what do i say']],
  ['ok 👍🏽. next', ['ok 👍🏽.', 'next']],
  ['😬😬', ['😬😬']],
  ['', []],
  ['  .  ', ['.']],
];

/** [typed, clauses]: clauses also divide at commas, colons and a spaced dash, and lose the marks. */
const clauseRows: [typed: string, clauses: string[]][] = [
  ['stop, how did i do?', ['stop', 'how did i do']],
  ['so scared - my safety plan', ['so scared', 'my safety plan']],
  ['note: call mom', ['note', 'call mom']],
  ['keep those. add not answering texts', ['keep those', 'add not answering texts']],
  ['at 7:30, with Dr. Lee', ['at 7:30', 'with Dr. Lee']],
  ['1,000 steps', ['1,000 steps']],
  ['a well-known place', ['a well-known place']],
  ['no punctuation at all', ['no punctuation at all']],
  ['ok 👍, next', ['ok 👍', 'next']],
];

describe('sentencesOf: a message cut into sentences', () => {
  for (const [typed, sentences] of sentenceRows)
    it(`"${typed}" -> ${JSON.stringify(sentences)}`, () => assert.deepEqual(sentencesOf(typed), sentences));
});

describe('clausesOf: a message cut into clauses', () => {
  for (const [typed, clauses] of clauseRows)
    it(`"${typed}" -> ${JSON.stringify(clauses)}`, () => assert.deepEqual(clausesOf(typed), clauses));
});
