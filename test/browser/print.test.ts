import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  type ChatSession,
  requireChromium,
  send,
  shown,
  startChatSession,
  WAIT_MS,
} from '../support/browser.js';
import { answer, makePlan } from '../support/chat-flows.js';
import { testContent } from '../support/content.js';
import { coloursOf, contrastRatio } from '../support/page-checks.js';

const { strings } = testContent();

/** A plan's lines without the marks that differ between card and text ("• ", "- ", a heading's ":"). */
function planLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^[•-]\s+/, '')
        .replace(/:$/, ''),
    )
    .filter((line) => line.length > 0);
}

/** An element's text as laid out: a line per block, and nothing that is not shown (or printed). */
function renderedText(element: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what shows, as it is laid out, is the point here
  return element.innerText();
}

describe('a plan printed, or copied as text, from the chat page (Chromium)', function () {
  this.timeout(120_000);
  let session: ChatSession | undefined;
  let page: Page;
  let card: Locator;
  /** The message with the plan as text (its bubble, without Web Chat's "Bot said:" for screen readers). */
  let text: Locator;
  /** What the plan card shows, line by line. */
  let cardLines: string[];

  before(async function () {
    requireChromium(this);
    session = await startChatSession();
    page = await session.open();
    card = await makePlan(page, strings);
    await answer(page, 'no reminder', strings, 'appointment.askFollowUp');
    await answer(page, 'no thanks', strings, 'appointment.askNext');
    // People type the button's label as often as they tap it.
    await send(page, strings.text('appointment.nextText'));
    text = page
      .locator('.webchat__basic-transcript__activity', { hasText: shown(strings.text('planCard.title')) })
      .filter({ hasNot: page.locator('.ac-adaptiveCard') })
      .first()
      .locator('.webchat__bubble__content');
    await text.waitFor({ timeout: WAIT_MS });
    cardLines = planLines(await renderedText(card));
  });

  after(async () => {
    await page?.emulateMedia({ media: null });
    await session?.close();
  });

  it('sends the plan as plain text holding every line the card shows', async () => {
    const inText = new Set(planLines(await renderedText(text)));
    assert.ok(cardLines.length >= 5, `the card shows its plan: ${cardLines.join(' | ')}`);
    for (const line of cardLines) assert.ok(inText.has(line), `"${line}" is on the card but not in the text`);
  });

  it('lets the plan text be selected and copied', async () => {
    const selected = await text.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return { copied: selection?.toString() ?? '', userSelect: getComputedStyle(element).userSelect };
    });
    assert.notEqual(selected.userSelect, 'none');
    const copied = new Set(planLines(selected.copied));
    for (const line of cardLines) assert.ok(copied.has(line), `"${line}" not copied`);
  });

  describe('in print media', () => {
    before(async () => {
      await page.emulateMedia({ media: 'print' });
    });

    it('prints the header and the transcript, dark on white, without the send box or buttons', async () => {
      for (const selector of ['[data-id=webchat-sendbox-input]', '.webchat__suggested-actions', '#status']) {
        assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is printed`);
      }
      const header = await page.evaluate(coloursOf, 'header h1, header .notice');
      assert.equal(header.length, 2);
      for (const { text: words, color, background } of header) {
        const ratio = contrastRatio(color, background);
        assert.ok(ratio >= 4.5, `"${words}" prints with contrast ${ratio.toFixed(2)}:1`);
      }
    });

    it('lets the whole transcript flow onto the paper: nothing scrolls, nothing is cut off', async () => {
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('main, main *')]
          .filter((element) => {
            const style = getComputedStyle(element);
            // Screen-reader-only text is 1px on purpose; it is not printed content.
            if (element.clientWidth <= 1 || element.clientHeight <= 1) return false;
            const hidesOverflow = style.overflowX !== 'visible' || style.overflowY !== 'visible';
            const overflows =
              element.scrollHeight > element.clientHeight + 1 ||
              element.scrollWidth > element.clientWidth + 1;
            return hidesOverflow && overflows;
          })
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
      );
      assert.deepEqual(clipped, []);
      const printed = await renderedText(page.locator('main'));
      for (const line of cardLines) {
        assert.ok(printed.includes(line), `"${line}" is not in the printed transcript`);
      }
      assert.equal(await card.isVisible(), true, 'the plan card is printed');
      assert.equal(await text.isVisible(), true, 'the plan text is printed');
    });
  });
});
