import assert from 'node:assert/strict';
import { type MemoryStorage, UserState } from 'botbuilder';
import { z } from 'zod';
import { AppointmentDialog, type AppointmentFeature } from '../../dialogs/appointment-dialog.js';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { loadAppointmentContent } from '../../src/appointments/content.js';
import { type AppointmentPlan, planSchema } from '../../src/appointments/plan.js';
import { UserStatePlanStore } from '../../src/appointments/plan-store.js';
import {
  createWayfinderRecognizer,
  type WayfinderRecognizer,
} from '../../src/language/intents/wayfinder-recognizer.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { openUserProperties } from '../../src/user-properties.js';
import { storedUserState } from '../support/dialog-case.js';

/** Thursday 8 May 2025, 10:00 in Chicago (CDT): the fixed "now" of the appointment tests. */
export const fixedNow = new Date('2025-05-08T15:00:00Z');
export const clock = () => fixedNow;
export const PLAN_ID = 'plan-1';

/** The recognizer on a fixed clock (this file's, in Chicago); build it once per file (it takes ~0.6 s). */
export function testRecognizer(at: () => Date = clock, timezone = 'America/Chicago'): WayfinderRecognizer {
  return createWayfinderRecognizer({ clock: at, defaultTimezone: timezone });
}

/** runDialogCase's deps carry the user state it saves; this narrows to them without a cast. */
export function userStateOf(deps: DialogDeps): UserState {
  assert.ok('userState' in deps && deps.userState instanceof UserState, 'deps from makeDialogDeps');
  return deps.userState;
}

/**
 * A factory for runDialogCase, with a real scheduler over its own store (not started: nothing is
 * sent) so a test can look at what was scheduled.
 */
export function appointmentHarness(recognizer: WayfinderRecognizer, at: () => Date = clock) {
  const store = new MemoryAppStorage();
  const scheduler = new Scheduler({ storage: store, send: async () => {}, clock: at });
  let feature: AppointmentFeature | undefined;
  const make = (deps: DialogDeps) => {
    feature = {
      recognizer,
      plans: new UserStatePlanStore(openUserProperties(userStateOf(deps)).plans),
      scheduler,
      content: loadAppointmentContent(deps.strings),
      clock: at,
      newId: () => PLAN_ID,
    };
    return new AppointmentDialog(deps, feature);
  };
  return { make, scheduler, store };
}

/** The plans saved in user state by a run (parsed, so a bad shape fails the test). */
export async function savedPlans(storage: MemoryStorage): Promise<AppointmentPlan[]> {
  const user = await storedUserState(storage);
  return (
    z
      .object({ plans: z.array(planSchema) })
      .optional()
      .parse(user?.plans)?.plans ?? []
  );
}
