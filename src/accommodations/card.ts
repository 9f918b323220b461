import { type Activity, ActivityTypes, type Attachment } from 'botbuilder';
import { adaptiveCard } from '../cards/adaptive-card.js';
import { cardSafe, speakSafe } from '../cards/plain-text.js';
import type { StringKey, Strings } from '../content/strings.js';
import type { BuiltRequest } from './letter.js';

/** A piece of an Adaptive Card body (only the elements this card uses). */
type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; weight?: 'Bolder'; size?: 'Medium'; spacing?: 'Medium' }
  | { type: 'RichTextBlock'; inlines: { type: 'TextRun'; text: string }[]; spacing?: 'None' | 'Small' };

/** The request as plain text: what channels without cards show, and what a person can copy. */
export function requestPlainText(strings: Strings, built: BuiltRequest): string {
  return [
    strings.text('accommodationCard.title'),
    heading(strings, built),
    built.letter.join('\n\n'),
    `${strings.text('accommodationCard.spokenHeading')}\n${built.spoken}`,
    `${strings.text('accommodationCard.nextHeading')}\n${bullets(strings, built).join('\n')}`,
  ].join('\n\n');
}

/**
 * The request as an Adaptive Card (schema 1.5, for Teams) with its plain text as fallbackText:
 * the letter, the 30-second version and what happens next. Headings are the bot's own words;
 * everything that may hold a person's words is a TextRun, so it never renders as markup.
 */
export function requestCard(strings: Strings, built: BuiltRequest): Attachment {
  const title = (text: string, size?: 'Medium'): CardElement => ({
    type: 'TextBlock',
    text,
    wrap: true,
    weight: 'Bolder',
    spacing: 'Medium',
    ...(size ? { size } : {}),
  });
  const body: CardElement[] = [
    title(strings.text('accommodationCard.title'), 'Medium'),
    title(heading(strings, built)),
    ...built.letter.flatMap((paragraph) => runs(paragraph, 'Small')),
    title(strings.text('accommodationCard.spokenHeading')),
    ...runs(built.spoken, 'Small'),
    title(strings.text('accommodationCard.nextHeading')),
    ...bullets(strings, built).flatMap((line) => runs(line, 'Small')),
  ];
  return adaptiveCard({
    fallbackText: cardSafe(requestPlainText(strings, built)),
    speak: speakSafe(built.spoken),
    body,
  });
}

function heading(strings: Strings, built: BuiltRequest): string {
  return strings.text(
    built.answers.format === 'email' ? 'accommodationCard.emailHeading' : 'accommodationCard.letterHeading',
  );
}

function bullets(strings: Strings, built: BuiltRequest): string[] {
  return built.nextSteps.map((text) => strings.text('accommodationCard.bullet', { text }));
}

/** One RichTextBlock per line (TextRuns do not break lines), the first spaced from what is above. */
function runs(paragraph: string, spacing: 'Small'): CardElement[] {
  return paragraph.split('\n').map((line, index) => ({
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text: cardSafe(line) }],
    spacing: index === 0 ? spacing : 'None',
  }));
}

/** The request as a message: a short intro (`intro`), with the card and its text fallback. */
export function requestCardActivity(
  strings: Strings,
  built: BuiltRequest,
  intro: StringKey,
): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: strings.text(intro),
    attachments: [requestCard(strings, built)],
  };
}

/** The request as plain text to copy; `plain` so a person's words never render as markup. */
export function requestTextActivity(strings: Strings, built: BuiltRequest): Partial<Activity> {
  return { type: ActivityTypes.Message, text: requestPlainText(strings, built), textFormat: 'plain' };
}

/** Says which of the person's own answers were left out of the letter, if any. */
export function leftOutText(strings: Strings, built: BuiltRequest): string | undefined {
  if (built.leftOut.length === 0) return undefined;
  const names: Record<BuiltRequest['leftOut'][number], StringKey> = {
    barrier: 'accommodation.partBarrier',
    idea: 'accommodation.partIdea',
    who: 'accommodation.partWho',
    start: 'accommodation.partStart',
  };
  const parts = built.leftOut.map((part) => strings.text(names[part])).join(', ');
  return strings.text('accommodation.leftOut', { parts });
}
