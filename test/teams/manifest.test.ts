import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import sinon from 'sinon';
import { appPackageDir, buildAppPackage } from '../../src/teams/app-package.js';
import {
  bundledSchemaPath,
  fillTemplate,
  manifestErrors,
  schemaErrors,
  teamsRuleErrors,
} from '../../src/teams/manifest.js';
import { loadPackageConfig, type TeamsPackageConfig } from '../../src/teams/package-config.js';

const config: TeamsPackageConfig = {
  teamsAppId: '9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f6a',
  botId: '0b7c3a52-6a0e-4c1d-9f5e-2a4b8c6d1e3f',
  websiteUrl: 'https://wayfinder.example.org/',
  privacyUrl: 'https://wayfinder.example.org/privacy',
  termsUrl: 'https://wayfinder.example.org/terms',
};

/** The manifest the package would hold, as a fresh plain object a test may break. */
async function builtManifest(): Promise<Record<string, unknown>> {
  const built = await buildAppPackage(config, '1.2.3');
  assert.ok(built.ok, built.ok ? '' : built.problems.join('\n'));
  return JSON.parse(JSON.stringify(built.manifest));
}

describe('the Teams manifest', () => {
  let fetchStub: sinon.SinonStub;
  beforeEach(() => {
    fetchStub = sinon.stub(globalThis, 'fetch').rejects(new Error('network use is blocked in this test'));
  });
  afterEach(() => sinon.restore());

  it('is valid against the bundled schema without touching the network', async () => {
    assert.deepEqual(await manifestErrors(await builtManifest()), []);
    sinon.assert.notCalled(fetchStub);
  });

  it('reads its schema from inside @microsoft/app-manifest', async () => {
    const schema = JSON.parse(await readFile(bundledSchemaPath(), 'utf8'));
    assert.equal(schema.properties.manifestVersion.const, '1.30');
  });

  it('reports what breaks the schema: a bot id that is no GUID, a missing field, an unknown one', async () => {
    const manifest = await builtManifest();
    const broken = {
      ...manifest,
      packageName: 'org.example.wayfinder',
      developer: { ...(manifest.developer as object), name: undefined },
      bots: [{ ...(manifest.bots as object[])[0], botId: 'wayfinder-bot' }],
    };
    const errors = await schemaErrors(JSON.parse(JSON.stringify(broken)));
    assert.ok(
      errors.some((e) => e.startsWith('/bots/0/botId ')),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.startsWith('/developer ') && e.includes('name')),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.includes('additional properties') && e.includes('packageName')),
      errors.join('\n'),
    );
    sinon.assert.notCalled(fetchStub);
  });

  it('refuses what Teams rejects beyond the schema: long commands, http links, a scope with no commands', async () => {
    const manifest = await builtManifest();
    const [bot] = manifest.bots as { commandLists: { scopes: string[]; commands: object[] }[] }[];
    const broken = {
      ...manifest,
      developer: { ...(manifest.developer as object), privacyUrl: 'http://wayfinder.example.org/privacy' },
      bots: [
        {
          ...bot,
          commandLists: [
            {
              scopes: ['personal', 'team'],
              commands: [
                { title: 'x'.repeat(33), description: 'fine' },
                { title: 'fine', description: 'y'.repeat(129) },
                ...Array.from({ length: 9 }, (_, n) => ({ title: `command ${n}` })),
              ],
            },
          ],
        },
      ],
    };
    const errors = teamsRuleErrors(broken);
    assert.deepEqual(errors, [
      'developer.privacyUrl: must be an https:// URL',
      'bots: no command list for the groupChat scope',
      'commandLists[0]: 11 commands, at most 10',
      `command "${'x'.repeat(33)}": title over 32 characters`,
      'command "fine": description over 128 characters',
    ]);
  });

  it('fills placeholders inside the JSON, so a value cannot break it, and names a missing one', () => {
    // `${{NAME}}` spelt in pieces, so it reads as the template's syntax, not a JS template slot.
    const slot = (name: string) => ['$', '{{', name, '}}'].join('');
    const filled = fillTemplate({ a: [`${slot('X')}!`], b: { c: slot('X') }, n: 1 }, { X: 'say "hi"\n' });
    assert.deepEqual(filled, { a: ['say "hi"\n!'], b: { c: 'say "hi"\n' }, n: 1 });
    assert.throws(() => fillTemplate({ a: slot('NOPE') }, {}), /\$\{\{NOPE\}\}/);
  });

  it('template placeholders are all ones the packager fills', async () => {
    const template = await readFile(resolve(appPackageDir, 'manifest.json'), 'utf8');
    const used = new Set([...template.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]));
    assert.deepEqual([...used].sort(), [
      'ACCENT_COLOR',
      'MicrosoftAppId',
      'PRIVACY_URL',
      'TEAMS_APP_ID',
      'TERMS_URL',
      'VERSION',
      'WEBSITE_URL',
    ]);
  });
});

describe('the packaging environment', () => {
  const env = {
    MicrosoftAppId: ` ${config.botId} `,
    WEBSITE_URL: config.websiteUrl,
    PRIVACY_URL: config.privacyUrl,
    TERMS_URL: config.termsUrl,
  };

  it('defaults the Teams app id to the bot id and trims values', () => {
    const loaded = loadPackageConfig(env);
    assert.deepEqual(loaded, { ok: true, config: { ...config, teamsAppId: config.botId } });
  });

  it('names each bad variable once, and never asks for the bot password', () => {
    const loaded = loadPackageConfig({ ...env, TEAMS_APP_ID: 'abc', TERMS_URL: 'ftp://example.org/terms' });
    assert.equal(loaded.ok, false);
    const names = loaded.ok ? [] : loaded.problems.map((line) => line.split(':')[0]);
    assert.deepEqual(names, ['TEAMS_APP_ID', 'TERMS_URL']);
  });
});
