import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { testContent } from '../support/content.js';
import { exchange, testActivity } from '../support/http.js';
import { entryPoint, startServerProcess } from '../support/process.js';
import { useTempDir } from '../support/temp-dir.js';

/** Runs the entry point to its exit and returns the exit code and stderr. */
async function runToExit(
  env: NodeJS.ProcessEnv,
  cwd = projectRoot,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [entryPoint], { cwd, env: { PATH: process.env.PATH, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  return { code, stderr };
}

describe('the wayfinder process', () => {
  const data = useTempDir('wayfinder-process-');

  it('stops at start with one message naming every bad variable', async () => {
    const { code, stderr } = await runToExit({ PORT: 'abc', STORAGE: 'mongo', DATA_DIR: data.path });
    assert.equal(code, 1);
    assert.match(stderr, /PORT/);
    assert.match(stderr, /STORAGE/);
    assert.match(stderr, /2 configuration problem/);
  });

  it('refuses a public bind without MicrosoftAppId: exits 1 before listening and says how to fix it', async () => {
    const { code, stderr } = await runToExit({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: data.path });
    assert.equal(code, 1);
    assert.match(stderr, /1 configuration problem/);
    assert.match(stderr, /HOST: a bind address other than loopback needs Bot Framework auth/);
    for (const fix of [
      'MicrosoftAppId and MicrosoftAppPassword',
      'HOST=127.0.0.1',
      'ALLOW_UNAUTHENTICATED=true',
    ]) {
      assert.ok(stderr.includes(fix), `stderr names ${fix}: ${stderr}`);
    }
  });

  it('reads .env from its working directory', async () => {
    await writeFile(join(data.path, '.env'), 'LOCAL_CHAT=maybe\n');
    const { code, stderr } = await runToExit({ DATA_DIR: data.path }, data.path);
    assert.equal(code, 1);
    assert.match(stderr, /LOCAL_CHAT: expected true or false/);
  });

  it('says in one plain line, beside the JSON logs, where to open the chat; and the page is there', async () => {
    const started = await startServerProcess({ PORT: '0', DATA_DIR: data.path, STORAGE: 'file' });
    try {
      const lines = started.stdout().split('\n');
      const plain = lines.filter((line) => line !== '' && !line.startsWith('{'));
      assert.deepEqual(plain, [`Wayfinder is running: open ${started.url}/ to chat (Ctrl+C to stop)`]);
      const page = await fetch(`${started.url}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    } finally {
      started.child.kill('SIGKILL');
    }
  });

  it('prints no plain line on a public bind without the chat page: stdout stays JSON for the collector', async () => {
    const started = await startServerProcess({
      HOST: '0.0.0.0',
      PORT: '0',
      ALLOW_UNAUTHENTICATED: 'true',
      DATA_DIR: data.path,
      STORAGE: 'file',
    });
    try {
      const lines = started
        .stdout()
        .split('\n')
        .filter((line) => line !== '');
      assert.ok(lines.length > 0);
      for (const line of lines) JSON.parse(line);
    } finally {
      started.child.kill('SIGKILL');
    }
  });

  it('serves with the file store, and on SIGTERM finishes the turn in flight, flushes and exits 0', async () => {
    const started = await startServerProcess({ PORT: '0', DATA_DIR: data.path, STORAGE: 'file' });
    try {
      assert.equal((await fetch(`${started.url}/readyz`)).status, 200);
      await exchange(started.url, testActivity('signal-1', { text: 'hello' }));

      const inFlight = exchange(started.url, testActivity('signal-1', { text: 'Choose a nickname' }));
      setTimeout(() => started.child.kill('SIGTERM'), 5);
      const replies = await inFlight;
      assert.ok(replies.some((a) => a.text === testContent().strings.text('nickname.ask')));
      assert.equal(await started.exited, 0);
      assert.match(started.stdout(), /"event":"server\.stopped"/);
    } finally {
      started.child.kill('SIGKILL');
    }

    // What the turns saved is on disk, complete, after the process is gone.
    const files: string[] = [];
    for (const entry of await readdir(join(data.path, 'store'), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.json')) files.push(join(entry.parentPath, entry.name));
    }
    assert.ok(files.length > 0, 'state files were written');
    for (const file of files) JSON.parse(await readFile(file, 'utf8'));
  });

  it("collects and compacts the start's garbage once it is up, under npm start's flags", async () => {
    const started = await startServerProcess({ PORT: '0', DATA_DIR: data.path, STORAGE: 'file' });
    try {
      const pattern =
        /"event":"server\.start_garbage_collected","heapUsedMbBefore":([\d.]+),"heapUsedMbAfter":([\d.]+),.*"oldSpaceFreeMbAfter":([\d.]+)/;
      let match = pattern.exec(started.stdout());
      for (let tries = 0; !match && tries < 600; tries += 1) {
        await new Promise((done) => setTimeout(done, 50));
        match = pattern.exec(started.stdout());
      }
      assert.ok(match, `no collection logged: ${started.stdout()}`);
      assert.ok(Number(match[2]) < Number(match[1]), match[0]);
      // Compacted: the old generation keeps little free space (about 12 MB of 54 without).
      assert.ok(Number(match[3]) < 6, match[0]);
    } finally {
      started.child.kill('SIGKILL');
    }
  });
});
