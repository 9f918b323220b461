import type { Activity } from 'botbuilder';
import type { DateTimeEntity } from '../language/intents/datetime-entities.js';
import type {
  RecognizeTextOptions,
  WayfinderRecognition,
  WayfinderRecognizer,
} from '../language/intents/wayfinder-recognizer.js';
import { emptyDraft, type PlanDraft } from './plan.js';
import { firstField, markAnswered, type PrepState } from './prep-state.js';
import type { SaidDetails } from './said-details.js';
import { dateCheck, type FindDates, readWhen } from './when.js';

/** Recognizes `text` in the person's zone (the activity's), at `now`. */
export function recognizeInZone(
  recognizer: WayfinderRecognizer,
  activity: Partial<Activity>,
  text: string,
  now: Date,
): WayfinderRecognition {
  return recognizer.recognizeNow(text, zoneOptions(activity, now)).recognition;
}

/** The dates in `text` (part of a message re-read for a date), in the person's zone, at `now`. */
export function datesInZone(
  recognizer: WayfinderRecognizer,
  activity: Partial<Activity>,
  text: string,
  now: Date,
): DateTimeEntity[] {
  return recognizer.datesIn(text, zoneOptions(activity, now));
}

function zoneOptions(activity: Partial<Activity>, now: Date): RecognizeTextOptions {
  const raw = rawLocalTimestamp(activity);
  return {
    ...(activity.localTimezone ? { timezone: activity.localTimezone } : {}),
    ...(raw ? { localTimestamp: raw } : {}),
    now,
  };
}

/** The local timestamp as sent, offset included (botbuilder keeps it beside the parsed Date). */
function rawLocalTimestamp(activity: Partial<Activity>): string | undefined {
  if ('rawLocalTimestamp' in activity && typeof activity.rawLocalTimestamp === 'string') {
    return activity.rawLocalTimestamp;
  }
  const value: unknown = activity.localTimestamp;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The state for a new plan with what the person already said filled in ("my counselor next
 * Tuesday at 3"): those questions are not asked again; a date that has passed, or may mean
 * another day, is checked first.
 */
export function prefilledState(
  recognition: WayfinderRecognition | undefined,
  text: string,
  findDates: FindDates,
  now: Date,
  said: SaidDetails = {},
): PrepState {
  // Who it is with, and what about, go into the plan too; the questions are still asked, to add more.
  let draft: PlanDraft = {
    ...emptyDraft(),
    ...(said.provider ? { provider: said.provider } : {}),
    ...(said.topic ? { questions: [said.topic] } : {}),
  };
  const type = recognition?.entities.appointmentType[0]?.value;
  if (type) draft = markAnswered({ ...draft, type }, 'type');
  const reading = recognition ? readWhen(text, recognition.entities.datetime, findDates, now) : undefined;
  const base: PrepState = { draft, step: 'type', misses: 0, history: [], reviewing: false };
  // Asked first, like the date question would: which day in "next month", what time on "Friday".
  const check = reading && dateCheck(reading, now);
  if (check) return { ...base, step: check, checkWhen: reading.time };
  if (reading) draft = markAnswered({ ...draft, when: reading.time }, 'when');
  return { ...base, draft, step: firstField(draft) ?? 'goal' };
}
