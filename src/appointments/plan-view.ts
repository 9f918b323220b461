import type { Strings } from '../content/strings.js';
import type { AppointmentType } from '../language/intents/entity-lexicon.js';
import { type AppointmentContent, tipsFor } from './content.js';
import type { AppointmentPlan, PlanItem } from './plan.js';
import { formatInstant, formatWhen, zoneOf } from './when.js';

/** One part of a plan: a heading in the bot's words, and lines (often the person's words). */
export interface PlanSection {
  heading: string;
  lines: string[];
  /** Lines are a ranked list (questions): shown numbered. */
  numbered?: boolean;
}

/** A plan laid out for reading: shared by the card and its plain-text twin, so they never differ. */
export interface PlanView {
  title: string;
  /** One line for notifications and lists ("Appointment plan: Housing, Friday, May 9"). */
  summary: string;
  sections: PlanSection[];
}

/** What rendering needs: the words, the content ids refer to, and now (to leave out this year). */
export interface ViewDeps {
  strings: Strings;
  content: AppointmentContent;
  now: Date;
}

/** Lays a plan out; empty parts are left out, except what and when. */
export function planView(plan: AppointmentPlan, deps: ViewDeps): PlanView {
  const { strings, content } = deps;
  const type = strings.text(content.types[plan.type].label);
  const when = plan.when ? formatWhen(plan.when, strings, deps.now) : strings.text('planCard.whenUnknown');
  // "2 1 3" ranks them all: the order says it, and only the first is marked (Luis, people8).
  const marked = plan.topCount < plan.questions.length ? plan.topCount : Math.min(plan.topCount, 1);
  const sections: PlanSection[] = [
    { heading: strings.text('planCard.typeHeading'), lines: [type] },
    { heading: strings.text('planCard.withHeading'), lines: plan.provider ? [plan.provider] : [] },
    { heading: strings.text('planCard.whenHeading'), lines: [when] },
    { heading: strings.text('planCard.goalHeading'), lines: plan.goal ? [plan.goal] : [] },
    {
      heading: strings.text('planCard.questionsHeading'),
      lines: plan.questions.map((q, i) => (i < marked ? `${q} ${strings.text('planCard.topMark')}` : q)),
      numbered: true,
    },
    {
      heading: strings.text('planCard.barriersHeading'),
      lines: plan.barriers.map((b) => barrierLine(b, plan.type, deps)),
    },
    { heading: strings.text('planCard.bringHeading'), lines: plan.bring },
    { heading: strings.text('planCard.supportHeading'), lines: supportLines(plan, strings) },
    {
      heading: strings.text('planCard.shareHeading'),
      lines: plan.share ? [shareLine(plan.share, deps)] : [],
    },
    { heading: strings.text('planCard.talkHeading'), lines: plan.talk.map((t) => talkLine(t, deps)) },
    { heading: strings.text('planCard.remindersHeading'), lines: reminderLines(plan, deps) },
    { heading: strings.text('planCard.nextStepsHeading'), lines: plan.nextSteps },
  ];
  return {
    title: strings.text('planCard.title'),
    summary: strings.text('planCard.summary', { type, when }),
    sections: sections.filter((section) => section.lines.length > 0),
  };
}

/** A barrier with the first of its tips that fits this kind of appointment. */
function barrierLine(item: PlanItem, type: AppointmentType, { strings, content }: ViewDeps): string {
  if ('words' in item) {
    const [tip] = tipsFor(content, content.ownBarrierTips, type);
    return tip ? `${item.words}: ${strings.text(tip)}` : item.words;
  }
  const barrier = content.barriers.find((b) => b.id === item.id);
  if (!barrier) return item.id;
  const [tip] = tipsFor(content, barrier.tips, type);
  return `${strings.text(barrier.label)}: ${tip ? strings.text(tip) : ''}`.trim();
}

function shareLine(item: PlanItem, { strings, content }: ViewDeps): string {
  if ('words' in item) return item.words;
  const choice = content.share.find((c) => c.id === item.id);
  return choice ? strings.text(choice.plan) : item.id;
}

function talkLine(item: PlanItem, { strings, content }: ViewDeps): string {
  if ('words' in item) return item.words;
  const preference = content.talk.find((t) => t.id === item.id);
  return preference ? `${strings.text(preference.label)}: ${strings.text(preference.say)}` : item.id;
}

function supportLines(plan: AppointmentPlan, strings: Strings): string[] {
  if (plan.support === 'yes') return [strings.text('planCard.supportYes')];
  if (plan.support === 'no') return [strings.text('planCard.supportNo')];
  if (plan.support === 'maybe') return [strings.text('planCard.supportMaybe')];
  return [];
}

function reminderLines(plan: AppointmentPlan, { strings, now }: ViewDeps): string[] {
  const { reminders, when } = plan;
  if (!reminders || !when) return [];
  const say = (iso: string) => formatInstant(new Date(iso), zoneOf(when), strings, now);
  return [
    ...(reminders.reminderAt ? [strings.text('planCard.reminderAt', { at: say(reminders.reminderAt) })] : []),
    ...(reminders.secondAt ? [strings.text('planCard.reminderAt', { at: say(reminders.secondAt) })] : []),
    ...(reminders.followUpAt ? [strings.text('planCard.followUpAt', { at: say(reminders.followUpAt) })] : []),
  ];
}
