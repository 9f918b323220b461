import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: this module always runs compiled, from dist/src/. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the data the bot speaks and reasons with lives. */
export const resourcesDir = resolve(projectRoot, 'resources');
