import { createApp } from '../src/host/app.js';
import { loadConfig } from '../src/host/config.js';
import { silentLogger } from '../src/host/log.js';
import { MemoryAppStorage } from '../src/storage/memory-storage.js';
import { summarize } from './stats.js';

/** One expectReplies turn over HTTP; resolves to its latency in ms. */
async function turn(url: string, conversation: string, text: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text,
      channelId: 'bench',
      deliveryMode: 'expectReplies',
      conversation: { id: conversation },
      from: { id: `${conversation}-user` },
      recipient: { id: 'wayfinder' },
    }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`turn failed with ${response.status}`);
  return performance.now() - started;
}

/**
 * What a 30 KB message costs everyone else: latency of short turns in other conversations,
 * alone and while another conversation keeps sending 30 KB messages, through the whole bot.
 */
export async function benchCrowd(print: (line: string) => void, turns = 200): Promise<void> {
  const config = loadConfig({ PORT: '0', STORAGE: 'memory' });
  const app = createApp(config, { storage: new MemoryAppStorage(), logger: silentLogger });
  const url = await app.listen();
  const big = `${'I have a lot to say about my week and my appointments. '.repeat(560)}`;
  try {
    const short = async (label: string) => {
      const times: number[] = [];
      for (let i = 0; i < turns; i += 1)
        times.push(await turn(url, `short-${label}-${i % 10}`, 'what can you do?'));
      return summarize(times);
    };
    const alone = await short('alone');
    let stop = false;
    const bigTimes: number[] = [];
    const flood = (async () => {
      while (!stop) bigTimes.push(await turn(url, 'flood', big));
    })();
    const crowded = await short('crowded');
    stop = true;
    await flood;
    const big30 = summarize(bigTimes);
    print(
      `crowd: short turns alone: mean ${alone.mean.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms (${turns} turns)`,
    );
    print(
      `crowd: short turns while another conversation sends ${Math.round(big.length / 1024)} KB messages: mean ${crowded.mean.toFixed(1)} ms, p95 ${crowded.p95.toFixed(1)} ms`,
    );
    print(
      `crowd: the ${Math.round(big.length / 1024)} KB turns themselves: mean ${big30.mean.toFixed(1)} ms, p95 ${big30.p95.toFixed(1)} ms (${bigTimes.length} turns)`,
    );
  } finally {
    await app.close();
  }
}
