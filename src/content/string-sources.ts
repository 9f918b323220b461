import { z } from 'zod';
import { type FactSource, factSourceSchema } from './fact-source.js';
import { loadResource } from './resource-file.js';
import type { StringKey, Strings } from './strings.js';

/**
 * What a sourced sentence states: `law` (a right or its limits: worded no stronger than its
 * source, with "can", "may", "typically"), `safety` (a crisis step) or `groups` (what a peer
 * support organization says of itself).
 */
export const statementKinds = ['law', 'safety', 'groups'] as const;
export type StatementKind = (typeof statementKinds)[number];

export interface StringSource {
  kind: StatementKind;
  source: FactSource;
}

const entrySchema = z.strictObject({ kind: z.enum(statementKinds), source: factSourceSchema });

/**
 * Sources of the facts stated in locale strings (which hold only text). Sentences of data
 * entries that carry their own source (a rights statement, a crisis line, a group's policy) and
 * sentences whose only facts are numbers or addresses on resources/verified-contacts.json are
 * not listed here. Loaded at start: a key that names no string stops it.
 */
export function loadStringSources(strings: Strings, dir?: string): ReadonlyMap<StringKey, StringSource> {
  const schema = z.strictObject({
    description: z.string().min(1),
    strings: z.record(z.string(), entrySchema).superRefine((entries, context) => {
      for (const key of Object.keys(entries)) {
        if (!strings.has(key))
          context.addIssue({
            code: 'custom',
            path: [key],
            message: `no string "${key}" in locale ${strings.locale}`,
          });
      }
    }),
  });
  const file = loadResource('string-sources.json', schema, dir);
  return new Map(Object.entries(file.strings).map(([key, entry]) => [key as StringKey, entry]));
}
