import type { BotState } from 'botbuilder';
import { accommodationRequestsProperty } from './accommodations/saved-requests.js';
import { plansProperty } from './appointments/plan-store.js';
import { practiceHistoryProperty } from './practice/history.js';
import { personRecordProperty } from './privacy/person-record.js';
import { safetyPlanProperty } from './safety-plan/plan-store.js';
import { profileProperty } from './state/profile.js';
import { openUserProperty, type UserProperty, type UserPropertyDefinition } from './state/user-property.js';

/**
 * Everything Wayfinder keeps in a person's user state, in one list: each property is defined by
 * the feature that owns it (its name and versioned schema) and opened here once, at the
 * composition root, so every part of the app reads the same typed property.
 */
export const userPropertyDefinitions = {
  profile: profileProperty,
  person: personRecordProperty,
  plans: plansProperty,
  accommodationRequests: accommodationRequestsProperty,
  practiceHistory: practiceHistoryProperty,
  safetyPlan: safetyPlanProperty,
} as const;

type Definitions = typeof userPropertyDefinitions;

/** Each user-state property, typed by its schema. */
export type UserProperties = {
  readonly [K in keyof Definitions]: Definitions[K] extends UserPropertyDefinition<infer T>
    ? UserProperty<T>
    : never;
};

/** Opens every user-state property on `userState`. */
export function openUserProperties(userState: BotState): UserProperties {
  const open = <T>(definition: UserPropertyDefinition<T>) => openUserProperty(userState, definition);
  const d = userPropertyDefinitions;
  return {
    profile: open(d.profile),
    person: open(d.person),
    plans: open(d.plans),
    accommodationRequests: open(d.accommodationRequests),
    practiceHistory: open(d.practiceHistory),
    safetyPlan: open(d.safetyPlan),
  };
}
