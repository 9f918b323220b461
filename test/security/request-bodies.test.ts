import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { MAX_BODY_BYTES } from '../../src/host/server.js';
import { useTempDir } from '../support/temp-dir.js';
import { useTestApp } from '../support/test-app.js';

describe('security: request bodies other than JSON (HTTP, real app)', () => {
  // Multipart parsers write uploads to os.tmpdir(): point it at a folder this test can watch.
  const uploads = useTempDir('wayfinder-uploads-', 'suite');
  const savedTmp = process.env.TMPDIR;
  before(() => {
    process.env.TMPDIR = uploads.path;
  });
  const served = useTestApp({
    env: { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 's', HOST: '127.0.0.1' },
  });
  after(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  });

  /** A multipart upload of `bytes` bytes to /api/messages, without credentials. */
  async function upload(bytes: number): Promise<number> {
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(bytes)]), 'upload.txt');
    return (await fetch(`${served.url}/api/messages`, { method: 'POST', body: form })).status;
  }

  it('refuses multipart uploads, small or over the cap, with 415, and writes nothing to disk', async () => {
    assert.equal(await upload(100), 415);
    assert.equal(await upload(MAX_BODY_BYTES * 4), 415);
    assert.deepEqual(await readdir(uploads.path), [], 'no uploaded file was kept');
  });

  it('refuses a form body with 415', async () => {
    const form = await fetch(`${served.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message',
    });
    assert.equal(form.status, 415);
  });
});
