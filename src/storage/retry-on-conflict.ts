import { isConflict } from './errors.js';

/**
 * Runs a read-modify-write again when another writer got in first (its eTag-conditional write
 * met a conflict), up to `tries` times; any other error, or the last conflict, is thrown.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, tries = 8): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries || !isConflict(error)) throw error;
    }
  }
}
