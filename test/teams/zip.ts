import { readFile } from 'node:fs/promises';
import { type Entry, fromBufferPromise } from 'yauzl';

/** Every file in the zip at `path`, by its name in the zip. */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await fromBufferPromise(await readFile(path), { lazyEntries: true });
  return new Promise((done, fail) => {
    const files = new Map<string, Buffer>();
    zip.on('error', fail);
    zip.on('end', () => done(files));
    zip.on('entry', (entry: Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
