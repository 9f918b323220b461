/**
 * Folds a message to a comparable form: lower case, curly quotes straightened, emoji and
 * punctuation dropped, spaces collapsed. Used to match short commands typed in any style.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'?\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
