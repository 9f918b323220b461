// First: the stack's shared and deferred modules, before botbuilder loads (see there).
import './stack-modules.js';
import { createRequire } from 'node:module';

/**
 * One copy of the recognizers-text bundles in the process. Wayfinder recognizes with the suite
 * (1.3.x); botbuilder-dialogs requires its own suite, choice and date-time (1.1.4) and number
 * (1.3.1), each a self-contained bundle of several MB that is parsed and kept in memory: about
 * 20 MB resident for recognizers the bot already holds. Node's `require.cache` (public API: an
 * entry found there is what `require` returns) is given the suite under the files
 * botbuilder-dialogs would load, so its prompts and choice recognition run on the suite's
 * recognizers (the same functions by name) and share its built models. npm `overrides` cannot do
 * this: an override to a local folder is linked at a wrong path (npm/cli#5078), and an override
 * to a registry version still installs each package as its own bundle.
 *
 * It must run before botbuilder-dialogs is first loaded, so it is the first import of every entry
 * (the server, the bench, the test run); a process that loads botbuilder-dialogs first keeps its
 * copies and works as before, with more memory.
 *
 * Wayfinder's own code takes the suite from `recognizersText` below, never through an ESM
 * `import` of the package: Node's ESM loader reads a CommonJS file again to find its export names
 * and keeps that source, a second 7 MB string, for the life of the process (and scanning it costs
 * about 0.4 s of CPU at start).
 */
const require = createRequire(import.meta.url);
const suiteName = '@microsoft/recognizers-text-suite';
/** The packages botbuilder-dialogs requires; each exported name it uses is also the suite's. */
export const dialogsRecognizerPackages = [
  suiteName,
  '@microsoft/recognizers-text-choice',
  '@microsoft/recognizers-text-date-time',
  '@microsoft/recognizers-text-number',
] as const;

const suitePath = require.resolve(suiteName);
/** The recognizers-text suite, loaded by `require` (see above). */
export const recognizersText: typeof import('@microsoft/recognizers-text-suite') = require(suitePath);
const suite = require.cache[suitePath];
const fromDialogs = createRequire(require.resolve('botbuilder-dialogs'));
for (const name of dialogsRecognizerPackages) {
  const path = fromDialogs.resolve(name);
  if (suite && path !== suitePath && !require.cache[path]) require.cache[path] = suite;
}
