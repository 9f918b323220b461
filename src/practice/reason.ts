import { withoutControlCharacters } from '../cards/plain-text.js';

/** The longest reason kept: a clause, not a story (it is shown back in the scene). */
const MAX_REASON = 120;

/**
 * Why the person wants what they will ask for, in their words: what follows a cue such as
 * "because" ("...about my dog because she helps me stay calm"), up to the end of that sentence.
 * Undefined when there is no cue or nothing after it. `cues` come from resources/locales.
 */
export function reasonIn(text: string, cues: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const found = cues
    .map((cue) => ({
      cue,
      at: new RegExp(`\\b${escapeRegExp(cue.toLowerCase())}\\b`).exec(lower)?.index ?? -1,
    }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (!found) return undefined;
  const after = text.slice(found.at + found.cue.length).split(/[.!?\n]/)[0] ?? '';
  const reason = withoutControlCharacters(after).replace(/\s+/g, ' ').trim();
  if (reason.length < 3) return undefined;
  if (reason.length <= MAX_REASON) return reason;
  const cut = reason.slice(0, MAX_REASON);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : MAX_REASON)}...`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
