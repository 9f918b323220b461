import assert from 'node:assert/strict';
import { cleanFreeText } from '../../src/language/free-text.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

/** [typed, kept]: what goes into a letter, a plan or a request. Most were typed by people playing the bot. */
const rows: [typed: string, kept: string][] = [
  ['before finals lol so like asap', 'before finals, as soon as possible'],
  ['idk the disability office i guess?', 'the disability office'],
  ['2. mike', 'mike'],
  [
    'Thank you. I would also like to ask whether the sweating is normal.',
    'I would also like to ask whether the sweating is normal.',
  ],
  ['thanks, can I split my dose?', 'can I split my dose?'],
  ['focus i guess. adhd makes timed tests rly hard', 'focus, adhd makes timed tests really hard'],
  ['a quiet room tbh', 'a quiet room'],
  ['um my supervisor', 'my supervisor'],
  // Kept as typed: nothing to leave out, or the words are the content.
  ['What is my main problem?', 'What is my main problem?'],
  ['what i need most is a later start', 'what i need most is a later start'],
  ["I'd like a later start", "I'd like a later start"],
  ['start at 10 on Tuesdays', 'start at 10 on Tuesdays'],
  ['idk', 'idk'],
];

describe('cleanFreeText: the words meant, without asides', () => {
  for (const [typed, kept] of rows)
    it(`"${typed}" is kept as "${kept}"`, () => assert.equal(cleanFreeText(strings, typed), kept));
});
