import { z } from 'zod';
import { loadResource } from '../content/resource-file.js';
import { regexPattern } from '../language/advice-requests.js';
import { nearlySame } from '../language/typed-answer.js';

/** The shortest counterpart name read through a typo: shorter words are too alike ("nurse", "purse"). */
const MIN_TYPO_KEYWORD = 6;

/** What the counterpart can do in reply; the move picker chooses one each turn. */
export const moveNames = [
  'brushOff',
  'askSpecific',
  'negotiate',
  'accept',
  'inWriting',
  'confirm',
  'close',
] as const;
export type MoveName = (typeof moveNames)[number];

const line = z.string().trim().min(1, 'must not be empty').max(300, 'keep a line under 300 characters');

/** The slots a counterpart's line may take: what the person asks for, and why (see slots.ts). */
export const slotNames = ['request', 'reason'] as const;

/**
 * A counterpart's line: `{request}` anywhere; `{reason}` only inside an optional `[...]` part,
 * which is left out when the person gave no reason ("[You mentioned {reason}. ]Can you...").
 */
const sceneLine = line.superRefine((text, ctx) => {
  for (const [, slot] of text.matchAll(/\{(\w+)\}/g))
    if (!(slotNames as readonly string[]).includes(slot ?? ''))
      ctx.addIssue({ code: 'custom', message: `unknown slot {${slot}}: use ${slotNames.join(' or ')}` });
  if (text.replace(/\[[^\]]*\]/g, '').includes('{reason}'))
    ctx.addIssue({ code: 'custom', message: 'put {reason} inside [...]: a person may give no reason' });
});
const lines = z.array(sceneLine).min(1, 'needs at least one line');

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case');
const movesSchema = z.object(
  Object.fromEntries(moveNames.map((name) => [name, lines])) as Record<MoveName, typeof lines>,
);

/**
 * One thing a person may want to ask the scene's counterpart ("to keep an emotional support
 * animal"): its own setting, goal, opening and every move, so the counterpart stays on it.
 */
const situationSchema = z.object({
  id: kebabId,
  /** Words that say this is what the person wants to ask ("emotional support animal", "repair"). */
  keywords: z.array(line).min(1),
  /**
   * The request in a few words that fit "about ..." in anyone's mouth ("an emotional support
   * animal"): the button when asked what it is about, and `{request}` when the person's own words
   * name none of the keywords.
   */
  label: line.max(40),
  /** Words that keep a line on this request: every line of the scene holds one (content.test.ts). */
  topic: z.array(line).min(1),
  title: line,
  setting: line,
  /** How the counterpart acts about this request, when it differs from the scene's persona. */
  persona: line.optional(),
  goal: line,
  opening: sceneLine,
  moves: movesSchema,
});

const scenarioSchema = z.object({
  id: kebabId,
  title: line,
  /** Words that name this scene in a message ("practice with my landlord"); also accepted as answers. */
  keywords: z.array(line).min(1),
  /** The scene as set for the person; `{request}` is what they ask about (see slots.ts). */
  setting: sceneLine,
  counterpart: line,
  /** The counterpart's name within `counterpart` ("Pat"): the person's name for them replaces it. */
  name: line.max(30),
  persona: line,
  /** What the person is there to ask for, in words that fit "to ask for {goal}"; used in examples. */
  goal: line,
  /**
   * The general scene's request in the person's words ("My housing application"): a button beside
   * its situations, and `{request}` (said as "your housing application") when they named none.
   */
  label: line.max(40),
  /**
   * What this counterpart says when the person proposes changing a medicine on their own: a
   * prescriber asks to talk it through and plan together. Scenes without it step out of the role.
   */
  selfChange: line.optional(),
  opening: sceneLine,
  /** The role-play ends after this many of the person's turns (3 to 8), if nothing ends it sooner. */
  maxExchanges: z.number().int().min(3).max(8),
  moves: movesSchema,
  /** Requests this counterpart can be asked about; a scene built from one stays on it. */
  situations: z.array(situationSchema).optional(),
});

/**
 * What the coach steps out of a scene for though it asks nothing (the menu's advice rules read
 * questions only): a taper figure asked of the character ("would you cut it in half"), a worry
 * about the outcome of a case ("am i gonna go to jail"). Patterns over normalized text.
 */
const stepOutSchema = z.strictObject({
  medical: z.array(regexPattern).min(1),
  legal: z.array(regexPattern).min(1),
});

/**
 * How a line speaks of changing a medicine without the prescriber (patterns over normalized
 * text): `proposes` a change ("what if i just stop taking it on my own"), says one was `made`
 * ("since i cut it"), feels `unwell`; `raises` the dose as a topic to decide together with a
 * prescriber ("can we talk about my dose"), unless it asks for `figures` ("10 percent", "how much").
 */
const medicineChangeSchema = z.strictObject({
  proposes: z.array(regexPattern).min(1),
  made: z.array(regexPattern).min(1),
  unwell: z.array(regexPattern).min(1),
  raises: z.array(regexPattern).min(1),
  figures: z.array(regexPattern).min(1),
});

const fileSchema = z
  .object({
    version: z.literal(1),
    stepOut: stepOutSchema,
    medicineChange: medicineChangeSchema,
    scenarios: z.array(scenarioSchema).min(8, 'ship at least eight scenarios'),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.scenarios.forEach((scenario, index) => {
      if (!scenario.counterpart.includes(scenario.name))
        ctx.addIssue({
          code: 'custom',
          path: ['scenarios', index, 'name'],
          message: `"${scenario.name}" is not in the counterpart "${scenario.counterpart}"`,
        });
      if (seen.has(scenario.id))
        ctx.addIssue({
          code: 'custom',
          path: ['scenarios', index, 'id'],
          message: `duplicate id ${scenario.id}`,
        });
      seen.add(scenario.id);
    });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type StepOutRules = z.output<typeof stepOutSchema>;
export type MedicineChangeRules = z.output<typeof medicineChangeSchema>;
export type Situation = NonNullable<Scenario['situations']>[number];

/**
 * A scene as chosen (stored in dialog state, so plain data): the counterpart, what is asked, and
 * the person's words for their request and their reason, when they gave them.
 */
export interface SceneChoice {
  scenario: string;
  situation?: string;
  request?: string;
  reason?: string;
  /** The person's name for the counterpart ("Mike", "Dr. Okafor"), shown in place of the scene's. */
  name?: string;
}

/** True when `text` holds one of `keywords` as whole words. */
export function namesOneOf(text: string, keywords: readonly string[]): boolean {
  return firstNamed(text, keywords) !== undefined;
}

/** Where `text` first holds one of `keywords` as whole words; undefined when it holds none. */
function firstNamed(text: string, keywords: readonly string[]): number | undefined {
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9'-]+/g, ' ')} `;
  const found = keywords
    .map((keyword) => words.indexOf(` ${keyword.toLowerCase()} `))
    .filter((at) => at >= 0);
  return found.length > 0 ? Math.min(...found) : undefined;
}

/**
 * The counterparts `text` names, a one-word name with a typo too ("my landlrod"); what they are
 * asked about must be named exactly ("tests" is not "rests").
 */
function counterpartsIn(scenarios: readonly Scenario[], text: string): Scenario[] {
  const exact = scenarios.filter((scenario) => namesOneOf(text, scenario.keywords));
  if (exact.length > 0) return exact;
  const words = text.toLowerCase().split(/[^a-z0-9'-]+/);
  return scenarios.filter((scenario) =>
    scenario.keywords.some(
      (keyword) =>
        keyword.length >= MIN_TYPO_KEYWORD &&
        !keyword.includes(' ') &&
        words.some((word) => nearlySame(word, keyword.toLowerCase())),
    ),
  );
}

/**
 * The scene a message asks for, built from what it says: the counterpart named ("my landlord")
 * and what the person wants to ask them ("about an emotional support animal"), within the scene
 * library. The request alone finds its counterpart; a counterpart named with a request it has
 * no scene for gets its general scene. Undefined when it names no scene, or several.
 */
export function sceneNamedIn(scenarios: readonly Scenario[], text: string): SceneChoice | undefined {
  const named = counterpartsIn(scenarios, text);
  const asked = scenarios.flatMap((scenario) =>
    (scenario.situations ?? [])
      .filter((situation) => namesOneOf(text, situation.keywords))
      .map((situation) => ({ scenario: scenario.id, situation: situation.id })),
  );
  const within = named.length === 1 ? asked.filter((choice) => choice.scenario === named[0]?.id) : asked;
  if (within.length === 1 && (named.length !== 1 || within[0]?.scenario === named[0]?.id)) return within[0];
  // "its about the rent and my dog" to the landlord (group D, Ava): the request named first is
  // played (a line may turn to the other), never the general scene she had just said it is not.
  if (named.length === 1 && named[0] && within.length > 1) return situationNamedIn(named[0], text);
  if (named.length === 1 && named[0]) return { scenario: named[0].id };
  return undefined;
}

/** The situation of `scenario` that `text` names first ("about the rent and my dog": the rent). */
export function situationNamedIn(scenario: Scenario, text: string): SceneChoice | undefined {
  const named = (scenario.situations ?? [])
    .map((situation) => ({ id: situation.id, at: firstNamed(text, situation.keywords) }))
    .filter((found): found is { id: string; at: number } => found.at !== undefined)
    .sort((a, b) => a.at - b.at)[0];
  return named ? { scenario: scenario.id, situation: named.id } : undefined;
}

/**
 * The scene for a request written elsewhere (a saved accommodation request): the first of
 * `counterparts` ("Housing", "My supervisor or manager", the person's own "supervsr mike") that
 * names one counterpart, on the situation its `request` names ("support animal dog" with a
 * landlord). Undefined when none names a scene of the library.
 */
export function sceneForRequest(
  scenarios: readonly Scenario[],
  counterparts: readonly string[],
  request: string,
): SceneChoice | undefined {
  for (const words of counterparts) {
    const [scenario, ...others] = counterpartsIn(scenarios, words);
    if (!scenario || others.length > 0) continue;
    const situation = scenario.situations?.find((s) => namesOneOf(request, s.keywords));
    return { scenario: scenario.id, ...(situation ? { situation: situation.id } : {}) };
  }
  return undefined;
}

/** The scene to play: the scenario with the chosen situation's setting, goal, opening and moves. */
export function sceneOf(scenario: Scenario, situationId: string | undefined): Scenario {
  const situation = scenario.situations?.find((s) => s.id === situationId);
  if (!situation) return scenario;
  const { title, setting, persona = scenario.persona, goal, opening, moves } = situation;
  return { ...scenario, title, setting, persona, goal, opening, moves };
}

/**
 * Loads resources/practice-scenarios.json at start: a bad edit stops the bot naming the file and
 * field (a ResourceError), rather than a role-play breaking mid-conversation.
 */
export function loadScenarios(dir?: string): readonly Scenario[] {
  return loadScenarioFile(dir).scenarios;
}

/** The whole file: the scenes and the step-out rules. */
export function loadScenarioFile(dir?: string): {
  scenarios: readonly Scenario[];
  stepOut: StepOutRules;
  medicineChange: MedicineChangeRules;
} {
  return loadResource('practice-scenarios.json', fileSchema, dir);
}
