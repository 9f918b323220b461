import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildServer, startChild } from './child-server.js';
import { runLoad } from './conversations.js';
import { serverEntry, startFlags } from './start-flags.js';
import { type Summary, summarize } from './stats.js';

/** Cold start and memory figures. */
export interface StartupFigures {
  wayfinderStartMs: Summary;
  echoStartMs: Summary;
  rssAtRestMb: number;
  /** The same server started without `npm start`'s Node flags: what they save. */
  rssAtRestWithoutFlagsMb: number;
  /** `npm start`'s Node flags (package.json). */
  startFlags: string[];
  rssAfterConversationsMb: number;
  conversations: number;
  echoRssAtRestMb: number;
}

/** A few turns of a new person: the welcome menu, appointment preparation, its first question. */
const shortVisit = ['hi', '1', '2'];

/**
 * Cold start: spawn to GET /readyz 200 over `runs` starts of Wayfinder (STORAGE=file, a fresh
 * DATA_DIR each time) and of the echo bot (the stack's floor). Memory: resident set of the last
 * Wayfinder started, read from /proc after a 2 s settle (and of one more started without
 * `npm start`'s Node flags), and again after `conversations` new people each had a short visit
 * (50 at a time).
 */
export async function benchStartup(
  print: (line: string) => void,
  options: { runs?: number; conversations?: number } = {},
): Promise<StartupFigures> {
  const runs = options.runs ?? 5;
  const conversations = options.conversations ?? 10_000;
  const dataDirs: string[] = [];
  const flags = startFlags();
  const wayfinder = async (nodeFlags = flags): Promise<ChildServer> => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wayfinder-bench-start-'));
    dataDirs.push(dataDir);
    return startChild(serverEntry, { STORAGE: 'file', DATA_DIR: dataDir }, nodeFlags);
  };
  let last: ChildServer | undefined;
  try {
    const echoTimes: number[] = [];
    const times: number[] = [];
    let echoRssAtRestMb = 0;
    // Alternated, so load from elsewhere on the machine falls on both alike.
    for (let run = 0; run < runs; run += 1) {
      const echo = await startChild('dist/bench/echo-bot.js');
      echoTimes.push(echo.readyMs);
      if (run === runs - 1) {
        await settle();
        echoRssAtRestMb = await echo.rssMb();
      }
      await echo.stop();
      await last?.stop();
      last = await wayfinder();
      times.push(last.readyMs);
    }
    if (!last) throw new Error('runs must be at least 1');
    await settle();
    const rssAtRestMb = await last.rssMb();
    // One more start without the flags, read the same way, so their saving is measured in this run.
    const bare = await wayfinder([]);
    let rssAtRestWithoutFlagsMb: number;
    try {
      await settle();
      rssAtRestWithoutFlagsMb = await bare.rssMb();
    } finally {
      await bare.stop();
    }
    const visits = await runLoad(last.url, {
      concurrency: 50,
      script: shortVisit,
      conversations,
      label: 'visit',
    });
    if (visits.errors > 0) throw new Error(`${visits.errors} visits failed: ${visits.firstError}`);
    await settle();
    const rssAfterConversationsMb = await last.rssMb();
    await last.stop();
    const figures = {
      wayfinderStartMs: summarize(times),
      echoStartMs: summarize(echoTimes),
      rssAtRestMb,
      rssAtRestWithoutFlagsMb,
      startFlags: flags,
      rssAfterConversationsMb,
      conversations,
      echoRssAtRestMb,
    };
    const line = (name: string, s: Summary) =>
      print(
        `startup: ${name}: spawn to /readyz 200 over ${runs} runs: mean ${s.mean.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`,
      );
    line('Wayfinder (STORAGE=file)', figures.wayfinderStartMs);
    line('echo bot (the stack alone)', figures.echoStartMs);
    print(
      `memory: Wayfinder resident ${rssAtRestMb.toFixed(0)} MB at rest with ${flags.join(' ') || 'no flags'} (${rssAtRestWithoutFlagsMb.toFixed(0)} MB without), ${rssAfterConversationsMb.toFixed(0)} MB after ${conversations} conversations of ${shortVisit.length} turns (echo bot at rest: ${echoRssAtRestMb.toFixed(0)} MB)`,
    );
    return figures;
  } finally {
    await last?.stop();
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** Lets timers and the garbage collector catch up before memory is read. */
function settle(ms = 2000): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
