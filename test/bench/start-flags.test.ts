import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseStartFlags, startFlags } from '../../bench/start-flags.js';

/**
 * The bench starts the server with the Node flags of `npm start` (package.json), so the memory it
 * reports is the memory of the server as operators run it.
 */
describe('the start script and its Node flags', () => {
  it('reads the flags between node and the entry point', () => {
    assert.deepEqual(parseStartFlags('npm run build && node --max-semi-space-size=4 dist/src/index.js'), [
      '--max-semi-space-size=4',
    ]);
    assert.deepEqual(parseStartFlags('node --a --b=2 dist/src/index.js'), ['--a', '--b=2']);
    assert.deepEqual(parseStartFlags('npm run build && node dist/src/index.js'), []);
  });

  it('refuses a start script that does not run the entry point', () => {
    assert.throws(() => parseStartFlags('npm run build && node dist/scripts/chat.js'), /does not run node/);
    assert.throws(() => parseStartFlags('node dist/src/index.js --inspect'), /does not run node/);
    assert.throws(() => parseStartFlags(''), /does not run node/);
  });

  it("npm start's flags are ones Node accepts, and they keep the young generation small", async () => {
    const flags = startFlags();
    assert.ok(flags.includes('--max-semi-space-size=4'), `start flags: ${flags.join(' ')}`);
    // The server's one collection after its start (src/index.ts) needs gc exposed.
    assert.ok(flags.includes('--expose-gc'), `start flags: ${flags.join(' ')}`);
    // Node refuses an unknown flag, so a typo would fail here rather than be ignored.
    // Enough surviving objects that the young generation grows to its limit (32 MB by default).
    const { stdout } = await promisify(execFile)(process.execPath, [
      ...flags,
      '-e',
      'const keep = []; for (let r = 0; r < 30; r++) keep.push(Array.from({ length: 100000 }, (_, i) => ({ i }))); ' +
        "console.log(require('v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space').space_size)",
    ]);
    const newSpace = Number(stdout.trim());
    assert.ok(newSpace > 0, stdout);
    assert.ok(newSpace <= 8 * 1024 * 1024, `new space ${newSpace} bytes`);
  });
});
