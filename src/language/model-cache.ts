import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { projectRoot } from '../paths.js';
import type { PhraseLists } from './intents/phrase-lists.js';
import {
  defaultTrainingOptions,
  type LabelledExamples,
  TextClassifier,
  type TrainedModel,
  type TrainingOptions,
} from './intents/text-classifier.js';

/**
 * Trained classifiers kept between starts. Training the intent recognizer and the safety gate's
 * learned layer took about 0.4 s of every cold start, though both are deterministic functions of
 * the resource files and the code. `npm run build` trains them once (scripts/train-models.ts) into
 * dist/models/<name>.json, each stored with a key: a hash of everything training reads (labels,
 * examples or what they are made from, phrase lists, options), of the compiled code that makes the
 * examples and trains, and of the engine. At start a model is restored only when its key matches;
 * an edited example, changed code, or a missing or unreadable file means training as before.
 */

/** Where `npm run build` puts trained models. */
export const modelsDir = resolve(projectRoot, 'dist/models');

/** Stored models by name. */
export interface ModelStore {
  /** The model stored under `name` when it was trained from what `key` names. */
  get(name: string, key: string): TrainedModel | undefined;
  /** Offered every model trained on a miss; only a writing store (the build's) keeps it. */
  put(name: string, key: string, model: TrainedModel): void;
}

const storedModelSchema = z.object({
  key: z.string(),
  model: z.object({
    features: z.array(z.string()),
    weights: z.string(),
    bias: z.array(z.number()),
    words: z.array(z.tuple([z.string(), z.number()])),
  }),
});

/** The store in `dir`: read-only at start; `write: true` for the build step. */
export function modelStore(dir: string = modelsDir, options: { write?: boolean } = {}): ModelStore {
  const file = (name: string) => join(dir, `${name}.json`);
  return {
    get(name, key) {
      try {
        const stored = storedModelSchema.safeParse(JSON.parse(readFileSync(file(name), 'utf8')));
        return stored.success && stored.data.key === key ? stored.data.model : undefined;
      } catch {
        return undefined; // Missing or unreadable: train instead.
      }
    },
    put(name, key, model) {
      if (!options.write) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(name), JSON.stringify({ key, model }));
    },
  };
}

/**
 * The compiled code that makes training examples, turns text into features and trains: this
 * folder's intents/ and safety/ (the safety layer trains on the rules' readings of its examples).
 */
const languageDir = dirname(fileURLToPath(import.meta.url));
function codeFiles(): string[] {
  return ['intents', 'safety'].flatMap((folder) =>
    readdirSync(join(languageDir, folder))
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => join(languageDir, folder, name)),
  );
}

/**
 * What a model is keyed by: its training inputs, the code, and the JavaScript engine (Math.exp
 * may differ in the last digit between versions), hashed.
 */
function trainingKey(inputs: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify({ inputs, engine: process.versions.v8 }));
  for (const path of codeFiles()) hash.update(readFileSync(path));
  return hash.digest('hex');
}

/**
 * The classifier for `labels` trained on `examples`: restored from `store` when it holds one
 * trained from exactly these inputs by this code, else trained (and offered to the store).
 * `source`, when given, is what the examples are derived from (with the code, it decides them):
 * the key is taken from it, so a restore skips deriving the examples at all.
 */
export function trainOrRestore<L extends string>(
  store: ModelStore,
  name: string,
  training: {
    labels: readonly L[];
    examples: () => LabelledExamples<L>;
    source?: unknown;
    lists: PhraseLists;
    options?: Partial<TrainingOptions>;
  },
): TextClassifier<L> {
  const { labels, examples, lists, options = {} } = training;
  const key = trainingKey({
    labels,
    source: training.source ?? examples(),
    lists: [...lists],
    options: { ...defaultTrainingOptions, ...options },
  });
  const stored = store.get(name, key);
  if (stored) {
    try {
      return TextClassifier.restore(labels, lists, stored, options);
    } catch {
      // A model that does not fit: train instead.
    }
  }
  const model = TextClassifier.train(labels, examples(), lists, options);
  store.put(name, key, model.trained());
  return model;
}
