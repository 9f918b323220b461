import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

// Two calls do not need @types/semver (one more package for every install): typed here.
const semver = createRequire(import.meta.url)('semver') as {
  valid(version: string): string | null;
  satisfies(version: string, range: string): boolean;
};

interface LockedPackage {
  version?: string;
  peerDependencies?: Record<string, string>;
  hasInstallScript?: boolean;
}

const readJson = (file: string) => JSON.parse(readFileSync(join(projectRoot, file), 'utf8'));
const manifest: { overrides?: Record<string, string>; allowScripts?: Record<string, boolean> } =
  readJson('package.json');
const lock: { packages: Record<string, LockedPackage> } = readJson('package-lock.json');

/** Every package `npm ci` installs, by name (from its node_modules path) and what the lock says of it. */
const locked = Object.entries(lock.packages)
  .filter(([path]) => path.includes('node_modules/'))
  .map(([path, entry]) => ({
    name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
    ...entry,
  }));

// What npm warns about at install time, checked offline against the lockfile that `npm ci` installs,
// so a dependency bump that brings the warnings back fails here rather than in a newcomer's terminal.
describe('the locked dependencies', () => {
  it("pin each overridden package to a version every locked package's peer range accepts", () => {
    const overrides = Object.entries(manifest.overrides ?? {});
    assert.ok(overrides.length > 0);
    for (const [name, version] of overrides) {
      assert.ok(semver.valid(version), `override ${name} is an exact version: ${version}`);
      assert.deepEqual(
        [...new Set(locked.filter((p) => p.name === name).map((p) => p.version))],
        [version],
        `the lock installs ${name} at the overridden version only`,
      );
      const ranges = locked.flatMap((p) => {
        const range = p.peerDependencies?.[name];
        return range ? [{ by: `${p.name}@${p.version}`, range }] : [];
      });
      assert.ok(ranges.length > 0, `something asks for ${name}`);
      for (const { by, range } of ranges)
        assert.ok(
          semver.satisfies(version, range),
          `${name}@${version} is outside ${by}'s peer range ${range}`,
        );
    }
  });

  it('name every package with an install script in allowScripts, allowed or denied', () => {
    const reviewed = new Set(
      Object.keys(manifest.allowScripts ?? {}).map((key) => key.replace(/(.)@.*$/, '$1')),
    );
    const withScripts = locked.filter((p) => p.hasInstallScript).map((p) => p.name);
    assert.ok(withScripts.length > 0);
    assert.deepEqual([...new Set(withScripts.filter((name) => !reviewed.has(name)))], []);
  });
});
