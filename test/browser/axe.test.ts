import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { audit, describeFindings, type Finding } from '../support/axe.js';
import {
  activityShowing,
  type ChatSession,
  requireChromium,
  send,
  startChatSession,
  WAIT_MS,
} from '../support/browser.js';
import { answer, makePlan, opening, requestPerson } from '../support/chat-flows.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

describe('axe in Chromium: no serious or critical violations on the chat page, state by state', function () {
  this.timeout(120_000);
  let session: ChatSession | undefined;
  let member: Page;
  const reported: Finding[] = [];

  before(async function () {
    requireChromium(this);
    session = await startChatSession({ SPECIALIST_IDS: 'peer-1' });
    member = await session.open();
  });

  after(async () => {
    // Listed, not failed: moderate and minor violations, and what axe could not decide.
    if (reported.length > 0) console.log(describeFindings(reported));
    await session?.close();
  });

  async function check(page: Page, state: string): Promise<void> {
    const { blocking, others } = await audit(page, state);
    reported.push(...others);
    assert.deepEqual(blocking, [], `serious or critical axe violations at ${state}`);
  }

  it('the welcome, with the menu under it', async () => {
    await activityShowing(member, opening(strings, 'welcome.greeting')).waitFor({ timeout: WAIT_MS });
    await member.locator('.webchat__suggested-action').first().waitFor({ timeout: WAIT_MS });
    await check(member, 'welcome');
  });

  it('the menu at 360 px wide, with the keyboard on one of its buttons', async () => {
    await member.setViewportSize({ width: 360, height: 740 });
    await member.locator('[data-id=webchat-sendbox-input]').focus();
    await member.keyboard.press('Shift+Tab');
    assert.equal(
      await member.evaluate(() => document.activeElement?.classList.contains('webchat__suggested-action')),
      true,
      'Shift+Tab from the send box reaches the menu',
    );
    await check(member, 'menu at 360 px');
    await member.setViewportSize({ width: 1000, height: 740 });
  });

  it('an appointment plan shown as an Adaptive Card', async () => {
    await makePlan(member, strings);
    await check(member, 'plan card');
  });

  it("the specialist's view: on duty, with a member's request card", async () => {
    assert.ok(session);
    const specialist = await session.open('/?user=peer-1');
    await activityShowing(specialist, opening(strings, 'welcome.greeting')).waitFor({ timeout: WAIT_MS });
    await answer(specialist, 'on duty', strings, 'specialist.onDuty');
    await requestPerson(member, strings, 'Sam');
    await specialist.locator('.ac-adaptiveCard').last().waitFor({ timeout: WAIT_MS });
    await check(specialist, "specialist's view");
  });

  it('a crisis reply, with the crisis lines and their choices', async () => {
    await send(member, 'I want to kill myself');
    await activityShowing(member, opening(strings, 'safety.dangerIntro')).waitFor({ timeout: WAIT_MS });
    await activityShowing(member, opening(strings, 'safety.choicePrompt')).waitFor({ timeout: WAIT_MS });
    await check(member, 'crisis reply');
  });
});
