import { withoutControlCharacters } from '../cards/plain-text.js';
import { joinedParts, sentencesOf } from '../language/sentences.js';

/** The longest reason kept: a clause, not a story (it is shown back in the scene). */
const MAX_REASON = 120;

/**
 * Why the person wants what they will ask for, in their words: what follows a cue such as
 * "because" ("...about my dog because she helps me stay calm"), up to the end of that sentence.
 * Undefined when there is no cue or nothing after it. `cues` come from resources/locales; of two
 * cues at one place the longer is taken ("because of my ADHD" -> "my ADHD").
 */
export function reasonIn(text: string, cues: readonly string[]): string | undefined {
  const [before, cue] = joinedParts(text, cues);
  if (!before || !cue) return undefined;
  return clauseOf(text.slice(before.part.length + cue.join.length));
}

/**
 * The reason in an answer to "why?": after a cue when there is one ("because it helps"), else
 * the answer's first sentence ("I've done 18 months").
 */
export function reasonFromAnswer(text: string, cues: readonly string[]): string | undefined {
  return reasonIn(text, cues) ?? clauseOf(text);
}

/** The first sentence of `text`, flattened and cut to MAX_REASON at a word; undefined when too short. */
function clauseOf(text: string): string | undefined {
  const first = sentencesOf(text)[0] ?? '';
  const reason = withoutControlCharacters(first)
    .replace(/[.!?\u2026;]+$/, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,:-]+/, '')
    .trim();
  if (reason.length < 3) return undefined;
  if (reason.length <= MAX_REASON) return reason;
  const cut = reason.slice(0, MAX_REASON);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : MAX_REASON)}...`;
}
