import { defaultFeatureWeights, type FeatureWeights, featurize } from './features.js';
import { foldText } from './fold-text.js';
import type { PhraseLists } from './phrase-lists.js';
import { Speller } from './speller.js';

/** Example texts per label, the only thing a classifier is built from. */
export type LabelledExamples<L extends string> = Readonly<Record<L, readonly string[]>>;

/** A label with the classifier's probability for it. */
export interface LabelScore<L extends string> {
  label: L;
  score: number;
}

/** Training settings; the defaults were chosen by cross-validation on the intents' training split. */
export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 weight decay: larger keeps scores away from 0 and 1 (better calibrated, less sure). */
  decay: number;
  seed: number;
  features: FeatureWeights;
}

export const defaultTrainingOptions: TrainingOptions = {
  epochs: 12,
  learningRate: 0.8,
  decay: 0.03,
  seed: 7,
  features: defaultFeatureWeights,
};

/**
 * What training learned, as JSON that restores the same classifier exactly: the feature names in
 * row order, the weights as the bytes of their Float64Array (base64, so no digit is lost and it
 * parses fast), the biases, and the speller's words with their counts (so a restore need not
 * read the examples again).
 */
export interface TrainedModel {
  features: string[];
  weights: string;
  bias: number[];
  words: [string, number][];
}

/**
 * A multinomial logistic regression (softmax) over word, word-pair, phrase-list and character
 * n-gram features, generic over its labels, so that the intent recognizer and the safety gate's
 * learned layer share one implementation. Why our own: the usual JavaScript choices (natural,
 * nlp.js) classify by whole or stemmed words, so "psychiatirst" is just an unknown word, and naive
 * Bayes scores crowd at 0 and 1, which makes thresholds useless. This model is small,
 * deterministic (seeded shuffle: the same examples give the same model everywhere), trains on ~900
 * examples in a few hundred milliseconds, and its output is a probability over the labels.
 */
export class TextClassifier<L extends string> {
  private constructor(
    private readonly labels: readonly L[],
    /** Feature name to its row in `weights`; row r holds one weight per label at r * K. */
    private readonly index: ReadonlyMap<string, number>,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly featureWeights: FeatureWeights,
    private readonly lists: PhraseLists,
    private readonly speller: Speller,
  ) {}

  /**
   * Trains on `examples`; the same labels (in the same order), examples and options always give
   * the same classifier. Each label weighs the same in the loss, whatever its number of examples.
   */
  static train<L extends string>(
    labels: readonly L[],
    examples: LabelledExamples<L>,
    lists: PhraseLists,
    options: Partial<TrainingOptions> = {},
  ): TextClassifier<L> {
    if (labels.length < 2) throw new Error('a classifier needs at least two labels');
    const empty = labels.filter((label) => examples[label].length === 0);
    if (empty.length > 0) throw new Error(`no examples for: ${empty.join(', ')}`);
    const settings = { ...defaultTrainingOptions, ...options };
    // Folded once: the speller counts the folded words, and the features read them.
    const folded = foldAll(labels, examples);
    const speller = spellerFor(labels, folded, lists);
    const index = new Map<string, number>();
    const samples = labels.flatMap((name, label) =>
      (folded.get(name) ?? []).map((text) => {
        const features = [...featurize(corrected(text, speller), lists, settings.features)];
        const rows = Int32Array.from(features, ([key]) => {
          const known = index.get(key);
          if (known !== undefined) return known;
          index.set(key, index.size);
          return index.size - 1;
        });
        return { label, rows, values: Float64Array.from(features, ([, value]) => value) };
      }),
    );
    const classes = labels.length;
    const classWeight = labels.map((name) => samples.length / (classes * examples[name].length));
    const weights = new Float64Array(index.size * classes);
    const bias = new Float64Array(classes);
    const scores = new Float64Array(classes);
    const random = seededRandom(settings.seed);
    const order = samples.map((_, position) => position);
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      const rate = settings.learningRate / (1 + epoch / 10);
      shuffle(order, random);
      for (const position of order) {
        const sample = samples[position];
        if (sample === undefined) continue;
        probabilities(sample.rows, sample.values, weights, bias, scores);
        // Turn the probabilities into the gradient step of each class, then apply it to every row.
        const step = rate * (classWeight[sample.label] ?? 1);
        for (let k = 0; k < classes; k += 1) {
          scores[k] = step * ((scores[k] ?? 0) - (k === sample.label ? 1 : 0));
          bias[k] = (bias[k] ?? 0) - (scores[k] ?? 0);
        }
        for (let j = 0; j < sample.rows.length; j += 1) {
          const base = (sample.rows[j] ?? 0) * classes;
          const value = sample.values[j] ?? 0;
          for (let k = 0; k < classes; k += 1)
            weights[base + k] = (weights[base + k] ?? 0) - (scores[k] ?? 0) * value;
        }
      }
      const shrink = 1 - rate * settings.decay;
      for (let i = 0; i < weights.length; i += 1) weights[i] = (weights[i] ?? 0) * shrink;
    }
    return new TextClassifier(labels, index, weights, bias, settings.features, lists, speller);
  }

  /** What training learned, to store (see TrainedModel). */
  trained(): TrainedModel {
    return {
      features: [...this.index.keys()],
      weights: Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).toString(
        'base64',
      ),
      bias: [...this.bias],
      words: this.speller.vocabulary(),
    };
  }

  /**
   * The classifier `train` gave `model` for these labels, lists and options, without training
   * again or reading the examples. Throws when the model does not fit the labels.
   */
  static restore<L extends string>(
    labels: readonly L[],
    lists: PhraseLists,
    model: TrainedModel,
    options: Partial<TrainingOptions> = {},
  ): TextClassifier<L> {
    const bytes = Buffer.from(model.weights, 'base64');
    if (model.bias.length !== labels.length || bytes.byteLength !== model.features.length * labels.length * 8)
      throw new Error('the stored model does not fit these labels');
    // Copied into a fresh buffer: a Buffer's bytes may sit at an offset a Float64Array cannot use.
    const weights = new Float64Array(bytes.byteLength / 8);
    new Uint8Array(weights.buffer).set(bytes);
    const index = new Map(model.features.map((feature, row) => [feature, row]));
    const { features } = { ...defaultTrainingOptions, ...options };
    return new TextClassifier(
      labels,
      index,
      weights,
      Float64Array.from(model.bias),
      features,
      lists,
      new Speller(new Map(model.words)),
    );
  }

  /** Every label with its probability, most likely first; the scores add up to 1. */
  classify(text: string): LabelScore<L>[] {
    const rows: number[] = [];
    const values: number[] = [];
    for (const [key, value] of featurize(
      corrected(foldText(text), this.speller),
      this.lists,
      this.featureWeights,
    )) {
      const row = this.index.get(key);
      if (row === undefined) continue;
      rows.push(row);
      values.push(value);
    }
    const scores = new Float64Array(this.labels.length);
    probabilities(rows, values, this.weights, this.bias, scores);
    return this.labels
      .map((label, k) => ({ label, score: scores[k] ?? 0 }))
      .sort((a, b) => b.score - a.score);
  }
}

/** Softmax of bias + weights . features, written into `out` (one slot per label). */
function probabilities(
  rows: ArrayLike<number>,
  values: ArrayLike<number>,
  weights: Float64Array,
  bias: Float64Array,
  out: Float64Array,
): void {
  const classes = out.length;
  out.set(bias);
  for (let j = 0; j < rows.length; j += 1) {
    const base = (rows[j] ?? 0) * classes;
    const value = values[j] ?? 0;
    for (let k = 0; k < classes; k += 1) out[k] = (out[k] ?? 0) + (weights[base + k] ?? 0) * value;
  }
  const top = Math.max(...out);
  let total = 0;
  for (let k = 0; k < classes; k += 1) {
    out[k] = Math.exp((out[k] ?? 0) - top);
    total += out[k] ?? 0;
  }
  for (let k = 0; k < classes; k += 1) out[k] = (out[k] ?? 0) / total;
}

/** A folded message as the classifier reads it: split, each unknown word spell-corrected. */
function corrected(folded: string, speller: Speller): string[] {
  return folded
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => speller.correct(word));
}

/** Every example folded (see foldText), by label. */
function foldAll<L extends string>(
  labels: readonly L[],
  examples: LabelledExamples<L>,
): ReadonlyMap<L, readonly string[]> {
  return new Map(labels.map((label) => [label, examples[label].map(foldText)]));
}

/** The speller training builds: the (folded) examples' words and the lists', by how often they occur. */
function spellerFor<L extends string>(
  labels: readonly L[],
  folded: ReadonlyMap<L, readonly string[]>,
  lists: PhraseLists,
): Speller {
  return new Speller(wordCounts(labels, folded, lists));
}

/** How often each word occurs in the examples; phrase-list words count once even if unused. */
function wordCounts<L extends string>(
  labels: readonly L[],
  folded: ReadonlyMap<L, readonly string[]>,
  lists: PhraseLists,
): Map<string, number> {
  const counts = new Map<string, number>([...lists.keys()].map((word) => [word, 1]));
  for (const label of labels) {
    for (const example of folded.get(label) ?? []) {
      for (const word of example.split(' ')) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/** mulberry32: a tiny seeded generator, so training is the same on every start and machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] ?? 0, items[i] ?? 0];
  }
}
