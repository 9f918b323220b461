import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { type AgentsPlayground, startAgentsPlayground } from '../support/agents-playground.js';
import { launchChromium, PAGE_LOAD_MS, requireChromium, shown, WAIT_MS } from '../support/browser.js';
import { testContent } from '../support/content.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const menuItems = [
  'appointment',
  'accommodation',
  'peerGroup',
  'practice',
  'handoff',
  'crisisSupport',
] as const;

/** The Playground's message box (a rich-text editor) and its hero cards. */
const EDITOR = '[data-lexical-editor="true"]';
const HERO_CARD = '[data-tid="hero-card"]';

/**
 * Wayfinder in the Microsoft 365 Agents Playground, the Teams client Microsoft ships for testing
 * bots offline, as a person in a Teams personal chat sees it. Its imBack buttons are not clickable
 * there, so every answer is typed, as people who never tap do.
 */
describe('Microsoft 365 Agents Playground (Teams personal chat, in Chromium)', function () {
  this.timeout(120_000);
  const served = useTestApp();
  let playground: AgentsPlayground | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page;

  before(async function () {
    requireChromium(this);
    playground = await startAgentsPlayground(`${served.url}/api/messages`);
    browser = await launchChromium();
    page = await browser.context.newPage();
    // Offline: the Playground's page asks a CDN for fonts, which is not needed to read it.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    await page.goto(playground.url, { waitUntil: 'load', timeout: PAGE_LOAD_MS });
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
  });

  /** Waits until the chat shows the string `key` (with `vars`) `times` times. */
  async function showsText(key: StringKey, vars: StringVars = {}, times = 1): Promise<void> {
    const text = shown(strings.text(key, vars));
    await page.waitForFunction(
      ([source, flags, count]) =>
        ((document.body.textContent ?? '').match(new RegExp(source, `${flags}g`)) ?? []).length >= count,
      [text.source, text.flags, times] as const,
      { timeout: WAIT_MS },
    );
  }

  /** Types a message in the Playground's box and sends it with Enter. */
  async function type(text: string): Promise<void> {
    const editor = page.locator(EDITOR);
    await editor.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  /** The button titles of the last hero card in the chat. */
  async function lastCardButtons(): Promise<string[]> {
    return page.locator(HERO_CARD).last().locator('button').allInnerTexts();
  }

  it('installing the app gets the welcome, which says the coach is automated', async () => {
    await showsText('welcome.greeting');
    await showsText('welcome.crisis');
  });

  it('the menu card shows the labels people read in Web Chat, not internal keys', async () => {
    await showsText('menu.prompt');
    const buttons = await lastCardButtons();
    for (const item of menuItems)
      assert.ok(buttons.includes(strings.text(`menu.${item}`)), `${item}: ${buttons}`);
    assert.ok(!buttons.some((title) => (menuItems as readonly string[]).includes(title)), `${buttons}`);
  });

  it('a flow typed to its end: a nickname chosen by typing the menu label, then the menu again', async () => {
    await type(strings.text('menu.nickname'));
    await showsText('nickname.ask');
    await type('Robin');
    await showsText('nickname.saved', { name: 'Robin' });
    await showsText('menu.promptAgain');
  });

  it('a yes/no question answered in words ("yes") at its card: erasing the data', async () => {
    await type('delete my data');
    // Robin chose a nickname above, so it is listed with what else will be erased.
    const nickname = strings.text('data.storedNickname', { nickname: 'Robin' });
    await showsText('data.confirmDelete', { stored: `${nickname}, ${strings.text('data.storedAlways')}` });
    const buttons = await lastCardButtons();
    assert.deepEqual(buttons, [strings.text('data.confirmYes'), strings.text('data.confirmNo')]);
    await type('yes');
    // What was erased varies; the words before the list do not.
    const [done = ''] = strings.text('data.deleted', { what: '\u0000' }).split('\u0000');
    await page.getByText(shown(done)).first().waitFor({ timeout: WAIT_MS });
  });
});
