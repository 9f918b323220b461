import type { Locator, Page } from 'playwright-core';
import type { StringKey, Strings, StringVars } from '../../src/content/strings.js';
import { send, shown, WAIT_MS } from './browser.js';

/**
 * Conversations the browser suites drive by typing, as a person would. Each waits for the bot's
 * answer by string key, so a reworded string needs no change here.
 */

/**
 * The start of a string as the transcript shows it: up to its first placeholder or line break
 * (Web Chat renders each paragraph on its own). Too short a start would match any message.
 */
export function opening(strings: Strings, key: StringKey, vars: StringVars = {}): string {
  const start = strings.text(key, vars).split(/\{|\n/)[0]?.trim() ?? '';
  if (start.length < 8) throw new Error(`${key} starts with too little fixed text to wait for`);
  return start;
}

/**
 * Types `text`, sends it, and waits for a new message of the bot that begins like string `key`.
 * Counting first matters: an earlier test on the same page may have shown the same question, and
 * waiting for that one would type the next answer before the bot asked for it.
 */
export async function answer(page: Page, text: string, strings: Strings, key: StringKey): Promise<void> {
  const matching = page.locator('.webchat__basic-transcript__activity', {
    hasText: shown(opening(strings, key)),
  });
  const before = await matching.count();
  await send(page, text);
  await matching.nth(before).waitFor({ timeout: WAIT_MS });
}

/**
 * Prepares an appointment plan the short way (kind and day in the first message, the rest
 * skipped or answered in a few words) and returns the plan card Web Chat rendered.
 */
export async function makePlan(page: Page, strings: Strings): Promise<Locator> {
  const steps: [string, StringKey][] = [
    // A day that no clock can make past or unclear ("next Tuesday" said on a Monday is asked back);
    // a day alone asks its time once, and "not sure yet" keeps the day.
    ['I have a counselor appointment in two weeks', 'appointment.askWhenTime'],
    ['not sure yet', 'appointment.askGoal'],
    ['a referral to a peer group', 'appointment.askQuestions'],
    ['done', 'appointment.askBarriers'],
    ['nothing', 'appointment.askBring'],
    ['nothing else', 'appointment.askSupport'],
    ['no', 'appointment.askShare'],
    ["I'll decide there", 'appointment.askTalk'],
    ['none', 'appointment.review'],
    ['Save it', 'appointment.saved'],
  ];
  for (const [text, key] of steps) await answer(page, text, strings, key);
  const card = page.locator('.webchat__basic-transcript__activity .ac-adaptiveCard').last();
  await card.waitFor({ timeout: WAIT_MS });
  return card;
}

/** A member asks for a person, names themself `alias` and shares the summary; the request is queued. */
export async function requestPerson(member: Page, strings: Strings, alias: string): Promise<void> {
  await answer(member, 'I want to talk to a person', strings, 'handoff.askAlias');
  await answer(member, alias, strings, 'handoff.summaryAsk');
  await answer(member, strings.text('handoff.share'), strings, 'handoff.queued');
}
