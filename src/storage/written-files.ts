import { lstat } from 'node:fs/promises';

/** How many keys' last writes are remembered: about 2.5 MB at most; older ones are read again. */
export const REMEMBERED_WRITES = 10_000;

/** A file as this process left it: the eTag it wrote, and what lstat said right after. */
interface Written {
  eTag: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * The eTags this process wrote, so a write need not read and parse a key's file again only to
 * learn its eTag (that read was a third of a turn's store work). A remembered eTag is trusted only
 * while the file is the very one written (same inode, size and modification time): a file changed
 * since, by another process or by hand, is read again, so a stale eTag is still refused and a
 * corrupt file is still never overwritten. Entries are updated under the store's per-key lock.
 */
export class WrittenFiles {
  readonly #written = new Map<string, Written>();

  constructor(private readonly capacity = REMEMBERED_WRITES) {}

  /** The eTag `key` was written with, when `path` is still the file written; else undefined. */
  async eTagIfUnchanged(key: string, path: string): Promise<string | undefined> {
    const written = this.#written.get(key);
    if (!written) return undefined;
    const now = await lstat(path).catch(() => undefined);
    if (now?.ino === written.ino && now.size === written.size && now.mtimeMs === written.mtimeMs) {
      // Most recently used last, so the oldest entry is the first one evicted.
      this.#written.delete(key);
      this.#written.set(key, written);
      return written.eTag;
    }
    this.#written.delete(key);
    return undefined;
  }

  /** Notes that `path` now holds `key`'s document with `eTag`. */
  async remember(key: string, path: string, eTag: string): Promise<void> {
    this.#written.delete(key);
    const { ino, size, mtimeMs } = await lstat(path);
    this.#written.set(key, { eTag, ino, size, mtimeMs });
    if (this.#written.size > this.capacity) {
      const oldest = this.#written.keys().next().value;
      if (oldest !== undefined) this.#written.delete(oldest);
    }
  }

  /** Forgets `key` (before a write or delete whose outcome on disk is not known yet). */
  forget(key: string): void {
    this.#written.delete(key);
  }

  /** How many keys are remembered: for tests that check the cap. */
  get size(): number {
    return this.#written.size;
  }
}
