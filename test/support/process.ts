import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startFlags } from '../../bench/start-flags.js';
import { projectRoot } from '../../src/paths.js';

/** The real entry point, as `npm start` runs it (built first, with the start script's Node flags). */
export const entryPoint = resolve(projectRoot, 'dist/src/index.js');

/** A running server process: its URL once it said it was ready, its output so far, its exit. */
export interface StartedProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  exited: Promise<number | null>;
}

/**
 * Spawns the real entry point with only PATH and `env` (no inherited settings); resolves once it
 * logs `server.ready` with its URL, rejects with its stderr when it exits before that.
 */
export function startServerProcess(env: NodeJS.ProcessEnv, cwd = projectRoot): Promise<StartedProcess> {
  const child = spawn(process.execPath, [...startFlags(), entryPoint], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolveStart, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"event":"server\.ready","url":"([^"]+)"/.exec(out);
      if (match?.[1]) resolveStart({ child, url: match[1], stdout: () => out, exited });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before listening: ${err}`)));
  });
}
