import { lstatSync } from 'node:fs';

/** How many keys' last writes are remembered: about 2.5 MB at most; older ones are read again. */
export const REMEMBERED_WRITES = 10_000;

/**
 * How many of those keys' documents are kept too, and their most text in all: a busy minute's
 * conversations (each turn reads its conversation and user documents), a few MB at most.
 */
export const REMEMBERED_DOCUMENTS = { count: 2_000, chars: 4_000_000 } as const;

/** A file as this process left it: the eTag it wrote, and what lstat said right after. */
interface Written {
  eTag: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** A remembered write whose file is unchanged: its eTag, and its value's JSON when still kept. */
export interface Unchanged {
  eTag: string;
  valueJson?: string;
}

/**
 * The eTags (and, for the most recent, the values) this process wrote, so a write need not read
 * and parse a key's file again only to learn its eTag, and a read of a document this process
 * wrote need not read and check the file (those reads were most of a turn's store work). What is
 * remembered is trusted only while the file is the very one written (same inode, size and
 * modification time): a file changed since, by another process or by hand, is read again, so a
 * stale eTag is still refused, another process's write is still seen and a corrupt file is still
 * never overwritten. Entries are updated under the store's per-key lock.
 */
export class WrittenFiles {
  readonly #written = new Map<string, Written>();
  /** Values' JSON by key, least recently used first; a value counts only while `#written` has its key. */
  readonly #values = new Map<string, string>();
  #valueChars = 0;

  constructor(
    private readonly capacity = REMEMBERED_WRITES,
    private readonly documents: { count: number; chars: number } = REMEMBERED_DOCUMENTS,
  ) {}

  /** What `key` was written with, when `path` is still the file written; else undefined. */
  unchanged(key: string, path: string): Unchanged | undefined {
    const written = this.#written.get(key);
    if (!written) return undefined;
    // Synchronous: the inode of a file just written is in the kernel's cache, so the call takes
    // microseconds, less than the thread pool's round trip and the promise it would cost.
    const now = statOf(path);
    if (now?.ino === written.ino && now.size === written.size && now.mtimeMs === written.mtimeMs) {
      // Most recently used last, so the oldest entry is the first one evicted.
      this.#written.delete(key);
      this.#written.set(key, written);
      const valueJson = this.#values.get(key);
      if (valueJson === undefined) return { eTag: written.eTag };
      this.#values.delete(key);
      this.#values.set(key, valueJson);
      return { eTag: written.eTag, valueJson };
    }
    this.forget(key);
    return undefined;
  }

  /** Notes that `path` now holds `key`'s document with `eTag` and the value `valueJson`. */
  remember(key: string, path: string, eTag: string, valueJson: string): void {
    this.forget(key);
    const stat = statOf(path);
    // Gone already (removed by hand or by another process): nothing to trust, it is read next time.
    if (!stat) return;
    const { ino, size, mtimeMs } = stat;
    this.#written.set(key, { eTag, ino, size, mtimeMs });
    if (this.#written.size > this.capacity) {
      const oldest = this.#written.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
    if (valueJson.length > this.documents.chars) return;
    this.#values.set(key, valueJson);
    this.#valueChars += valueJson.length;
    while (this.#values.size > this.documents.count || this.#valueChars > this.documents.chars) {
      const oldest = this.#values.keys().next().value;
      if (oldest === undefined) break;
      this.#dropValue(oldest);
    }
  }

  /** Forgets `key` (before a write or delete whose outcome on disk is not known yet). */
  forget(key: string): void {
    this.#written.delete(key);
    this.#dropValue(key);
  }

  /** How many keys are remembered: for tests that check the cap. */
  get size(): number {
    return this.#written.size;
  }

  /** How many of them have their value kept: for tests that check the caps. */
  get values(): number {
    return this.#values.size;
  }

  #dropValue(key: string): void {
    const valueJson = this.#values.get(key);
    if (valueJson === undefined) return;
    this.#values.delete(key);
    this.#valueChars -= valueJson.length;
  }
}

/** The file's inode, size and modification time; undefined when it cannot be looked at (read it then). */
function statOf(path: string): { ino: number; size: number; mtimeMs: number } | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
