/**
 * What Teams accepts in a bot message with cards: Adaptive Cards up to schema 1.5, a message of
 * about 28 KB in all (text, cards and their JSON), and at most 6 buttons on a card (Teams' host
 * config shows no more). Cards the bot sends are built within these; a test holds them to it.
 */
export const TEAMS_CARD_LIMITS = {
  maxVersion: '1.5',
  maxMessageBytes: 28 * 1024,
  maxActions: 6,
} as const;

/** Room left in a message for what the channel adds around it (ids, addresses, tenant). */
const ENVELOPE_BYTES = 2048;
const budget = TEAMS_CARD_LIMITS.maxMessageBytes - ENVELOPE_BYTES;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** True when `message` (as the bot builds it, JSON) fits a Teams message with its envelope. */
export function fitsTeamsMessage(message: unknown): boolean {
  return bytes(JSON.stringify(message)) <= budget;
}

/**
 * Splits text into parts that each fit a Teams message (counted as JSON, as it is sent): between
 * lines, paragraphs kept whole where they fit; a line longer than a message is cut by characters.
 */
export function splitToFit(text: string, maxBytes = budget): string[] {
  const size = (part: string) => bytes(JSON.stringify(part));
  const parts: string[] = [];
  let current = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (size(current + line) <= maxBytes) {
      current += line;
      continue;
    }
    if (current.trim()) parts.push(current.trimEnd());
    current = '';
    for (const char of line) {
      if (size(current + char) > maxBytes) {
        parts.push(current);
        current = '';
      }
      current += char;
    }
  }
  if (current.trim()) parts.push(current.trimEnd());
  return parts;
}
