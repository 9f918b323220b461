/**
 * One step of a turn, in the style of grammY's middleware: it does its part and calls `next` to
 * let the steps after it run, or answers and returns without calling it, which ends the turn.
 */
export type Stage<T> = (turn: T, next: () => Promise<void>) => Promise<void>;

/**
 * The stages run in order as one stage. A stage that calls `next` twice would run the rest of
 * the turn twice (two replies, two saves): that throws instead.
 */
export function compose<T>(stages: readonly Stage<T>[]): Stage<T> {
  return (turn, last) => {
    const run = async (index: number): Promise<void> => {
      const stage = stages[index];
      if (!stage) return last();
      let called = false;
      await stage(turn, () => {
        if (called) throw new Error(`stage ${index} called next twice`);
        called = true;
        return run(index + 1);
      });
    };
    return run(0);
  };
}
