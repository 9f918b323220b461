import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/paths.js';
import { manifestVersion, readManifestShape } from '../../src/teams/manifest.js';
import { useTempDir } from '../support/temp-dir.js';
import { readZip } from './zip.js';

const script = resolve(projectRoot, 'dist/scripts/teams-package.js');
const noNetwork = pathToFileURL(resolve(projectRoot, 'dist/test/teams/no-network.js')).href;

const botId = '0b7c3a52-6a0e-4c1d-9f5e-2a4b8c6d1e3f';
const teamsAppId = '9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f6a';
const goodEnv = {
  MicrosoftAppId: botId,
  TEAMS_APP_ID: teamsAppId,
  WEBSITE_URL: 'https://wayfinder.example.org/',
  PRIVACY_URL: 'https://wayfinder.example.org/privacy',
  TERMS_URL: 'https://wayfinder.example.org/terms',
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run teams:package`'s program with only `env` (no .env: the working directory is an
 * empty temp dir) and with the network blocked, writing to `out`.
 */
function runPackager(env: NodeJS.ProcessEnv, cwd: string, out: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', noNetwork, script, '--out', out],
      { cwd, env: { PATH: process.env.PATH, ...env } },
      (error, stdout, stderr) =>
        done({ code: error ? (error.code === undefined ? 1 : Number(error.code)) : 0, stdout, stderr }),
    );
  });
}

describe('npm run teams:package', () => {
  const dir = useTempDir('wayfinder-storage-');

  it('writes a zip with the manifest and both icons at its root, ids and URLs filled in, offline', async () => {
    const out = join(dir.path, 'build', 'wayfinder-teams.zip');
    const run = await runPackager(goodEnv, dir.path, out);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /NETWORK USE BLOCKED/);
    assert.match(run.stdout, /manifest valid/);

    const files = await readZip(out);
    assert.deepEqual([...files.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
    const text = files.get('manifest.json')?.toString('utf8') ?? '';
    assert.doesNotMatch(text, /\$\{\{/, 'no placeholder is left');
    const manifest = JSON.parse(text);
    assert.equal(manifest.manifestVersion, manifestVersion);
    assert.match(
      manifest.$schema,
      new RegExp(`/v${manifestVersion.replace('.', '\\.')}/MicrosoftTeams\\.schema\\.json$`),
    );
    assert.equal(manifest.id, teamsAppId);
    assert.deepEqual(manifest.developer, {
      ...manifest.developer,
      websiteUrl: goodEnv.WEBSITE_URL,
      privacyUrl: goodEnv.PRIVACY_URL,
      termsOfUseUrl: goodEnv.TERMS_URL,
    });

    const [bot] = readManifestShape(manifest).bots;
    assert.equal(bot?.botId, botId);
    assert.deepEqual([...(bot?.scopes ?? [])].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(manifest.bots[0].supportsFiles, false);
    assert.equal(manifest.bots[0].isNotificationOnly, false);
    const listed = new Set(bot?.commandLists.flatMap((list) => list.scopes));
    assert.deepEqual([...listed].sort(), ['groupChat', 'personal', 'team']);
    const personal = bot?.commandLists.find((list) => list.scopes.includes('personal'));
    assert.equal(personal?.commands.length, 8);
  });

  it('uses the bot id as the Teams app id when TEAMS_APP_ID is unset', async () => {
    const out = join(dir.path, 'app.zip');
    const run = await runPackager({ ...goodEnv, TEAMS_APP_ID: '' }, dir.path, out);
    assert.equal(run.code, 0, run.stderr);
    const manifest = JSON.parse((await readZip(out)).get('manifest.json')?.toString('utf8') ?? '{}');
    assert.equal(manifest.id, botId);
  });

  it('exits non-zero naming every bad or missing variable, and writes no zip', async () => {
    const out = join(dir.path, 'app.zip');
    const run = await runPackager(
      { MicrosoftAppId: 'my-bot', PRIVACY_URL: 'http://wayfinder.example.org/privacy', TEAMS_APP_ID: '42' },
      dir.path,
      out,
    );
    assert.equal(run.code, 1);
    for (const variable of ['MicrosoftAppId', 'TEAMS_APP_ID', 'WEBSITE_URL', 'PRIVACY_URL', 'TERMS_URL']) {
      assert.match(run.stderr, new RegExp(`- ${variable}: `), variable);
    }
    assert.match(run.stderr, /5 problem\(s\)/);
    assert.equal(existsSync(out), false);
  });
});
