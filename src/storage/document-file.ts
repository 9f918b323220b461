import { lstatSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { TextFile } from 'lowdb/node';
import { ensureDir } from './ensure-dir.js';
import { errnoOf, StorageCorruptError, StorageUnavailableError } from './errors.js';
import { checkStoredDocument, type StoredDocument, storedDocumentVersion } from './stored-document.js';

/**
 * Reading, writing and removing one key's document file through lowdb's TextFile (the text is
 * parsed and checked here; a write's text is serialized once). Writes go through lowdb's writer,
 * steno, which writes `.NAME.tmp` beside the file and renames it over the file: a rename is atomic, so a process killed mid-write leaves either the old file or the
 * new one, never half of one. A killed write can leave its `.tmp` file behind; nothing here
 * ever reads a temp file, and the next write to that key truncates and reuses it.
 *
 * Callers serialize operations on one path (see KeyedLock): steno's temp name is fixed per
 * file, so two writers of one path at once would share a temp file.
 */

/**
 * Reads the document at `path`: undefined when there is no file. Throws StorageCorruptError for
 * content that is not a valid document and StorageUnavailableError when the file cannot be read.
 */
export async function readDocumentFile(path: string, key: string): Promise<StoredDocument | undefined> {
  let text: string | null;
  try {
    // Most reads that get here are of a missing key (the handoff link, on nearly every turn): a
    // synchronous lstat says so without the thread pool's round trip or the error a failed open
    // builds. lowdb's TextFile still says null for a file removed in between.
    if (!lstatSync(path, { throwIfNoEntry: false })) return undefined;
    text = await new TextFile(path).read();
  } catch (error) {
    throw new StorageUnavailableError('read', path, { key, cause: error });
  }
  if (text === null) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StorageCorruptError(key, path, 'it is not valid JSON (cut short, or edited by hand?)', error);
  }
  if (!data) throw new StorageCorruptError(key, path, 'it holds an empty JSON value instead of a document');
  const check = checkStoredDocument(data, key);
  if (!check.ok) throw new StorageCorruptError(key, path, check.problem);
  return check.document;
}

/**
 * A document's file content: compact JSON, with `valueJson` (the value as the caller's write
 * serialized it) spliced in, so a write serializes the value once.
 */
export function documentText(key: string, eTag: string, valueJson: string): string {
  return `{"version":${storedDocumentVersion},"key":${JSON.stringify(key)},"eTag":${JSON.stringify(eTag)},"value":${valueJson}}`;
}

/** Creates a document's fan-out folder (and DATA_DIR/store above it) if missing. */
export async function ensureFolder(folder: string, key: string): Promise<void> {
  try {
    await ensureDir(folder);
  } catch (error) {
    throw new StorageUnavailableError('create the folder', folder, { key, cause: error });
  }
}

/** Atomically replaces the file at `path` with `text`, in a folder that exists. */
export async function writeDocumentFile(path: string, key: string, text: string): Promise<void> {
  try {
    await new TextFile(path).write(text);
  } catch (error) {
    throw new StorageUnavailableError('write', path, { key, cause: error });
  }
}

/** Removes the file at `path`; a file that is already gone is fine (delete is idempotent). */
export async function removeDocumentFile(path: string, key: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return;
    throw new StorageUnavailableError('delete', path, { key, cause: error });
  }
}
