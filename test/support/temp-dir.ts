import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir for one test, and how to remove it. */
export async function makeTempDir(
  prefix = 'wayfinder-storage-',
): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A temp folder that `useTempDir` made for the running test (or suite). */
export interface TempDir {
  readonly path: string;
}

/**
 * Registers hooks that make a fresh folder named `prefix…` under the OS temp dir before each test
 * (or once for the suite) and remove it, contents and all, after; read its path inside a test.
 */
export function useTempDir(prefix: string, per: 'test' | 'suite' = 'test'): TempDir {
  let made: { path: string; remove(): Promise<void> } | undefined;
  const [setUp, tearDown] = per === 'test' ? [beforeEach, afterEach] : [before, after];
  setUp(async () => {
    made = await makeTempDir(prefix);
  });
  tearDown(async () => {
    await made?.remove();
    made = undefined;
  });
  return {
    get path() {
      if (!made) throw new Error('the temp folder exists only inside a test or hook');
      return made.path;
    },
  };
}
