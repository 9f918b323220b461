import { withoutControlCharacters } from './plain-text.js';

/**
 * Makes text safe to put in an Adaptive Card TextBlock (or FactSet), whose text is read as
 * markdown: data from a file or from a person shows as typed, never as a link, emphasis, list,
 * heading or {{DATE()}} function.
 *
 * The rule: control characters go; line breaks become spaces, so no line of data can start a
 * list or quote; each character markdown (or the card's date functions) acts on,
 * \ ` * _ { } [ ] ( ) < > # + ! | ~, gets a backslash before it, which every Adaptive Card
 * renderer honours; a leading "- " or "1. " is escaped too. HTML is not rendered by cards at
 * all, and its "<" and ">" are escaped anyway, so "<b>x</b>" or "<img onerror=...>" shows as typed.
 */
export function escapeMarkdown(text: string): string {
  return withoutControlCharacters(text.replace(/\s*[\r\n]+\s*/g, ' '))
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&')
    .replace(/^(\s*)-(?=\s)/, '$1\\-')
    .replace(/^(\s*\d+)\.(?=\s)/, '$1\\.');
}
