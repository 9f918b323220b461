/**
 * The intents Wayfinder recognizes. These names are a contract with the dialogs, the trace and the
 * example files in resources/intents/ (one file per name), so they never change meaning.
 */
export const intentNames = [
  'appointment',
  'accommodation',
  'peerGroup',
  'practice',
  'handoff',
  'help',
  'menu',
  'cancel',
  'greeting',
  'thanks',
  'showData',
  'deleteData',
  'privacy',
  'aboutBot',
  'none',
] as const;

/** One of the recognized intents; `none` means the message is about something else. */
export type IntentName = (typeof intentNames)[number];

/** True when `name` is one of the intent names (for data read from outside). */
export function isIntentName(name: string): name is IntentName {
  return (intentNames as readonly string[]).includes(name);
}

/** A record with one entry per intent, each made by `make`. */
export function byIntent<T>(make: (intent: IntentName) => T): Record<IntentName, T> {
  const out: Partial<Record<IntentName, T>> = {};
  for (const intent of intentNames) out[intent] = make(intent);
  // Complete: the loop above visited every name.
  return out as Record<IntentName, T>;
}
