/**
 * Typed storage errors. Each carries its cause and context (key, file path) as properties, so the
 * turn error handler can tell them apart by class or `code` and log them without message text;
 * the messages themselves teach the operator the fix.
 */

/** Base class: lets callers catch any storage failure with one `instanceof`. */
export abstract class StorageError extends Error {
  /** A stable word for logs and handlers (errorFields() in src/platform/log.ts reads `code`). */
  abstract readonly code: string;
}

/**
 * A conditional write lost a race: the item's eTag changed since it was read. The message is
 * exactly the one botbuilder's MemoryStorage throws, so code that recognises MemoryStorage
 * conflicts by message recognises these too.
 */
export class StorageConflictError extends StorageError {
  readonly code = 'STORAGE_CONFLICT';
  readonly key: string;
  readonly filePath: string | undefined;

  constructor(key: string, context: { filePath?: string; cause?: unknown } = {}) {
    super(`Storage: error writing "${key}" due to eTag conflict.`, { cause: context.cause });
    this.name = 'StorageConflictError';
    this.key = key;
    this.filePath = context.filePath;
  }
}

/**
 * A stored document cannot be understood (invalid JSON, wrong shape, unknown format version).
 * The file is left untouched: the message names it and says how to recover. It leaves the key
 * out, because keys carry channel user ids and these messages end up in logs.
 */
export class StorageCorruptError extends StorageError {
  readonly code = 'STORAGE_CORRUPT';
  readonly key: string;
  readonly filePath: string;

  constructor(key: string, filePath: string, problem: string, cause?: unknown) {
    super(
      `Stored document ${filePath} is corrupt: ${problem}. Wayfinder left it untouched and will not ` +
        'overwrite or delete it. Move it aside (or restore it from a backup) to let that conversation ' +
        'or user start fresh.',
      { cause },
    );
    this.name = 'StorageCorruptError';
    this.key = key;
    this.filePath = filePath;
  }
}

/** The store cannot be reached, read or written (permissions, a directory where a file belongs, full disk). */
export class StorageUnavailableError extends StorageError {
  readonly code = 'STORAGE_UNAVAILABLE';
  readonly path: string;
  readonly key: string | undefined;
  /** The errno code of the cause (EACCES, EISDIR, ENOSPC...), when there is one. */
  readonly errno: string | undefined;

  /** `hint` replaces the DATA_DIR advice for stores that are not files (Azure Blob). */
  constructor(action: string, path: string, context: { key?: string; cause?: unknown; hint?: string } = {}) {
    const errno = errnoOf(context.cause);
    const hint = context.hint ?? hintFor(errno);
    super(`Storage could not ${action} ${path} (${errno ?? describe(context.cause)}). ${hint}`, {
      cause: context.cause,
    });
    this.name = 'StorageUnavailableError';
    this.path = path;
    this.key = context.key;
    this.errno = errno;
  }
}

/** Options given to a store or the factory are wrong: a programming or configuration mistake. */
export class StorageConfigError extends StorageError {
  readonly code = 'STORAGE_CONFIG';
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = 'StorageConfigError';
    this.option = option;
  }
}

/** A storage kind the configuration names but this build cannot provide (no silent fallback). */
export class StorageKindNotAvailableError extends StorageError {
  readonly code = 'STORAGE_KIND_NOT_AVAILABLE';
  readonly kind: string;

  constructor(kind: string, message: string) {
    super(message);
    this.name = 'StorageKindNotAvailableError';
    this.kind = kind;
  }
}

/** The errno code (ENOENT, EACCES...) of a Node system error, if `cause` is one. */
export function errnoOf(cause: unknown): string | undefined {
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return undefined;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.name : 'unknown error';
}

/** What an operator should do about each errno: the message must teach the fix. */
function hintFor(errno: string | undefined): string {
  switch (errno) {
    case 'EACCES':
    case 'EPERM':
      return "Give the bot's user read and write permission on DATA_DIR and everything in it.";
    case 'EISDIR':
      return 'A directory sits where a stored file belongs: move it out of DATA_DIR.';
    case 'ENOTDIR':
      return 'A file sits where a directory belongs: check that DATA_DIR points at a directory.';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The disk is full: free space on the volume that holds DATA_DIR.';
    case 'EROFS':
      return 'The file system is read-only: point DATA_DIR at a writable volume.';
    default:
      return 'Check that DATA_DIR exists, is a directory the bot can read and write, and its disk is healthy.';
  }
}

/**
 * True when `error` is a lost eTag race from any store: ours, or a botbuilder store that throws
 * its own error (MemoryStorage's message; a 412 Precondition Failed from Azure Blob storage).
 */
export function isConflict(error: unknown): boolean {
  if (error instanceof StorageConflictError) return true;
  const { message, statusCode } = (error ?? {}) as { message?: unknown; statusCode?: unknown };
  return statusCode === 412 || (typeof message === 'string' && /etag conflict/i.test(message));
}
