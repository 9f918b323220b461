/**
 * `npm run teams:package [-- --out FILE]`: builds the Teams app package (default
 * appPackage/build/wayfinder-teams.zip) from appPackage/ and the environment (.env is read when
 * present; real variables win). The manifest is validated offline against the schema bundled in
 * @microsoft/app-manifest. Any problem: each one named on stderr, exit code 1, no zip written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/paths.js';
import { buildAppPackage, defaultPackagePath, writeZip } from '../src/teams/app-package.js';
import { loadPackageConfig } from '../src/teams/package-config.js';

function fail(problems: readonly string[], fix: string): never {
  process.stderr.write(
    `Cannot build the Teams app package: ${problems.length} problem(s).\n` +
      `${problems.map((line) => `  - ${line}`).join('\n')}\n${fix}\n`,
  );
  process.exit(1);
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? defaultPackagePath);
if (existsSync('.env')) process.loadEnvFile('.env');

const loaded = loadPackageConfig(process.env);
if (!loaded.ok) fail(loaded.problems, 'Set these variables in the environment or .env (see .env.example).');
const { config } = loaded;
const { version } = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8'));
const built = await buildAppPackage(config, String(version));
if (!built.ok) fail(built.problems, 'Fix appPackage/ (manifest.json, color.png, outline.png) and run again.');
await writeZip(out, built.files);
process.stdout.write(
  `Wrote ${out}\n  app id ${config.teamsAppId}, bot id ${config.botId}, version ${version}\n` +
    '  manifest valid (schema bundled in @microsoft/app-manifest, checked offline); icons checked\n',
);
