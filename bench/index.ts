// First: botbuilder-dialogs must find the one recognizers-text suite when it loads.
import '../src/platform/one-recognizers-text.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { benchCrowd } from './crowd.js';
import { benchIntents } from './intents.js';
import { runPracticeEval } from './practice.js';
import { runSafetyBenchmark } from './safety.js';
import { benchStartup } from './startup.js';
import { runStorageBenchmark } from './storage.js';
import { markdownTables } from './summary.js';
import { benchThroughput } from './throughput.js';
import { benchTurnProfile } from './turn-profile.js';

/**
 * `npm run bench`: every benchmark in turn, each printing plain lines of figures, then the
 * headline tables (Markdown, as in docs/performance.md) and the same figures as JSON in
 * dist/bench-results.json. Takes a few minutes; run it on a quiet machine.
 */
const print = (line: string) => process.stdout.write(`${line}\n`);
const startup = await benchStartup(print);
const profile = await benchTurnProfile(print);
const throughput = await benchThroughput(print);
const crowd = await benchCrowd(print);
const storage = await runStorageBenchmark({ print });
runSafetyBenchmark({ print });
await benchIntents(print);
runPracticeEval(print);

const figures = { startup, profile, throughput, crowd, storage };
print('');
print(`summary (Node ${process.version}, one run on this machine):`);
for (const line of markdownTables(figures)) print(line);
const out = resolve(projectRoot, 'dist/bench-results.json');
await mkdir(resolve(projectRoot, 'dist'), { recursive: true });
await writeFile(
  out,
  `${JSON.stringify({ node: process.version, at: new Date().toISOString(), ...figures }, null, 2)}\n`,
);
print(`figures as JSON: ${out}`);
