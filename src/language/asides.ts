import type { StringKey, Strings } from '../content/strings.js';
import { isQuestion } from './advice-requests.js';
import { normalizeText } from './normalize.js';
import { saysAnyOf } from './says-any-of.js';
import { sentencesOf } from './sentences.js';
import { foldAnswer } from './typed-answer.js';

/**
 * Something said beside the task that has an answer of its own: a question about naloxone or
 * staying safer when using, a phone number the bot does not have, whether an edited message's old
 * words are gone, feeling judged, frustration
 * with the bot. People in the ninth run typed each at the menu and got "didn't catch that".
 */
export type Aside = 'naloxone' | 'noNumber' | 'oldVersion' | 'judged' | 'frustrated';

/** What each aside is answered with (resources/locales, section asides). */
export const asideAnswers: Record<Aside, StringKey> = {
  naloxone: 'asides.naloxoneAnswer',
  noNumber: 'asides.noNumberAnswer',
  oldVersion: 'asides.oldVersionAnswer',
  judged: 'asides.judgedAnswer',
  frustrated: 'asides.frustratedAnswer',
};

/**
 * Where an aside is read: at the menu (everything), at a question inside a flow (not frustration,
 * which the flow's own reader meets with a simpler question), or where the person's own words are
 * kept, a name or a message (only questions to the bot, never a feeling said as part of the words).
 */
export type AsideWhere = 'menu' | 'flow' | 'ownWords';

/** The aside `text` is, read `where` it is typed. */
export function asideIn(
  strings: Strings,
  text: string | undefined,
  where: AsideWhere = 'menu',
): Aside | undefined {
  const folded = foldAnswer(text ?? '');
  if (!folded) return undefined;
  // "in the meantime is there anything i should do if i use. like so i dont end up like him": a
  // question may open any sentence, after a few words of lead-in; "where do i get narcan" (Ray,
  // tenth run) asks where, which no advice question starts with.
  const asks =
    sentencesOf(text ?? '').some((sentence) => isQuestion(normalizeText(sentence))) ||
    /\b(is there anything|anything i (should|can)|what (should|can) i|where (do|can|could|would) i)\b/.test(
      folded,
    );
  // "narcan" alone at the menu, or a question about it anywhere ("should i be carrying narcan
  // myself or is that overkill"); "narcan nearby" at a safety-plan part is the person's own entry.
  const short = where === 'menu' && folded.split(' ').length <= 2;
  if (saysAnyOf(strings, 'asides.naloxoneWords', folded) && (asks || short)) return 'naloxone';
  // "whats the number for the public defender": no directory entry has one; never guessed.
  if (
    saysAnyOf(strings, 'asides.numberWords', folded) &&
    saysAnyOf(strings, 'asides.legalOfficeWords', folded)
  )
    return 'noNumber';
  // "is the old version with the hospital stuff gone for real? not in some log?" (Kim, after an edit).
  if (asks && saysAnyOf(strings, 'asides.oldVersionWords', folded)) return 'oldVersion';
  if (where === 'ownWords') return undefined;
  // "...I am beginning to feel judged here as well." (Janet, at her group results): heard anywhere.
  if (saysAnyOf(strings, 'asides.judgedWords', folded)) return 'judged';
  if (where === 'menu' && saysAnyOf(strings, 'asides.frustratedWords', folded)) return 'frustrated';
  return undefined;
}

/**
 * True when `text` asks for a person ("i want a person", "does a real person work here"), or turns
 * the lines down for one ("i literally said no crisis line. a PEER").
 */
export function asksForPerson(strings: Strings, text: string | undefined): boolean {
  if (saysAnyOf(strings, 'handoff.askPersonWords', text)) return true;
  return saysAnyOf(strings, 'handoff.noLinesWords', text) && saysAnyOf(strings, 'handoff.personWords', text);
}
