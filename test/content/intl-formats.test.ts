import assert from 'node:assert/strict';
import { dateTimeFormat } from '../../src/content/intl-formats.js';

describe('dateTimeFormat: date formatters built once and shared', () => {
  it('gives the same formatter for the same locale and options, another for other options', () => {
    const chicago = dateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: 'numeric' });
    assert.equal(dateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: 'numeric' }), chicago);
    const denver = dateTimeFormat('en-US', { timeZone: 'America/Denver', hour: 'numeric' });
    assert.notEqual(denver, chicago);
    const noon = new Date('2025-01-15T18:00:00Z');
    assert.equal(chicago.format(noon), '12 PM');
    assert.equal(denver.format(noon), '11 AM');
  });

  it('throws for an unknown time zone, as Intl does, every time', () => {
    for (let i = 0; i < 2; i += 1)
      assert.throws(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus_Mons' }), RangeError);
  });
});
