import assert from 'node:assert/strict';
import type { Activity, Attachment } from 'botbuilder';
import { planMessages } from '../../src/appointments/plan-card.js';
import { findPhone } from '../../src/safety-plan/phone.js';
import {
  addEntry,
  emptyPlan,
  MAX_ENTRIES_PER_STEP,
  MAX_ENTRY_LENGTH,
  planSteps,
  type SafetyPlan,
} from '../../src/safety-plan/plan.js';
import { dialActions, safetyPlanView } from '../../src/safety-plan/plan-view.js';
import { fitsTeamsMessage, TEAMS_CARD_LIMITS } from '../../src/teams/card-limits.js';
import { testContent } from '../support/content.js';

const { strings, crisisResources } = testContent();
const now = new Date('2026-01-05T15:00:00Z');

/** A plan with `entries` added to each part, in order. */
function planWith(entries: Partial<Record<(typeof planSteps)[number], string[]>>): SafetyPlan {
  let plan = emptyPlan(now);
  for (const [step, texts] of Object.entries(entries)) {
    for (const text of texts ?? []) plan = addEntry(plan, step as (typeof planSteps)[number], text, now);
  }
  return plan;
}

function messagesFor(plan: SafetyPlan | undefined, channelId: string): Partial<Activity>[] {
  const view = safetyPlanView(strings, plan, crisisResources);
  return planMessages(view, strings.text('safetyPlan.current'), dialActions(strings, plan, channelId));
}

interface CardContent {
  version: string;
  fallbackText: string;
  actions?: { type: string; title: string; url: string }[];
}
const cardOf = (message: Partial<Activity> | undefined) =>
  (message?.attachments?.[0] as Attachment | undefined)?.content as CardContent | undefined;

const phoneCases: [typed: string, digits: string | undefined, label: string | undefined][] = [
  ['Sam 312-555-0142', '3125550142', 'Sam'],
  ['my sister Ana (312) 555-0142', '3125550142', 'my sister Ana'],
  ['call Mom at +1 312.555.0199 after 5', '3125550199', 'call Mom at after 5'],
  ['3125550100 Dr Lee', '3125550100', 'Dr Lee'],
  ['my sponsor', undefined, undefined],
  ['555-0142', undefined, undefined],
  ['12 steps, 3 meetings a week', undefined, undefined],
];

describe('safety plan card (issue 20)', () => {
  for (const [typed, digits, label] of phoneCases) {
    it(`finds ${digits ?? 'no number'} in ${JSON.stringify(typed)}`, () => {
      const found = findPhone(typed);
      assert.equal(found?.digits, digits);
      assert.equal(found?.label, label);
    });
  }

  it('in Teams: one card (schema 1.5) with call and text buttons for their people and 988; each number also in the text', () => {
    const plan = planWith({
      warningSigns: ["can't sleep"],
      helpers: ['Sam 312-555-0142', 'my sponsor', 'Ana (312) 555-0199', 'Jo 312 555 0111'],
      professionals: ['Dr Lee 312-555-0100'],
    });
    const [message, ...more] = messagesFor(plan, 'msteams');
    assert.deepEqual(more, []);
    const card = cardOf(message);
    assert.equal(card?.version, TEAMS_CARD_LIMITS.maxVersion);
    const urls = card?.actions?.map((action) => action.url) ?? [];
    assert.deepEqual(urls, [
      'tel:+13125550142',
      'sms:+13125550142',
      'tel:+13125550199',
      'sms:+13125550199',
      'tel:988',
      'sms:988',
    ]);
    assert.ok(urls.length <= TEAMS_CARD_LIMITS.maxActions);
    assert.deepEqual(card?.actions?.map((action) => action.title).slice(0, 2), [
      strings.text('safetyPlan.callLabel', { name: 'Sam' }),
      strings.text('safetyPlan.textLabel', { name: 'Sam' }),
    ]);
    for (const number of ['312-555-0142', '(312) 555-0199', '312 555 0111', '312-555-0100', '988', '911']) {
      assert.ok(card?.fallbackText.includes(number), `${number} in the text`);
      assert.ok(JSON.stringify(card).includes(number), `${number} in the card body`);
    }
  });

  it('where a channel cannot dial (the Emulator), no call buttons: the numbers are in the text only', () => {
    const plan = planWith({ helpers: ['Sam 312-555-0142'] });
    const card = cardOf(messagesFor(plan, 'emulator')[0]);
    assert.equal(card?.actions, undefined);
    assert.ok(card?.fallbackText.includes('312-555-0142'));
  });

  it('with no plan yet, the card still has the crisis lines, and in Web Chat 988 to call or text', () => {
    const card = cardOf(messagesFor(undefined, 'webchat')[0]);
    assert.deepEqual(
      card?.actions?.map((action) => action.url),
      ['tel:988', 'sms:988'],
    );
    for (const line of crisisResources) assert.ok(card?.fallbackText.includes(line.name), line.name);
  });

  it('the person’s words show as typed: markup in an answer is not rendered', () => {
    const plan = planWith({ copingAlone: ['**walk** [x](https://example.com) {{DATE(2020)}}'] });
    const body = JSON.stringify(cardOf(messagesFor(plan, 'msteams')[0]));
    assert.ok(
      body.includes('"type":"TextRun","text":"• **walk** [x](https://example.com) {\u200b{DATE(2020)}}"'),
      body,
    );
  });

  /** Every part full, each answer as long as kept, written with `fill` and a number in each. */
  const fullest = (fill: string) => {
    const long = (step: string, i: number) =>
      `${step} ${i} 312-555-01${String(i).padStart(2, '0')} ${fill.repeat(MAX_ENTRY_LENGTH)}`.slice(
        0,
        MAX_ENTRY_LENGTH,
      );
    const entries = (step: string) => Array.from({ length: MAX_ENTRIES_PER_STEP }, (_, i) => long(step, i));
    return { plan: planWith(Object.fromEntries(planSteps.map((step) => [step, entries(step)]))), entries };
  };

  it('the fullest plan in plain letters is still one card, with its call buttons, within Teams’ 28 KB', () => {
    const { plan } = fullest('x');
    const [message, ...more] = messagesFor(plan, 'msteams');
    assert.deepEqual(more, [], 'one message');
    assert.ok(fitsTeamsMessage(message), `${JSON.stringify(message).length} bytes`);
    assert.equal(cardOf(message)?.actions?.length, TEAMS_CARD_LIMITS.maxActions);
  });

  it('a fullest plan in wide characters (3 bytes each) comes as text in parts, each within 28 KB, nothing left out', () => {
    const { plan, entries } = fullest('\u4e2d');
    const messages = messagesFor(plan, 'msteams');
    assert.ok(messages.length > 1, 'too big for one card');
    for (const message of messages)
      assert.ok(fitsTeamsMessage(message), `${Buffer.byteLength(JSON.stringify(message))} bytes`);
    const all = messages.map((m) => m.text ?? '').join('\n');
    for (const step of planSteps)
      for (const entry of entries(step)) assert.ok(all.includes(entry), `${step}: ${entry.slice(0, 20)}`);
  });
});
