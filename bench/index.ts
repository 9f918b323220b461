import { benchCrowd } from './crowd.js';
import { benchIntents } from './intents.js';
import { runPracticeEval } from './practice.js';
import { runSafetyBenchmark } from './safety.js';
import { benchStartup } from './startup.js';
import { runStorageBenchmark } from './storage.js';

/** `npm run bench`: every benchmark in turn, each printing plain lines of figures. */
const print = (line: string) => process.stdout.write(`${line}\n`);
await benchStartup();
await runStorageBenchmark({ print });
runSafetyBenchmark({ print });
await benchIntents(print);
await benchCrowd(print);
runPracticeEval(print);
