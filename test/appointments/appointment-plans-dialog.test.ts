import assert from 'node:assert/strict';
import { ComponentDialog, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import {
  AppointmentPlansDialog,
  type AppointmentPlansOptions,
} from '../../dialogs/appointment-plans-dialog.js';
import { loadAppointmentContent } from '../../src/appointments/content.js';
import { type AppointmentPlan, emptyDraft, toPlan } from '../../src/appointments/plan.js';
import { UserStatePlanStore } from '../../src/appointments/plan-store.js';
import { reminderIds, scheduleReminders } from '../../src/appointments/reminders.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { type DialogCase, type HarnessDeps, runDialogCase, type Step } from '../support/dialog-case.js';
import { clock, savedPlans, testRecognizer } from './harness.js';

const when = {
  start: '2025-05-13T20:00:00.000Z',
  local: '2025-05-13T15:00:00',
  precision: 'time' as const,
  timezone: 'America/Chicago',
};
const counselor: AppointmentPlan = toPlan(
  {
    ...emptyDraft(),
    type: 'counselor',
    when,
    goal: 'a referral',
    reminders: { reminderAt: '2025-05-12T20:00:00.000Z' },
  },
  { id: 'p-counselor', now: clock(), checklist: ['A photo ID'] },
);
const housing: AppointmentPlan = toPlan(
  { ...emptyDraft(), type: 'housing', goal: 'a repair date' },
  { id: 'p-housing', now: clock(), checklist: [] },
);

/** Built once, when a case first needs it (it takes a moment). */
let built: ReturnType<typeof testRecognizer> | undefined;
const recognizer = () => {
  built ??= testRecognizer();
  return built;
};

/**
 * The plans dialog under a test root that first saves `seed` into the person's user state (in
 * the same turn, through the same store), as earlier conversations would have.
 */
function harness(seed: AppointmentPlan[], options?: AppointmentPlansOptions) {
  const scheduler = new Scheduler({ storage: new MemoryAppStorage(), send: async () => {}, clock });
  const make = (deps: HarnessDeps) => {
    const plans = new UserStatePlanStore(deps.properties.plans);
    const inner = new AppointmentPlansDialog(deps, {
      recognizer: recognizer(),
      plans,
      scheduler,
      content: loadAppointmentContent(deps.strings),
      clock,
    });
    const root = new ComponentDialog('seededPlans');
    // The first dialog added is where the root starts: the seeding step.
    root
      .addDialog(
        new WaterfallDialog('seed', [
          async (step) => {
            for (const plan of [...seed].reverse()) await plans.save(step.context, plan);
            return step.beginDialog(inner.id, options);
          },
          async (step) => step.endDialog(step.result),
        ]),
      )
      .addDialog(inner);
    return root;
  };
  return { make, scheduler };
}

interface PlansCase extends DialogCase {
  seed: AppointmentPlan[];
  options?: AppointmentPlansOptions;
  ended: boolean;
  /** Plan ids left in user state at the end. */
  left: string[];
}

const cases: PlansCase[] = [
  {
    name: 'no plans: says how to make one, and ends',
    seed: [],
    steps: [['my plans', ['plans.none']]],
    ended: true,
    left: [],
  },
  {
    name: 'lists plans, opens one as a card, then done',
    seed: [counselor, housing],
    steps: [
      ['my plans', ['plans.askWhich']],
      ['the counselor one', ['plans.opened', 'plans.askAction']],
      ['Done', ['plans.closed']],
    ],
    ended: true,
    left: ['p-counselor', 'p-housing'],
  },
  {
    name: 'delete asks first; "No, keep it" keeps the plan',
    seed: [counselor],
    steps: [
      ['my plans', ['plans.askWhich']],
      ['the counselor one', ['plans.opened', 'plans.askAction']],
      ['Delete this plan', ['plans.confirmDelete']],
      ['No, keep it', ['plans.kept', 'plans.askAction']],
    ],
    ended: false,
    left: ['p-counselor'],
  },
  {
    name: 'delete on a yes: gone, and back to the other plans',
    seed: [counselor, housing],
    steps: [
      ['my plans', ['plans.askWhich']],
      ['the housing one', ['plans.opened', 'plans.askAction']],
      ['Delete this plan', ['plans.confirmDelete']],
      ['Yes, delete it', ['plans.deleted', 'plans.askWhich']],
    ],
    ended: false,
    left: ['p-counselor'],
  },
  {
    name: "next steps after the appointment are added in the person's words",
    seed: [housing],
    options: { planId: 'p-housing', action: 'nextSteps' },
    steps: [
      ['How did it go?', ['plans.opened', 'plans.askNextSteps']],
      ['call the office Monday, send the form', ['plans.nextStepsSaved', 'plans.askAction']],
    ],
    ended: false,
    left: ['p-housing'],
  },
  {
    name: 'a plan is picked by position ("the first one", "2") or by kind and date ("The counselor one on the 13th.")',
    seed: [housing, counselor],
    steps: [
      ['my plans', ['plans.askWhich']],
      ['the first one', ['plans.opened', 'plans.askAction']],
      ['Other plans', ['plans.askWhich']],
      ['2', ['plans.opened', 'plans.askAction']],
      ['Other plans', ['plans.askWhich']],
      ['The counselor one on the 13th.', ['plans.opened', 'plans.askAction']],
    ],
    ended: false,
    left: ['p-counselor', 'p-housing'],
  },
  {
    name: 'asked to move a reminder with two plans ahead and none named: which plan, then its reminder',
    seed: [counselor, { ...counselor, id: 'p-other', type: 'prescriber' }],
    options: { action: 'reminder', text: 'change my reminder' },
    steps: [
      ['change my reminder', ['plans.reminderWhich', 'plans.askWhich']],
      ['the prescriber one', ['appointment.askReminderMove']],
      ['keep it', ['appointment.reminderKept', 'plans.askAction']],
    ],
    ended: false,
    left: ['p-counselor', 'p-other'],
  },
  {
    name: 'an unclear pick is asked again; help works; cancel leaves',
    seed: [counselor],
    steps: [
      ['my plans', ['plans.askWhich']],
      ['purple', ['plans.askWhichAgain']],
      ['help', ['help.short', 'plans.askWhichAgain']],
      ['cancel', ['interruptions.cancelled']],
    ],
    ended: true,
    left: ['p-counselor'],
  },
];

describe('AppointmentPlansDialog transcripts ("my plans")', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const { make } = harness(testCase.seed, testCase.options);
      const { client, deps } = await runDialogCase(make, testCase.steps);
      assert.equal(client.dialogTurnResult.status !== DialogTurnStatus.waiting, testCase.ended);
      const left = (await savedPlans(deps.storage)).map((plan) => plan.id).sort();
      assert.deepEqual(left, testCase.left);
    });
  }

  it('next steps are saved split at commas', async () => {
    const [, , , , nextSteps] = cases;
    assert.ok(nextSteps);
    const { make } = harness(nextSteps.seed, nextSteps.options);
    const { deps } = await runDialogCase(make, nextSteps.steps);
    const [plan] = await savedPlans(deps.storage);
    assert.deepEqual(plan?.nextSteps, ['call the office Monday', 'send the form']);
  });

  it('"Change the reminder", then "the night before at 7": checked, then scheduled in place of the old one', async () => {
    const { make, scheduler } = harness([counselor]);
    const target = { userKey: 'test/users/user1/', reference: sampleReference, whenText: 'Tuesday' };
    await scheduleReminders(scheduler, counselor, target);
    const steps: Step[] = [
      ['my plans', ['plans.askWhich']],
      ['the first one', ['plans.opened', 'plans.askAction']],
      ['Change the reminder', ['appointment.askReminderMove']],
      ['the night before at 7', ['appointment.checkReminder']],
      [
        { text: 'yes', serviceUrl: sampleReference.serviceUrl },
        ['appointment.reminderSet', 'plans.askAction'],
      ],
    ];
    const { deps } = await runDialogCase(make, steps);
    // Monday May 12 at 7 PM in Chicago: the same id, so the old time is gone.
    const moved = '2025-05-13T00:00:00.000Z';
    const item = await scheduler.get(reminderIds(counselor.id).reminder);
    assert.equal(item?.status, 'pending');
    assert.equal(item?.dueAt, moved);
    assert.equal((await savedPlans(deps.storage))[0]?.reminders?.reminderAt, moved);
  });

  it('deleting a plan cancels its reminders; "Turn off reminders" does too and keeps the plan', async () => {
    for (const action of ['Delete this plan', 'Turn off reminders']) {
      const { make, scheduler } = harness([counselor]);
      const target = { userKey: 'test/users/user1/', reference: sampleReference, whenText: 'Tuesday' };
      await scheduleReminders(scheduler, counselor, target);
      const finish: Step[] =
        action === 'Delete this plan'
          ? [
              [action, ['plans.confirmDelete']],
              ['Yes, delete it', ['plans.deleted']],
            ]
          : [[action, ['plans.remindersOff', 'plans.askAction']]];
      const steps: Step[] = [
        ['my plans', ['plans.askWhich']],
        ['the counselor one', ['plans.opened', 'plans.askAction']],
        ...finish,
      ];
      const { deps } = await runDialogCase(make, steps);
      assert.equal((await scheduler.get(reminderIds(counselor.id).reminder))?.status, 'cancelled', action);
      const kept = await savedPlans(deps.storage);
      if (action === 'Turn off reminders') assert.equal(kept[0]?.reminders, undefined);
    }
  });
});

const sampleReference = {
  channelId: 'test',
  serviceUrl: 'https://test.com',
  conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' },
};
