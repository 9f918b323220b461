import { createWayfinderRecognizer } from '../src/language/intents/index.js';
import { modelStore, modelsDir } from '../src/language/model-cache.js';
import { loadSafetyClassifier } from '../src/language/safety/safety-classifier.js';

/**
 * The build's last step (`npm run build`): trains the intent recognizer and the safety gate's
 * learned layer from resources/ and keeps them in dist/models, so a start restores them instead
 * of training (see src/language/model-cache.ts). Models already there for the same inputs and
 * code are kept as they are.
 */
const store = modelStore(modelsDir, { write: true });
createWayfinderRecognizer({ models: store });
loadSafetyClassifier(undefined, { models: store });
