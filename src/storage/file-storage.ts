import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { AppStorage } from './app-storage.js';
import {
  documentText,
  ensureFolder,
  readDocumentFile,
  removeDocumentFile,
  writeDocumentFile,
} from './document-file.js';
import { ensureDir } from './ensure-dir.js';
import { StorageConfigError, StorageConflictError, StorageUnavailableError } from './errors.js';
import { KeyedLock } from './keyed-lock.js';
import { documentPath } from './stored-document.js';
import { WrittenFiles } from './written-files.js';

/** Options for FileStorage. */
export interface FileStorageOptions {
  /** The directory that holds the store (DATA_DIR); documents live in its `store/` folder. */
  dataDir: string;
}

/** A write's input, serialized when write() is called so later mutation by the caller cannot leak in. */
interface PendingWrite {
  eTag: unknown;
  valueJson: string;
}

/**
 * The embedded store: one small lowdb JSON file per key (DATA_DIR/store/ab/abcd….json), so a
 * turn reads and writes only its own files and its cost does not grow with the number of users.
 * Follows MemoryStorage's eTag contract. Writes are atomic on disk and serialized per key within
 * the process; run one FileStorage per DATA_DIR (it does not lock across processes).
 */
export class FileStorage implements AppStorage {
  readonly kind = 'file' as const;
  /** Absolute path of the data directory. */
  readonly dataDir: string;
  readonly #storeDir: string;
  readonly #lock = new KeyedLock();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #written = new WrittenFiles();
  /** Fan-out folders known to exist (at most 256), so a write does not ask the disk each time. */
  readonly #folders = new Set<string>();

  constructor(options: FileStorageOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new StorageConfigError(
        'options',
        'FileStorage needs an options object: new FileStorage({ dataDir }).',
      );
    }
    const { dataDir } = options;
    if (typeof dataDir !== 'string' || dataDir.trim() === '' || dataDir.includes('\0')) {
      throw new StorageConfigError(
        'dataDir',
        'FileStorage needs dataDir: the directory for the file store (DATA_DIR), for example ./data.',
      );
    }
    this.dataDir = resolve(dataDir);
    this.#storeDir = join(this.dataDir, 'store');
  }

  /** The file that holds `key`'s document: for operators tracing a key and for tests. */
  pathOf(key: string): string {
    return documentPath(this.#storeDir, key);
  }

  /** Reads `keys`; missing keys are left out of the result. Each call returns fresh copies. */
  async read(keys: string[]): Promise<StoreItems> {
    checkKeys(keys, 'Keys are required when reading.');
    const found = await Promise.all(keys.map((key) => this.#readOne(key)));
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const item = found[i];
      if (item) setOwn(items, key, item);
    });
    return items;
  }

  /** One key's item: parsed from what this process wrote while the file is unchanged, else read. */
  async #readOne(key: string): Promise<StoreItem | undefined> {
    const path = this.pathOf(key);
    const own = this.#written.unchanged(key, path);
    if (own?.valueJson !== undefined) return { ...JSON.parse(own.valueJson), eTag: own.eTag };
    const document = await readDocumentFile(path, key);
    return document && { ...document.value, eTag: document.eTag };
  }

  /**
   * Writes `changes`, stamping each item with a new eTag. An item with no eTag or `*` is written
   * unconditionally; otherwise its eTag must match the stored one or it fails with
   * StorageConflictError. Keys are independent (as in MemoryStorage): when one fails, the others
   * still complete, then the first failure (in key order) is thrown.
   */
  write(changes: StoreItems): Promise<void> {
    return this.#track(async () => {
      if (typeof changes !== 'object' || changes === null) {
        throw new ReferenceError('Changes are required when writing.');
      }
      const pending = Object.entries(changes).map(([key, item]) => [key, copyForWrite(key, item)] as const);
      await settleAll(pending.map(([key, item]) => this.#lock.run(key, () => this.#writeOne(key, item))));
    });
  }

  /** Deletes `keys`; keys that are not stored are fine. A corrupt or unreadable file is kept. */
  delete(keys: string[]): Promise<void> {
    return this.#track(async () => {
      checkKeys(keys, 'Keys are required when deleting.');
      await settleAll(keys.map((key) => this.#lock.run(key, () => this.#deleteOne(key))));
    });
  }

  /** Checks DATA_DIR can be created and written by writing and removing a probe file (for /readyz). */
  async ready(): Promise<void> {
    const probe = join(this.#storeDir, `.ready-${randomUUID()}.probe`);
    try {
      await ensureDir(this.#storeDir);
    } catch (error) {
      throw new StorageUnavailableError('create', this.#storeDir, { cause: error });
    }
    try {
      await writeFile(probe, 'ready\n');
      await rm(probe, { force: true });
    } catch (error) {
      throw new StorageUnavailableError('write a probe file in', this.#storeDir, { cause: error });
    }
  }

  /** Resolves once every write and delete started before this call has finished (for shutdown). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }

  /** Read-check-write for one key; runs under that key's lock, so the eTag check cannot race. */
  async #writeOne(key: string, item: PendingWrite): Promise<void> {
    const path = this.pathOf(key);
    // Read even for unconditional writes: a corrupt or unreadable file must never be overwritten.
    // The file this process wrote last, unchanged since, needs no reading.
    const currentETag = this.#written.unchanged(key, path)?.eTag ?? (await readDocumentFile(path, key))?.eTag;
    const conditional = typeof item.eTag === 'string' && item.eTag !== '' && item.eTag !== '*';
    if (currentETag !== undefined && conditional && item.eTag !== currentETag) {
      throw new StorageConflictError(key, { filePath: path });
    }
    const folder = dirname(path);
    if (!this.#folders.has(folder)) {
      await ensureFolder(folder, key);
      this.#folders.add(folder);
    }
    const eTag = randomUUID();
    this.#written.forget(key);
    try {
      await writeDocumentFile(path, key, documentText(key, eTag, item.valueJson));
    } catch (error) {
      // The folder may have been removed under us: the next write makes it again.
      this.#folders.delete(folder);
      throw error;
    }
    this.#written.remember(key, path, eTag, item.valueJson);
  }

  async #deleteOne(key: string): Promise<void> {
    const path = this.pathOf(key);
    this.#written.forget(key);
    // Validate first: a corrupt or unreadable file is evidence for the operator, not ours to remove.
    if (!(await readDocumentFile(path, key))) return;
    await removeDocumentFile(path, key);
  }

  /** Runs `operation` and remembers it until it settles, so flush() can wait for it. */
  #track(operation: () => Promise<void>): Promise<void> {
    const promise = operation();
    this.#inFlight.add(promise);
    const forget = () => this.#inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }
}

function checkKeys(keys: unknown, message: string): asserts keys is string[] {
  if (!Array.isArray(keys)) throw new ReferenceError(message);
  if (!keys.every((key) => typeof key === 'string')) throw new TypeError('Storage keys must be strings.');
}

/** Serializes an item's value, as MemoryStorage copies it: what is stored is what JSON can carry. */
function copyForWrite(key: string, item: StoreItem | null | undefined): PendingWrite {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new TypeError(`Storage: the item for "${key}" must be an object.`);
  }
  const { eTag, ...value }: Record<string, unknown> = item;
  return { eTag, valueJson: JSON.stringify(value) };
}

/** Waits for every operation, then throws the first failure: no operation outlives a rejection. */
async function settleAll(operations: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(operations);
  for (const result of results) {
    if (result.status === 'rejected') throw result.reason;
  }
}

/** Assigns as an own property, so a key such as `__proto__` is stored data, not a prototype change. */
function setOwn(items: StoreItems, key: string, item: StoreItem): void {
  Object.defineProperty(items, key, { value: item, enumerable: true, writable: true, configurable: true });
}
