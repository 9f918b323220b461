import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { summarize } from './stats.js';

/** Starts the real entry point and returns ms from spawn until GET /readyz answers 200. */
async function timeToReady(port: number): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wayfinder-bench-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, [resolve(projectRoot, 'dist/src/index.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      if (performance.now() - started > 30_000) throw new Error('the server did not become ready in 30 s');
      await new Promise((done) => setTimeout(done, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Prints the time from process start to /readyz over a few cold starts. */
export async function benchStartup(runs = 5): Promise<void> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await timeToReady(39_000 + run));
  const { mean, p95, max } = summarize(times);
  process.stdout.write(
    `startup: spawn to /readyz 200 over ${runs} runs: mean ${mean.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms\n`,
  );
}
