import { z } from 'zod';
import { loadResource } from '../content/resource-file.js';
import { joinedParts } from '../language/sentences.js';

/** The rubric skills Wayfinder can notice in a person's own words, in the order feedback favours. */
export const skillNames = [
  'specificRequest',
  'inWriting',
  'statesBenefit',
  'iStatement',
  'factsNoBlame',
  'staysOnTrack',
  'negotiates',
  'checksUnderstanding',
  'mentionsSupport',
  'knowsRights',
] as const;
export type Skill = (typeof skillNames)[number];

const pattern = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'i');
  } catch (cause) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${String(cause)})` });
  }
});
const ruleSchema = z.object({
  /** Every group must have a pattern that matches. */
  all: z.array(z.array(pattern).min(1)).min(1),
  /** No pattern here may match (blame words, threats, vagueness). */
  none: z.array(pattern).default([]),
});
const fileSchema = z.object({
  version: z.literal(1),
  skills: z.object(
    Object.fromEntries(skillNames.map((name) => [name, ruleSchema])) as Record<Skill, typeof ruleSchema>,
  ),
});

/** A skill's rule, compiled. */
interface Rule {
  all: readonly RegExp[][];
  none: readonly RegExp[];
}
export type SkillRules = ReadonlyMap<Skill, Rule>;

/** What the detector knows beyond the words: the counterpart has just brushed the person off. */
export interface SkillContext {
  afterBrushOff?: boolean;
  /** The counterpart just asked what exactly the person needs. */
  afterAskSpecific?: boolean;
}

/** The fewest words that answer "what exactly do you need?" ("a few extra days on papers"). */
const MIN_EXACT_ANSWER = 4;

/** Loads and compiles resources/practice-skills.json (validated; a bad regex names its field). */
export function loadSkillRules(dir?: string): SkillRules {
  const file = loadResource('practice-skills.json', fileSchema, dir);
  const compile = (source: string) => new RegExp(source, 'i');
  return new Map(
    skillNames.map((name): [Skill, Rule] => {
      const rule = file.skills[name];
      return [name, { all: rule.all.map((group) => group.map(compile)), none: rule.none.map(compile) }];
    }),
  );
}

/** Curly quotes and runs of spaces as plain ones, so "I’d like" matches "i'd like". */
function normalize(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function matches(rule: Rule | undefined, text: string): boolean {
  if (!rule) return false;
  return (
    rule.all.every((group) => group.some((re) => re.test(text))) && !rule.none.some((re) => re.test(text))
  );
}

/**
 * The skills a message shows, by clear rules over the person's own words (pure, deterministic).
 * Staying on track also counts when, right after a brush-off, the person asks again specifically:
 * that is the "broken record" the rubric means, whatever words it uses.
 */
export function detectSkills(rules: SkillRules, text: string, context: SkillContext = {}): Set<Skill> {
  const words = normalize(text);
  const found = new Set<Skill>(skillNames.filter((name) => matches(rules.get(name), words)));
  if (context.afterBrushOff && found.has('specificRequest')) found.add('staysOnTrack');
  // An answer to "what exactly?" is the request made specific ("like a few extra days on papers
  // when im having a bad week"; group D, Ava): the scene moves on instead of looping on brush-offs.
  // A question back, or a word or two ("idk", "2"), is not.
  const answers = !text.includes('?') && words.split(' ').filter(Boolean).length >= MIN_EXACT_ANSWER;
  if (context.afterAskSpecific && answers) found.add('specificRequest');
  return found;
}

/**
 * The thing asked for, in the person's words ("I need Fridays off so..." -> "Fridays off"), for
 * example phrasings; undefined when no request is found.
 */
export function askIn(text: string): string | undefined {
  const match = normalize(text).match(
    /\b(?:i need|i'd like|i would like|i want|i'm asking for|i am asking for|could i (?:have|get)|can i (?:have|get))\s+(.+)/i,
  );
  // The thing asked for ends where its reason starts ("so i can", "so it's", "because").
  // A comma ends it too: "later start tue and thu, like 11 instead of 7" (group A, Marcus).
  const [asked] = joinedParts(match?.[1] ?? '', ['so that', 'so i', 'so it', 'because', 'that way'], '.!?;,');
  const rest = asked?.part
    .replace(/[\s,]*please$/i, '')
    .replace(/[\s,]+$/, '')
    .trim();
  // "to ask about my dog" is no thing asked for: it would read "I'm asking for to ask about...".
  if (!rest || rest.length < 3 || /^to\b/i.test(rest)) return undefined;
  return rest.length > 80 ? `${rest.slice(0, 77).trimEnd()}...` : rest;
}
