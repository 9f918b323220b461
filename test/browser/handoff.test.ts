import type { Page } from 'playwright-core';
import {
  activityShowing,
  launchChromium,
  PAGE_LOAD_MS,
  requireChromium,
  send,
  WAIT_MS,
} from '../support/browser.js';
import { testContent } from '../support/content.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const SCREENSHOT = '/tmp/wayfinder-handoff.png';

describe('handoff in two Chromium windows: a member and a peer specialist', function () {
  this.timeout(120_000);
  const served = useTestApp({ env: { SPECIALIST_IDS: 'peer-1' } });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let member: Page;
  let specialist: Page;

  before(async function () {
    requireChromium(this);
    browser = await launchChromium();
    member = browser.context.pages()[0] ?? (await browser.context.newPage());
    specialist = await browser.context.newPage();
    await specialist.goto(`${served.url}/?user=peer-1`, { waitUntil: 'load', timeout: PAGE_LOAD_MS });
    await member.goto(served.url, { waitUntil: 'load', timeout: PAGE_LOAD_MS });
    await activityShowing(member, strings.text('welcome.greeting')).waitFor({ timeout: WAIT_MS });
    await activityShowing(specialist, strings.text('welcome.greeting')).waitFor({ timeout: WAIT_MS });
  });

  after(async () => {
    await browser?.close();
  });

  it('the specialist goes on duty and gets the member’s request', async () => {
    await send(specialist, 'on duty');
    await activityShowing(specialist, strings.text('specialist.onDuty', { count: 0 })).waitFor({
      timeout: WAIT_MS,
    });
    await send(member, 'I want to talk to a person');
    await activityShowing(member, strings.text('handoff.askAlias')).waitFor({ timeout: WAIT_MS });
    await send(member, 'Sam');
    await activityShowing(member, 'May I share it?').waitFor({ timeout: WAIT_MS });
    await send(member, strings.text('handoff.share'));
    await activityShowing(member, 'Your request code is').waitFor({ timeout: WAIT_MS });
    await activityShowing(specialist, 'New request').waitFor({ timeout: WAIT_MS });
  });

  it('accepting connects them, and messages flow both ways', async () => {
    await send(specialist, 'accept');
    // Web Chat sends no display name, so the specialist is shown by the generic label.
    const name = strings.text('handoff.specialistLabel');
    await activityShowing(member, strings.text('handoff.connectedUnnamed')).waitFor({ timeout: WAIT_MS });
    await send(member, 'hello from the member window');
    await activityShowing(specialist, 'Sam: hello from the member window').waitFor({ timeout: WAIT_MS });
    await send(specialist, 'hello from the specialist window');
    await activityShowing(member, `${name}: hello from the specialist window`).waitFor({ timeout: WAIT_MS });
    await member.screenshot({ path: SCREENSHOT });
  });

  it('"end chat" ends it for both', async () => {
    await send(member, 'end chat');
    await activityShowing(member, strings.text('handoff.ended')).waitFor({ timeout: WAIT_MS });
    await activityShowing(specialist, strings.text('specialist.memberEnded', { alias: 'Sam' })).waitFor({
      timeout: WAIT_MS,
    });
  });
});
