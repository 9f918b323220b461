import { errorFields, type Logger } from './log.js';

/** A task run now and then at a fixed interval until stopped. */
export interface Periodic {
  stop(): Promise<void>;
}

/**
 * Runs `task` now and every `intervalMs`, one run at a time. A failed run is logged under
 * `name` and retried at the next tick; the timer never keeps the process alive; stop() waits for
 * a run in progress, so shutdown does not cut one in half.
 */
export function runEvery(
  name: string,
  intervalMs: number,
  task: () => Promise<void>,
  logger: Logger,
): Periodic {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        await task();
      } catch (error) {
        logger.warn(`${name}.failed`, errorFields(error));
      }
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
