/**
 * Text for the parts of a card (and of a message) that render no markdown: a TextRun, a card's
 * fallbackText, a message marked `textFormat: 'plain'`. A person's words there show as typed
 * ("**x**", "[link](...)", "<b>" are just characters), so only what still acts is changed.
 * (A TextBlock reads markdown: its text goes through escapeMarkdown in markdown.ts instead.)
 */

/** Control characters go (a NUL, a bell, an ANSI escape can break a card or a terminal). */
export function withoutControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/**
 * Text for a TextRun or fallbackText: also "{{" split with a zero-width space, since Adaptive
 * Card renderers run "{{DATE(...)}}" as a function even inside a TextRun.
 */
export function cardSafe(text: string): string {
  return withoutControlCharacters(text).replace(/\{\{/g, '{\u200b{');
}

/**
 * Text for a card's `speak`, which channels read as SSML: also without "<" and ">", so a
 * person's words never become a speech tag.
 */
export function speakSafe(text: string): string {
  return cardSafe(text).replace(/[<>]/g, ' ');
}
