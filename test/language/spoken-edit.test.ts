import assert from 'node:assert/strict';
import { type EditPart, type SpokenEdit, spokenEdit } from '../../src/language/spoken-edit.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

/** A left message's parts, as the handoff's review names them. */
const message: EditPart<string>[] = [
  { value: 'name', words: ['name', 'my name', 'the name'], now: 'keep what? sam' },
  { value: 'message', words: ['message', 'the message', 'my message'], now: 'nobody at all? its only 11' },
  { value: 'contact', words: ['how to reach me', 'contact'], now: 'here in this chat' },
];
/** A letter's parts, with what they say now. */
const letter: EditPart<string>[] = [
  { value: 'idea', words: ['the change', 'my idea'], now: 'later start on thurs. like 11' },
  { value: 'who', words: ['who', 'the person'], now: 'supervsr mike' },
  { value: 'start', words: ['the date', 'date', 'the start'], now: 'Thursday, December 10' },
];
/** A plan's date, and a part that is a list. */
const plan: EditPart<string>[] = [
  { value: 'when', words: ['the date', 'date', 'the time', 'the start time'] },
  { value: 'goal', words: ['what i want'] },
];

type Expected = Partial<SpokenEdit<string>>;
/** [typed, parts, list length, expected] — every line as people wrote it in the fifth run, or near it. */
const table: [string, EditPart<string>[], number, Expected][] = [
  ['keep those. add not answering texts', [], 2, { action: 'add', value: 'not answering texts' }],
  ['add staying up late', [], 2, { action: 'add', value: 'staying up late' }],
  ['also skipping meals', [], 2, { action: 'add', value: 'skipping meals' }],
  ['and not eating too', [], 2, { action: 'add', value: 'not eating' }],
  ['take out staying in bed', [], 2, { action: 'remove', value: 'staying in bed' }],
  ['remove the second one', [], 2, { action: 'remove', positions: [2] }],
  ['none. erase all that', [], 2, { action: 'remove', positions: [1, 2] }],
  ['replace it with walking the dog', [], 2, { action: 'replace', value: 'walking the dog', plain: false }],
  ['not sleeping. drinking more', [], 2, { action: 'replace', plain: true }],
  ['the message is fine. the NAME is wrong', message, 0, { action: 'change', part: 'name' }],
  ["my name is wrong, it's Dee", message, 0, { action: 'replace', part: 'name', value: 'Dee' }],
  ['my name is just Sam. fix that', message, 0, { action: 'replace', part: 'name', value: 'Sam' }],
  [
    'change the message to I need someone to talk to',
    message,
    0,
    {
      action: 'replace',
      part: 'message',
      value: 'I need someone to talk to',
    },
  ],
  [
    'it says supervsr mike at the bottom. just put Mike',
    letter,
    0,
    {
      action: 'replace',
      part: 'who',
      value: 'Mike',
    },
  ],
  [
    'wait it says thurs like 11. thats how i typed it lol. change it to start at 10am on thursdays',
    letter,
    0,
    {
      action: 'replace',
      part: 'idea',
      value: 'start at 10am on thursdays',
    },
  ],
  ['actually this thurs is too soon. make it the 17th', letter, 0, { action: 'replace', value: 'the 17th' }],
  ['change the date please', plan, 0, { action: 'change', part: 'when' }],
  ['the date is wrong', plan, 0, { action: 'change', part: 'when' }],
  [
    'the date is still wrong!! it is December 15 at 9. change the date please',
    plan,
    0,
    {
      action: 'replace',
      part: 'when',
      value: 'December 15 at 9',
    },
  ],
  ['change the start time to 10', plan, 0, { action: 'replace', part: 'when', value: '10' }],
  [
    'ay perdón, I looked at the letter, it is the 15th not the 16th. Still 9am',
    plan,
    0,
    {
      action: 'replace',
      value: 'the 15th',
    },
  ],
  ['gracias. now change what I want, it has my words mixed', plan, 0, { action: 'change', part: 'goal' }],
];

describe('an edit said in words (spokenEdit)', () => {
  for (const [typed, parts, length, expected] of table) {
    it(`"${typed}"`, () => {
      const edit = spokenEdit(strings, typed, parts, length);
      const seen = Object.fromEntries(Object.keys(expected).map((key) => [key, edit[key as keyof Expected]]));
      assert.deepEqual(seen, expected);
    });
  }
});
