import { createWayfinderRecognizer } from '../src/language/intents/wayfinder-recognizer.js';
import { summarize } from './stats.js';

/** Everyday messages, short as people type them. */
const shortMessages = [
  'I see my psychiatrist next Tuesday at 3pm',
  'how do I ask my boss for time off for treatment',
  'find me an online NA meeting tonight',
  'can we practice what I say to my landlord',
  'talk to a person',
  'help',
  'menu',
  'start over',
  'hi 👋',
  'thanks so much',
  'what do you know about me',
  'delete my data',
  'is this private?',
  'are you a bot',
  'yes',
  'my court date is on the 14th at 9am and I need a ride',
  'i got a apointment with my psychiatirst tmrw',
  'I have 2 kids and work nights, can I ask for day shifts?',
  "what's the weather like",
  'no thanks',
];

/** `unit` repeated to exactly `length` characters. */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Prints how long recognition takes: building the recognizer, short everyday messages, and 30 KB
 * messages (prose, and digit- and date-heavy text, the date-time recognizer's worst case), each
 * as mean and p95 over repeated runs. The budget in input-budget.ts is what keeps the last well
 * under 100 ms.
 */
export async function benchIntents(print: (line: string) => void): Promise<void> {
  const started = performance.now();
  const recognizer = createWayfinderRecognizer();
  print(
    `intents: build the recognizer (load, train, warm up): ${(performance.now() - started).toFixed(0)} ms`,
  );
  const options = { timezone: 'America/Chicago' };

  const time = async (text: string, runs: number) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      await recognizer.recognizeText(text, options);
      times.push(performance.now() - start);
    }
    return times;
  };
  const line = (label: string, times: readonly number[]) => {
    const { mean, p95, max } = summarize(times);
    print(
      `intents: ${label}: mean ${mean.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms over ${times.length} runs`,
    );
  };

  const short: number[] = [];
  for (let round = 0; round < 10; round += 1)
    for (const text of shortMessages) short.push(...(await time(text, 1)));
  line(`short messages (${shortMessages.length} kinds, up to 60 chars)`, short);
  line(
    '30 KB of prose',
    await time(repeatTo('I see my counselor next Monday at 2pm and I want to be ready. ', 30_000), 20),
  );
  line('30 KB of digits', await time(repeatTo('1 2 3 4 5 6 7 8 9 10 11 12 ', 30_000), 20));
  line('30 KB of dates', await time(repeatTo('on monday at 3pm or tuesday at 4 or the 5th ', 30_000), 20));
}
