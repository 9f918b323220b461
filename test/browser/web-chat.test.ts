import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  activityShowing,
  launchChromium,
  PAGE_LOAD_MS,
  requireChromium,
  send,
  shown,
  WAIT_MS,
} from '../support/browser.js';
import { testContent } from '../support/content.js';
import { useTestApp } from '../support/test-app.js';

const SCREENSHOT = '/tmp/wayfinder-webchat.png';

const { strings } = testContent();

describe('local chat page in Chromium (Web Chat over the local Direct Line)', function () {
  this.timeout(90_000);
  const served = useTestApp();
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page;
  const problems: string[] = [];

  before(async function () {
    requireChromium(this);
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => problems.push(`page error: ${error.name}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(served.url, { waitUntil: 'load', timeout: PAGE_LOAD_MS });
  });

  after(async () => {
    await browser?.close();
  });

  const activity = (text: string) => activityShowing(page, text);

  it('shows the automated-coach notice and the bot welcome in the transcript', async () => {
    await page
      .getByRole('note')
      .filter({ hasText: strings.text('chatPage.notice') })
      .waitFor({ timeout: WAIT_MS });
    await activity(strings.text('welcome.greeting')).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator('#status').isHidden(), true, 'the connecting notice is gone');
  });

  it('sends a typed message and shows the bot reply', async () => {
    await send(page, 'help');
    await activity(strings.text('help.personShort')).waitFor({ timeout: WAIT_MS });
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
