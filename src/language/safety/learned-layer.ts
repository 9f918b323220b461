import type { PhraseLists } from '../intents/phrase-lists.js';
import { TextClassifier, type TrainingOptions } from '../intents/text-classifier.js';
import { type ModelStore, trainOrRestore } from '../model-cache.js';
import type { SafetyExampleTexts } from './safety-examples.js';
import { type SafetyLevel, safetyLevels } from './safety-result.js';

/** The learned layer's probability for each level; they add up to 1. */
export type LearnedScores = Readonly<Record<SafetyLevel, number>>;

/** What an empty reading scores: nothing left to read is no evidence of anything. */
const nothingToRead: LearnedScores = { danger: 0, concern: 0, none: 1 };

/**
 * How the layer trains: words, word pairs and the rules' lexicon lists, without the character
 * n-grams the intent recognizer uses. Cross-validation on the safety examples found no gain from
 * them (the rules' folding already spells out slang and typos) and they tripled training time;
 * round 2 tried them again where they should help most, on a voice the layer never saw
 * (leave-one-voice-out, 14 voices): the same danger found (822 v 824 of 853) and more lookalike
 * alarms (12 v 9 of 345).
 */
export const safetyTrainingOptions: Partial<TrainingOptions> = {
  features: { words: 1, chars: 0, pairedOnly: functionWords() },
};

/**
 * Function words count only in word pairs ("want to", "not going"), never alone. Alone they leaned
 * to danger, because danger messages are long and full of them while the ordinary examples are
 * short: a plain answer whose content words the layer had never seen ("time and a half for all my
 * classes", "will anyone at my physician's office be able to see what I have written here?") was
 * left with "and", "all", "will", "be" and "have", and called danger. Cross-validated (fourth
 * sitting): out-of-fold alarms on lookalikes 44 -> 30 of 1,203 and on everyday messages 61 -> 31
 * of 1,112, danger found 2,400 -> 2,382 of 2,458 at the thresholds each picks.
 */
function functionWords(): string[] {
  return `i me my you your he him his she her it its we us our they them their
    a an the and or but if so as than then too very really just like
    to of for at in on by from with about up out here there this that what when how who
    is am are was were be been being will would can could should have has had do did does
    not no yes all some any get got im`.split(/\s+/);
}

/**
 * The safety gate's second layer, for phrasings no rule was written for: the intent recognizer's
 * softmax regression (TextClassifier) with the safety levels as its labels, reading messages as
 * the rules fold them (RuleClassifier.read).
 *
 * Why this model: it gives a probability per level, so the thresholds that trade missed danger
 * against false alarms can be chosen by cross-validation (see combine); it is deterministic
 * (seeded: every start and machine trains the same model); it trains on ~5,000 messages in about
 * a second and scores one in a fraction of a millisecond; and it needs no dependency or
 * downloaded model. A nearest-neighbour vote over the same features was tried and raised more
 * false alarms at every level of recall.
 *
 * What it cannot do: it sees words and word pairs, not grammar, so negation, tense and idioms
 * are the rules' job (a match they set aside vetoes the layer on the same words); it knows only
 * the vocabulary of its examples, in English and Spanish; it reads the first `learnedInputLimit`
 * characters; and it never makes a result explicit: what only it sees is checked with the person.
 */
export class LearnedSafetyLayer {
  private constructor(private readonly model: TextClassifier<SafetyLevel>) {}

  /** Trains on readings (RuleClassifier.read of each example): what scoring will see. */
  static train(
    readings: SafetyExampleTexts,
    lists: PhraseLists,
    options: Partial<TrainingOptions> = {},
  ): LearnedSafetyLayer {
    const settings = { ...safetyTrainingOptions, ...options };
    return new LearnedSafetyLayer(TextClassifier.train(safetyLevels, nonEmpty(readings), lists, settings));
  }

  /**
   * The layer `train` gives with the default options, restored from `store` when it holds it.
   * `source` is what the readings are made from (the rules and the example texts): a stored layer
   * is found by it, so a start reads the examples through the rules only to train.
   */
  static trainOrRestore(
    readings: () => SafetyExampleTexts,
    source: unknown,
    lists: PhraseLists,
    store: ModelStore,
  ): LearnedSafetyLayer {
    return new LearnedSafetyLayer(
      trainOrRestore(store, 'safety', {
        labels: safetyLevels,
        examples: () => nonEmpty(readings()),
        source,
        lists,
        options: safetyTrainingOptions,
      }),
    );
  }

  /** The probability of each level for one reading. */
  scores(reading: string): LearnedScores {
    if (reading.length === 0) return nothingToRead;
    const scores = { ...nothingToRead };
    for (const { label, score } of this.model.classify(reading)) scores[label] = score;
    return scores;
  }
}

/** The readings with text: an empty one teaches nothing. */
function nonEmpty(readings: SafetyExampleTexts): SafetyExampleTexts {
  const withText = (level: SafetyLevel) => readings[level].filter((text) => text.length > 0);
  return { danger: withText('danger'), concern: withText('concern'), none: withText('none') };
}

/**
 * The weaker of two readings' scores, as the combination uses them: the lower p(danger) and the
 * lower p(danger) + p(concern) (the chance the message is at risk at all). Scoring a message whole
 * and without the words the rules set aside, then keeping the weaker, means the learned layer can
 * raise a level only on evidence that survives without those words.
 */
export function weaker(a: LearnedScores, b: LearnedScores): LearnedScores {
  const danger = Math.min(a.danger, b.danger);
  const atRisk = Math.min(a.danger + a.concern, b.danger + b.concern);
  return { danger, concern: atRisk - danger, none: 1 - atRisk };
}

/**
 * Phrase lists for the learned layer from the rules' lexicon: each one-word entry of the named
 * lists ("oxys" is not one, "pills" is) stands also for its list, so a word no example uses still
 * points the way its list-mates do. Multi-word and wildcard entries are left to the rules.
 */
export function lexiconPhraseLists(
  lexicon: Readonly<Record<string, readonly string[]>>,
  names: readonly string[],
): PhraseLists {
  const byWord = new Map<string, string[]>();
  for (const name of names) {
    for (const entry of lexicon[name] ?? []) {
      if (!/^[\p{Ll}\p{N}]+$/u.test(entry) || /^\d+$/.test(entry)) continue;
      byWord.set(entry, [...(byWord.get(entry) ?? []), name]);
    }
  }
  return byWord;
}
