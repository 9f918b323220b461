import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The on-disk shape of one stored item: one small JSON file per key. It carries a format version
 * (so a future layout is recognised, not misread) and the key itself (so a file copied or moved
 * to the wrong name is caught, not served as another user's state).
 */
export const storedDocumentVersion = 1;

const storedDocumentSchema = z.object({
  version: z.literal(storedDocumentVersion),
  key: z.string(),
  eTag: z.string().min(1),
  value: z.record(z.string(), z.unknown()),
});

export type StoredDocument = z.infer<typeof storedDocumentSchema>;

/** The outcome of checking a parsed file: a document, or a sentence saying what is wrong. */
export type DocumentCheck = { ok: true; document: StoredDocument } | { ok: false; problem: string };

/**
 * Where `key` lives under `storeDir`: `ab/abcd….json`, named by the key's SHA-256. Hashing makes
 * any key a safe file name (slashes, colons, `?`, `*`, non-ASCII, 500 characters); the two-letter
 * fan-out keeps each folder small when there are many users.
 */
export function documentPath(storeDir: string, key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  return join(storeDir, hash.slice(0, 2), `${hash}.json`);
}

/**
 * Validates what a file parsed to (zod at the boundary): the data on disk may have been edited,
 * truncated by a bad restore, or written by another version. Returns a result rather than
 * throwing, so the store decides which typed error to raise.
 */
export function checkStoredDocument(data: unknown, key: string): DocumentCheck {
  if (isObject(data) && 'version' in data && data.version !== storedDocumentVersion) {
    return {
      ok: false,
      problem: `it has format version ${JSON.stringify(data.version)}, and this build reads version ${storedDocumentVersion} (was it written by a newer Wayfinder?)`,
    };
  }
  const parsed = storedDocumentSchema.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(document)');
    return {
      ok: false,
      problem: `it is not a Wayfinder document (bad or missing: ${[...new Set(fields)].join(', ')})`,
    };
  }
  if (parsed.data.key !== key) {
    return { ok: false, problem: 'it holds a different key than its name says (was it copied or renamed?)' };
  }
  return { ok: true, document: parsed.data };
}

function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
