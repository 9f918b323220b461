import assert from 'node:assert/strict';
import { deleteRequestIn, itemToDelete } from '../../src/language/delete-request.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();
const items = [
  { value: 'p1', label: 'Counselor/therapist, Tuesday, May 20', synonyms: ['Dr. Patel'] },
  { value: 'p2', label: 'Dentist, Friday, May 23' },
];

/** Typed where saved plans are listed (p2 open, or none), and the plan it deletes. */
const cases: [typed: string, open: string | undefined, deletes: string | undefined][] = [
  ['delete 1', undefined, 'p1'],
  ['remove number 2', undefined, 'p2'],
  ['delete the second one', undefined, 'p2'],
  ['delete the dentist one', undefined, 'p2'],
  ['remove the counselor one', undefined, 'p1'],
  ['delete dr patel', undefined, 'p1'],
  ['get rid of that plan', 'p2', 'p2'],
  ['delete it', 'p2', 'p2'],
  ['delete', 'p1', 'p1'],
  ['get rid of that plan', undefined, undefined],
  ['delete 3', undefined, undefined],
];

describe('a request to delete one saved thing (delete-request.ts)', () => {
  for (const [typed, open, deletes] of cases) {
    it(`"${typed}"${open ? ` with ${open} open` : ''} deletes ${deletes ?? 'nothing (asked which)'}`, () => {
      const request = deleteRequestIn(strings, typed);
      assert.ok(request, 'read as a delete');
      assert.equal(itemToDelete(strings, request, items, open), deletes);
    });
  }

  it('a sentence that only mentions deleting is no request ("i deleted it")', () => {
    assert.equal(deleteRequestIn(strings, 'i deleted it'), undefined);
  });
});
