import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  activityShowing,
  type ChatSession,
  requireChromium,
  shown,
  startChatSession,
  WAIT_MS,
  whenAnswered,
} from '../support/browser.js';
import { opening, requestPerson } from '../support/chat-flows.js';
import { testContent } from '../support/content.js';
import { coloursOf, contrastRatio, focusedElement } from '../support/page-checks.js';

const { strings } = testContent();
const HEIGHT = 740;
const MENU_BUTTONS = '.webchat__suggested-actions .webchat__suggested-action';

/** Messages from the bot (Web Chat marks the person's own with a from-user layout). */
const BOT_MESSAGES = '.webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))';
const botMessages = (page: Page) => page.locator(BOT_MESSAGES);

/** Waits, up to WAIT_MS, for more bot messages than `before`: on a loaded machine rendering lags the poll. */
async function moreBotMessagesThan(page: Page, before: number): Promise<boolean> {
  return page
    .waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector).length > count,
      [BOT_MESSAGES, before] as const,
      {
        timeout: WAIT_MS,
      },
    )
    .then(() => true)
    .catch(() => false);
}

/**
 * The menu buttons' labels once they read `expected`, or as they stand after WAIT_MS: on a loaded
 * machine Web Chat may draw the suggested actions a few frames after the message they belong to.
 */
async function menuShown(page: Page, expected: string[]): Promise<string[]> {
  await page
    .waitForFunction(
      ([selector, labels]) =>
        [...document.querySelectorAll(selector)].map((b) => (b.textContent ?? '').trim()).join('\n') ===
        labels.join('\n'),
      [MENU_BUTTONS, expected] as const,
      { timeout: WAIT_MS },
    )
    .catch(() => undefined);
  return (await page.locator(MENU_BUTTONS).allInnerTexts()).map((label) => label.trim());
}

/** Fails unless the focused element draws a focus outline (or shadow) 2px or wider, 3:1 against its background. */
async function assertVisibleFocus(page: Page): Promise<string> {
  const focused = await page.evaluate(focusedElement);
  const [colours] = await page.evaluate(coloursOf, ':focus');
  const outlined = focused.outlineStyle !== 'none' && focused.outlineWidth >= 2;
  assert.ok(outlined || focused.boxShadow !== 'none', `no visible focus on ${focused.name}`);
  if (outlined && colours) {
    const ratio = contrastRatio(focused.outlineColor, colours.background);
    assert.ok(ratio >= 3, `focus outline of ${focused.name} has contrast ${ratio.toFixed(2)}:1`);
  }
  return focused.name;
}

/** Presses Tab (or Shift+Tab) until `arrived` holds, checking the focus is visible at every stop. */
async function tabUntil(page: Page, key: 'Tab' | 'Shift+Tab', arrived: string): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(key);
    stops.push(await assertVisibleFocus(page));
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, arrived)) {
      return stops;
    }
  }
  assert.fail(`${arrived} not reached with ${key}; stops: ${stops.join(', ')}`);
}

/** Types into the send box, which must already have the focus, and sends with Enter. */
async function typeAndSend(page: Page, text: string): Promise<void> {
  assert.equal((await page.evaluate(focusedElement)).inSendBox, true, 'the send box has the focus');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('the chat page by keyboard alone, at 360 and 1000 px wide (Chromium)', function () {
  this.timeout(120_000);
  let session: ChatSession | undefined;
  let member: Page;

  before(async function () {
    requireChromium(this);
    session = await startChatSession({ SPECIALIST_IDS: 'peer-1' });
    member = await session.open();
    await member.locator(MENU_BUTTONS).first().waitFor({ timeout: WAIT_MS });
  });

  after(async () => {
    await session?.close();
  });

  it('has a title, a language, one banner with the h1, one main, and AA contrast in its own header', async () => {
    assert.equal(await member.title(), strings.text('chatPage.title'));
    assert.equal(await member.getAttribute('html', 'lang'), strings.locale);
    assert.equal(await member.getByRole('banner').count(), 1);
    assert.equal(await member.getByRole('main').count(), 1);
    assert.equal(await member.locator('h1').count(), 1);
    assert.equal(
      await member.getByRole('banner').getByRole('heading', { level: 1 }).textContent(),
      strings.text('chatPage.heading'),
    );
    const header = await member.evaluate(coloursOf, 'header h1, header .notice');
    assert.equal(header.length, 2);
    for (const { text, color, background } of header) {
      const ratio = contrastRatio(color, background);
      assert.ok(ratio >= 4.5, `"${text}" has contrast ${ratio.toFixed(2)}:1`);
    }
  });

  for (const width of [360, 1000]) {
    it(`shows every menu button whole, uncovered and inside the window at ${width} px wide`, async () => {
      await member.setViewportSize({ width, height: HEIGHT });
      const buttons = await member.evaluate((selector) => {
        return [...document.querySelectorAll(selector)].map((button) => {
          const box = button.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          const label = button.querySelector('.webchat__suggested-action__text');
          return {
            label: (button.textContent ?? '').trim(),
            box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
            uncovered: hit !== null && button.contains(hit),
            cut: label !== null && label.scrollWidth > label.clientWidth + 1,
          };
        });
      }, MENU_BUTTONS);
      assert.ok(
        buttons.some((b) => b.label === strings.text('menu.handoff')),
        'the menu offers a person',
      );
      for (const { label, box, uncovered, cut } of buttons) {
        const inside = box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= HEIGHT;
        assert.ok(inside, `"${label}" is outside the window: ${JSON.stringify(box)}`);
        assert.ok(uncovered, `"${label}" is covered by something else`);
        assert.ok(!cut, `"${label}" is cut off`);
      }
      const sideways = await member.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sideways <= width, `the page scrolls sideways (${sideways}px)`);
    });
  }

  it('reaches the send box by Tab from the top, sends a message, and the reply is announced', async () => {
    await member.setViewportSize({ width: 1000, height: HEIGHT });
    await member.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabUntil(member, 'Tab', '[data-id=webchat-sendbox-input]');

    // Web Chat narrates new messages through a separate live region (role "log"), each for a
    // moment only: collect what passes through it.
    const region = member.locator('.webchat__live-region-transcript[role=log][aria-live=polite]');
    assert.equal(await region.count(), 1, "Web Chat's live region is on the page");
    await member.evaluate(() => {
      const log = document.querySelector('.webchat__live-region-transcript');
      const heard: string[] = [];
      Object.assign(window, { heard });
      new MutationObserver(() => heard.push(log?.textContent ?? '')).observe(log as Node, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await typeAndSend(member, 'help');
    const reply = opening(strings, 'help.personShort');
    await activityShowing(member, reply).waitFor({ timeout: WAIT_MS });
    await member.waitForFunction(
      (pattern) => (window as unknown as { heard: string[] }).heard.some((t) => new RegExp(pattern).test(t)),
      shown(reply).source,
      { timeout: WAIT_MS },
    );
  });

  it('reaches and activates every menu button: Shift+Tab from the send box, arrow keys, Enter or Space', async () => {
    await whenAnswered(member, () => typeAndSend(member, 'menu'));
    await member.locator(MENU_BUTTONS).first().waitFor({ timeout: WAIT_MS });
    const labels = (await member.locator(MENU_BUTTONS).allInnerTexts()).map((label) => label.trim());
    assert.ok(labels.includes(strings.text('menu.handoff')), `the menu: ${labels.join(', ')}`);
    for (const [index, label] of labels.entries()) {
      // The menu is a toolbar with one tab stop: arrow keys move along it.
      await member.keyboard.press('Shift+Tab');
      for (let i = 0; i < index; i++) await member.keyboard.press('ArrowRight');
      assert.equal((await member.evaluate(focusedElement)).text, label);
      await assertVisibleFocus(member);
      const before = await botMessages(member).count();
      await whenAnswered(member, () => member.keyboard.press(index % 2 === 0 ? 'Enter' : 'Space'));
      assert.ok(await moreBotMessagesThan(member, before), `no answer to "${label}"`);
      // After a button, Web Chat puts the focus back in the send box, where "menu" is typed.
      await whenAnswered(member, () => typeAndSend(member, 'menu'));
      assert.deepEqual(
        await menuShown(member, labels),
        labels,
        `"menu" after "${label}" brings the menu back`,
      );
    }
    for (const variant of strings.variants('fallback.notUnderstood')) {
      assert.equal(await activityShowing(member, variant).count(), 0, 'a menu button was not understood');
    }
  });

  it("reaches and activates a card's button: a specialist accepts a request by keyboard", async () => {
    assert.ok(session);
    const specialist = await session.open('/?user=peer-1');
    await specialist.locator('[data-id=webchat-sendbox-input]').waitFor({ timeout: WAIT_MS });
    await tabUntil(specialist, 'Tab', '[data-id=webchat-sendbox-input]');
    await typeAndSend(specialist, 'on duty');
    await activityShowing(specialist, opening(strings, 'specialist.onDuty')).waitFor({ timeout: WAIT_MS });
    await requestPerson(member, strings, 'Sam');
    await specialist.locator('.ac-adaptiveCard').last().waitFor({ timeout: WAIT_MS });

    // The history is one tab stop; Enter goes into its newest message, the request card.
    await tabUntil(specialist, 'Shift+Tab', '.webchat__basic-transcript');
    await specialist.keyboard.press('Enter');
    const accept = await specialist.evaluate(focusedElement);
    assert.ok(accept.name.includes('ac-pushButton'), `Enter reached ${accept.name}`);
    assert.ok(accept.text.startsWith(strings.text('specialist.acceptButton', { code: '' }).trim()));
    await assertVisibleFocus(specialist);
    await specialist.keyboard.press('Space');
    await activityShowing(member, opening(strings, 'handoff.connectedUnnamed')).waitFor({ timeout: WAIT_MS });
  });
});
