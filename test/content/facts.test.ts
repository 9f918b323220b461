import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StringKey } from '../../src/content/strings.js';
import { projectRoot } from '../../src/paths.js';
import { loadPeerDirectory } from '../../src/peer-groups/directory.js';
import { accommodationContent } from '../accommodations/support.js';
import { testContent } from '../support/content.js';
import { botWordFiles, readResourceJson, stringsIn } from '../support/resource-files.js';
import { findContacts } from './contact-finder.js';

/**
 * Issue 17, "say only what is true": every fact the bot states names its source, every number and
 * address it may say is on the one verified list, and statements of rights are worded no stronger
 * than their sources. These scan the shipped resources; contact-finder.test.ts shows the finder
 * catches every usual way of writing a number or address.
 */
const { strings, crisisResources, contacts, stringSources } = testContent();
const accommodations = accommodationContent();
const directory = loadPeerDirectory();

/** Fields whose values are never said as written (an address is shown, but is no contact). */
const notContacts = new Set(['id', 'checked', 'lastVerified', 'zip', 'street', 'timeZone', 'time']);

/** Words that mark a sentence as stating law or an overdose fact. */
const factMarkers = [
  /\b(ADA|EEOC|EEO|HUD|FMLA|HIPAA|DOJ|USC|CFR)\b/,
  /\b(Americans with Disabilities Act|Fair Housing Act|Rehabilitation Act|Section 504|Family and Medical Leave Act|Medicaid|naloxone|Narcan|fentanyl|overdos(e|es|ed|ing))\b/i,
];

/** Strings that match a marker but state no fact, and why. */
const notClaims: Readonly<Partial<Record<StringKey, string>>> = {
  'safety.noNaloxoneWords': 'words people type, matched, never said',
  'safety.overdoseDeniedWords': 'words people type, matched, never said',
  'accommodationWho.courtCoordinator': 'a label naming whom to ask',
  'accommodationWho.courtCoordinatorSalutation': 'a letter salutation',
  'accommodationWho.adaCoordinator': 'a label naming whom to ask',
  'accommodationWho.adaCoordinatorSalutation': 'a letter salutation',
  'appointmentChecklist.insuranceCard': 'a checklist item',
  'peerGroupChoices.focusOtherDrugsWords': 'words people type',
  'safety.helpCameWords': 'words people type',
  'safety.wearOffWords': 'words people type',
  'safety.secondDoseWords': 'words people type',
  'safety.naloxoneNowWords': 'words people type',
  'asides.naloxoneWords': 'words people type',
};

/** Every key of the locale, with all its variants. */
function localeStrings(): [StringKey, readonly string[]][] {
  const keys: [StringKey, readonly string[]][] = [];
  for (const file of botWordFiles().filter((name) => name.startsWith('locales/en/'))) {
    for (const [section, entries] of Object.entries(readResourceJson(file) as Record<string, object>)) {
      for (const key of Object.keys(entries)) {
        const full = `${section}.${key}`;
        if (strings.has(full)) keys.push([full, strings.variants(full)]);
      }
    }
  }
  return keys;
}

/** Locale strings whose source comes with the data entry that uses them. */
function sourcedByData(): Set<StringKey> {
  return new Set<StringKey>([
    ...accommodations.rights.map((right) => right.text),
    ...accommodations.settings.map((setting) => setting.brief.text),
    ...accommodations.disclosure.flatMap((level) => [level.means, level.rights]),
    // An agency's line names what it is for; its numbers are on the verified list, with sources.
    ...accommodations.help.filter((entry) => entry.contacts.length > 0).map((entry) => entry.text),
    // A reason a group fits: its medication policy, with the group's medicationSource.
    'peerGroupCards.reasonMedication',
  ]);
}

/** Sentences that state a right or its limits: worded with a qualifier where they say a strong word. */
function lawStatements(): [string, string][] {
  const keyed = (key: StringKey): [string, string] => [key, strings.text(key)];
  return [
    ...accommodations.rights.map((right) => keyed(right.text)),
    ...accommodations.settings.map((setting) => keyed(setting.brief.text)),
    ...accommodations.disclosure.flatMap((level) => [keyed(level.means), keyed(level.rights)]),
    ...[...stringSources].filter(([, entry]) => entry.kind === 'law').map(([key]) => keyed(key)),
  ];
}

const strong = /\b(protect\w*|cover\w*|guarantee\w*|must|will|always|entitled|ensures?)\b/i;
const qualifier = /\b(can|could|may|might|typically|generally|usually|often|in many cases|in some cases)\b/i;

/** The sentences of `text` that say a strong word with no qualifier. */
function unqualified(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => strong.test(sentence) && !qualifier.test(sentence));
}

describe('content: say only what is true (issue 17)', () => {
  it('every rights statement, disclosure level, crisis line and verified contact names a source and a date', () => {
    const sources = [
      ...accommodations.rights.map((right) => [right.id, right.source] as const),
      ...accommodations.settings.map((setting) => [setting.brief.text, setting.brief.source] as const),
      ...accommodations.disclosure.map((level) => [level.id, level.source] as const),
      ...crisisResources.map((line) => [line.id, line.source] as const),
      ...contacts.entries.map((entry) => [entry.value, entry.source] as const),
      ...[...stringSources].map(([key, entry]) => [key, entry.source] as const),
    ];
    assert.ok(sources.length > 50);
    for (const [what, source] of sources) {
      assert.ok(source.cite.trim().length > 0, what);
      assert.match(source.checked, /^\d{4}-\d{2}-\d{2}$/, what);
    }
  });

  it('every national group names the source of its description, and of any medication policy it states', () => {
    for (const group of directory.groups) {
      if (group.kind !== 'national') continue;
      assert.ok(group.source.cite, group.id);
      if (group.medicationFriendly !== 'unknown') assert.ok(group.medicationSource?.cite, group.id);
    }
  });

  it('every locale string that states law or an overdose fact has a source (or is listed as no claim)', () => {
    const sourced = sourcedByData();
    const missing = localeStrings()
      .filter(([, variants]) => variants.some((text) => factMarkers.some((marker) => marker.test(text))))
      .map(([key]) => key)
      .filter((key) => !sourced.has(key) && !stringSources.has(key) && notClaims[key] === undefined);
    assert.deepEqual(missing, [], 'add each to resources/string-sources.json with its source');
  });

  it('the "no claim" list holds only strings that still exist and still match a marker', () => {
    for (const key of Object.keys(notClaims)) {
      assert.ok(strings.has(key), key);
      if (strings.has(key)) {
        const text = strings.variants(key).join(' ');
        assert.ok(
          factMarkers.some((marker) => marker.test(text)),
          `${key} no longer needs listing`,
        );
      }
    }
  });

  for (const file of botWordFiles()) {
    it(`${file}: every phone number, text number and web address is on verified-contacts.json`, () => {
      const unlisted: string[] = [];
      for (const [path, text] of stringsIn(readResourceJson(file), '')) {
        if (
          notContacts.has(
            path
              .split('.')
              .at(-1)
              ?.replace(/\[\d+\]$/, '') ?? '',
          )
        )
          continue;
        for (const found of findContacts(text)) {
          if (!contacts.has(found.text)) unlisted.push(`${path}: ${found.text}`);
        }
      }
      assert.deepEqual(unlisted, []);
    });
  }

  it('statements of rights say "protected", "covers", "must" or "will" only with "can", "may", "typically"...', () => {
    const statements = lawStatements();
    assert.ok(statements.length >= 20);
    const strongWorded = statements.filter(([, text]) => strong.test(text));
    assert.ok(strongWorded.length >= 5, 'the check sees the strong words the statements do use');
    const found = statements.flatMap(([key, text]) =>
      unqualified(text).map((sentence) => `${key}: ${sentence}`),
    );
    assert.deepEqual(found, []);
  });

  it('the wording check is live: it catches a promise and passes a qualified statement', () => {
    assert.deepEqual(unqualified('The ADA protects people in recovery. It can cover leave.'), [
      'The ADA protects people in recovery.',
    ]);
    assert.deepEqual(unqualified('The Fair Housing Act covers people in recovery.'), [
      'The Fair Housing Act covers people in recovery.',
    ]);
    assert.deepEqual(unqualified('Medicaid generally has to arrange a ride. Some housing is exempt.'), []);
    assert.deepEqual(unqualified('Your employer must agree.'), ['Your employer must agree.']);
  });

  it('every sourced statement has a row in the review table of docs/content-sources.md', () => {
    const doc = readFileSync(join(projectRoot, 'docs', 'content-sources.md'), 'utf8');
    const ids = [
      ...accommodations.rights.map((right) => right.id),
      ...accommodations.settings.map((setting) => setting.brief.text),
      ...accommodations.disclosure.map((level) => level.id),
      ...crisisResources.map((line) => line.id),
      ...[...stringSources.keys()],
      ...directory.groups.filter((group) => group.kind === 'national').map((group) => group.id),
    ];
    assert.deepEqual(
      ids.filter((id) => !doc.includes(`\`${id}\``)),
      [],
    );
  });

  it('no crisis text promises Good Samaritan immunity, and the SAMHSA helpline is never called a crisis line', () => {
    const crisisTexts = [
      ...crisisResources.map((line) => `${line.name}: ${line.how}`),
      ...localeStrings()
        .filter(([key]) => key.startsWith('safety.') || key.startsWith('crisis.') || key.startsWith('help.'))
        .flatMap(([, variants]) => variants),
    ];
    for (const text of crisisTexts) {
      assert.doesNotMatch(
        text,
        /immun|won't be (arrested|charged)|can't be (arrested|charged)|Good Samaritan/i,
      );
    }
    const samhsa = crisisResources.find(
      (line) => line.phone && contacts.has(line.phone) && /SAMHSA/.test(line.name),
    );
    assert.ok(
      samhsa && /not a crisis line/i.test(samhsa.name),
      'the SAMHSA line says it is not a crisis line',
    );
    assert.ok(
      !strings.text('help.person').includes('SAMHSA'),
      'help offers no referral line as a crisis option',
    );
  });
});
