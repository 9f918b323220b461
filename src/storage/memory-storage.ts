import { MemoryStorage, type StoreItems } from 'botbuilder';
import type { AppStorage } from './app-storage.js';
import { StorageConflictError } from './errors.js';

/** MemoryStorage's conflict message; the key is captured so the typed error can carry it. */
const conflictMessage = /^Storage: error writing "(.*)" due to eTag conflict\.$/s;

/**
 * The in-memory store (STORAGE=memory): botbuilder's MemoryStorage with the AppStorage extras.
 * For tests and local experiments; everything is gone when the process exits. Its eTag conflicts
 * are re-thrown as StorageConflictError (same message), so callers handle one error type for
 * every backend.
 */
export class MemoryAppStorage implements AppStorage {
  readonly kind = 'memory' as const;
  readonly #inner: MemoryStorage;

  /** `memory` lets a test start from (or inspect) MemoryStorage's serialized items. */
  constructor(options: { memory?: Record<string, string> } = {}) {
    // A prototype-less map: with MemoryStorage's default `{}`, reading a missing key such as
    // `toString` finds the inherited function and throws instead of leaving the key out.
    this.#inner = new MemoryStorage(options.memory ?? Object.create(null));
  }

  /** Reads `keys`; missing keys are left out. MemoryStorage returns parsed copies. */
  read(keys: string[]): Promise<StoreItems> {
    return this.#inner.read(keys);
  }

  /** Writes `changes` under MemoryStorage's eTag rules; conflicts become StorageConflictError. */
  async write(changes: StoreItems): Promise<void> {
    try {
      await this.#inner.write(changes);
    } catch (error) {
      const match = error instanceof Error ? conflictMessage.exec(error.message) : null;
      if (match?.[1] !== undefined) throw new StorageConflictError(match[1], { cause: error });
      throw error;
    }
  }

  /** Deletes `keys`; missing keys are fine. */
  delete(keys: string[]): Promise<void> {
    return this.#inner.delete(keys);
  }

  /** Memory is always reachable. */
  async ready(): Promise<void> {}

  /** MemoryStorage applies writes before its promise settles: nothing is ever pending. */
  async flush(): Promise<void> {}
}
