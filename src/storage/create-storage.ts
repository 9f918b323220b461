import type { AppStorage, StorageKind } from './app-storage.js';
import { StorageConfigError, StorageKindNotAvailableError } from './errors.js';
import { FileStorage } from './file-storage.js';
import { MemoryAppStorage } from './memory-storage.js';

/** What the factory needs: the STORAGE kind and DATA_DIR (used by the file store). */
export interface CreateStorageOptions {
  kind: StorageKind;
  dataDir: string;
}

/**
 * Builds the store the configuration names: the one place that maps STORAGE to a backend, so the
 * composition root and tests choose a store the same way. A kind this build cannot provide fails
 * loudly instead of falling back: silently keeping state in memory would lose it on restart.
 */
export function createStorage(options: CreateStorageOptions): AppStorage {
  switch (options.kind) {
    case 'memory':
      return new MemoryAppStorage();
    case 'file':
      return new FileStorage({ dataDir: options.dataDir });
    case 'blob':
      throw new StorageKindNotAvailableError(
        'blob',
        'STORAGE=blob (Azure Blob state) is not available in this build yet; a later release adds it. ' +
          'Use STORAGE=file (state in DATA_DIR) or STORAGE=memory (state lost on restart) for now.',
      );
    default:
      return unknownKind(options.kind);
  }
}

/** Reached only when an untyped caller passes an unknown kind; `never` keeps the switch exhaustive. */
function unknownKind(kind: never): never {
  throw new StorageConfigError(
    'kind',
    `Unknown storage kind ${JSON.stringify(kind)}: expected memory, file or blob.`,
  );
}
