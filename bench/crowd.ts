import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './child-server.js';
import { type Summary, summarize } from './stats.js';
import { sendTurn } from './turn-client.js';

/** Short turns alone and beside 30 KB messages, and the 30 KB turns themselves. */
export interface CrowdFigures {
  alone: Summary;
  crowded: Summary;
  big: Summary;
  bigKb: number;
}

/**
 * What a 30 KB message costs everyone else: latency of short turns in 10 other conversations,
 * alone and while 30 KB messages keep coming (each in a new conversation), through the whole bot in its
 * own process (STORAGE=file). The figure that matters is the crowded maximum: the worst stall
 * anyone else saw.
 */
export async function benchCrowd(print: (line: string) => void, turns = 200): Promise<CrowdFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wayfinder-bench-crowd-'));
  const server = await startChild('dist/src/index.js', { STORAGE: 'file', DATA_DIR: dataDir });
  const big = 'I have a lot to say about my week and my appointments. '.repeat(560);
  const bigKb = Math.round(big.length / 1024);
  try {
    const short = async (label: string) => {
      const times: number[] = [];
      for (let i = 0; i < turns; i += 1) {
        const conversation = `short-${label}-${i % 10}`;
        times.push(
          await sendTurn(server.url, { conversation, user: conversation, text: 'what can you do?' }),
        );
      }
      return summarize(times);
    };
    await short('warm');
    const alone = await short('alone');
    let stop = false;
    const bigTimes: number[] = [];
    const flood = (async () => {
      // A new conversation for each: one conversation this fast would be rate-limited, unread.
      for (let n = 0; !stop; n += 1) {
        const conversation = `flood-${n}`;
        bigTimes.push(await sendTurn(server.url, { conversation, user: conversation, text: big }));
      }
    })();
    const crowded = await short('crowded');
    stop = true;
    await flood;
    const figures = { alone, crowded, big: summarize(bigTimes), bigKb };
    const line = (label: string, s: Summary, count: number) =>
      print(
        `crowd: ${label}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (${count} turns)`,
      );
    line('short turns alone', alone, turns);
    line(`short turns while ${bigKb} KB messages keep coming`, crowded, turns);
    line(`the ${bigKb} KB turns themselves`, figures.big, bigTimes.length);
    return figures;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
