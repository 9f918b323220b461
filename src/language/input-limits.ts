/**
 * The longest message the recognizers are given. The date-time recognizer is superlinear (about
 * 5 ms for 80 characters, 2 s for 2,000), and a slow turn blocks every conversation on the
 * process. Longer messages still pass the safety gate (it is linear), then get a kind request
 * to send shorter parts.
 */
export const MAX_MESSAGE_LENGTH = 1000;

/** True when `text` is over the recognizers' budget. */
export function exceedsInputBudget(text: string | undefined, max = MAX_MESSAGE_LENGTH): boolean {
  return typeof text === 'string' && text.length > max;
}
