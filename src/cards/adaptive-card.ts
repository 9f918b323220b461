import { type Attachment, CardFactory } from 'botbuilder';
import { escapeMarkdown } from './markdown.js';

/** The Adaptive Card schema version Teams renders (1.5). */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** A TextBlock; its text is always escaped (see escapeMarkdown), so data cannot become markup. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small';
}

/**
 * A button that opens a web page (https only: URLs in resources are validated as https), or a
 * tel:/sms: link the safety plan builds from digits alone.
 */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** A TextBlock showing `text` as typed. */
export function textBlock(text: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, ...style };
}

/** A button that sends `data` back to the bot (a message with `value`; see cards/submit.ts). */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, unknown>;
}

/** Another body element (a RichTextBlock of TextRuns, a styled TextBlock), built by the card's module. */
export interface CardElement {
  type: string;
  [field: string]: unknown;
}

/** What a card holds; each element's text is made safe by whoever builds it (textBlock, cardSafe). */
export interface CardParts {
  body: readonly (TextBlock | CardElement)[];
  actions?: readonly (OpenUrlAction | SubmitAction)[];
  /** What a client that cannot render the card shows instead (plain text: see cardSafe). */
  fallbackText?: string;
  /** What a speech channel reads (see speakSafe). */
  speak?: string;
}

/**
 * An Adaptive Card attachment (schema 1.5, what Teams renders). Cards never carry anything the
 * message text does not also say: the caller puts the same content in the activity's text.
 */
export function adaptiveCard({ body, actions = [], fallbackText, speak }: CardParts): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    ...(fallbackText === undefined ? {} : { fallbackText }),
    ...(speak === undefined ? {} : { speak }),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}
