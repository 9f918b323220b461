import { loadIntentExamples, splitExamples } from '../../../src/language/intents/intent-examples.js';
import {
  createWayfinderRecognizer,
  type WayfinderRecognizer,
} from '../../../src/language/intents/wayfinder-recognizer.js';

/** Thursday 8 May 2025, 10:00 in Chicago (CDT, UTC-5): the fixed "now" of these tests. */
export const fixedNow = new Date('2025-05-08T15:00:00Z');

let full: WayfinderRecognizer | undefined;
let trainOnly: WayfinderRecognizer | undefined;

/** The recognizer as shipped (all examples), on the fixed clock; built once per run. */
export function shippedRecognizer(): WayfinderRecognizer {
  full ??= createWayfinderRecognizer({ clock: () => fixedNow });
  return full;
}

/** A recognizer built without the held-out examples, to measure it on them. */
export function trainSplitRecognizer(): WayfinderRecognizer {
  trainOnly ??= createWayfinderRecognizer({
    clock: () => fixedNow,
    examples: splitExamples(loadIntentExamples()).train,
  });
  return trainOnly;
}
