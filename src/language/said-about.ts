import type { Strings } from '../content/strings.js';
import { joinedParts } from './sentences.js';
import { foldAnswer, sentencesOf } from './typed-answer.js';

/**
 * A request to take part of what the person wrote back out ("can you delete what i said about
 * drinking", "take out the drinking part"): the words naming that part, or undefined when `text`
 * asks for no such thing. Its words are data (answers.deleteVerbs, handoff.takeOutWords,
 * handoff.partWords).
 */
export function takeOutRequestIn(strings: Strings, text: string): string[] | undefined {
  const verbs = [...strings.variants('answers.deleteVerbs'), ...strings.variants('handoff.takeOutWords')]
    .map(foldAnswer)
    .sort((a, b) => b.length - a.length);
  const parts = new Set(strings.variants('handoff.partWords').map(foldAnswer));
  for (const sentence of sentencesOf(text)) {
    const said = ` ${foldAnswer(sentence)} `;
    const verb = verbs.find((words) => said.includes(` ${words} `));
    if (!verb) continue;
    const after = said
      .slice(said.indexOf(` ${verb} `) + verb.length + 2)
      .trim()
      .split(' ');
    // "what i said about drinking": the part is named after "about"; else by its own words.
    const about = after.lastIndexOf('about');
    const named = (about >= 0 ? after.slice(about + 1) : after).filter((word) => !parts.has(word));
    if (named.length > 0) return named;
  }
  return undefined;
}

/**
 * `message` without the clauses that hold any of `topic`'s words ("drinking" takes out "drinking
 * more than I should" from "on leave for burnout and drinking more than I should."), the rest kept
 * as typed; undefined when no clause holds them.
 */
export function withoutPartAbout(message: string, topic: readonly string[]): string | undefined {
  // A word's stem: "drinking" finds "drink" and "drinks" too.
  const stems = topic.map((word) => word.slice(0, Math.max(4, word.length - 3)));
  const names = (clause: string) =>
    foldAnswer(clause)
      .split(' ')
      .some((word) => stems.some((stem) => word.startsWith(stem)));
  let removed = false;
  const kept = sentencesOf(message).flatMap((sentence) => {
    const end = /[.!?]+$/.exec(sentence)?.[0] ?? '';
    let out = '';
    for (const { part, join } of joinedParts(sentence, ['and', 'but'], ',')) {
      if (names(part)) {
        removed = true;
        continue;
      }
      out += (out ? join : '') + part;
    }
    out = out.trim();
    if (!out) return [];
    return [/[.!?]$/.test(out) ? out : `${out}${end}`];
  });
  return removed ? kept.join(' ') : undefined;
}
