/**
 * Channels that render Adaptive Cards, from the Bot Framework channels reference ("card support
 * by channel"): Teams, Web Chat, Direct Line (its clients, such as Web Chat) and the Emulator.
 * Elsewhere (SMS, email, a test adapter) a card would be dropped or shown as an image, so the
 * same content goes as text instead.
 */
const cardChannels: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline', 'emulator']);

/** True when the channel shows an Adaptive Card to the person. */
export function showsAdaptiveCards(channelId: string | undefined): boolean {
  return channelId !== undefined && cardChannels.has(channelId);
}
