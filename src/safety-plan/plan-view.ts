import type { PlanSection, PlanView } from '../appointments/plan-view.js';
import type { OpenUrlAction } from '../cards/adaptive-card.js';
import type { CrisisResource } from '../content/crisis-resources.js';
import type { SectionKey, Strings } from '../content/strings.js';
import { findPhone } from './phone.js';
import { entriesOf, type PlanStep, planSteps, type SafetyPlan } from './plan.js';

type PlanKey = SectionKey<'safetyPlan'>;
const capitalized = (step: PlanStep) => `${step[0]?.toUpperCase()}${step.slice(1)}`;

/**
 * The heading of a part, its question, its example answers and the names people call it (a
 * `...Words` key: the person's words, which the bot never says).
 */
export const stepKey = (step: PlanStep, kind: 'step' | 'ask' | 'examples' | 'names') =>
  (kind === 'names' ? `safetyPlan.${step}Words` : `safetyPlan.${kind}${capitalized(step)}`) as PlanKey;

/**
 * Channels where a tel: or sms: button opens the phone's dialer or messages (Teams, Web Chat and
 * Direct Line clients); elsewhere (the Emulator, tests) the numbers are in the text only.
 */
const DIAL_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline']);
/** Teams shows no more than six buttons on a card. */
const MAX_ACTIONS = 6;
const LABEL_LENGTH = 24;

/**
 * The plan laid out for reading, shared by the card and its text twin: each part the person
 * filled in, in their words; professionals always with the crisis lines (988, 911 and the rest),
 * so even an empty plan says where help is.
 */
export function safetyPlanView(
  strings: Strings,
  plan: SafetyPlan | undefined,
  lines: readonly CrisisResource[],
): PlanView {
  const sections: PlanSection[] = planSteps.map((step) => ({
    heading: strings.text(stepKey(step, 'step')),
    lines: plan ? [...entriesOf(plan, step)] : [],
  }));
  const crisis = {
    heading: strings.text('safetyPlan.linesHeading'),
    lines: lines.map((l) => `${l.name}: ${l.how}`),
  };
  const professionals = planSteps.indexOf('professionals');
  sections.splice(professionals + 1, 0, crisis);
  const title = strings.text('safetyPlan.title');
  return { title, summary: title, sections: sections.filter((section) => section.lines.length > 0) };
}

/**
 * Call and text buttons where the channel can dial: the person's own people first (numbers they
 * typed), then 988 (call and text). At most six, Teams' limit; every number is also in the text.
 */
export function dialActions(
  strings: Strings,
  plan: SafetyPlan | undefined,
  channelId: string,
): OpenUrlAction[] {
  if (!DIAL_CHANNELS.has(channelId)) return [];
  const lifeline = strings.text('safetyPlan.lifelineName');
  const people = plan ? [...entriesOf(plan, 'helpers'), ...entriesOf(plan, 'professionals')] : [];
  const numbers = people.flatMap((entry) => {
    const found = findPhone(entry);
    if (!found) return [];
    // A US number dials from anywhere as +1 and its ten digits (RFC 3966's global form).
    return [
      { name: (found.label || found.digits).slice(0, LABEL_LENGTH).trim(), digits: `+1${found.digits}` },
    ];
  });
  const room = (MAX_ACTIONS - 2) / 2;
  const all = [...numbers.slice(0, room), { name: lifeline, digits: '988' }];
  return all.flatMap(({ name, digits }) => [
    { type: 'Action.OpenUrl', title: strings.text('safetyPlan.callLabel', { name }), url: `tel:${digits}` },
    { type: 'Action.OpenUrl', title: strings.text('safetyPlan.textLabel', { name }), url: `sms:${digits}` },
  ]);
}
