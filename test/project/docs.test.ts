import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** A newcomer reads the README in ten minutes; everything else lives in docs/. */
const README_MAX_BYTES = 10_000;

/** README.md and every Markdown file under docs/, as paths from the project root. */
function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(projectRoot, dir)).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(join(projectRoot, path)).isDirectory()) return walk(path);
      return name.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...walk('docs')];
}

/** Markdown without fenced code blocks or code spans: a link written there is an example, not a link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings; a repeated heading gets -1, -2, ... as on GitHub. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = headingAnchor(heading ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The relative link targets in a Markdown file: `[text](target)`, without web or mail links. */
function relativeLinks(markdown: string): string[] {
  return [...withoutCode(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map(([, target]) => target ?? '')
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** What is wrong with each relative link of `file` (its `text`): a missing file, or an anchor no heading has. */
function brokenLinks(file: string, text = readFileSync(join(projectRoot, file), 'utf8')): string[] {
  return relativeLinks(text).flatMap((link) => {
    const [path = '', anchor] = link.split('#');
    const target = path === '' ? file : relative(projectRoot, join(projectRoot, dirname(file), path));
    if (!existsSync(join(projectRoot, target))) return [`${file}: ${link}: no file ${target}`];
    if (anchor === undefined || !target.endsWith('.md')) return [];
    const anchors = anchorsOf(readFileSync(join(projectRoot, target), 'utf8'));
    return anchors.has(anchor) ? [] : [`${file}: ${link}: no heading "#${anchor}" in ${target}`];
  });
}

/** The project's files, by path from the root and by name (dist/, data and dependencies left out). */
function projectFiles(): { paths: Set<string>; names: Set<string> } {
  const skip = new Set(['node_modules', 'dist', 'data', '.git']);
  const walk = (dir: string): string[] =>
    readdirSync(join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
      if (skip.has(entry.name)) return [];
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      return entry.isDirectory() ? [path, ...walk(path)] : [path];
    });
  const paths = walk('');
  return { paths: new Set(paths), names: new Set(paths.map((path) => basename(path))) };
}

/** A file a page names: a path from the root, or a bare file name found anywhere. */
interface NamedFile {
  path: string;
  bare: boolean;
}

/**
 * The code spans of a page that name a project file: `src/host/config.ts`, `test/scale/`, or a
 * bare `file-store-faults.test.ts`. Patterns (`<intent>`, `*`, `...`) and `:line` tails are not files.
 */
function namedFiles(markdown: string): NamedFile[] {
  return [...markdown.matchAll(/`([^`\s]+)`/g)].flatMap(([, span = '']): NamedFile[] => {
    const path = span.replace(/:\d.*$/, '').replace(/\/$/, '');
    if (/[<>*{}]|\.\.\./.test(path)) return [];
    if (/^(src|dialogs|test|resources|bench|scripts|appPackage|docs|\.ci)\//.test(span))
      return [{ path, bare: false }];
    return /^[\w.-]+\.(ts|json|md)$/.test(path) ? [{ path, bare: true }] : [];
  });
}

describe('the docs: a short README and links that lead somewhere', () => {
  it(`README.md stays under ${README_MAX_BYTES} bytes`, () => {
    const size = statSync(join(projectRoot, 'README.md')).size;
    assert.ok(size < README_MAX_BYTES, `README.md is ${size} bytes: move detail to a page in docs/`);
  });

  it('the README links to pages in docs/', () => {
    const links = relativeLinks(readFileSync(join(projectRoot, 'README.md'), 'utf8'));
    assert.ok(links.filter((link) => link.startsWith('docs/')).length >= 10, links.join(', '));
  });

  it('every relative link in README.md and docs/ names a file that exists, and a heading it has', () => {
    assert.deepEqual(
      markdownFiles().flatMap((file) => brokenLinks(file)),
      [],
    );
  });

  it('every page in docs/ is reached from the README by following links', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file) || !file.endsWith('.md') || !existsSync(join(projectRoot, file))) return;
      reached.add(file);
      for (const link of relativeLinks(readFileSync(join(projectRoot, file), 'utf8'))) {
        const [path = ''] = link.split('#');
        if (path) visit(relative(projectRoot, join(projectRoot, dirname(file), path)));
      }
    };
    visit('README.md');
    assert.deepEqual(
      markdownFiles().filter((file) => !reached.has(file)),
      [],
    );
  });

  it('every project file a page names in a code span exists (a moved file needs its docs moved too)', () => {
    const { paths, names } = projectFiles();
    const exists = ({ path, bare }: NamedFile) =>
      bare ? names.has(path) : paths.has(path) || paths.has(path.replace(/\.js$/, '.ts'));
    const missing = markdownFiles().flatMap((file) =>
      namedFiles(readFileSync(join(projectRoot, file), 'utf8'))
        .filter((named) => !exists(named))
        .map(({ path }) => `${file}: ${path}`),
    );
    assert.deepEqual(missing, []);
  });

  it('the link check is live: it reads links and anchors as GitHub does', () => {
    assert.deepEqual(relativeLinks('[a](docs/x.md#y) [b](https://example.org) `[c](z.md)` [d](#e "t")'), [
      'docs/x.md#y',
      '#e',
    ]);
    assert.equal(headingAnchor('Scale-out storage (Azure Blob)'), 'scale-out-storage-azure-blob');
    assert.equal(headingAnchor('Playing a person: npm run chat'), 'playing-a-person-npm-run-chat');
    assert.equal(headingAnchor('Content in `resources/`'), 'content-in-resources');
    assert.deepEqual(
      namedFiles('`src/a.ts:12` `x.test.ts` `resources/intents/<intent>.json` `npm test` `dialogs/`'),
      [
        { path: 'src/a.ts', bare: false },
        { path: 'x.test.ts', bare: true },
        { path: 'dialogs', bare: false },
      ],
    );
    const page = '[a](../README.md#configuration) [b](gone.md) [c](../README.md#gone) [d](#gone)';
    assert.deepEqual(brokenLinks('docs/page.md', page), [
      'docs/page.md: gone.md: no file docs/gone.md',
      'docs/page.md: ../README.md#gone: no heading "#gone" in README.md',
      'docs/page.md: #gone: no file docs/page.md',
    ]);
  });
});
