import type { StringKey, Strings } from '../content/strings.js';
import type { IntentName, WayfinderRecognition } from './intents/index.js';

type Entities = WayfinderRecognition['entities'];

/**
 * A guided conversation as the menu, the routing and the help see it. The one list below is
 * where a feature is declared; its dialog is built from it in dialogs/feature-dialogs.ts.
 */
export interface Feature {
  /** The intent that asks for it; its examples are resources/intents/<intent>.json. */
  readonly intent: IntentName;
  /** The menu button, and the other words that pick it there. */
  readonly menuLabel: StringKey;
  readonly menuSynonyms: StringKey;
  /** Its name in "did you mean ...?", "... is on its way" and a switch between conversations. */
  readonly name: StringKey;
  /** How the sentence of what the bot can do names it ("getting ready for an appointment"). */
  readonly inList: StringKey;
  /** The details of it a recognition found: "work" after "did you mean accommodations?" is a yes. */
  readonly details: (entities: Entities) => number;
}

/** The guided conversations, in the menu's order. */
export const features = [
  {
    intent: 'appointment',
    menuLabel: 'menu.appointment',
    menuSynonyms: 'menu.appointmentSynonyms',
    name: 'features.appointment',
    inList: 'featureList.appointment',
    details: (entities) => entities.appointmentType.length + entities.datetime.length,
  },
  {
    intent: 'accommodation',
    menuLabel: 'menu.accommodation',
    menuSynonyms: 'menu.accommodationSynonyms',
    name: 'features.accommodation',
    inList: 'featureList.accommodation',
    details: (entities) => entities.accommodationSetting.length,
  },
  {
    intent: 'peerGroup',
    menuLabel: 'menu.peerGroup',
    menuSynonyms: 'menu.peerGroupSynonyms',
    name: 'features.peerGroup',
    inList: 'featureList.peerGroup',
    details: (entities) => entities.groupApproach.length + entities.groupFormat.length,
  },
  {
    intent: 'practice',
    menuLabel: 'menu.practice',
    menuSynonyms: 'menu.practiceSynonyms',
    name: 'features.practice',
    inList: 'featureList.practice',
    details: () => 0,
  },
  {
    intent: 'handoff',
    menuLabel: 'menu.handoff',
    menuSynonyms: 'menu.handoffSynonyms',
    name: 'features.handoff',
    inList: 'featureList.handoff',
    details: () => 0,
  },
] as const satisfies readonly Feature[];

/** The guided conversations a person can ask for by name. */
export type FeatureIntent = (typeof features)[number]['intent'];
export const featureIntents: readonly FeatureIntent[] = features.map((feature) => feature.intent);

export function isFeatureIntent(intent: IntentName | string): intent is FeatureIntent {
  return (featureIntents as readonly string[]).includes(intent);
}

/** The registry's entry for `intent`. */
export function featureOf(intent: FeatureIntent): Feature {
  return features.find((feature) => feature.intent === intent) as Feature;
}

/** What else the bot does, after the guided conversations, in the sentence of what it can do. */
const alsoListed: readonly StringKey[] = ['featureList.safetyPlan', 'featureList.crisisLines'];

/**
 * "getting ready for an appointment, ..., and finding crisis and support lines": what the bot can
 * do, for help, "not yet" and a group chat's welcome, made from the registry so it never drifts.
 */
export function featureListText(strings: Strings): string {
  const items = [...features.map((feature) => feature.inList), ...alsoListed].map((key) => strings.text(key));
  const last = items.pop() ?? '';
  return items.length ? `${items.join(', ')}, ${strings.text('featureList.and')} ${last}` : last;
}
