import assert from 'node:assert/strict';
import { ianaZone } from '../../src/language/intents/time-zone.js';
import type { PeerDirectory } from '../../src/peer-groups/directory.js';
import { PeerSearch, type Preferences, type SearchContext } from '../../src/peer-groups/matching.js';
import { entry, fixture, thursday } from './fixtures.js';

const chicago = ianaZone('America/Chicago');
if (!chicago) throw new Error('no America/Chicago');
const context: SearchContext = { now: thursday, zone: chicago };
const basic = fixture('basic');
const search = (directory: PeerDirectory = basic) => new PeerSearch(directory, context);
const ids = (prefs: Preferences, directory = basic) =>
  search(directory)
    .find(prefs)
    .map((m) => m.group.id);

interface RankCase {
  name: string;
  prefs: Preferences;
  expected: string[];
}

const rankCases: RankCase[] = [
  {
    name: 'no answers narrowing: all but the example, local first, soonest meeting first, at most five',
    prefs: { focus: 'any', approach: 'any' },
    expected: [
      'online-all-pathways',
      'springfield-twelve',
      'phone-family',
      'springfield-smart',
      'shelbyville-dharma',
    ],
  },
  {
    name: 'any substance: exact focus first (soonest meeting first), then broader focus (alcohol)',
    prefs: { focus: 'anySubstance' },
    expected: [
      'online-all-pathways',
      'springfield-smart',
      'shelbyville-dharma',
      'nat-secular',
      'springfield-twelve',
    ],
  },
  {
    name: 'family and friends: only family groups',
    prefs: { focus: 'familyFriends' },
    expected: ['phone-family', 'nat-family'],
  },
  {
    name: 'secular online: an exact national fit ranks above a local all-pathways group (one thing to check)',
    prefs: { focus: 'anySubstance', approach: 'secular', format: 'online' },
    expected: ['nat-secular', 'online-all-pathways'],
  },
  {
    name: 'by phone for any substance: only a national organization whose formats are not confirmed',
    prefs: { focus: 'anySubstance', format: 'phone' },
    expected: ['nat-twelve'],
  },
  {
    name: 'Saturday morning for alcohol: the Saturday 09:00 group, then unscheduled ones (local first); Tuesday evening left out',
    prefs: { focus: 'alcohol', when: { days: [6], parts: ['morning'] } },
    expected: ['springfield-twelve', 'shelbyville-dharma', 'nat-secular', 'nat-twelve'],
  },
  {
    name: 'in person near ZIP 62701: same ZIP first, same ZIP area next, another area left out',
    prefs: { focus: 'alcohol', format: 'inPerson', place: { text: '62701', zip: '62701' } },
    expected: ['springfield-smart', 'springfield-twelve', 'nat-secular', 'nat-twelve'],
  },
  {
    name: 'in person in "springfield" (any case), 12-step: the Springfield 12-step group, then the national one',
    prefs: {
      focus: 'alcohol',
      format: 'inPerson',
      approach: 'twelveStep',
      place: { text: 'springfield', city: 'springfield' },
    },
    expected: ['springfield-twelve', 'nat-twelve'],
  },
  {
    name: 'a city in another state is not the same place',
    prefs: {
      focus: 'alcohol',
      format: 'inPerson',
      approach: 'secular',
      place: { text: 'Springfield, MO', city: 'Springfield', state: 'MO' },
    },
    expected: ['nat-secular'],
  },
  {
    name: 'online: the place does not matter (and co-occurring finds any-substance groups as a maybe)',
    prefs: { format: 'online', focus: 'coOccurring', place: { text: '10001', zip: '10001' } },
    expected: ['online-all-pathways', 'nat-secular'],
  },
  {
    name: 'medication-friendly: groups that say yes first, then those whose policy is unknown (to ask); never "no"',
    prefs: { medication: 'required' },
    expected: [
      'online-all-pathways',
      'springfield-smart',
      'shelbyville-dharma',
      'phone-family',
      'nat-family',
    ],
  },
];

describe('peer groups: matching and ranking (fixture "basic")', () => {
  for (const c of rankCases) {
    it(c.name, () => {
      assert.deepEqual(ids(c.prefs), c.expected);
    });
  }

  it('example groups are checked at load but never reach a person, even when they fit everything', () => {
    assert.deepEqual(
      basic.examples.map((group) => group.id),
      ['example-perfect'],
    );
    assert.ok(!basic.groups.some((group) => group.id === 'example-perfect'));
    const perfect: Preferences = { focus: 'alcohol', format: 'inPerson', medication: 'required' };
    assert.ok(!ids(perfect).includes('example-perfect'));
    const shipped = fixture('examples-only');
    assert.deepEqual(
      shipped.groups.map((group) => group.id),
      ['nat-secular'],
    );
  });

  it('a contact not marked verified is dropped at load; verified ones are kept', () => {
    assert.equal(entry(basic, 'nat-twelve').contact, undefined);
    assert.equal(entry(basic, 'nat-secular').contact?.url, 'https://secular.example.org');
  });

  it('says why: yes and maybe per answer, and the next meeting that fits', () => {
    const match = search().judge(entry(basic, 'springfield-twelve'), {
      focus: 'anySubstance',
      format: 'inPerson',
      when: { days: [3], parts: [] },
      place: { text: '62701', zip: '62701' },
    });
    assert.deepEqual(match.verdicts, { focus: 'maybe', format: 'yes', when: 'yes', place: 'maybe' });
    assert.equal(match.nextMeeting?.toISOString(), '2025-05-14T17:00:00.000Z');
  });

  it('a group with no schedule is a "maybe" for a time, never a "no"', () => {
    const zones = fixture('time-zones');
    const match = search(zones).judge(entry(zones, 'no-schedule'), {
      when: { days: [1], parts: ['evening'] },
    });
    assert.deepEqual(match.verdicts, { when: 'maybe' });
    assert.equal(match.nextMeeting, undefined);
  });
});

describe('peer groups: a medication policy that is not known is "ask them", never "no"', () => {
  const required: Preferences = { medication: 'required' };

  it('yes is a reason it fits, unknown a thing to check, and only a stated no leaves a group out', () => {
    const verdict = (id: string) => search().judge(entry(basic, id), required).verdicts.medication;
    assert.equal(verdict('springfield-smart'), 'yes');
    assert.equal(verdict('nat-secular'), 'maybe');
    assert.equal(verdict('springfield-twelve'), 'no');
  });

  it('never offers to leave out medication, even when only that would find a group (one that says no)', () => {
    const saysNo: PeerDirectory = {
      groups: basic.groups.filter((group) => group.medicationFriendly === 'no'),
      examples: [],
    };
    const prefs: Preferences = { ...required, focus: 'alcohol' };
    assert.deepEqual(ids(prefs, saysNo), []);
    assert.deepEqual(ids({ ...prefs, medication: 'any' }, saysNo), ['springfield-twelve']);
    assert.equal(search(saysNo).relaxation(prefs), undefined);
  });
});

describe('peer groups: when nothing fits', () => {
  const strict: Preferences = {
    focus: 'anySubstance',
    approach: 'secular',
    format: 'phone',
    medication: 'required',
  };

  it('nothing fits a secular meeting by phone for any substance, welcoming to people on medication', () => {
    assert.deepEqual(ids(strict), []);
  });

  it('names the one answer whose leaving out finds the most (the format: 3; the focus would find 2)', () => {
    assert.deepEqual(search().relaxation(strict), { filter: 'format', count: 3 });
    assert.equal(ids({ ...strict, focus: 'any' }).length, 2);
  });

  it('offers nothing to leave out when no single answer would help', () => {
    const zones = fixture('time-zones');
    const prefs: Preferences = { focus: 'familyFriends', format: 'phone' };
    assert.deepEqual(ids(prefs, zones), []);
    assert.equal(search(zones).relaxation(prefs), undefined);
  });

  it('national options: online ones for the focus, confirmed online first, none that says no to medication', () => {
    assert.deepEqual(
      search()
        .nationalOptions(strict)
        .map((m) => m.group.id),
      ['nat-secular', 'nat-twelve'],
    );
    assert.deepEqual(
      search()
        .nationalOptions({ focus: 'familyFriends' })
        .map((m) => m.group.id),
      ['nat-family'],
    );
  });
});
