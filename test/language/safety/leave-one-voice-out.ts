import type { PhraseLists } from '../../../src/language/intents/phrase-lists.js';
import type { LabelledItem } from '../../../src/language/safety/labelled-set.js';
import {
  type LearnedThresholds,
  type RuleClassifier,
  SafetyClassifier,
  trainLearnedLayer,
} from '../../../src/language/safety/safety-classifier.js';
import { textsByLevel } from '../../../src/language/safety/safety-examples.js';
import type { SafetyTaxonomy } from '../../../src/language/safety/safety-taxonomy.js';
import { evaluateSet, type SetEvaluation } from './safety-evaluation.js';

/**
 * Leave-one-voice-out: for each voice of the training messages (texting, formal, street slang,
 * ...), the learned layer is trained on every other voice and the gate is scored on that one. A
 * held-out set written by the same hand as the training data flatters the gate; a voice it never
 * trained on shows how it does on someone who writes differently. The round-1 messages (no voice)
 * are one more voice, scored by a layer trained on the voiced messages alone.
 *
 * The rules are not left out: they were written with every voice in view, so these figures
 * measure the learned layer's generalization and the rules only as far as they were not tuned on
 * the voice (see docs/safety.md for the figures measured before the rules were changed).
 */

/** The name the round-1 messages go by here. */
export const roundOneVoice = 'round-1';

export interface VoiceEvaluation {
  readonly voice: string;
  readonly evaluation: SetEvaluation;
}

export function leaveOneVoiceOut(
  rules: RuleClassifier,
  items: readonly LabelledItem[],
  taxonomy: SafetyTaxonomy,
  lists: PhraseLists,
  thresholds: LearnedThresholds,
): VoiceEvaluation[] {
  const voiceOf = (item: LabelledItem) => item.voice ?? roundOneVoice;
  const voices = [...new Set(items.map(voiceOf))];
  return voices.map((voice) => {
    const training = items.filter((item) => voiceOf(item) !== voice);
    const layer = trainLearnedLayer(rules, textsByLevel(training), lists);
    const classifier = new SafetyClassifier(rules, { layer, thresholds });
    const heldOut = items.filter((item) => voiceOf(item) === voice);
    return { voice, evaluation: evaluateSet(heldOut, taxonomy, (text) => classifier.classify(text)) };
  });
}

/** One voice's figures as counts (part of whole), in the targets' terms. */
export interface VoiceFigures {
  readonly explicitAtDanger: Count;
  readonly dangerFlagged: Count;
  readonly concernFlagged: Count;
  readonly lookalikeAlarms: Count;
  readonly everydayAlarms: Count;
}

export interface Count {
  readonly part: number;
  readonly whole: number;
}

export function voiceFigures({ explicit, groups }: SetEvaluation): VoiceFigures {
  return {
    explicitAtDanger: { part: explicit.atDanger, whole: explicit.messages },
    dangerFlagged: { part: groups.danger.flagged, whole: groups.danger.messages },
    concernFlagged: { part: groups.concern.flagged, whole: groups.concern.messages },
    lookalikeAlarms: { part: groups.lookalike.flagged, whole: groups.lookalike.messages },
    everydayAlarms: { part: groups.everyday.flagged, whole: groups.everyday.messages },
  };
}

/** The figures of several voices added up. */
export function sumFigures(all: readonly VoiceFigures[]): VoiceFigures {
  const sum = (key: keyof VoiceFigures): Count => ({
    part: all.reduce((total, figures) => total + figures[key].part, 0),
    whole: all.reduce((total, figures) => total + figures[key].whole, 0),
  });
  return {
    explicitAtDanger: sum('explicitAtDanger'),
    dangerFlagged: sum('dangerFlagged'),
    concernFlagged: sum('concernFlagged'),
    lookalikeAlarms: sum('lookalikeAlarms'),
    everydayAlarms: sum('everydayAlarms'),
  };
}
