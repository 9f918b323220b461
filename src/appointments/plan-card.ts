import { type Activity, ActivityTypes, type Attachment, TextFormatTypes } from 'botbuilder';
import { adaptiveCard, type OpenUrlAction } from '../cards/adaptive-card.js';
import { cardSafe, speakSafe, withoutControlCharacters } from '../cards/plain-text.js';
import { fitsTeamsMessage, splitToFit } from '../teams/card-limits.js';
import type { PlanView } from './plan-view.js';

/** The plan as plain text a person can copy into notes or a message, in their own words. */
export function planText(view: PlanView): string {
  const parts = view.sections.map((section) => {
    const lines = section.lines.map((line, i) => (section.numbered ? `${i + 1}. ${line}` : `- ${line}`));
    return [`${section.heading}:`, ...lines].join('\n');
  });
  return withoutControlCharacters([view.title, ...parts].join('\n\n'));
}

/**
 * The plan as an Adaptive Card 1.5 (so Teams renders it). The person's words go in TextRuns, which
 * no renderer reads as Markdown: "**x**" or "[link](...)" show as typed, never as markup or links.
 * Headings are the bot's own strings. `fallbackText` carries the whole plan for clients that
 * cannot render the card. `actions` are buttons under it (the safety plan's call and text links).
 */
export function planCard(view: PlanView, actions: readonly OpenUrlAction[] = []): Attachment {
  const run = (text: string) => ({ type: 'TextRun', text: cardSafe(text) });
  const body = [
    { type: 'TextBlock', text: view.title, size: 'Large', weight: 'Bolder', wrap: true },
    ...view.sections.flatMap((section) => [
      { type: 'TextBlock', text: section.heading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
      ...section.lines.map((line, i) => ({
        type: 'RichTextBlock',
        spacing: 'Small',
        inlines: [run(section.numbered ? `${i + 1}. ${line}` : `• ${line}`)],
      })),
    ]),
  ];
  return adaptiveCard({ fallbackText: planText(view), speak: speakSafe(view.summary), body, actions });
}

/** A message with the card, introduced by `intro` (the bot's words). */
export function planCardActivity(
  view: PlanView,
  intro: string,
  actions: readonly OpenUrlAction[] = [],
): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: intro,
    summary: withoutControlCharacters(view.summary),
    attachments: [planCard(view, actions)],
  };
}

/**
 * The plan as plain-text messages: marked plain, so channels show it as typed (no Markdown); a
 * plan too long for one Teams message comes in parts that each fit.
 */
export function planTextActivities(view: PlanView): Partial<Activity>[] {
  return splitToFit(planText(view)).map((text) => ({
    type: ActivityTypes.Message,
    text,
    textFormat: TextFormatTypes.Plain,
  }));
}

/**
 * The plan as a card message introduced by `intro`, or, when the card would be too big for a
 * Teams message (a plan full of long answers), the intro and the plan as text in parts.
 */
export function planMessages(
  view: PlanView,
  intro: string,
  actions: readonly OpenUrlAction[] = [],
): Partial<Activity>[] {
  const card = planCardActivity(view, intro, actions);
  if (fitsTeamsMessage(card)) return [card];
  return [{ type: ActivityTypes.Message, text: intro }, ...planTextActivities(view)];
}
