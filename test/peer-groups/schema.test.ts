import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceError } from '../../src/content/resource-file.js';
import { loadPeerDirectory } from '../../src/peer-groups/directory.js';
import { useTempDir } from '../support/temp-dir.js';
import { fixturesDir } from './fixtures.js';

/** The valid "basic" fixture as plain JSON, for a test to break one field of. */
interface RawFile {
  national: Record<string, unknown>[];
  local: Record<string, unknown>[];
}
function basicJson(): RawFile {
  return JSON.parse(readFileSync(join(fixturesDir, 'basic', 'peer-groups.json'), 'utf8'));
}
function at<T>(list: T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`fixture has no entry ${index}`);
  return item;
}

interface BrokenCase {
  name: string;
  /** Breaks the valid fixture (or returns raw file text). */
  breakIt: (file: RawFile) => RawFile | string;
  /** Each problem line must contain one of these: the entry, the field and what is wrong. */
  problems: string[];
}

const cases: BrokenCase[] = [
  {
    name: 'a misspelt time zone',
    breakIt: (file) => {
      at(file.local, 0).schedule = {
        timeZone: 'America/Chicgo',
        meetings: [{ weekday: 'tuesday', time: '19:00' }],
      };
      return file;
    },
    problems: ['local[0].schedule.timeZone (entry "springfield-smart"): unknown time zone'],
  },
  {
    name: 'an in-person group without an address',
    breakIt: (file) => {
      delete at(file.local, 1).address;
      return file;
    },
    problems: ['local[1].address (entry "springfield-twelve"): required for format "inPerson"'],
  },
  {
    name: 'an online link that is not https',
    breakIt: (file) => {
      at(file.local, 2).onlineLink = 'http://meet.example.org/circle';
      return file;
    },
    problems: ['local[2].onlineLink (entry "online-all-pathways"): expected an https URL'],
  },
  {
    name: 'a meeting time in 12-hour style and a shortened weekday',
    breakIt: (file) => {
      at(file.local, 4).schedule = {
        timeZone: 'America/Denver',
        meetings: [{ weekday: 'sat', time: '9am' }],
      };
      return file;
    },
    problems: [
      'local[4].schedule.meetings[0].weekday (entry "phone-family"):',
      'local[4].schedule.meetings[0].time (entry "phone-family"): use 24-hour local time',
    ],
  },
  {
    name: 'the same id twice',
    breakIt: (file) => {
      at(file.local, 3).id = 'nat-secular';
      return file;
    },
    problems: ['local[3].id (entry "nat-secular"): id "nat-secular" is used twice'],
  },
  {
    name: 'an example whose name does not say it is one',
    breakIt: (file) => {
      at(file.local, 5).name = 'Fits everything';
      return file;
    },
    problems: ['local[5].name (entry "example-perfect"): an example group\'s name starts with "Example"'],
  },
  {
    name: 'a misspelt field, a focus that does not exist and a missing check date',
    breakIt: (file) => {
      at(file.national, 0).formt = ['online'];
      at(file.local, 0).focus = ['drugs'];
      delete at(file.local, 0).lastVerified;
      return file;
    },
    problems: [
      'national[0] (entry "nat-secular"): Unrecognized key: "formt"',
      'local[0].focus[0] (entry "springfield-smart"):',
      'local[0].lastVerified (entry "springfield-smart"):',
    ],
  },
  {
    name: 'a national entry without the source of its description, or a policy stated without its source',
    breakIt: (file) => {
      delete at(file.national, 0).source;
      at(file.national, 1).medicationFriendly = 'yes';
      return file;
    },
    problems: [
      'national[0].source (entry "nat-secular"):',
      'national[1].medicationSource (entry "nat-twelve"): required for medicationFriendly "yes"',
    ],
  },
  {
    name: 'a link or number not on the verified list, even in a contact not marked verified',
    breakIt: (file) => {
      at(file.local, 2).onlineLink = 'https://meet.unlisted.org/circle';
      at(file.national, 1).contact = { verified: false, phone: '800-555-1234' };
      return file;
    },
    problems: [
      'local[2].onlineLink (entry "online-all-pathways"): https://meet.unlisted.org/circle is not in resources/verified-contacts.json',
      'national[1].contact.phone (entry "nat-twelve"): 800-555-1234 is not in resources/verified-contacts.json',
    ],
  },
  {
    name: 'a medication policy that is not yes, no, eachGroup or unknown',
    breakIt: (file) => {
      at(file.national, 2).medicationFriendly = 'maybe';
      return file;
    },
    problems: ['national[2].medicationFriendly (entry "nat-family"):'],
  },
  {
    name: 'a file that is not JSON',
    breakIt: () => '{ "national": [ }',
    problems: ['not valid JSON'],
  },
];

describe('peer groups: a bad peer-groups.json stops the start, naming file, entry and field', () => {
  const dir = useTempDir('wayfinder-peer-groups-');

  for (const c of cases) {
    it(c.name, async () => {
      const broken = c.breakIt(basicJson());
      await writeFile(
        join(dir.path, 'peer-groups.json'),
        typeof broken === 'string' ? broken : JSON.stringify(broken),
      );
      assert.throws(
        () => loadPeerDirectory(dir.path),
        (error: unknown) => {
          assert.ok(error instanceof ResourceError, String(error));
          assert.ok(error.file.endsWith('peer-groups.json'), error.file);
          assert.ok(error.message.includes(error.file));
          for (const problem of c.problems) {
            assert.ok(
              error.problems.some((line) => line.includes(problem)),
              `expected "${problem}" in:\n${error.problems.join('\n')}`,
            );
          }
          assert.equal(error.problems.length, c.problems.length, error.problems.join('\n'));
          return true;
        },
      );
    });
  }

  it('a missing file says it cannot be read', () => {
    assert.throws(() => loadPeerDirectory(dir.path), /peer-groups\.json[\s\S]*cannot be read/);
  });
});

describe('peer groups: the shipped directory', () => {
  const shipped = loadPeerDirectory();

  it('holds the national organizations of shared/domain.md and only clearly marked examples', () => {
    assert.deepEqual(
      shipped.groups.map((group) => group.id),
      [
        'smart-recovery',
        'aa',
        'na',
        'recovery-dharma',
        'celebrate-recovery',
        'faces-and-voices',
        'nami',
        'dbsa',
        'al-anon',
        'nar-anon',
      ],
    );
    assert.ok(shipped.examples.length >= 2);
    assert.ok(shipped.examples.every((group) => group.example && group.name.startsWith('Example')));
  });

  it('shows only the contacts domain.md verifies: no invented phone number or website', () => {
    const contacts = shipped.groups.flatMap((group) =>
      group.contact
        ? [
            `${group.id}: ${[group.contact.url, group.contact.phone, group.contact.text].filter(Boolean).join(' ')}`,
          ]
        : [],
    );
    assert.deepEqual(contacts, [
      'recovery-dharma: https://recoverydharma.org',
      'faces-and-voices: https://facesandvoicesofrecovery.org',
      'nami: https://nami.org 800-950-6264 "helpline" to 62640',
      'dbsa: https://dbsalliance.org 800-826-3632',
      'al-anon: https://al-anon.org',
      'nar-anon: https://nar-anon.org',
    ]);
  });
});
