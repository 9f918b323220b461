import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/paths.js';
import { dialogsRecognizerPackages, recognizersText } from '../../src/platform/one-recognizers-text.js';

const dist = (path: string) => pathToFileURL(resolve(projectRoot, 'dist', path)).href;

/**
 * In a fresh Node process: imports `first` (if any), then botbuilder-dialogs and Wayfinder's
 * date-time and number recognizers, and counts the recognizers-text bundles held in memory.
 */
function bundlesLoaded(first?: string): number {
  const script = `
    ${first ? `await import(${JSON.stringify(first)});` : ''}
    await import('botbuilder-dialogs');
    await import(${JSON.stringify(dist('src/language/intents/datetime-entities.js'))});
    await import(${JSON.stringify(dist('src/language/intents/entities.js'))});
    const { createRequire } = await import('node:module');
    const cache = createRequire(${JSON.stringify(resolve(projectRoot, 'package.json'))}).cache;
    const bundles = new Set(Object.entries(cache)
      .filter(([file]) => /recognizers-text[^/]*\\.umd\\.js$/.test(file))
      .map(([, module]) => module));
    process.stdout.write(String(bundles.size));
  `;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot }).toString(),
  );
}

describe('one copy of the recognizers-text bundles', () => {
  it('botbuilder-dialogs loads copies of its own unless the suite is handed to it first', function () {
    this.timeout(120_000); // two fresh processes each load the whole stack
    assert.ok(bundlesLoaded() > 1, 'without it, botbuilder-dialogs brings its own bundles');
    assert.equal(bundlesLoaded(dist('src/platform/one-recognizers-text.js')), 1);
  });

  it('hands botbuilder-dialogs the suite under every name it requires (this process too)', () => {
    const suite = createRequire(import.meta.url)('@microsoft/recognizers-text-suite');
    const fromDialogs = createRequire(createRequire(import.meta.url).resolve('botbuilder-dialogs'));
    for (const name of dialogsRecognizerPackages) assert.equal(fromDialogs(name), suite, name);
  });

  it('is the first import of the server and the bench, and required first by the test run', () => {
    const firstImport = (file: string) =>
      /^import\s+(?:[^'"]*from\s+)?'([^']+)'/m.exec(readFileSync(file, 'utf8'))?.[1];
    assert.equal(firstImport(resolve(projectRoot, 'src/index.ts')), './platform/one-recognizers-text.js');
    assert.equal(
      firstImport(resolve(projectRoot, 'bench/index.ts')),
      '../src/platform/one-recognizers-text.js',
    );
    const mocharc = JSON.parse(readFileSync(resolve(projectRoot, '.mocharc.json'), 'utf8'));
    assert.deepEqual(mocharc.require, ['dist/src/platform/one-recognizers-text.js']);
  });

  it('is taken by require in Wayfinder code: no ESM import of a recognizers-text package', () => {
    // An ESM import of this CommonJS bundle makes Node re-read and scan its 7 MB at every start.
    const valueImport =
      /^\s*import\s+(?!type\b)[^;]*?['"]@microsoft\/recognizers-text[^'"]*['"]|(?<!typeof )\bimport\(\s*['"]@microsoft\/recognizers-text/m;
    const offenders = ['src', 'dialogs'].flatMap((dir) =>
      readdirSync(resolve(projectRoot, dir), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
        .map((entry) => join(entry.parentPath, entry.name))
        .filter((file) => valueImport.test(readFileSync(file, 'utf8')))
        .map((file) => relative(projectRoot, file)),
    );
    assert.deepEqual(offenders, []);
    assert.equal(recognizersText, createRequire(import.meta.url)('@microsoft/recognizers-text-suite'));
  });
});
