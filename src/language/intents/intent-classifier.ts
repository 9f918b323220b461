import { type ModelStore, trainOrRestore } from '../model-cache.js';
import { type IntentName, intentNames } from './intent-names.js';
import type { PhraseLists } from './phrase-lists.js';
import { TextClassifier, type TrainingOptions } from './text-classifier.js';

export { defaultTrainingOptions, type TrainingOptions } from './text-classifier.js';

/** Example utterances per intent, the only thing a classifier is built from. */
export type IntentExamples = Readonly<Record<IntentName, readonly string[]>>;

/** An intent with the classifier's probability for it. */
export interface IntentScore {
  intent: IntentName;
  score: number;
}

/**
 * The intent recognizer's classifier: the generic TextClassifier (see text-classifier.ts) over
 * the intent names, trained at start from the example files. What its probabilities mean in
 * practice is measured by `npm run eval:intents` and stated on WayfinderRecognition.
 */
export class IntentClassifier {
  private constructor(private readonly model: TextClassifier<IntentName>) {}

  /** Trains on `examples`; the same examples and options always give the same classifier. */
  static train(
    examples: IntentExamples,
    lists: PhraseLists,
    options: Partial<TrainingOptions> = {},
  ): IntentClassifier {
    return new IntentClassifier(TextClassifier.train(intentNames, examples, lists, options));
  }

  /** The classifier `train` gives with the default options, restored from `store` when it holds it. */
  static trainOrRestore(examples: IntentExamples, lists: PhraseLists, store: ModelStore): IntentClassifier {
    return new IntentClassifier(
      trainOrRestore(store, 'intents', { labels: intentNames, examples: () => examples, lists }),
    );
  }

  /** Every intent with its probability, most likely first; the scores add up to 1. */
  classify(text: string): IntentScore[] {
    return this.model.classify(text).map(({ label, score }) => ({ intent: label, score }));
  }
}
