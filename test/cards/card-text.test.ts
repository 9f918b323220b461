import assert from 'node:assert/strict';
import { z } from 'zod';
import { escapeMarkdown } from '../../src/cards/markdown.js';
import { cardSafe, speakSafe, withoutControlCharacters } from '../../src/cards/plain-text.js';
import { parseSubmit } from '../../src/cards/submit.js';

describe('card text and card data', () => {
  it('escapeMarkdown also drops control characters (NUL, bell, ANSI escape)', () => {
    assert.equal(escapeMarkdown('a\u0000b\u0007\u001b[31mc'), 'ab\\[31mc');
  });

  it('cardSafe keeps markup as typed but breaks "{{" and drops control characters', () => {
    assert.equal(cardSafe('**x** {{DATE(y)}}\u0007'), '**x** {\u200b{DATE(y)}}');
    assert.equal(withoutControlCharacters('line\nnext\u0000'), 'line\nnext');
  });

  it('speakSafe keeps "<" and ">" out of SSML', () => {
    assert.equal(speakSafe('<b>hi</b> <break time="9s"/>'), ' b hi /b   break time="9s"/ ');
  });

  it('parseSubmit returns only what the schema accepts, as a new object without hostile keys', () => {
    const schema = z.object({ command: z.literal('accept') });
    const raw: unknown = JSON.parse('{"command":"accept","__proto__":{"polluted":true},"extra":1}');
    const parsed = parseSubmit(schema, raw);
    assert.deepEqual(parsed, { command: 'accept' });
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    for (const bad of [undefined, null, [], 'accept', { command: 'ACCEPT' }, { command: ['accept'] }])
      assert.equal(parseSubmit(schema, bad), undefined, JSON.stringify(bad));
  });
});
