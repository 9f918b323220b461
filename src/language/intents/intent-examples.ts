import { relative, resolve } from 'node:path';
import { z } from 'zod';
import { loadResource, ResourceError } from '../../content/resource-file.js';
import { projectRoot, resourcesDir } from '../../paths.js';
import { foldText } from './fold-text.js';
import type { IntentExamples } from './intent-classifier.js';
import { byIntent, type IntentName } from './intent-names.js';

/** Fewer examples than this and an intent is too thin to recognize reliably. */
export const minExamplesPerIntent = 25;

/** Flags examples that fold to nothing, and repeats (after folding, "Help!" repeats "help"). */
function checkExamples(examples: readonly string[], context: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  examples.forEach((example, index) => {
    const key = foldText(example);
    const first = seen.get(key);
    const problem =
      key === ''
        ? 'has no words once punctuation and emoji are dropped'
        : first !== undefined
          ? `repeats examples[${first}]`
          : undefined;
    if (problem) context.addIssue({ code: 'custom', path: [index], message: problem });
    if (first === undefined) seen.set(key, index);
  });
}

function exampleFileSchema(intent: IntentName) {
  return z.strictObject({
    intent: z.literal(intent, { error: `must be "${intent}", the file's name` }),
    description: z.string().trim().min(1, 'must say what the intent means'),
    examples: z
      .array(z.string().max(300, 'keep examples under 300 characters'))
      .min(minExamplesPerIntent, `needs at least ${minExamplesPerIntent} examples`)
      .superRefine(checkExamples),
  });
}

/**
 * Reads resources/intents/<intent>.json for every intent, checked by zod. An example written
 * under two intents would teach the classifier both, so that stops the start too, naming both.
 */
export function loadIntentExamples(dir = resourcesDir): IntentExamples {
  const owner = new Map<string, { intent: IntentName; index: number }>();
  return byIntent((intent) => {
    const file = `intents/${intent}.json`;
    const { examples } = loadResource(file, exampleFileSchema(intent), dir);
    const clashes: string[] = [];
    examples.forEach((example, index) => {
      const key = foldText(example);
      const other = owner.get(key);
      if (other !== undefined) {
        clashes.push(
          `examples[${index}]: "${example}" is also intents/${other.intent}.json examples[${other.index}]`,
        );
      }
      owner.set(key, { intent, index });
    });
    if (clashes.length > 0) throw new ResourceError(relative(projectRoot, resolve(dir, file)), clashes);
    return examples;
  });
}

/** Examples for building a recognizer, and examples kept back to measure it. */
export interface ExampleSplit {
  train: IntentExamples;
  heldOut: IntentExamples;
}

/**
 * Splits each intent's examples deterministically: every `every`th example (the 5th, 10th, ...)
 * is held out. Files mix short and long, typo'd and clean phrasings throughout, so each part
 * gets a fair share of each kind; the same files always split the same way.
 */
export function splitExamples(examples: IntentExamples, every = 5): ExampleSplit {
  const part = (keep: (index: number) => boolean) =>
    byIntent((intent) => examples[intent].filter((_, index) => keep(index)));
  return { train: part((i) => i % every !== every - 1), heldOut: part((i) => i % every === every - 1) };
}
