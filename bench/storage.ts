import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { FileStorage } from '../src/storage/file-storage.js';
import { summarize } from './stats.js';

/**
 * Storage benchmark: shows that a turn's storage cost does not grow with the number of stored
 * users (the file store writes one small file per key, never the whole database), and how many
 * writes per second 50 concurrent writers get. Run with `node dist/bench/storage.js`; takes
 * roughly 10-20 s, most of it filling the store with 10,000 keys.
 */

/** Latency of one turn's storage work (conditional write then read of one key), in ms. */
export interface LatencyFigures {
  otherKeys: number;
  turns: number;
  meanMs: number;
  p95Ms: number;
}

/** Throughput of concurrent writers, in writes per second. */
export interface ThroughputFigures {
  label: string;
  writes: number;
  seconds: number;
  writesPerSecond: number;
}

export interface StorageBenchmarkFigures {
  latency: LatencyFigures[];
  throughput: ThroughputFigures[];
}

/** A user-state-sized value (about 1 KB), like a dialog stack plus a profile. */
const userState = (i: number) => ({
  profile: { name: `member ${i}`, locale: 'en-US', goals: ['ask for flexible hours', 'practise a script'] },
  dialogStack: [{ id: 'appointment', state: { step: i % 5, values: { note: 'x'.repeat(700) } } }],
});

/**
 * Runs the benchmark in a temporary DATA_DIR (removed afterwards) and returns the figures;
 * `print` receives one plain line per figure.
 */
export async function runStorageBenchmark(
  options: { turns?: number; print?: (line: string) => void } = {},
): Promise<StorageBenchmarkFigures> {
  const turns = options.turns ?? 500;
  const print = options.print ?? (() => {});
  const dataDir = await mkdtemp(join(tmpdir(), 'wayfinder-bench-'));
  try {
    print(`storage benchmark: FileStorage (one lowdb file per key), ~1 KB values, Node ${process.version}`);
    // Two stores, measured in alternating blocks, so load from anything else on the machine
    // falls on both sizes alike instead of on whichever runs first.
    const sizes = [100, 10_000];
    const stores = sizes.map((size) => new FileStorage({ dataDir: join(dataDir, `users-${size}`) }));
    await Promise.all(stores.map((store, i) => fill(store, sizes[i] ?? 0)));
    const samples = sizes.map((): number[] => []);
    for (const store of stores) await timeTurns(store, 100, []); // JIT and cache warm-up
    for (let block = 0; block < 10; block += 1) {
      for (const [i, store] of stores.entries()) await timeTurns(store, turns / 10, samples[i] ?? []);
    }
    const latency = sizes.map((otherKeys, i) => latencyFigures(otherKeys, samples[i] ?? []));
    for (const figures of latency) {
      print(
        `write+read of one key, ${String(figures.otherKeys).padStart(6)} other keys: ` +
          `mean ${figures.meanMs.toFixed(3)} ms, p95 ${figures.p95Ms.toFixed(3)} ms (${figures.turns} turns)`,
      );
    }
    const store = new FileStorage({ dataDir: join(dataDir, 'writers') });
    const throughput = [
      await measureWriters(
        store,
        '50 concurrent writers, own keys',
        20,
        (writer) => `bench/writers/${writer}`,
      ),
      await measureWriters(store, "50 concurrent writers, one key ('*')", 10, () => 'bench/hot-key'),
    ];
    for (const t of throughput) {
      print(
        `${t.label}: ${t.writes} writes in ${t.seconds.toFixed(2)} s = ${Math.round(t.writesPerSecond)} writes/s`,
      );
    }
    await store.flush();
    return { latency, throughput };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Stores `count` other users; writes 50 at a time, like busy turns. */
async function fill(store: FileStorage, count: number): Promise<void> {
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, (_, i) => start + i);
    await Promise.all(batch.map((i) => store.write({ [`msteams/users/${i}`]: userState(i) })));
  }
}

/** Times `turns` turns on one key (read it, change it, write it back with its eTag) into `samples`. */
async function timeTurns(store: FileStorage, turns: number, samples: number[]): Promise<void> {
  const key = 'msteams/users/me';
  for (let turn = 0; turn < turns; turn += 1) {
    const started = performance.now();
    const current = (await store.read([key]))[key] ?? userState(-1);
    await store.write({ [key]: { ...current, turn } });
    samples.push(performance.now() - started);
  }
}

/** Mean and 95th percentile of `samples`. */
function latencyFigures(otherKeys: number, samples: number[]): LatencyFigures {
  const { mean, p95 } = summarize(samples);
  return { otherKeys, turns: samples.length, meanMs: mean, p95Ms: p95 };
}

/** 50 writers at once, each writing `each` times in sequence to the key `keyOf` gives it. */
async function measureWriters(
  store: FileStorage,
  label: string,
  each: number,
  keyOf: (writer: number) => string,
): Promise<ThroughputFigures> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async (_, writer) => {
      for (let n = 0; n < each; n += 1)
        await store.write({ [keyOf(writer)]: { ...userState(writer), n, eTag: '*' } });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const writes = 50 * each;
  return { label, writes, seconds, writesPerSecond: writes / seconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runStorageBenchmark({ print: (line) => process.stdout.write(`${line}\n`) });
}
