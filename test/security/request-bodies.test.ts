import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/host/app.js';
import { MAX_BODY_BYTES } from '../../src/host/server.js';
import { startTestApp } from '../support/http.js';

describe('security: request bodies other than JSON (HTTP, real app)', () => {
  let app: App;
  let url: string;
  let uploads: string;
  const savedTmp = process.env.TMPDIR;

  before(async () => {
    // Multipart parsers write uploads to os.tmpdir(): point it at a folder this test can watch.
    uploads = await mkdtemp(join(tmpdir(), 'wayfinder-uploads-'));
    process.env.TMPDIR = uploads;
    ({ app, url } = await startTestApp({
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 's',
      HOST: '127.0.0.1',
    }));
  });
  after(async () => {
    await app.close();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    await rm(uploads, { recursive: true, force: true });
  });

  /** A multipart upload of `bytes` bytes to /api/messages, without credentials. */
  async function upload(bytes: number): Promise<number> {
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(bytes)]), 'upload.txt');
    return (await fetch(`${url}/api/messages`, { method: 'POST', body: form })).status;
  }

  it('refuses multipart uploads, small or over the cap, with 415, and writes nothing to disk', async () => {
    assert.equal(await upload(100), 415);
    assert.equal(await upload(MAX_BODY_BYTES * 4), 415);
    assert.deepEqual(await readdir(uploads), [], 'no uploaded file was kept');
  });

  it('refuses a form body with 415', async () => {
    const form = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message',
    });
    assert.equal(form.status, 415);
  });
});
