import { escapeText } from '../language/free-text.js';

/** The words a counterpart's name is read with; they come from resources/locales (practice.name*). */
export interface NameWords {
  /** Words just before a name said as one: "his name is", "call him". */
  says: readonly string[];
  /** Words a name often follows: "talk to", "practice with", "hey". */
  before: readonly string[];
  /** "dr|Dr.": a title as typed and as shown. */
  titles: readonly string[];
  /** Words that follow those and are no name ("talk to my", "hey there", "asking for"). */
  notNames: readonly string[];
}

/** One word of a name as typed: letters, an apostrophe or a hyphen inside. */
const WORD = "([a-z][a-z'’-]{1,20})";

/**
 * The name the person gives the counterpart, as shown ("Mike", "Dr. Okafor"): said as a name ("his
 * name is mike"), as a correction of the one played ("mike not pat", "pat?? its MIKE"), after a title ("dr okafor"),
 * beside their role ("my supervisor mike", "mike my supervisor") or after words a name
 * follows ("talk to mike", "hey mike,"). `roles` are the counterpart's words ("supervisor",
 * "boss"), `played` the name played now ("Pat", "Dr. Reyes"). Undefined when no name is given:
 * a word that is no name (`notNames`, a role, a title) is never taken for one.
 */
export function counterpartNameIn(
  text: string,
  words: NameWords,
  roles: readonly string[],
  played: string,
): string | undefined {
  const lower = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  const titles = new Map(
    words.titles.map((pair) => {
      const [typed = '', shown = ''] = pair.split('|').map((side) => side.trim());
      return [typed.toLowerCase(), shown] as const;
    }),
  );
  const any = (list: Iterable<string>) => [...list].map((word) => escapeText(word.toLowerCase())).join('|');
  const title = `(?:(${any(titles.keys())})\\.?\\s+)?`;
  const playedWord = escapeText(played.toLowerCase().split(/\s+/).at(-1) ?? '');
  const roleWords = roles.filter((role) => !role.includes(' '));
  const patterns = [
    `\\b(?:${any(words.says)})\\s+${title}${WORD}`,
    `\\b${title}${WORD}\\s+not\\s+(?:(?:${any(titles.keys())})\\.?\\s+)?${playedWord}\\b`,
    `\\bnot\\s+(?:(?:${any(titles.keys())})\\.?\\s+)?${playedWord}\\b[\\s,.;:!-]+(?:it'?s\\s+)?${title}${WORD}`,
    `\\b${playedWord}[?!,.]+\\s*it'?s\\s+${title}${WORD}`,
    `\\b(${any(titles.keys())})\\.?\\s+${WORD}`,
    `\\bmy\\s+(?:${any(roleWords)})\\s+()${WORD}`,
    `\\b()${WORD}[,.]?\\s+(?:my|the|our)\\s+(?:${any(roleWords)})\\b`,
    `\\b(?:${any(words.before)})\\s+()${WORD}`,
  ];
  const notNames = new Set([
    ...words.notNames.map((word) => word.toLowerCase()),
    ...roleWords.map((role) => role.toLowerCase()),
    ...titles.keys(),
  ]);
  for (const pattern of patterns) {
    for (const match of lower.matchAll(new RegExp(pattern, 'g'))) {
      const [, typedTitle, name] = match;
      if (!name || notNames.has(name.replace(/’/g, "'"))) continue;
      const shown = typedTitle ? titles.get(typedTitle) : undefined;
      return `${shown ? `${shown} ` : ''}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    }
  }
  return undefined;
}

/**
 * The counterpart as shown, with the person's name for them in place of the scene's ("Your
 * supervisor, Pat" -> "Your supervisor, Mike"; "Dr. Reyes" -> "Dr. Okafor").
 */
export function withName(counterpart: string, played: string, name: string | undefined): string {
  return name ? counterpart.replace(played, name) : counterpart;
}

/**
 * The played name with the title a man or a woman would have ("can it be a guy": "Ms. Duarte" ->
 * "Mr. Duarte"); undefined when the name has no such title, or has it already.
 */
export function retitled(played: string, as: 'man' | 'woman'): string | undefined {
  const changed =
    as === 'man' ? played.replace(/^(?:Ms|Mrs|Miss)\.?\s/, 'Mr. ') : played.replace(/^Mr\.?\s/, 'Ms. ');
  return changed === played ? undefined : changed;
}
