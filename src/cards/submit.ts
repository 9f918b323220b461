import type { z } from 'zod';

/**
 * Reads the data an Adaptive Card's Action.Submit sent (an activity's `value`) with `schema`.
 * A client may send anything there: missing or extra fields, wrong types, an array, a huge
 * string, a "__proto__" key. Only data the schema accepts comes back, as a new object holding
 * the schema's own keys (zod copies them, so "__proto__" never becomes a prototype); anything
 * else is undefined, and the caller answers as it would a message it did not understand.
 */
export function parseSubmit<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
