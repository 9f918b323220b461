import assert from 'node:assert/strict';
import { ListStyle } from 'botbuilder-dialogs';
import fc from 'fast-check';
import {
  type AnswerOption,
  editDistance,
  nearlySame,
  showsNumbers,
  type TypedQuestion,
  typedAnswerReader,
  typosAllowed,
} from '../../src/language/typed-answer.js';
import { testContent } from '../support/content.js';

const reader = typedAnswerReader(testContent().strings);

const option = (value: string, label: string, synonyms: string[] = []): AnswerOption => ({
  value,
  label,
  synonyms,
});
const consent: TypedQuestion = {
  options: [option('share', 'Share it'), option('dontShare', "Don't share")],
  yesNo: true,
};
const mode: TypedQuestion = {
  options: [
    option('asYouGo', 'Coach me as I go', ['as we go']),
    option('atEnd', 'Feedback at the end', ['at the end']),
  ],
};
const ideas: TypedQuestion = {
  options: [
    option('quiet', 'A quiet room to work'),
    option('later', 'A later start'),
    option('breaks', 'Short breaks'),
    option('own', 'Something else'),
  ],
  numbered: true,
};
const unnumbered: TypedQuestion = { ...ideas, numbered: false };
/** An option that erases: only its own words, a synonym or its number pick it. */
const list: TypedQuestion = {
  options: [
    option('done', 'Done', ['listo', "that's all"]),
    { ...option('clear', 'Clear the list', ['start the list again']), destructive: true },
  ],
  numbered: true,
};
const erase: TypedQuestion = {
  options: [option('yes', 'Yes, erase it'), option('no', 'No, keep it')],
  yesNo: true,
};

/** A question with a "Yes" button that is not a two-way question. */
const someone: TypedQuestion = {
  options: [option('yes', 'Yes'), option('no', "No, I'll go alone"), option('maybe', 'Maybe')],
};
const share: TypedQuestion = {
  options: [
    option('nothing', 'Nothing specific'),
    option('general', 'A general health condition'),
    option('specifics', 'Specifics'),
  ],
};

/** [question, what the person typed, the option value meant (undefined: none)] */
const table: [string, TypedQuestion, string, string | undefined][] = [
  ['label', consent, 'Share it', 'share'],
  ['case and punctuation', consent, 'SHARE IT!!', 'share'],
  ['apostrophe left out', consent, 'dont share', 'dontShare'],
  ['curly apostrophe', consent, 'Don\u2019t share', 'dontShare'],
  ['a typo', consent, 'shrae it', 'share'],
  ['yes', consent, 'yes', 'share'],
  ['sure', consent, 'sure', 'share'],
  ['ok', consent, 'ok', 'share'],
  ['yea', consent, 'yea', 'share'],
  ['yep', consent, 'yep', 'share'],
  ['yes with filler', consent, 'yes please', 'share'],
  ['nah', consent, 'nah', 'dontShare'],
  ['nope', consent, 'nope', 'dontShare'],
  ['no thanks', consent, 'no thanks', 'dontShare'],
  ['not that', consent, 'not that', 'dontShare'],
  ['one word of a label: the one it covers most', consent, 'share', 'share'],
  ['a no inside a sentence is not a no', consent, 'I have no car', undefined],
  // An option that erases is never a guess ("listo" was read as "Clear the list").
  ['an erasing option by its label', list, 'clear the list', 'clear'],
  ['an erasing option by a synonym', list, 'Start the list again!', 'clear'],
  ['an erasing option by its number', list, '2', 'clear'],
  ['an erasing option is not picked by a typo', list, 'claer the list', undefined],
  ['an erasing option is not picked by a few of its words', list, 'the list', undefined],
  ['an erasing option is not picked by a swapped letter', list, 'clear teh list', undefined],
  ['a synonym of the other option is', list, 'listo', 'done'],
  // The answer in the last sentence, when the whole message is none.
  ['the answer in the last sentence', consent, 'Will they see my name? Yes, share it.', 'share'],
  ['a yes in the last sentence', consent, 'What do they see? Yes.', 'share'],
  ['the last of several lines', mode, 'hmm not sure\nat the end', 'atEnd'],
  ['an erasing option is not picked from the last sentence', list, 'I guess. Clear the list.', undefined],
  ['no answer in any sentence', consent, 'What is this? Who are they?', undefined],
  // A yes or no in the first sentence, when the rest only thanks: at every yes/no question.
  ['a yes, then thanks', consent, "Yes, that's right. Thank you so much for your help today.", 'share'],
  ['a no, then thanks', consent, 'No. But thanks anyway!', 'dontShare'],
  ['a yes, then a number of its own', consent, 'Yes. But make it 8am.', undefined],
  ['a yes, then how soon', consent, 'yea. now if possible', 'share'],
  ['a yes, then thanks in Spanish', consent, 'ok yes. gracias!', 'share'],
  ['yes words and thanks', consent, 'sí perfecto, gracias', 'share'],
  ['thanks alone is no yes', consent, 'thanks', undefined],
  ['"sí"', consent, 'sí', 'share'],
  // A "Yes" button beside others takes the other yes words, not those that are filler too.
  ['"sí, my sister" at a "Yes" button', someone, 'sí, my sister', 'yes'],
  ['"yep" at a "Yes" button', someone, 'yep', 'yes'],
  ['"fine" inside a sentence is no yes', someone, "I'm fine going alone", undefined],
  // The answer in the first sentence, the explanation after it; not when a later one answers too.
  ['the answer, then why', share, 'general. dont want him knowing its rehab', 'general'],
  ['a later sentence answers instead', share, 'general. no wait, specifics', 'specifics'],
  ['a list number typed before own words picks nothing', ideas, '2. mike', undefined],
  // A yes or no, then words of that same button.
  ['"nah keep it"', erase, 'nah keep it', 'no'],
  ['"no keep it for now"', erase, 'no keep it for now', 'no'],
  ['"yes erase it"', erase, 'yes erase it', 'yes'],
  // A mind changed in one message: the last yes or no said wins; a mixed one changes nothing.
  ['"no actually yes delete it all"', erase, 'no actually yes delete it all', 'yes'],
  ['"yes. wait, no"', erase, 'yes. wait, no', 'no'],
  ['"no, actually, yes please"', erase, 'no, actually, yes please', 'yes'],
  ['"hmm actually wait no"', erase, 'hmm actually wait no', undefined],
  // A position said with a word for it.
  ['"part 3"', ideas, 'part 3', 'breaks'],
  ['"option 2"', ideas, 'option 2', 'later'],
  ['yes words where options are not yes and no', mode, 'ok', undefined],
  ['a yes word and a label', consent, 'ok share', 'share'],
  ['a yes word and the other label', consent, 'yes dont share', 'dontShare'],
  ['a few words with filler', mode, 'at the end pls', 'atEnd'],
  ['a synonym', mode, 'as we go', 'asYouGo'],
  ['a few words of a label', ideas, 'the quiet room one', 'quiet'],
  ['accents ignored', ideas, 'a quíet róom', 'quiet'],
  ['a number, numbered', ideas, '2', 'later'],
  ['"#2"', ideas, '#2', 'later'],
  ['an ordinal', ideas, 'the third one', 'breaks'],
  ['number with filler', ideas, 'number 1 please', 'quiet'],
  ['a number past the end', ideas, '7', undefined],
  ['a number inside a sentence', ideas, 'I have 2 kids', undefined],
  ['a number where none are shown', unnumbered, '2', undefined],
  ['an ordinal where none are shown', unnumbered, 'the second one', undefined],
  ['words of two options', ideas, 'a later quiet room', undefined],
  ['off topic', ideas, 'what is the weather like on mars', undefined],
  ['idk', ideas, 'idk', undefined],
  ['empty', ideas, '   ', undefined],
];

describe('typed-answer reader: one way to read a typed answer', () => {
  for (const [name, question, typed, meant] of table) {
    it(`${name}: ${JSON.stringify(typed)} -> ${meant ?? 'no option'}`, () => {
      assert.equal(reader.read(typed, question)?.value, meant);
    });
  }

  it('"back" and "skip" are step words, typed in any style; other words are not', () => {
    assert.equal(reader.stepWord('Go back!'), 'back');
    assert.equal(reader.stepWord('skip this one'), 'skip');
    assert.equal(reader.stepWord('back pain'), undefined);
    assert.equal(reader.stepWord('I need a later start'), undefined);
  });

  it('re-asks name the options, differ each time, offer the menu and a person every second miss', () => {
    const first = reader.retryText(consent, 1);
    const second = reader.retryText(consent, 2);
    const third = reader.retryText(consent, 3);
    for (const text of [first, second, third]) assert.match(text, /"Share it" or "Don't share"/);
    assert.notEqual(first, second);
    assert.notEqual(second, third);
    assert.doesNotMatch(first, /menu/);
    assert.match(second, /menu/);
    assert.match(second, /talk to a person/);
    // Never "type its number": where numbers show, they stand next to the options.
    assert.doesNotMatch(reader.retryText(ideas, 1), /number/);
  });

  it('a yes or no, "back", "idk" or filler says nothing to keep as a name or message; words do', () => {
    for (const nothing of ['ok', 'yes', 'nah', 'idk', 'i dont know', 'back', 'skip', 'um', '?', '  '])
      assert.equal(reader.saysNothing(nothing), true, nothing);
    for (const said of ['Sam', 'J', 'please call me back', 'I have court on Monday', '555-0100'])
      assert.equal(reader.saysNothing(said), false, said);
  });

  it('edit distance counts a swap of neighbours as one', () => {
    assert.equal(editDistance('share', 'shrae'), 1);
    assert.equal(editDistance('share', 'share'), 0);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('a near match is decided as the whole edit distance decides it, lengths far apart or not', () => {
    // Few letters, so words collide and typos are common; lengths up to 40 apart.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'r', 's', ' '), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (typed, word) => {
        const allowed = typosAllowed(Math.min(typed.length, word.length));
        assert.equal(nearlySame(typed, word), editDistance(typed, word) <= allowed);
      }),
      { numRuns: 2000 },
    );
    assert.equal(nearlySame('Share it'.repeat(100), 'share it'), false);
  });

  it('numbers count where the question really came as a numbered list in that channel', () => {
    const short = ['Email', 'Letter'];
    const long = ['A prescriber unsure about continuing your medication', 'HR about a schedule change'];
    assert.equal(showsNumbers('webchat', ListStyle.list, short), true);
    assert.equal(showsNumbers('webchat', ListStyle.suggestedAction, short), false);
    assert.equal(showsNumbers('webchat', ListStyle.auto, short), false);
    // Web Chat gets long labels as a list, Teams as a card.
    assert.equal(showsNumbers('webchat', ListStyle.auto, long), true);
    assert.equal(showsNumbers('msteams', ListStyle.auto, short), false);
    assert.equal(showsNumbers('sms', ListStyle.suggestedAction, short), true);
    assert.equal(showsNumbers('sms', ListStyle.auto, short), true);
    assert.equal(showsNumbers('webchat', ListStyle.none, short), false);
  });
});
