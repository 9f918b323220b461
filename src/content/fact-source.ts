import { z } from 'zod';

/**
 * Where a statement the bot makes comes from, and when it was last checked against that source
 * (docs/content-sources.md). Required on every factual entry, so a claim without one stops the
 * start with its file and field named.
 */
export const factSourceSchema = z.strictObject({
  cite: z
    .string()
    .trim()
    .min(1, 'name the source: a citation like "42 USC 12210(c)" or a page like "988lifeline.org"'),
  checked: z.iso.date({ error: 'the day it was last checked against its source, as "YYYY-MM-DD"' }),
});

export type FactSource = z.output<typeof factSourceSchema>;
