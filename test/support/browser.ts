import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import type { App } from '../../src/host/app.js';
import { startTestApp } from './http.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Flags for Debian's Chromium in a sandbox-less container, with nothing reaching the internet. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const WAIT_MS = 15_000;
/** A first page load fetches the Web Chat bundle (megabytes): on a machine under load it took over 15 s. */
export const PAGE_LOAD_MS = 60_000;

/** Skips the suite only outside CI when Chromium is missing; in CI its absence fails loudly. */
export function requireChromium(context: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing: install it with apt-get install chromium`);
  context.skip();
}

/** A fresh Chromium profile; close() removes it. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'wayfinder-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 900, height: 760 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A started app and a Chromium to look at its chat page in; close() ends both. */
export interface ChatSession {
  app: App;
  url: string;
  context: BrowserContext;
  /** A new tab on the chat page at `path` (`/?user=peer-1` for a specialist), 1000 x 740 px. */
  open(path?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the app with `env` and Chromium beside it. */
export async function startChatSession(env: NodeJS.ProcessEnv = {}): Promise<ChatSession> {
  const { app, url } = await startTestApp(env);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  return {
    app,
    url,
    context: browser.context,
    open: async (path = '/') => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 740 });
      await page.goto(`${url}${path}`, { waitUntil: 'load', timeout: PAGE_LOAD_MS });
      return page;
    },
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * Matches `text` as Web Chat shows it: its Markdown renderer turns straight quotes into curly
 * ones, so each quote matches either form.
 */
export function shown(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['\\u2018\\u2019]").replace(/"/g, '["\\u201c\\u201d]'));
}

/** The transcript item showing `text`. */
export function activityShowing(page: Page, text: string) {
  return page.locator('.webchat__basic-transcript__activity', { hasText: shown(text) }).first();
}

/** Types `text` in Web Chat's send box and sends it. */
export async function send(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id=webchat-sendbox-input]');
  await input.waitFor({ timeout: WAIT_MS });
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Does `act` (which sends one message) and waits until Web Chat shows the bot's whole answer. The
 * local channel answers the POST only once the turn is over, so the first poll asked after that
 * brings every reply; a reply seen earlier may be only the first of several.
 */
export async function whenAnswered(page: Page, act: () => Promise<void>): Promise<void> {
  const isPost = (request: Request) => request.method() === 'POST' && /\/activities$/.test(request.url());
  const posted = page.waitForResponse((response) => isPost(response.request()), { timeout: WAIT_MS });
  await act();
  await posted;
  const poll = await page.waitForRequest(
    (request) => request.method() === 'GET' && /\/activities\b/.test(request.url()),
    { timeout: WAIT_MS },
  );
  await poll.response();
  // Web Chat renders what a poll brought within the next frames.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
