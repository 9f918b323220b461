import type { CrowdFigures } from './crowd.js';
import type { StartupFigures } from './startup.js';
import type { StorageBenchmarkFigures } from './storage.js';
import type { ThroughputFigures } from './throughput.js';
import { profileTable, type TurnProfile } from './turn-profile.js';

/** Everything the headline table is built from. */
export interface BenchFigures {
  startup: StartupFigures;
  profile: TurnProfile;
  throughput: ThroughputFigures;
  crowd: CrowdFigures;
  storage: StorageBenchmarkFigures;
}

/** One line of the headline table: a figure, its target, and whether it was met. */
export interface TargetRow {
  figure: string;
  measured: string;
  target: string;
  met: boolean | undefined;
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The targets of issues 12 and 23 against the figures of this run (Wayfinder with STORAGE=file). */
export function targetRows(figures: BenchFigures): TargetRow[] {
  const { startup, throughput, crowd, storage } = figures;
  const realistic = throughput.ratios.filter((r) => r.server.endsWith('STORAGE=file'));
  const at = (pick: (r: (typeof realistic)[number]) => number) =>
    realistic.map((r) => `${fixed(pick(r))} @${r.concurrency}`).join(', ');
  const at50 = realistic.find((r) => r.concurrency === 50);
  const latency = (keys: number) => storage.latency.find((l) => l.otherKeys === keys)?.meanMs ?? Number.NaN;
  const storageRatio = latency(10_000) / latency(100);
  const errors = throughput.rows.reduce((sum, r) => sum + r.errors, 0);
  return [
    {
      figure: 'throughput, Wayfinder / echo bot (target at 50 at once)',
      measured: at((r) => r.throughputRatio),
      target: '>= 0.5',
      met: at50 !== undefined && at50.throughputRatio >= 0.5,
    },
    {
      figure: 'CPU per turn, echo bot / Wayfinder (throughput on a core of its own)',
      measured: at((r) => r.cpuRatio),
      target: '-',
      met: undefined,
    },
    {
      figure: 'p99 latency, Wayfinder / echo bot (target at 50 at once)',
      measured: at((r) => r.p99Ratio),
      target: '<= 2.5',
      met: at50 !== undefined && at50.p99Ratio <= 2.5,
    },
    {
      figure: 'failed turns, every server and level',
      measured: String(errors),
      target: '0',
      met: errors === 0,
    },
    {
      figure: 'storage per turn, 10,000 / 100 stored users',
      measured: `${fixed(storageRatio)} (${fixed(latency(10_000), 3)} / ${fixed(latency(100), 3)} ms)`,
      target: '<= 1.2',
      met: storageRatio <= 1.2,
    },
    {
      figure: `worst short turn while ${crowd.bigKb} KB messages are processed`,
      measured: `${fixed(crowd.crowded.max, 0)} ms (p95 ${fixed(crowd.crowded.p95, 0)}, alone max ${fixed(crowd.alone.max, 0)})`,
      target: '< 50 ms',
      met: crowd.crowded.max < 50,
    },
    {
      figure: 'cold start to /readyz, mean',
      measured: `${fixed(startup.wayfinderStartMs.mean, 0)} ms (p95 ${fixed(startup.wayfinderStartMs.p95, 0)}; echo bot ${fixed(startup.echoStartMs.mean, 0)})`,
      target: '<= 1500 ms',
      met: startup.wayfinderStartMs.mean <= 1500,
    },
    {
      figure: 'resident memory at rest',
      measured: `${fixed(startup.rssAtRestMb, 0)} MB (${fixed(startup.rssAtRestWithoutFlagsMb, 0)} without ${startup.startFlags.join(' ')}; echo bot ${fixed(startup.echoRssAtRestMb, 0)})`,
      target: '<= 150 MB',
      met: startup.rssAtRestMb <= 150,
    },
    {
      figure: `resident memory after ${startup.conversations.toLocaleString('en-US')} people`,
      measured: `${fixed(startup.rssAfterConversationsMb, 0)} MB`,
      target: '-',
      met: undefined,
    },
  ];
}

/** The load table and the targets table as Markdown, ready for docs/performance.md. */
export function markdownTables(figures: BenchFigures): string[] {
  const load = [
    '| server | at once | turns/s | p50 ms | p95 ms | p99 ms | CPU ms/turn | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...figures.throughput.rows.map(
      (r) =>
        `| ${r.server} | ${r.concurrency} | ${fixed(r.turnsPerSecond, 0)} | ${fixed(r.p50Ms, 1)} | ${fixed(r.p95Ms, 1)} | ${fixed(r.p99Ms, 1)} | ${fixed(r.cpuMsPerTurn, 2)} | ${r.errors} |`,
    ),
  ];
  const targets = [
    '| figure | measured | target | met |',
    '|---|---|---|---|',
    ...targetRows(figures).map(
      (r) =>
        `| ${r.figure} | ${r.measured} | ${r.target} | ${r.met === undefined ? '-' : r.met ? 'yes' : 'no'} |`,
    ),
  ];
  return [...load, '', ...targets, '', ...profileTable(figures.profile)];
}
