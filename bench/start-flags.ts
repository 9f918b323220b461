import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../src/paths.js';

/** The server's entry point under the project root, as `npm start` runs it. */
export const serverEntry = 'dist/src/index.js';

/**
 * The Node flags in a start script (`... && node --flag dist/src/index.js`). Throws when the
 * script does not run the entry point, so a renamed entry cannot leave the bench measuring a
 * server started otherwise than `npm start` starts it.
 */
export function parseStartFlags(script: string): string[] {
  const match = /(?:^|&&|;)\s*node((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/index\.js\s*$/.exec(script);
  if (!match) throw new Error(`the start script does not run node ${serverEntry}: ${JSON.stringify(script)}`);
  return (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
}

/** The Node flags of package.json's `start` script: the one place they are set. */
export function startFlags(): string[] {
  const manifest: { scripts?: { start?: string } } = JSON.parse(
    readFileSync(resolve(projectRoot, 'package.json'), 'utf8'),
  );
  return parseStartFlags(manifest.scripts?.start ?? '');
}
