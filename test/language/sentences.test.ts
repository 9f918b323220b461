import assert from 'node:assert/strict';
import { clausesOf, joinedParts, sentencesOf, splitAtWords } from '../../src/language/sentences.js';

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

/** [typed, joining words, marks, parts]: where a message is cut at the words that join its parts. */
const wordRows: [typed: string, words: string[], marks: string, parts: string[]][] = [
  ['my lease and a pen', ['and'], '', ['my lease', 'a pen']],
  ['1 and 3', ['and', 'plus', 'also'], ',&+', ['1', '3']],
  ['2, 3 & 5', ['and'], ',&+', ['2', '3', '5']],
  ['quiet room plus breaks also notes', ['and', 'plus', 'also'], '', ['quiet room', 'breaks', 'notes']],
  ['AND then BUT now', ['and', 'but'], '', ['then', 'now']],
  ['brandy android butter', ['and', 'but'], '', ['brandy android butter']],
  ['fridays off so that i can rest', ['so that', 'because'], '', ['fridays off', 'i can rest']],
  ['fridays off so   that i can rest', ['so that'], '', ['fridays off', 'i can rest']],
  ['a later start because of my adhd', ['because', 'because of'], '', ['a later start', 'my adhd']],
  ['because i said so', ['because'], '', ['i said so']],
  ['a pen; my lease. done!', [], '.;!', ['a pen', 'my lease', 'done']],
  ['no joins here', ['and'], ',', ['no joins here']],
  ['and, but', ['and', 'but'], ',', []],
  ['', ['and'], ',', []],
  ['café and crêpes', ['and'], '', ['café', 'crêpes']],
  ['1+2', [], '+', ['1', '2']],
  ['a (b) and c', ['(b)'], '', ['a', 'and c']],
];

describe('splitAtWords: a message cut at the words that join its parts', () => {
  for (const [typed, words, marks, parts] of wordRows)
    it(`"${typed}" at ${JSON.stringify([...words, ...marks])} -> ${JSON.stringify(parts)}`, () =>
      assert.deepEqual(splitAtWords(typed, words, marks), parts));
});

describe('joinedParts: the parts and the joins between them', () => {
  it('puts the message back together as typed', () => {
    const typed = 'on leave for burnout ,  and drinking more but   fine, really';
    const parts = joinedParts(typed, ['and', 'but'], ',');
    assert.equal(parts.map(({ part, join }) => join + part).join(''), typed);
    assert.deepEqual(
      parts.map(({ part }) => part),
      ['on leave for burnout', '', 'drinking more', 'fine', 'really'],
    );
  });

  it('keeps an empty first part when the message starts with a join', () => {
    assert.deepEqual(joinedParts('because it helps', ['because']), [
      { part: '', join: '' },
      { part: 'it helps', join: 'because ' },
    ]);
  });

  it('is the whole message when there is nothing to cut at', () => {
    assert.deepEqual(joinedParts('just this', [], ''), [{ part: 'just this', join: '' }]);
  });
});
