import type { AppStorage, StorageKind } from './app-storage.js';
import { BlobAppStorage } from './blob-storage.js';
import { StorageConfigError } from './errors.js';
import { FileStorage } from './file-storage.js';
import { MemoryAppStorage } from './memory-storage.js';

/**
 * What the factory needs: the STORAGE kind, DATA_DIR (used by the file store) and, for the blob
 * store, BLOB_CONNECTION_STRING and BLOB_CONTAINER.
 */
export interface CreateStorageOptions {
  kind: StorageKind;
  dataDir: string;
  blobConnectionString?: string | undefined;
  blobContainer?: string | undefined;
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
      if (!options.blobConnectionString) {
        throw new StorageConfigError('blobConnectionString', 'STORAGE=blob needs BLOB_CONNECTION_STRING.');
      }
      if (!options.blobContainer) {
        throw new StorageConfigError('blobContainer', 'STORAGE=blob needs BLOB_CONTAINER.');
      }
      return new BlobAppStorage({
        connectionString: options.blobConnectionString,
        container: options.blobContainer,
      });
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
