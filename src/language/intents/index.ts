/** Intent and entity recognition: the public surface for the bot and its dialogs. */

export type { DateTimeEntity, DateTimeKind, ResolvedTime } from './datetime-entities.js';
export type { BooleanEntity, NumberEntity, WayfinderEntities } from './entities.js';
export { entityKinds } from './entities.js';
export {
  type AccommodationSetting,
  type AppointmentType,
  accommodationSettings,
  appointmentTypes,
  type DomainEntities,
  EntityLexicon,
  type GroupApproach,
  type GroupFormat,
  groupApproaches,
  groupFormats,
} from './entity-lexicon.js';
export { inputBudget } from './input-budget.js';
export { IntentClassifier, type IntentExamples, type IntentScore } from './intent-classifier.js';
export { loadIntentExamples, splitExamples } from './intent-examples.js';
export { type IntentName, intentNames, isIntentName } from './intent-names.js';
export { type IntentTraceValue, intentTrace, intentTraceName } from './intent-trace.js';
export type { DomainEntity } from './phrase-matcher.js';
export {
  createWayfinderRecognizer,
  type RecognizeTextOptions,
  type WayfinderRecognition,
  WayfinderRecognizer,
  type WayfinderRecognizerOptions,
  type WayfinderRecognizerResult,
} from './wayfinder-recognizer.js';
