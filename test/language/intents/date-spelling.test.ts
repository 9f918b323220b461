import assert from 'node:assert/strict';
import { respellDateWords } from '../../../src/language/intents/date-spelling.js';

describe('date words spelled out before the date-time recognizer reads them', () => {
  const cases: [typed: string, read: string][] = [
    ['next wensday morning', 'next wednesday morning'],
    ['wednsday at 2', 'wednesday at 2'],
    ['thrusday', 'thursday'],
    ['febuary 3', 'february 3'],
    ['septmber 4', 'september 4'],
    ['decemeber 15 at 9am', 'december 15 at 9am'],
    ['novmber 2', 'november 2'],
    ['tmrw @ 6pm', 'tomorrow at 6pm'],
    ['the nite befor at 8', 'the night before at 8'],
    ['2 weeks from today', '2 weeks from now'],
    ['next sat', 'next saturday'],
    ['sun at 2', 'sunday at 2'],
    ['sat', 'saturday'],
  ];
  for (const [typed, read] of cases) {
    it(`"${typed}" is read as "${read}"`, () => assert.equal(respellDateWords(typed).text, read));
  }

  it('leaves words that only look like dates: a verb, the sun, a city, a plural (every Tuesday)', () => {
    for (const text of ['I sat down with her', 'out in the sun all day', 'court in Augusta', 'on tuesdays']) {
      assert.equal(respellDateWords(text).text, text);
    }
  });

  it('maps positions back to what the person typed', () => {
    const respelled = respellDateWords('see you wensday!');
    const start = respelled.text.indexOf('wednesday');
    const end = start + 'wednesday'.length;
    assert.equal('see you wensday!'.slice(respelled.original(start), respelled.original(end)), 'wensday');
  });
});
