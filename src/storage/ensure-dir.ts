import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errnoOf } from './errors.js';

/**
 * `mkdir -p`, written out because Node's `mkdir(path, { recursive: true })` never settles, and
 * spins a CPU core, when a parent exists but cannot hold children: a dangling symlink (say, a
 * volume that is not mounted) or a path under /proc (nodejs/node: ENOENT is read as "create the
 * parent" again and again). Here a second ENOENT after the parent exists is final, so ready()
 * and writes fail with an error instead of hanging.
 */
export async function ensureDir(path: string): Promise<void> {
  try {
    await mkdir(path);
    return;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return;
    if (errnoOf(error) !== 'ENOENT' || dirname(path) === path) throw error;
  }
  await ensureDir(dirname(path));
  try {
    await mkdir(path);
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw error;
  }
}
