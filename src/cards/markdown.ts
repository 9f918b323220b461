/**
 * Makes text safe to put in an Adaptive Card TextBlock (or FactSet), whose text is read as
 * markdown: data from a file or from a person shows as typed, never as a link, emphasis, list,
 * heading or {{DATE()}} function. Line breaks become spaces, so no line of data can start a
 * list or quote; the characters markdown (and the card's date functions) act on are escaped
 * with a backslash, which every Adaptive Card renderer honours.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&')
    .replace(/^(\s*)-(?=\s)/, '$1\\-')
    .replace(/^(\s*\d+)\.(?=\s)/, '$1\\.');
}
