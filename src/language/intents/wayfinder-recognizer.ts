import type { Activity, ActivityTimestamps, RecognizerResult } from 'botbuilder';
import { type DialogContext, Recognizer } from 'botbuilder-dialogs';
import { resourcesDir } from '../../paths.js';
import { span } from '../../platform/spans.js';
import { type ModelStore, modelStore } from '../model-cache.js';
import { type DateTimeEntity, findDateTimes } from './datetime-entities.js';
import { extractEntities, noEntities, type WayfinderEntities } from './entities.js';
import { EntityLexicon } from './entity-lexicon.js';
import { inputBudget } from './input-budget.js';
import { IntentClassifier, type IntentExamples, type IntentScore } from './intent-classifier.js';
import { loadIntentExamples } from './intent-examples.js';
import type { IntentName } from './intent-names.js';
import { loadPhraseLists } from './phrase-lists.js';
import { fixedZone, ianaZone, offsetOfTimestamp, type Zone } from './time-zone.js';

/**
 * What one message means. `score` is the classifier's probability that `intent` is right (the
 * scores of all intents add up to 1), so it is comparable across messages. What it meant on
 * examples the classifier was not built from (`npm run eval:intents`, and cross-validation): at
 * >= 0.7 it was right about 98% of the time, between 0.45 and 0.7 about 8 to 9 times in 10,
 * below 0.45 about half the time. So: route at >= 0.7, confirm between 0.45 and 0.7, and below
 * that offer `intent` and `runnerUp`, the two likeliest. An empty message is `none` with score 1.
 */
export interface WayfinderRecognition {
  intent: IntentName;
  score: number;
  runnerUp?: IntentScore;
  entities: WayfinderEntities;
}

/** Where and when the person is, to resolve "tomorrow at 3". */
export interface RecognizeTextOptions {
  /** IANA zone ("America/Chicago"), e.g. the activity's localTimezone. */
  timezone?: string;
  /** The activity's raw localTimestamp ("2025-05-08T10:00:00-05:00"): its offset is used when no zone is known. */
  localTimestamp?: string;
  /** The person's now; defaults to the recognizer's clock. */
  now?: Date;
}

export interface WayfinderRecognizerOptions {
  /** The clock for "now" (tests fix it). */
  clock?: () => Date;
  /** The zone for people whose channel sends none. */
  defaultTimezone?: string;
  /** Examples to build the classifier from; defaults to resources/intents/. */
  examples?: IntentExamples;
  /** Where resources live (tests point elsewhere). */
  resourcesDir?: string;
  /** Trained models kept by the build (dist/models); a model trained from other inputs is never used. */
  models?: ModelStore;
}

/** The RecognizerResult this recognizer returns: the usual shape, plus the typed recognition. */
export interface WayfinderRecognizerResult extends RecognizerResult {
  entities: WayfinderEntities;
  wayfinder: WayfinderRecognition;
}

/**
 * Wayfinder's local intent and entity recognizer. It has botbuilder's Recognizer shape, so a
 * cloud recognizer (CLU) can take its place later without touching the dialogs.
 */
export class WayfinderRecognizer extends Recognizer {
  constructor(
    private readonly classifier: IntentClassifier,
    private readonly lexicon: EntityLexicon,
    private readonly clock: () => Date,
    private readonly defaultZone: Zone,
  ) {
    super();
    this.id = 'WayfinderRecognizer';
  }

  /** Recognizes plain text, outside any dialog. */
  async recognizeText(text: string, options: RecognizeTextOptions = {}): Promise<WayfinderRecognition> {
    return this.recognizeNow(text, options).recognition;
  }

  /** The work itself, synchronous (every recognizer here is), with every intent's score. */
  recognizeNow(
    text: string,
    options: RecognizeTextOptions = {},
  ): { recognition: WayfinderRecognition; scores: IntentScore[] } {
    if (text.trim().length === 0) {
      return {
        recognition: { intent: 'none', score: 1, entities: noEntities() },
        scores: [{ intent: 'none', score: 1 }],
      };
    }
    const scores = span('intent', () => this.classifier.classify(text.slice(0, inputBudget.intentChars)));
    const [top, second] = scores;
    const entities = extractEntities(text, options.now ?? this.clock(), this.zoneFor(options), this.lexicon);
    const recognition: WayfinderRecognition = {
      intent: top?.intent ?? 'none',
      score: top?.score ?? 1,
      ...(second ? { runnerUp: second } : {}),
      entities,
    };
    return { recognition, scores };
  }

  /**
   * The dates and times in `text` alone, as recognizeNow finds them: for re-reading part of a
   * message for a date, which needs neither the intent nor the other entities.
   */
  datesIn(text: string, options: RecognizeTextOptions = {}): DateTimeEntity[] {
    return span('datetime', () => findDateTimes(text, options.now ?? this.clock(), this.zoneFor(options)));
  }

  /** botbuilder's Recognizer: reads the activity's text, time zone and local timestamp. */
  override async recognize(
    dialogContext: DialogContext,
    activity: Partial<Activity>,
    telemetryProperties?: Record<string, string>,
    telemetryMetrics?: Record<string, number>,
  ): Promise<WayfinderRecognizerResult> {
    const text = activity.text ?? '';
    const raw = rawLocalTimestamp(activity);
    const { recognition, scores } = this.recognizeNow(text, {
      ...(activity.localTimezone ? { timezone: activity.localTimezone } : {}),
      ...(raw ? { localTimestamp: raw } : {}),
    });
    // Telemetry gets the outcome only: never the message text (see architecture: no text in logs).
    this.trackRecognizerResult(
      dialogContext,
      'WayfinderRecognizerResult',
      { intent: recognition.intent, score: recognition.score.toFixed(2), ...telemetryProperties },
      telemetryMetrics,
    );
    return {
      text,
      intents: Object.fromEntries(scores.map(({ intent, score }) => [intent, { score }])),
      entities: recognition.entities,
      wayfinder: recognition,
    };
  }

  /** The zone to read times in: the named zone, else the timestamp's offset, else the default. */
  private zoneFor(options: RecognizeTextOptions): Zone {
    const named = options.timezone ? ianaZone(options.timezone) : undefined;
    if (named) return named;
    const offset = options.localTimestamp ? offsetOfTimestamp(options.localTimestamp) : undefined;
    return offset === undefined ? this.defaultZone : fixedZone(offset);
  }
}

/**
 * The local timestamp as the channel sent it, offset included. botbuilder turns localTimestamp
 * into a Date (losing the offset) and keeps the original string as rawLocalTimestamp.
 */
function rawLocalTimestamp(activity: Partial<ActivityTimestamps>): string | undefined {
  if (activity.rawLocalTimestamp) return activity.rawLocalTimestamp;
  const value: unknown = activity.localTimestamp;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Builds the recognizer from resources/ (examples, phrase lists, entity synonyms) and warms the
 * date-time recognizer, whose first call builds its models (~300 ms) and would otherwise land on
 * someone's first message. Throws ResourceError naming the file and field if a resource is bad.
 */
export function createWayfinderRecognizer(options: WayfinderRecognizerOptions = {}): WayfinderRecognizer {
  const dir = options.resourcesDir ?? resourcesDir;
  // Every file is read and checked before the (slower) training, so a bad edit fails at once.
  const examples = options.examples ?? loadIntentExamples(dir);
  const lists = loadPhraseLists(dir);
  const lexicon = EntityLexicon.load(dir);
  const defaultZone = ianaZone(options.defaultTimezone ?? 'UTC');
  if (defaultZone === undefined) {
    throw new Error(
      `Unknown time zone "${options.defaultTimezone}": use an IANA name such as America/Chicago`,
    );
  }
  const clock = options.clock ?? (() => new Date());
  const recognizer = new WayfinderRecognizer(
    IntentClassifier.trainOrRestore(examples, lists, options.models ?? modelStore()),
    lexicon,
    clock,
    defaultZone,
  );
  recognizer.recognizeNow('yes, 2 of them on Tuesday at 3pm');
  return recognizer;
}
