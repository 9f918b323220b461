import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildServer, startChild } from './child-server.js';
import { dialogWalk, runLoad } from './conversations.js';
import { summarize } from './stats.js';

/** One server at one level of concurrency. */
export interface ThroughputRow {
  server: string;
  concurrency: number;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The server's CPU time per turn (user and system), in ms: steadier than latency on a busy machine. */
  cpuMsPerTurn: number;
  /** Turns that failed (an error answer or no answer). */
  errors: number;
}

/** Wayfinder against the echo bot at one level: throughput ratio and p99 ratio. */
export interface ThroughputRatio {
  server: string;
  concurrency: number;
  throughputRatio: number;
  p99Ratio: number;
  /** Echo's CPU per turn over Wayfinder's: what the throughput ratio would be on a core of its own. */
  cpuRatio: number;
}

export interface ThroughputFigures {
  rows: ThroughputRow[];
  ratios: ThroughputRatio[];
}

/** The levels of concurrency and how many turns each measures (enough for a stable p99). */
export const levels = [
  { concurrency: 1, turns: 300 },
  { concurrency: 10, turns: 600 },
  { concurrency: 50, turns: 1000 },
  { concurrency: 500, turns: 3000 },
] as const;

const echo = 'echo bot';

/**
 * Turns per second and latency percentiles for the echo bot and for Wayfinder (file store, the
 * default, and memory store) walking whole dialogs, each in its own process, driven by the same
 * client. The servers take turns level by level, so load from elsewhere on the machine falls on
 * all of them alike.
 */
export async function benchThroughput(print: (line: string) => void): Promise<ThroughputFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wayfinder-bench-load-'));
  const servers: Array<{ name: string; server: ChildServer }> = [];
  try {
    servers.push({ name: echo, server: await startChild('dist/bench/echo-bot.js') });
    servers.push({
      name: 'Wayfinder, STORAGE=file',
      server: await startChild('dist/src/index.js', { STORAGE: 'file', DATA_DIR: dataDir }),
    });
    servers.push({
      name: 'Wayfinder, STORAGE=memory',
      server: await startChild('dist/src/index.js', { STORAGE: 'memory' }),
    });
    // Warm-up: JIT, the stores' first files, the date-time recognizer's caches.
    for (const { server } of servers)
      await runLoad(server.url, { concurrency: 5, script: dialogWalk, turns: 150, label: 'warm' });
    const rows: ThroughputRow[] = [];
    for (const { concurrency, turns } of levels) {
      for (const { name, server } of servers) {
        const cpuBefore = await server.cpuMs();
        const run = await runLoad(server.url, {
          concurrency,
          script: dialogWalk,
          turns,
          label: `c${concurrency}`,
        });
        const cpuMsPerTurn = ((await server.cpuMs()) - cpuBefore) / turns;
        const { p50, p95, p99 } = summarize(run.latencies);
        const row = {
          server: name,
          concurrency,
          turns,
          turnsPerSecond: turns / run.seconds,
          p50Ms: p50,
          p95Ms: p95,
          p99Ms: p99,
          cpuMsPerTurn,
          errors: run.errors,
        };
        rows.push(row);
        if (run.firstError) print(`load: first failed turn: ${run.firstError}`);
        print(
          `load: ${name.padEnd(26)} ${String(concurrency).padStart(2)} at once: ${row.turnsPerSecond.toFixed(0).padStart(5)} turns/s, ` +
            `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, CPU ${cpuMsPerTurn.toFixed(2)} ms/turn, ${run.errors} errors (${turns} turns)`,
        );
      }
      // Beside throughput, the ratio the machine's load hardly moves: CPU per turn, same run.
      for (const ratio of ratiosToEcho(rows.filter((row) => row.concurrency === concurrency)))
        print(
          `load: ${ratio.server.padEnd(26)} ${String(concurrency).padStart(2)} at once against the echo bot: ` +
            `throughput ${ratio.throughputRatio.toFixed(2)}x, CPU per turn (echo / Wayfinder) ${ratio.cpuRatio.toFixed(2)}x, p99 ${ratio.p99Ratio.toFixed(2)}x`,
        );
    }
    return { rows, ratios: ratiosToEcho(rows) };
  } finally {
    await Promise.all(servers.map(({ server }) => server.stop()));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Each Wayfinder row against the echo bot's row at the same concurrency. */
function ratiosToEcho(rows: readonly ThroughputRow[]): ThroughputRatio[] {
  return rows.flatMap((row) => {
    const base = rows.find((r) => r.server === echo && r.concurrency === row.concurrency);
    if (!base || row.server === echo) return [];
    return [
      {
        server: row.server,
        concurrency: row.concurrency,
        throughputRatio: row.turnsPerSecond / base.turnsPerSecond,
        p99Ratio: row.p99Ms / base.p99Ms,
        cpuRatio: base.cpuMsPerTurn / row.cpuMsPerTurn,
      },
    ];
  });
}
