import type { Storage, StoreItem } from 'botbuilder';
import { z } from 'zod';
import { isConflict } from '../storage/errors.js';

/** An index document: the ids filed under one key. `closed` means it takes no more. */
const listSchema = z.object({ ids: z.array(z.string()), closed: z.boolean().optional() });
export type IdList = z.output<typeof listSchema> & { eTag?: string };

/**
 * The eTag a creating write carries. Memory and file stores compare an eTag only with an item
 * that exists, so a write with this one creates a missing key, and fails if another writer created
 * it first (its eTag is never this). A store that refuses it on a missing key (Azure Blob's
 * If-Match) gets an unconditional create instead.
 */
const CREATE = 'scheduler-create';

/** Reads a list; undefined when missing or not a list. */
export async function readList(storage: Storage, key: string): Promise<IdList | undefined> {
  const item: StoreItem | undefined = (await storage.read([key]))[key];
  const parsed = listSchema.safeParse(item);
  return parsed.success ? { ...parsed.data, eTag: item?.eTag } : undefined;
}

/** The outcome of adding to a list: added (or already there), or the list is closed. */
export type AddResult = 'added' | 'closed';

/**
 * Adds `id` to the list at `key` with eTag-conditional writes, retrying when another writer got
 * in first, so concurrent adds from several instances all land. `limit` keeps the newest ids.
 */
export async function addToList(
  storage: Storage,
  key: string,
  id: string,
  options: { limit?: number; tries?: number } = {},
): Promise<AddResult> {
  let createRefused = false;
  for (let attempt = 1; ; attempt += 1) {
    const list = await readList(storage, key);
    if (list?.closed) return 'closed';
    if (list?.ids.includes(id)) return 'added';
    const ids = [...(list?.ids ?? []), id].slice(-(options.limit ?? Number.MAX_SAFE_INTEGER));
    const eTag = list ? (list.eTag ?? '*') : createRefused ? '*' : CREATE;
    try {
      await storage.write({ [key]: { ids, eTag } });
      return 'added';
    } catch (error) {
      if (!isConflict(error) || attempt >= (options.tries ?? 10)) throw error;
      // Refused while still missing: this store checks eTags on missing keys too.
      if (!list) createRefused = (await readList(storage, key)) === undefined;
    }
  }
}

/**
 * Closes the list if it is unchanged since `seen` was read (a conditional write): true when
 * closed, false when someone added to it in between (it must be read again).
 */
export async function closeList(storage: Storage, key: string, seen: IdList): Promise<boolean> {
  try {
    await storage.write({ [key]: { ids: seen.ids, closed: true, eTag: seen.eTag ?? '*' } });
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}
