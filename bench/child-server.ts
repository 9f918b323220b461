import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { serverEntry, startFlags } from './start-flags.js';

/** A server started in its own process for a benchmark, ready to take requests. */
export interface ChildServer {
  readonly url: string;
  /** Milliseconds from spawn until GET /readyz answered 200. */
  readonly readyMs: number;
  /** The process's resident memory now, in MB (VmRSS from /proc). */
  rssMb(): Promise<number>;
  /** CPU time the process has used so far, user and system, in ms (from /proc). */
  cpuMs(): Promise<number>;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Spawns `node <flags> <entry>` (a path under dist/) with only PATH, PORT and `env`, and polls
 * /readyz every 5 ms until it answers 200. The server gets the Node flags `npm start` gives it
 * unless `nodeFlags` says otherwise. The child's stderr is kept to explain a failed start.
 */
export async function startChild(
  entry: string,
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = entry === serverEntry ? startFlags() : [],
): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, resolve(projectRoot, entry)], {
    env: { PATH: process.env.PATH, PORT: String(port), LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const readyMs = await waitReady(url, child, started);
    return {
      url,
      readyMs,
      rssMb: () => rssMb(child),
      cpuMs: () => cpuMs(child),
      stop: () => stop(child, exited),
    };
  } catch (error) {
    await stop(child, exited);
    throw new Error(`${entry} did not start: ${error instanceof Error ? error.message : error}\n${stderr}`);
  }
}

async function waitReady(url: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > 30_000) throw new Error('not ready within 30 s');
    await new Promise((done) => setTimeout(done, 5));
  }
}

async function rssMb(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error('no VmRSS in /proc/<pid>/status');
  return kb / 1024;
}

/**
 * utime + stime from /proc/<pid>/stat, in clock ticks (100 a second on Linux). CPU time, unlike
 * latency, hardly moves when other work shares the machine, so it compares runs on a busy one.
 */
async function cpuMs(child: ChildProcess): Promise<number> {
  const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
  // The fields after the command name (in parentheses, which may hold spaces): state is field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error('no utime/stime in /proc/<pid>/stat');
  return ticks * 10;
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

/**
 * A port the system has just handed out as free. A fixed range collided with the benchmark
 * client's own ephemeral ports (EADDRINUSE after thousands of requests).
 */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}
