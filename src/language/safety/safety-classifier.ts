import { relative, resolve } from 'node:path';
import { ResourceError } from '../../content/resource-file.js';
import { projectRoot, resourcesDir } from '../../paths.js';
import type { PhraseLists } from '../intents/phrase-lists.js';
import type { TrainingOptions } from '../intents/text-classifier.js';
import { type ModelStore, modelStore } from '../model-cache.js';
import { LearnedSafetyLayer, type LearnedScores, lexiconPhraseLists, weaker } from './learned-layer.js';
import { RuleClassifier } from './rule-classifier.js';
import {
  loadSafetyExamples,
  type SafetyExamples,
  type SafetyExampleTexts,
  safetyExamplesFile,
  textsByLevel,
} from './safety-examples.js';
import type { SafetyResult } from './safety-result.js';
import { loadSafetyRules, type SafetyRules, safetyRulesFile } from './safety-rules.js';
import {
  loadSafetyTaxonomy,
  overdoseCategories,
  type SafetyCategory,
  type SafetyTaxonomy,
} from './safety-taxonomy.js';

export type { LearnedScores } from './learned-layer.js';
export { RuleClassifier } from './rule-classifier.js';
export { mentionsOverdose, type SafetyLevel, type SafetyResult, safetyLevels } from './safety-result.js';

/**
 * How much of a message the learned layer reads, in folded characters. Its cost is then bounded
 * whatever the length (the rules still read everything, linearly): a person in crisis says so
 * early, and a 30 KB paste is not the place a hint hides.
 */
export const learnedInputLimit = 1000;

/** Signal ids the learned layer adds, so traces and logs show which layer raised the level. */
export const learnedDanger = 'learned-danger';
export const learnedConcern = 'learned-concern';

export type LearnedThresholds = SafetyExamples['thresholds'];

/** The learned layer and the score thresholds at which it may raise the rules' level. */
export interface LearnedPart {
  readonly layer: LearnedSafetyLayer;
  readonly thresholds: LearnedThresholds;
}

/** Each layer's view of one message, and the combined result (for the bench and for tracing). */
export interface SafetyExplanation {
  readonly rules: SafetyResult;
  /** Danger categories the rules' cues hint at (see combine). */
  readonly hints: ReadonlySet<SafetyCategory>;
  /** Undefined when the learned layer was not consulted (the rules' result stands, or there is none). */
  readonly learned: LearnedScores | undefined;
  readonly result: SafetyResult;
}

/** The rules' result stands as it is: danger, or anything said outright. */
function settled(rules: SafetyResult): boolean {
  return rules.level === 'danger' || rules.explicit;
}

/**
 * The combination rule, rules first:
 * 1. A danger result from the rules stands as it is, explicit or not, and so does every explicit
 *    result ("I have really strong cravings right now" is concern, said outright). The learned
 *    layer never lowers a level, and is not even consulted then.
 * 2. Otherwise the learned layer scores the first `learnedInputLimit` characters. When the rules
 *    set a match aside (an idiom, a negation, a hypothetical, the past, an ordinary errand), it
 *    scores them again without the words of that match and of what set it aside, and keeps the
 *    weaker scores. So a suppressed match keeps vetoing the learned layer wherever their evidence
 *    is the same words ("this form is killing me", "I'm not going to hurt myself"); other words in
 *    the message can still raise the level.
 * 3. Danger, explicit false (the bot asks before the crisis reply), `learned-danger` added to the
 *    rules' signals, when p(danger) >= thresholds.danger, or when the message is at risk
 *    (p(danger) + p(concern) >= thresholds.atRisk) and danger is the likelier of the two. The
 *    second way exists because the layer splits its belief between danger and concern when a
 *    phrasing sits between them (hopelessness and a wish to be gone share words).
 *    Also danger when the message is at risk and a cue of the rules hints at a danger category
 *    (a sign of an overdose, a place of danger): the layer heard distress, the rules heard where
 *    it is; an overdose category makes it an overdose.
 * 4. Else, when the rules said none and the message is at risk: concern, explicit false,
 *    `learned-concern` added.
 * 5. Else the rules' result unchanged.
 * The thresholds favor sensitivity (a false alarm costs one kind question, a miss can cost a
 * life): cross-validation on the training examples picks the pair that finds the most danger while
 * the alarms stay within the budgets the targets allow (test/language/safety/cross-validate.ts;
 * bench/safety.ts prints the sweep). The held-out sets are never used for it.
 */
export function combine(
  rules: SafetyResult,
  scores: LearnedScores | undefined,
  thresholds: LearnedThresholds,
  hints: ReadonlySet<SafetyCategory> = new Set(),
): SafetyResult {
  if (scores === undefined || settled(rules)) return rules;
  const atRisk = scores.danger + scores.concern >= thresholds.atRisk;
  const hinted = atRisk ? [...hints] : [];
  if (
    scores.danger >= thresholds.danger ||
    (atRisk && scores.danger >= scores.concern) ||
    hinted.length > 0
  ) {
    const overdose = hinted.some((category) => overdoseCategories.has(category));
    const signals = [...rules.signals, learnedDanger];
    return { ...rules, level: 'danger', explicit: false, signals, overdose };
  }
  if (rules.level === 'none' && atRisk) {
    return { ...rules, level: 'concern', explicit: false, signals: [...rules.signals, learnedConcern] };
  }
  return rules;
}

/**
 * The safety gate's classifier: rules (RuleClassifier) and, when given, a learned layer that may
 * raise what the rules found (see `combine`). Pure and synchronous; the rules are linear in the
 * message length and the learned layer reads a bounded prefix.
 */
export class SafetyClassifier {
  constructor(
    private readonly rules: RuleClassifier,
    private readonly learned?: LearnedPart,
  ) {}

  /** Classifies one message; returns for any string. */
  classify(message: string): SafetyResult {
    return this.explain(message).result;
  }

  /** Classifies one message and shows each layer's part. */
  explain(message: string): SafetyExplanation {
    const inspection = this.rules.inspect(message, learnedInputLimit);
    const { result: rules, hints } = inspection;
    if (!this.learned || settled(rules)) return { rules, hints, learned: undefined, result: rules };
    const { layer, thresholds } = this.learned;
    const whole = layer.scores(inspection.reading());
    const learned = inspection.setAside ? weaker(whole, layer.scores(inspection.evidence())) : whole;
    const result = combine(rules, learned, thresholds, hints);
    // The rules already said which language their level is in; a level the layer raised is in the message's.
    const raised = result.level !== rules.level && inspection.spanish;
    return { rules, hints, learned, result: raised ? { ...result, language: 'es' } : result };
  }
}

/**
 * Trains the learned layer on each example as classify reads it (RuleClassifier.read: folding
 * only, no rule matching, which keeps training fast). Used at start and by cross-validation.
 */
export function trainLearnedLayer(
  rules: RuleClassifier,
  examples: SafetyExampleTexts,
  lists: PhraseLists,
  options: Partial<TrainingOptions> = {},
): LearnedSafetyLayer {
  return LearnedSafetyLayer.train(readingsOf(rules, examples), lists, options);
}

/** Each example as classify reads it. */
function readingsOf(rules: RuleClassifier, examples: SafetyExampleTexts): SafetyExampleTexts {
  const read = (texts: readonly string[]) => texts.map((text) => rules.read(text, learnedInputLimit));
  return { danger: read(examples.danger), concern: read(examples.concern), none: read(examples.none) };
}

/** What loadSafetyClassifier builds. */
export interface LoadSafetyOptions {
  /** False: the rules alone, without training (for comparisons). Default true. */
  learned?: boolean;
  /** Trained models kept by the build (dist/models); one trained from other readings is never used. */
  models?: ModelStore;
}

/** The rules and the learned layer's phrase lists and examples, as read from `dir`. */
export interface SafetyResources {
  readonly taxonomy: SafetyTaxonomy;
  readonly rules: RuleClassifier;
  /** The rules as read, which (with the code) decide what `rules` does. */
  readonly rulesFile: SafetyRules;
  readonly examples: SafetyExamples;
  readonly lists: PhraseLists;
}

/**
 * Reads and checks the rules and the examples; throws a ResourceError naming the file and every bad
 * field, including a phrase list the rules' lexicon does not have.
 */
export function loadSafetyResources(dir: string = resourcesDir): SafetyResources {
  const taxonomy = loadSafetyTaxonomy(dir);
  const rulesFile = loadSafetyRules(dir);
  const examples = loadSafetyExamples(taxonomy, dir);
  const unknown = examples.phraseLists.flatMap((name, index) =>
    Object.hasOwn(rulesFile.lexicon, name)
      ? []
      : [`phraseLists[${index}]: "${name}" is not a lexicon list in safety-rules.json`],
  );
  if (unknown.length > 0) {
    throw new ResourceError(relative(projectRoot, resolve(dir, safetyExamplesFile)), unknown);
  }
  const misfiled = [
    ...rulesFile.rules.map((rule, index) => ({ entry: rule, field: `rules[${index}]` })),
    ...rulesFile.combos.map((combo, index) => ({ entry: combo, field: `combos[${index}]` })),
  ].flatMap(({ entry, field }) => {
    if (entry.category === undefined) return [];
    // A cue hints at a danger category; a rule sets its category's level.
    const level = entry.level === 'cue' ? 'danger' : entry.level;
    const actual = taxonomy.levelOf(entry.category);
    return level === actual
      ? []
      : [`${field}.level: "${entry.category}" is ${actual} in safety-taxonomy.json`];
  });
  if (misfiled.length > 0) {
    throw new ResourceError(relative(projectRoot, resolve(dir, safetyRulesFile)), misfiled);
  }
  return {
    taxonomy,
    rules: new RuleClassifier(rulesFile),
    rulesFile,
    examples,
    lists: lexiconPhraseLists(rulesFile.lexicon, examples.phraseLists),
  };
}

/**
 * Builds the classifier from the shipped resources (or `dir`): compiles the rules and trains the
 * learned layer (well under a second). Throws a ResourceError if a file is invalid.
 */
export function loadSafetyClassifier(dir?: string, options: LoadSafetyOptions = {}): SafetyClassifier {
  const { rules, rulesFile, examples, lists } = loadSafetyResources(dir);
  if (options.learned === false) return new SafetyClassifier(rules);
  const texts = textsByLevel(examples.items);
  const layer = LearnedSafetyLayer.trainOrRestore(
    () => readingsOf(rules, texts),
    { rulesFile, texts, learnedInputLimit },
    lists,
    options.models ?? modelStore(),
  );
  return new SafetyClassifier(rules, { layer, thresholds: examples.thresholds });
}
