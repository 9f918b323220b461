import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, found from this file's place: compiled code runs from dist/src/, the
 * sources from src/, so resources/ and node_modules/ are one or two levels up.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = resolve(here, here.includes(`${'/'}dist${'/'}`) ? '../..' : '..');

/** Where the data the bot speaks and reasons with lives. */
export const resourcesDir = resolve(projectRoot, 'resources');
