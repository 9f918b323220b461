import assert from 'node:assert/strict';
import type { MemoryStorage } from 'botbuilder';
import { z } from 'zod';
import { AppointmentDialog } from '../../dialogs/appointment-dialog.js';
import { createAppointmentParts } from '../../src/appointments/index.js';
import { type AppointmentPlan, planSchema } from '../../src/appointments/plan.js';
import {
  createWayfinderRecognizer,
  type WayfinderRecognizer,
} from '../../src/language/intents/wayfinder-recognizer.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import {
  type DialogCase,
  type HarnessDeps,
  runDialogCase,
  type Step,
  storedUserState,
} from '../support/dialog-case.js';

/** Thursday 8 May 2025, 10:00 in Chicago (CDT): the fixed "now" of the appointment tests. */
export const fixedNow = new Date('2025-05-08T15:00:00Z');
export const clock = () => fixedNow;
export const PLAN_ID = 'plan-1';

/** The recognizer on a fixed clock (this file's, in Chicago); build it once per file (it takes ~0.6 s). */
export function testRecognizer(at: () => Date = clock, timezone = 'America/Chicago'): WayfinderRecognizer {
  return createWayfinderRecognizer({ clock: at, defaultTimezone: timezone });
}

/**
 * A factory for runDialogCase, with a real scheduler over its own store (not started: nothing is
 * sent) so a test can look at what was scheduled.
 */
export function appointmentHarness(recognizer: WayfinderRecognizer, at: () => Date = clock) {
  const store = new MemoryAppStorage();
  const scheduler = new Scheduler({ storage: store, send: async () => {}, clock: at });
  // The parts as the composition root builds them, over this run's user state.
  const make = (deps: HarnessDeps) => {
    const parts = createAppointmentParts({
      strings: deps.strings,
      plans: deps.properties.plans,
      recognizer,
      scheduler,
      clock: at,
    });
    return new AppointmentDialog(deps, { ...parts, newId: () => PLAN_ID });
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

/** From the goal to the saved plan, every other question left out. */
export const goalToSaved: readonly Step[] = [
  ['skip', ['appointment.askQuestions']],
  ['done', ['appointment.askBarriers']],
  ['nothing', ['appointment.askBring']],
  ['nothing else', ['appointment.askSupport']],
  ['no', ['appointment.askShare']],
  ['Nothing', ['appointment.askTalk']],
  ['none', ['appointment.review', 'appointment.askReview']],
  ['Save it', ['appointment.saved', 'appointment.askReminder']],
];

/** What one played case left behind, for the case's own checks. */
export interface PlayedCase {
  scheduler: Scheduler;
  storage: MemoryStorage;
}

/**
 * Registers a test per case (and one that there are at least ten), each played through the
 * appointment dialog with the recognizer on `now` in New York, then checked by `check`. Returns
 * a harness on the same recognizer and clock, for the suite's other tests.
 */
export function itPlaysCases<C extends DialogCase>(
  cases: () => C[],
  now: () => Date,
  check: (testCase: C, played: PlayedCase) => Promise<void>,
): () => ReturnType<typeof appointmentHarness> {
  let recognizer: WayfinderRecognizer | undefined;
  before(() => {
    recognizer = testRecognizer(now, 'America/New_York');
  });
  const harness = () => {
    assert.ok(recognizer, 'the recognizer is built in before()');
    return appointmentHarness(recognizer, now);
  };
  it('cases are data', () => assert.ok(cases().length >= 10));
  for (const [index, name] of cases().map((c, i) => [i, c.name] as const)) {
    it(name, async () => {
      const testCase = cases()[index];
      assert.ok(testCase);
      const { make, scheduler } = harness();
      const { deps } = await runDialogCase(make, testCase.steps);
      await check(testCase, { scheduler, storage: deps.storage });
    });
  }
  return harness;
}

/** Monday December 7 2026, 10 AM in New York: the day people who played the bot typed the date tests' words. */
export const monday = () => new Date('2026-12-07T15:00:00Z');

/** From hello to "when is it?" for an appointment with a caseworker. */
export const toWhen: readonly Step[] = [
  ['hi', ['appointment.intro', 'appointment.askType']],
  ['Caseworker', ['appointment.askWhen']],
];

/** The values of a reminder's strings: the time it goes out. */
export const at = (text: string) => ({ at: text });

/** When the scheduled item `id` goes out (UTC), or its status once it is not pending; undefined when there is none. */
export async function dueAt(scheduler: Scheduler, id: string): Promise<string | undefined> {
  const item = await scheduler.get(id);
  return item?.status === 'pending' ? item.dueAt : item?.status;
}
