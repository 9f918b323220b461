import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';

/** One stored document as it lies in the store, named for a failure message. */
export interface RawDocument {
  /** Where it is: the file's path under the data dir, or the blob's name; with its key when known. */
  name: string;
  /** Everything stored: the file's bytes, or the blob's key and content. */
  text: string;
}

/** Every file under `dataDir` (documents, temp files, anything else), read whole. */
export async function fileStoreDocuments(dataDir: string): Promise<RawDocument[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (path) => {
      const text = await readFile(path, 'utf8');
      return { name: `${relative(dataDir, path)} (${keyInFile(text)})`, text };
    }),
  );
}

/** Every blob in the container, listed by the service itself, with the key its name encodes. */
export async function blobDocuments(connectionString: string, container: string): Promise<RawDocument[]> {
  const client = new ContainerClient(connectionString, container);
  const documents: RawDocument[] = [];
  for await (const blob of client.listBlobsFlat()) {
    const content = (await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
    const key = blob.name.startsWith('b64.')
      ? Buffer.from(blob.name.slice(4), 'base64url').toString('utf8')
      : blob.name;
    documents.push({ name: `${blob.name} (${key})`, text: `${key}\n${content}` });
  }
  return documents;
}

/** "document: needle" for each needle found in each document; empty when none is. */
export function findNeedles(documents: readonly RawDocument[], needles: readonly string[]): string[] {
  return documents.flatMap((document) =>
    needles.filter((needle) => document.text.includes(needle)).map((needle) => `${document.name}: ${needle}`),
  );
}

/** The key a file-store document names, for messages. */
function keyInFile(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && 'key' in parsed ? String(parsed.key) : '?';
  } catch {
    return 'not a document';
  }
}
