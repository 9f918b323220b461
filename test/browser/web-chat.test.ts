import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { App } from '../../src/host/app.js';
import { testContent } from '../support/content.js';
import { startTestApp } from '../support/http.js';

const CHROMIUM = '/usr/bin/chromium';
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
const WAIT_MS = 15_000;
const SCREENSHOT = '/tmp/wayfinder-webchat.png';

const { strings } = testContent();

/**
 * Matches `text` as Web Chat shows it: its Markdown renderer turns straight quotes into curly
 * ones, so each quote matches either form.
 */
function shown(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['\\u2018\\u2019]").replace(/"/g, '["\\u201c\\u201d]'));
}

describe('local chat page in Chromium (Web Chat over the local Direct Line)', function () {
  this.timeout(90_000);
  let app: App | undefined;
  let context: BrowserContext | undefined;
  let userDataDir: string | undefined;
  let page: Page;
  const problems: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI === 'true')
        throw new Error(`${CHROMIUM} is missing: install it with apt-get install chromium`);
      this.skip(); // Outside CI only: this machine has no Chromium (apt-get install chromium).
    }
    const started = await startTestApp();
    app = started.app;
    userDataDir = await mkdtemp(join(tmpdir(), 'wayfinder-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 900, height: 760 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => problems.push(`page error: ${error.name}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(started.url, { waitUntil: 'load', timeout: WAIT_MS });
  });

  after(async () => {
    await context?.close();
    await app?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  const activity = (text: string) =>
    page.locator('.webchat__basic-transcript__activity', { hasText: shown(text) }).first();

  it('shows the automated-coach notice and the bot welcome in the transcript', async () => {
    await page
      .getByRole('note')
      .filter({ hasText: strings.text('chatPage.notice') })
      .waitFor({ timeout: WAIT_MS });
    await activity(strings.text('welcome.greeting')).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator('#status').isHidden(), true, 'the connecting notice is gone');
  });

  it('sends a typed message and shows the bot reply', async () => {
    const input = page.locator('[data-id=webchat-sendbox-input]');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill('help');
    await input.press('Enter');
    await activity(strings.text('help.person')).waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('raised no page errors, console errors or CSP violations, and no turn failed', async () => {
    assert.deepEqual(problems, []);
    const apologies = page.locator('.webchat__basic-transcript__activity', {
      hasText: shown(strings.text('errors.turnFailed')),
    });
    assert.equal(await apologies.count(), 0, 'the bot apologized for a failed turn');
  });
});
