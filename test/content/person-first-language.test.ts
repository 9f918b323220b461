import assert from 'node:assert/strict';
import { join } from 'node:path';
import { botWordFiles, readResourceJson, stringsIn } from '../support/resource-files.js';

/**
 * Terms the bot never uses about people (shared/domain.md: person-first, non-stigmatizing).
 * A person may call themselves anything; these files hold only the bot's own words.
 */
const stigmatizing: readonly RegExp[] = [
  /\baddicts?\b/i,
  /\babusers?\b/i,
  /\b(drug|substance|alcohol) abuse\b/i,
  /\bjunkies?\b/i,
  // The organization's own name is a proper name, not a label for a person.
  // "Alcoholics Anonymous" is the organization's own name, not the bot labelling a person.
  /\balcoholics?\b(?! anonymous)/i,
  /\bclean\b/i,
  /\bdirty\b/i,
  /\bdruggies?\b/i,
  /\b(crack|pot|meth)heads?\b/i,
  /\bdrug users?\b/i,
  /\brelaps(e|ed|es|ing)\b/i,
  /\bjunkie\b/i,
  /\bjust say no\b/i,
];

/**
 * The bot's side of a line. The counterpart's "person's words|said back" pairs hold what people
 * type on the left ("months clean") and what the bot says on the right ("months in recovery").
 */
function botSide(path: string, text: string): string {
  if (/secondPersonWords/.test(path)) return text.split('|')[1] ?? '';
  // Other "...Words" lists are only what people type, to be recognized ("i relapsed"): never said.
  return /Words(\[\d+\]|\.\d+)?$/.test(path) ? '' : text;
}

describe('person-first language in everything the bot says', () => {
  const files = botWordFiles();

  it('scans the locale strings and every other content file', () => {
    assert.ok(files.includes(join('locales', 'en', 'core.json')));
    assert.ok(files.includes('crisis-resources.json'));
  });

  for (const file of files) {
    it(`${file} uses no stigmatizing term`, () => {
      const found: string[] = [];
      for (const [path, line] of stringsIn(readResourceJson(file), '')) {
        const text = botSide(path, line);
        for (const term of stigmatizing) if (term.test(text)) found.push(`${path}: ${term} in "${text}"`);
      }
      assert.deepEqual(found, []);
    });
  }

  it('checks the said-back side of a pair, not what the person typed', () => {
    assert.equal(
      botSide('practice.secondPersonWords.0', 'months clean|months in recovery'),
      'months in recovery',
    );
    assert.equal(botSide('practice.secondPersonWords.1', 'clean|clean'), 'clean');
    assert.equal(botSide('safety.usingAgainWords[9]', 'i relapsed'), '');
    assert.equal(botSide('safety.usingAgain', 'since you relapsed'), 'since you relapsed');
  });

  it('the scan catches a stigmatizing term (the rules are live)', () => {
    const sample = {
      reply: 'Stay clean, you are not an addict',
      label: 'an alcoholic',
      name: 'Alcoholics Anonymous',
    };
    const hits = [...stringsIn(sample, '')].filter(([, text]) => stigmatizing.some((t) => t.test(text)));
    assert.deepEqual(
      hits.map(([path]) => path),
      ['reply', 'label'],
    );
  });
});
