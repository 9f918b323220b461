import { z } from 'zod';
import { loadResource } from '../content/resource-file.js';

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
const lines = z.array(line).min(1, 'needs at least one line');

const scenarioSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
  title: line,
  /** Words that name this scene in a message ("practice with my landlord"); also accepted as answers. */
  keywords: z.array(line).min(1),
  setting: line,
  counterpart: line,
  persona: line,
  /** What the person is there to ask for, in words that fit "to ask for {goal}"; used in examples. */
  goal: line,
  opening: line,
  /** The role-play ends after this many of the person's turns (3 to 8), if nothing ends it sooner. */
  maxExchanges: z.number().int().min(3).max(8),
  moves: z.object(
    Object.fromEntries(moveNames.map((name) => [name, lines])) as Record<MoveName, typeof lines>,
  ),
});

const fileSchema = z
  .object({
    version: z.literal(1),
    scenarios: z.array(scenarioSchema).min(8, 'ship at least eight scenarios'),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.scenarios.forEach((scenario, index) => {
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

/**
 * The one scene a message names by its keywords ("can I practice with my landlord?"), or
 * undefined when it names none or several (then the person chooses).
 */
export function scenarioNamedIn(scenarios: readonly Scenario[], text: string): Scenario | undefined {
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9'-]+/g, ' ')} `;
  const named = scenarios.filter((scenario) =>
    scenario.keywords.some((keyword) => words.includes(` ${keyword.toLowerCase()} `)),
  );
  return named.length === 1 ? named[0] : undefined;
}
export const practiceScenariosSchema = fileSchema;

/**
 * Loads resources/practice-scenarios.json at start: a bad edit stops the bot naming the file and
 * field (a ResourceError), rather than a role-play breaking mid-conversation.
 */
export function loadScenarios(dir?: string): readonly Scenario[] {
  return loadResource('practice-scenarios.json', fileSchema, dir).scenarios;
}
