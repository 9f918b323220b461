import type { App, AppOverrides } from '../../src/host/app.js';
import type { AppConfig } from '../../src/host/config.js';
import { startTestApp } from './http.js';

/** What a suite's app hooks give its tests: the running app, its URL and config. */
export interface TestApp {
  readonly app: App;
  readonly url: string;
  readonly config: AppConfig;
  /** Closes the app and starts it again on the same env and overrides (its storage survives). */
  restart(): Promise<void>;
}

/** How `useTestApp` starts the app. */
export interface TestAppOptions {
  /** The env, or how to make it at each start (from what an earlier hook set up: a backend, a folder). */
  env?: NodeJS.ProcessEnv | (() => NodeJS.ProcessEnv | Promise<NodeJS.ProcessEnv>);
  /** Made afresh at each start, so a test can keep hold of the storage or clock it passes in. */
  overrides?: () => AppOverrides;
  /** One app for the whole suite (default), or a fresh one for each test. */
  per?: 'suite' | 'test';
  /** Stop the background scheduler after start: for tests that tick it themselves. */
  manualScheduler?: boolean;
  /** Run after the app closes (removing a folder its storage used, made by an earlier hook). */
  afterClose?: () => Promise<void>;
}

/**
 * Registers the hooks that start a quiet app on a free port before the suite (or each test) and
 * close it after, in the `describe` it is called from. The app is read through the returned
 * object, since it exists only once the hook has run.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let started: { app: App; url: string; config: AppConfig } | undefined;
  let overrides: AppOverrides = {};
  const running = () => {
    if (!started) throw new Error('the test app is not running: read it inside a test or hook');
    return started;
  };
  const start = async () => {
    const env = typeof options.env === 'function' ? await options.env() : options.env;
    started = await startTestApp(env, overrides);
    if (options.manualScheduler) await started.app.scheduler.stop();
  };
  const stop = async () => {
    await started?.app.close();
    started = undefined;
  };
  const [setUp, tearDown] = options.per === 'test' ? [beforeEach, afterEach] : [before, after];
  setUp(async () => {
    overrides = options.overrides?.() ?? {};
    await start();
  });
  tearDown(async () => {
    await stop();
    await options.afterClose?.();
  });
  return {
    get app() {
      return running().app;
    },
    get url() {
      return running().url;
    },
    get config() {
      return running().config;
    },
    restart: async () => {
      await stop();
      await start();
    },
  };
}

/** An app a test started itself, as `startTestApp` gives it. */
export type StartedApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * For tests that start their own apps: each on an env of its own, two at once, or one after
 * another on the same storage. `start` is `startTestApp`; every app a test started is closed
 * after it, whether the test passed or not (closing one already closed is harmless).
 */
export function useStartedApps(): {
  start(env?: NodeJS.ProcessEnv, overrides?: AppOverrides): Promise<StartedApp>;
} {
  const running: App[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });
  return {
    start: async (env, overrides) => {
      const started = await startTestApp(env, overrides);
      running.push(started.app);
      return started;
    },
  };
}
