import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  activityShowing,
  type ChatSession,
  requireChromium,
  shown,
  startChatSession,
  WAIT_MS,
} from '../support/browser.js';
import { answer } from '../support/chat-flows.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

describe('safety plan in Web Chat (Chromium, issue 20)', function () {
  this.timeout(120_000);
  let session: ChatSession | undefined;
  let page: Page;

  before(async function () {
    requireChromium(this);
    session = await startChatSession();
    page = await session.open();
    await activityShowing(page, strings.text('welcome.greeting')).waitFor({ timeout: WAIT_MS });
  });
  after(async () => {
    await session?.close();
  });

  it('a crisis message is answered, and one click on "My safety plan" opens the plan with call and text buttons', async () => {
    // A short plan first, typed as a person would: their own words and one person to call.
    const steps: [string, Parameters<typeof strings.text>[0]][] = [
      ['make a safety plan', 'safetyPlan.offerMake'],
      ['yes', 'safetyPlan.askWarningSigns'],
      ['I stop answering my phone', 'safetyPlan.more'],
      ['next', 'safetyPlan.askCopingAlone'],
      ['skip', 'safetyPlan.askDistractions'],
      ['skip', 'safetyPlan.askHelpers'],
      ['Ana 312-555-0142', 'safetyPlan.more'],
      ['next', 'safetyPlan.askProfessionals'],
      ['skip', 'safetyPlan.askSafeSurroundings'],
      ['skip', 'safetyPlan.askReasonForLiving'],
      ['skip', 'safetyPlan.revisitWhich'],
      ['not now', 'safetyPlan.followUpAsk'],
      ['no', 'safetyPlan.closing'],
    ];
    for (const [text, key] of steps) await answer(page, text, strings, key);

    await answer(page, 'i want to kill myself', strings, 'safety.choicePrompt');
    await activityShowing(page, strings.text('safety.dangerIntro')).waitFor({ timeout: WAIT_MS });
    const cardsBefore = await page.locator('.ac-adaptiveCard').count();

    const button = page
      .locator('.webchat__suggested-actions .webchat__suggested-action', {
        hasText: shown(strings.text('safety.myPlan')),
      })
      .last();
    await button.click();

    const card = page.locator('.webchat__basic-transcript__activity .ac-adaptiveCard').nth(cardsBefore);
    await card.waitFor({ timeout: WAIT_MS });
    await card.getByText('I stop answering my phone').waitFor({ timeout: WAIT_MS });
    await card.getByText('Ana 312-555-0142', { exact: false }).waitFor({ timeout: WAIT_MS });
    const buttons = await card.locator('button').allInnerTexts();
    for (const label of [
      strings.text('safetyPlan.callLabel', { name: 'Ana' }),
      strings.text('safetyPlan.textLabel', { name: 'Ana' }),
      strings.text('safetyPlan.callLabel', { name: '988' }),
    ]) {
      assert.ok(
        buttons.some((b) => b.trim() === label),
        `${label} in ${JSON.stringify(buttons)}`,
      );
    }
  });
});
