/**
 * How much of a message each recognizer reads. The bot already turns away messages over
 * MAX_MESSAGE_LENGTH (input-limits.ts); these budgets make the recognizer safe on its own, for any
 * caller and any length, because one slow turn blocks every conversation on the process.
 *
 * - Intent: the first 500 characters. The classifier is linear in length and cheap, and a
 *   request is stated early; a 30 KB message says nothing more about intent than its start.
 * - Date and time: the recognizer is superlinear (measured here on digit-heavy text: ~15 ms at 80
 *   characters, ~50 ms at 200, ~500 ms at 1,000). So it never sees one long string: it reads
 *   sentence windows of at most 100 characters (a sentence naming an appointment and its time
 *   fits), only windows with a date or time cue (a digit, a weekday, "tomorrow", ...), at most 2
 *   of them, from the first 600 characters. Its worst case is then two short calls (~30 ms
 *   together on 30 KB of digits, see bench/intents.ts; a few ms on ordinary text), and a date in
 *   a later sentence ("I'm nervous. Court is next Friday at 9.") is still found.
 * - Numbers: the first 300 characters (the number recognizer is near-linear and fast).
 * - Yes/no: the first 100 characters; a yes or no is an answer to a question, so it comes first.
 */
export const inputBudget = {
  intentChars: 500,
  dateTimeScanChars: 600,
  dateTimeWindowChars: 100,
  dateTimeWindows: 2,
  numberChars: 300,
  booleanChars: 100,
} as const;

/** A piece of the message, with where it starts in the message. */
export interface TextWindow {
  start: number;
  text: string;
}

/** Words that can start or make up a date or time; a window without any is not worth the cost. */
const timeCue =
  /\d|\b(mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmrw|yesterday|morning|afternoon|evening|night|noon|midnight|week|month|year|day|hour|minute|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|last|ago|later|weekend|wk|nite|tonite|wens|wend|teus|tusd|thrus|thusd|thirs|firday|fryday|munday|agust|augest|apirl|setem|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter)/i;

/**
 * A piece that is only a number of one to three digits ("2" at a menu): the recognizer reads no
 * date or time in one (every one is tested) but took 1 to 3 ms to say so. Four digits can be a
 * year ("2026"), so those are still read.
 */
export const bareSmallNumber = /^\s*\d{1,3}\s*$/;

/**
 * The windows of `text` the date-time recognizer reads: sentences (split after . ! ? or a line
 * break) cut into pieces of at most `size` characters at a space, keeping those with a time cue.
 */
export function dateTimeWindows(text: string, budget = inputBudget): TextWindow[] {
  const scanned = text.slice(0, budget.dateTimeScanChars);
  const windows: TextWindow[] = [];
  for (const sentence of scanned.matchAll(/[^.!?\n]+[.!?\n]*/g)) {
    if (windows.length >= budget.dateTimeWindows) break;
    let start = sentence.index;
    const end = start + sentence[0].length;
    while (start < end && windows.length < budget.dateTimeWindows) {
      let stop = Math.min(end, start + budget.dateTimeWindowChars);
      const space = scanned.lastIndexOf(' ', stop);
      if (stop < end && space > start) stop = space;
      const piece = scanned.slice(start, stop);
      if (timeCue.test(piece) && !bareSmallNumber.test(piece)) windows.push({ start, text: piece });
      start = stop;
    }
  }
  return windows;
}

/**
 * Runs a third-party recognizer on untrusted text. Should it throw on some odd input, the person
 * loses that kind of entity for the turn, not the turn: the intent is still recognized.
 */
export function orNothing<T>(recognize: () => T[]): T[] {
  try {
    return recognize();
  } catch {
    return [];
  }
}
