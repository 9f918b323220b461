import { type Activity, ActivityTypes } from 'botbuilder';
import { adaptiveCard } from '../cards/adaptive-card.js';
import { escapeMarkdown } from '../cards/markdown.js';
import { withoutControlCharacters } from '../cards/plain-text.js';
import type { Strings } from '../content/strings.js';
import type { HandoffRequest } from './handoff-store.js';

/**
 * The plain lines a specialist reads about a request (the card's text fallback, too); a member's
 * words in them (alias, message, contact) are shown as typed, so they go out as plain text.
 */
export function requestLines(strings: Strings, request: HandoffRequest, minutes: number): string[] {
  const { code, member, topic, summary, leftMessage, note } = request;
  const lines = [
    strings.text('specialist.newRequest', { code, alias: member.alias, topic, minutes }),
    summary ? strings.text('specialist.summaryLine', { summary }) : strings.text('specialist.noSummary'),
    ...(leftMessage
      ? [strings.text('specialist.messageLine', { message: leftMessage.text, contact: leftMessage.contact })]
      : []),
    ...(note ? [strings.text('specialist.noteLine', { note })] : []),
  ];
  return lines.map(withoutControlCharacters);
}

/**
 * A new-request card for a specialist (Adaptive Card 1.5, so Teams renders it) with an Accept
 * button that sends "accept CODE"; the same in plain text for channels without cards.
 */
export function specialistCard(
  strings: Strings,
  request: HandoffRequest,
  minutes: number,
): Partial<Activity> {
  const lines = requestLines(strings, request, minutes);
  const accept = strings.text('specialist.acceptButton', { code: request.code });
  const card = adaptiveCard({
    fallbackText: lines.join('\n'),
    body: lines.map((line, i) => ({
      type: 'TextBlock',
      // A member's words (alias, message) must show as typed: the TextBlock reads markdown.
      text: escapeMarkdown(line),
      wrap: true,
      weight: i === 0 ? 'Bolder' : 'Default',
    })),
    actions: [
      {
        type: 'Action.Submit',
        title: accept,
        data: {
          msteams: { type: 'imBack', value: `accept ${request.code}` },
          command: 'accept',
          code: request.code,
        },
      },
    ],
  });
  return { type: ActivityTypes.Message, text: lines.join('\n'), textFormat: 'plain', attachments: [card] };
}

/**
 * The post in the specialists' channel: the code and, only when the member agreed to share a
 * summary, the topic (never their name, summary or message: everyone in the channel reads it).
 * Its Accept button is a plain Action.Submit: Teams sends the data to the bot without posting
 * any text in the channel.
 */
export function channelRequestCard(strings: Strings, request: HandoffRequest): Partial<Activity> {
  const topic = request.summary ? request.topic : strings.text('features.handoff');
  const line = strings.text('specialistChannel.newRequest', { code: request.code, topic });
  const card = adaptiveCard({
    fallbackText: line,
    body: [{ type: 'TextBlock', text: escapeMarkdown(line), wrap: true }],
    actions: [
      {
        type: 'Action.Submit',
        title: strings.text('specialist.acceptButton', { code: request.code }),
        data: { command: 'accept', code: request.code },
      },
    ],
  });
  return { type: ActivityTypes.Message, text: line, textFormat: 'plain', attachments: [card] };
}
