import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isProxy } from 'node:util/types';
import { projectRoot } from '../../src/paths.js';
import { signInPackages, zodUsers } from '../../src/platform/stack-modules.js';

const require = createRequire(import.meta.url);
const fromConnector = createRequire(require.resolve('botframework-connector'));

/**
 * In a fresh Node process: imports `first` (if any), then the server's app (the whole stack), and
 * counts the zod 3 copies held and the files of the sign-in libraries loaded.
 */
function loaded(first?: string): { zodCopies: number; signInFiles: number } {
  const dist = (path: string) => pathToFileURL(resolve(projectRoot, 'dist', path)).href;
  const script = `
    ${first ? `await import(${JSON.stringify(dist(first))});` : ''}
    await import(${JSON.stringify(dist('src/host/app.js'))});
    const { createRequire } = await import('node:module');
    const cache = Object.entries(createRequire(${JSON.stringify(resolve(projectRoot, 'package.json'))}).cache);
    const zods = new Set(cache.filter(([file]) => /node_modules\\/zod\\/index\\.cjs$/.test(file)).map(([, m]) => m));
    const signIn = cache.filter(([file]) => /@azure\\/(identity|msal-node)\\//.test(file));
    process.stdout.write(JSON.stringify({ zodCopies: zods.size, signInFiles: signIn.length }));
  `;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot }).toString(),
  );
}

describe('the stack modules: one zod 3, the sign-in libraries on first use', () => {
  it('the stack loads five zod 3 copies and both msal copies unless the module runs first', function () {
    this.timeout(120_000); // two fresh processes each load the whole stack
    const without = loaded();
    assert.ok(without.zodCopies >= 5, JSON.stringify(without));
    assert.ok(without.signInFiles > 20, JSON.stringify(without));
    // One stand-in file for each sign-in package, nothing of theirs compiled.
    assert.deepEqual(loaded('src/platform/one-recognizers-text.js'), { zodCopies: 1, signInFiles: 2 });
  });

  it('gives every package the same zod 3 (this process too)', () => {
    const zods = new Set(zodUsers.map((user) => createRequire(require.resolve(user))('zod')));
    assert.equal(zods.size, 1);
    const [zod] = zods as Set<{ z: { string(): { parse(value: unknown): unknown } } }>;
    assert.equal(zod?.z.string().parse('works'), 'works');
  });

  it('loads a sign-in package at its first use and passes every use on to it', () => {
    const connector = require('botframework-connector') as typeof import('botframework-connector');
    type Msal = typeof import('@azure/msal-node');
    const msalAsRequired = fromConnector('@azure/msal-node') as Msal;
    const credentials = new connector.MsalAppCredentials(
      'app-id',
      'app-password',
      'https://login.microsoftonline.com/botframework.com',
      'https://api.botframework.com',
    );
    // The connector made its client with the real msal, and `require` now returns the real module.
    const msal = fromConnector('@azure/msal-node') as Msal;
    assert.ok(!isProxy(msal));
    assert.ok(
      (credentials as unknown as { clientApplication: unknown }).clientApplication instanceof
        msal.ConfidentialClientApplication,
    );
    assert.equal(msalAsRequired.ConfidentialClientApplication, msal.ConfidentialClientApplication);

    const identityAsRequired = fromConnector('@azure/identity') as typeof import('@azure/identity');
    assert.ok('DefaultAzureCredential' in identityAsRequired);
    assert.ok(Object.keys(identityAsRequired).includes('ManagedIdentityCredential'));
    assert.equal(
      typeof Object.getOwnPropertyDescriptor(identityAsRequired, 'DefaultAzureCredential')?.get,
      'function',
    );
    assert.ok(!isProxy(fromConnector('@azure/identity')));
    assert.deepEqual(
      signInPackages.map((name) => isProxy(require.cache[fromConnector.resolve(name)]?.exports)),
      [false, false],
    );
  });
});
