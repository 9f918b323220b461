import assert from 'node:assert/strict';
import { counterpartNameIn, retitled, withName } from '../../src/practice/names.js';
import { testContent } from '../support/content.js';

// Names people gave their counterpart in the ninth run (group A, Marcus and Dee; group D, Ava),
// and words from the same runs that are no name.
const { strings } = testContent();
const words = {
  says: strings.variants('practice.nameSaysWords'),
  before: strings.variants('practice.nameBeforeWords'),
  titles: strings.variants('practice.nameTitles'),
  notNames: strings.variants('practice.notNameWords'),
};
const read = (text: string, played = 'Pat') =>
  counterpartNameIn(text, words, strings.variants('practice.nameRoleWords'), played);

describe('practice: the name a person gives the counterpart', () => {
  const named: [string, string][] = [
    ['his name is mike not pat. coach me', 'Mike'],
    ['mike not pat', 'Mike'],
    // Tenth run (group A, Marcus): his correction at the coaching question, and a request's "who".
    ['pat?? its MIKE. coach me', 'Mike'],
    ['mike. my supervisor', 'Mike'],
    ['practice saying it. i gotta talk to mike in person', 'Mike'],
    ['practice asking my supervisor mike for a later start', 'Mike'],
    ['who im asking is mike my supervisor', 'Mike'],
    ['hey mike, i got something going on health wise', 'Mike'],
    ['i want to practise asking dr okafor for a dose review', 'Dr. Okafor'],
    ['hi ms duarte. so i fell behind', 'Ms. Duarte'],
  ];
  for (const [text, name] of named) it(`"${text}" -> ${name}`, () => assert.equal(read(text), name));

  const none = [
    'its not a lot of paperwork, i have a dr note for adhd',
    'so my IT department can read it. great. can my boss see it',
    'also need to ask work about a later start',
    'yeah. tell them my name is ray',
    'a doctor in a hurry. i want to ask for a dose review',
    'hi doctor, before you go',
    'not that one, my landlord',
    'A prescriber unsure about continuing your medication',
    'How about the nurse calls me this afternoon instead?',
    'Can I double my dose if I miss one?',
    'practice talkin to my supervsr',
    "pat, it's fine",
    'pat. its good',
  ];
  for (const text of none) it(`"${text}" gives no name`, () => assert.equal(read(text), undefined));

  it('shows the name in place of the scene\'s, and "a guy" as Mr.', () => {
    assert.equal(withName('Your supervisor, Pat', 'Pat', 'Mike'), 'Your supervisor, Mike');
    assert.equal(withName('Dr. Reyes', 'Dr. Reyes', 'Dr. Okafor'), 'Dr. Okafor');
    assert.equal(retitled('Ms. Duarte', 'man'), 'Mr. Duarte');
    assert.equal(retitled('Pat', 'man'), undefined);
  });
});
