/**
 * A per-key async lock: tasks for one key run one after another, tasks for different keys run
 * freely. It makes a file store's read-check-write sequence atomic within the process, so two
 * writers with the same eTag cannot both pass the check. Each store owns its own lock (no
 * module-level state), and a key's entry is dropped once its queue drains, so the map never
 * grows with the number of users.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `task` once every earlier task for `key` has settled; resolves or rejects as it does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(ignore, ignore);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** How many keys have queued or running tasks: for tests that check nothing leaks. */
  get size(): number {
    return this.#tails.size;
  }
}

function ignore(): void {}
