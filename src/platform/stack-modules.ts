import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { join } from 'node:path';

/**
 * Less of botbuilder's stack held in memory and compiled at start, through Node's `require.cache`
 * (public API: an entry found there is what `require` returns). It must run before botbuilder is
 * first loaded: `one-recognizers-text.ts`, the first import of every entry, imports it first.
 *
 * - **One zod 3.** botbuilder, botbuilder-core, botbuilder-dialogs, botbuilder-azure-blobs and
 *   botframework-connector and -schema each install their own copy of zod 3 (the top-level zod is
 *   Wayfinder's zod 4, so npm cannot hoist theirs), and each copy was loaded and compiled. Copies
 *   of the same version are the same files: all are given the first one's module.
 * - **Sign-in libraries on first use.** botframework-connector requires `@azure/identity` and
 *   `@azure/msal-node` when it loads, two copies of msal (its 2.x and identity's own 5.x) with
 *   about 50 files, but uses them only inside the functions that make a credential for an app id
 *   or a managed identity, never when it loads. Until then `require` hands it a stand-in that
 *   loads the real package at the first use of any of its names.
 */
const require = createRequire(import.meta.url);

/** The packages that carry a nested zod 3 of their own. */
export const zodUsers = [
  'botbuilder-core',
  'botbuilder',
  'botbuilder-dialogs',
  'botbuilder-azure-blobs',
  'botframework-connector',
  'botframework-schema',
] as const;

/** What botframework-connector requires at load and first uses when it makes a credential. */
export const signInPackages = ['@azure/identity', '@azure/msal-node'] as const;

const requireFrom = (user: string) => createRequire(require.resolve(user));

/** The version in the package.json of the package that `file` (its entry) belongs to. */
function versionOf(file: string, name: string): string | undefined {
  const folder = join('node_modules', name);
  const at = file.lastIndexOf(folder);
  if (at < 0) return undefined;
  const manifest = readFileSync(join(file.slice(0, at + folder.length), 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version?: string }).version;
}

function shareZod(): void {
  const [first, ...others] = zodUsers.map((user) => requireFrom(user));
  if (!first) return;
  const firstPath = first.resolve('zod');
  const version = versionOf(firstPath, 'zod');
  first('zod');
  const shared = require.cache[firstPath];
  for (const from of others) {
    const path = from.resolve('zod');
    if (shared && path !== firstPath && !require.cache[path] && versionOf(path, 'zod') === version)
      require.cache[path] = shared;
  }
}

/**
 * A module whose exports load `name` (as `from` resolves it) at their first use and pass every
 * use on to it; the real module then replaces the stand-in in the cache.
 */
function loadOnFirstUse(from: NodeJS.Require, name: string): void {
  const path = from.resolve(name);
  if (require.cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      delete require.cache[path];
      real = from(name) as object;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(load(), key),
      has: (_, key) => Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      // The target holds none of them, so a proxy may only call them configurable.
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  require.cache[path] = standIn;
}

shareZod();
const fromConnector = requireFrom('botframework-connector');
for (const name of signInPackages) loadOnFirstUse(fromConnector, name);
