import type { Storage } from 'botbuilder';

export {
  StorageConfigError,
  StorageConflictError,
  StorageCorruptError,
  StorageError,
  StorageKindNotAvailableError,
  StorageUnavailableError,
} from './errors.js';

/** The storage kinds the STORAGE variable can name. */
export type StorageKind = 'memory' | 'file' | 'blob';

/**
 * Wayfinder's storage: botbuilder's Storage (read/write/delete with eTags, so bot state, dialogs
 * and the handoff queue all use it unchanged) plus what the host needs to run it in production.
 */
export interface AppStorage extends Storage {
  /** Which backend this is: reported by /readyz and in start-up logs. */
  readonly kind: StorageKind;

  /**
   * Resolves when the store can be used right now; rejects (with a StorageUnavailableError that
   * says what to fix) when it is unreachable or unwritable. Backs GET /readyz.
   */
  ready(): Promise<void>;

  /**
   * Resolves when every write and delete already started has finished, successfully or not (the
   * caller of each one got its error). Used at graceful shutdown, so a SIGTERM never cuts a turn's
   * state off half-way.
   */
  flush(): Promise<void>;
}
