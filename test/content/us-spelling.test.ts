import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { manifestStrings, spokenStrings } from '../support/spoken-strings.js';

/** Common British spellings, each with the US spelling people should read instead. */
const british: readonly [RegExp, string][] = [
  [/\bpractis(e|es|ed|ing)\b/i, 'practice, practiced, practicing'],
  [
    /\b\w*(behaviour|colour|centre|favour|honour|labour|neighbour|humour|rumour)\w*/i,
    'behavior, color, center...',
  ],
  [
    /\b(organis|recognis|apologis|prioritis|summaris|minimis|authoris|personalis|memoris|specialis)(e|ed|es|ing|ation)s?\b/i,
    'organize, recognize...',
  ],
  [/\brealis(e|ed|es|ing)\b/i, 'realize'],
  [/\banalys(e|ed|ing)\b/i, 'analyze'],
  [/\bjudgement/i, 'judgment'],
  [/\blicence\b/i, 'license'],
  [/\b(defence|offence)s?\b/i, 'defense, offense'],
  [/\b(catalogue|programme)s?\b/i, 'catalog, program'],
  [
    /\b(travell|cancell|counsell|modell|labell|signall|fuell)(ed|ing|er|ers|or|ors)\b/i,
    'traveled, canceled, counseling...',
  ],
  [/\b(enrolment|fulfil|fulfilment)\b/i, 'enrollment, fulfill'],
  [/\bgrey\b/i, 'gray'],
  [/\b(whilst|amongst|learnt|spelt)\b/i, 'while, among, learned, spelled'],
  [/\b(paediatric|anaesthe|oestrogen|haemo)\w*/i, 'pediatric, anesthe..., estrogen, hemo...'],
  [/\b(metre|litre|fibre|theatre)s?\b/i, 'meter, liter, fiber, theater'],
  [/\b(cheque|tyre|jewellery|manoeuvre|sceptic)\w*/i, 'check, tire, jewelry, maneuver, skeptic'],
  [/\backnowledgement/i, 'acknowledgment'],
];

/** The British spellings in `text`, each with the US spelling. */
function britishIn(text: string): string[] {
  return british.flatMap(([pattern, us]) => {
    const found = pattern.exec(text);
    return found ? [`"${found[0]}" (US: ${us})`] : [];
  });
}

/** Markdown prose: code spans hold names (`aria-labelledby`), not words people read. */
function prose(markdown: string): string {
  return markdown.replace(/`[^`\n]*`/g, '');
}

/** Everything people read in English: what the bot says, its Teams app listing, the docs. */
function readText(): [string, string][] {
  const docs = [
    'README.md',
    // Every page, in subfolders too: the README is short and points into docs/ for the rest.
    ...readdirSync(join(projectRoot, 'docs'), { recursive: true, encoding: 'utf8' }).map((name) =>
      join('docs', name),
    ),
  ].filter((file) => file.endsWith('.md'));
  return [
    ...[...spokenStrings(), ...manifestStrings()].map(({ file, path, text }): [string, string] => [
      `${file} ${path}`,
      text,
    ]),
    ...docs.flatMap((file) =>
      prose(readFileSync(join(projectRoot, file), 'utf8'))
        .split('\n')
        .map((line, i): [string, string] => [`${file}:${i + 1}`, line]),
    ),
  ];
}

describe('one spelling: US English in everything people read', () => {
  it('the bot, its Teams listing and the docs use no British spelling', () => {
    const found = readText().flatMap(([where, text]) => britishIn(text).map((hit) => `${where}: ${hit}`));
    assert.deepEqual(found, []);
  });

  it('the check is live: it finds British spellings and passes US ones and code names', () => {
    assert.equal(britishIn('Practise saying it, then organise your notes. Good behaviour.').length, 3);
    assert.deepEqual(
      britishIn('Practice saying it, then organize your notes. Good behavior. Realistic.'),
      [],
    );
    assert.deepEqual(britishIn(prose('Web Chat sets `aria-labelledby` on each message.')), []);
  });
});
