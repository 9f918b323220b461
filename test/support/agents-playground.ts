import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** The Microsoft 365 Agents Playground (a dev dependency), running offline against a bot. */
export interface AgentsPlayground {
  url: string;
  /** Ends the process and waits for it to exit. */
  stop(): Promise<void>;
}

const STARTUP_MS = 30_000;

/** The package's CLI; its `exports` does not list it, so it is found beside package.json. */
function cliPath(): string {
  const require = createRequire(join(projectRoot, 'package.json'));
  return join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/**
 * Starts the Playground as a Teams client (`-c msteams`) for the bot at `endpoint`, telemetry
 * off, on any free port: it logs "Listening on N" (it picks another port when asked for a busy
 * one, so port 0 is not needed). It runs in a temporary folder, where it writes its log
 * (devTools/). Rejects with its output when it exits or is silent too long.
 */
export function startAgentsPlayground(endpoint: string): Promise<AgentsPlayground> {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const cwd = mkdtempSync(join(tmpdir(), 'wayfinder-playground-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [cliPath(), '-e', endpoint, '-c', 'msteams', '-p', String(port), '--dt'],
    { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: 'pipe' },
  );
  let output = '';
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      rmSync(cwd, { recursive: true, force: true });
      done();
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`Agents Playground did not start: ${output}`)));
    }, STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${listening[1]}`, stop });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Agents Playground exited: ${output}`));
    });
  });
}
