/**
 * When and how long to wait before trying a failed proactive send again. The Bot Framework SDK's
 * HTTP pipeline (@azure/core-rest-pipeline) already retries 5xx, 408, 429 (honouring Retry-After)
 * and network errors up to 3 times inside one attempt; this layer adds what it lacks: a timeout
 * per attempt (a connector that never answers would hold the turn forever), a bounded number of
 * attempts and a total deadline.
 */
export interface RetryPolicy {
  /** Attempts at most, the first included. */
  attempts: number;
  /** An attempt that has not finished by then is abandoned (and may still land: at-least-once). */
  attemptTimeoutMs: number;
  /** No attempt starts, and no wait runs, past this budget for the whole send. */
  deadlineMs: number;
  /** Backoff: a random wait up to min(maxDelayMs, baseDelayMs * 2^retry) ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter. */
  random: () => number;
  /** Milliseconds from any fixed origin, for the deadline. */
  now: () => number;
}

/**
 * Defaults sized for a relay sent inside a member's turn: the channel gives a turn 15 s, so the
 * whole send, retries included, is bounded well under that.
 */
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 3,
  attemptTimeoutMs: 4_000,
  deadlineMs: 9_000,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => performance.now(),
};

/** Thrown when an attempt outlives RetryPolicy.attemptTimeoutMs. */
export class SendTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The connector did not answer within ${timeoutMs} ms`);
    this.name = 'SendTimeoutError';
  }
}

/** What to do after a failed attempt: give up, or retry (after at least `afterMs` when told). */
export type FailureVerdict = { retry: false } | { retry: true; afterMs?: number };

/**
 * Transient failures are retried: a timeout, a network error (no HTTP status), 5xx, 408 and 429
 * (after its Retry-After, when it has one). Any other 4xx means the request itself is wrong
 * (a conversation that is gone, a bot removed from a team): trying again cannot help.
 */
export function classifyFailure(error: unknown): FailureVerdict {
  if (error instanceof SendTimeoutError) return { retry: true };
  const status = statusOf(error);
  if (status === undefined || status >= 500 || status === 408) return { retry: true };
  if (status === 429) {
    const afterMs = retryAfterMs(error);
    return afterMs === undefined ? { retry: true } : { retry: true, afterMs };
  }
  return { retry: false };
}

/** The wait before retry number `retry` (0-based): full jitter under an exponential cap. */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  return Math.floor(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}

/** Runs `attempt` with a timeout; a late settlement of an abandoned attempt is ignored. */
export async function withTimeout<T>(attempt: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The HTTP status of a connector error (RestError carries `statusCode`), if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  return typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/** Retry-After (seconds, or an HTTP date) from a RestError's response headers. */
function retryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const { response } = error;
  if (typeof response !== 'object' || response === null || !('headers' in response)) return undefined;
  const { headers } = response;
  if (typeof headers !== 'object' || headers === null || !('get' in headers)) return undefined;
  const get = headers.get;
  const value: unknown = typeof get === 'function' ? get.call(headers, 'retry-after') : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
