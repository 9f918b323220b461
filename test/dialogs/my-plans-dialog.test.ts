import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { AppointmentPlansDialog } from '../../dialogs/appointment-plans-dialog.js';
import { MyPlansDialog } from '../../dialogs/my-plans-dialog.js';
import { SavedRequestsDialog } from '../../dialogs/saved-requests-dialog.js';
import { saveAccommodationRequest } from '../../src/accommodations/saved-requests.js';
import { loadAppointmentContent } from '../../src/appointments/content.js';
import { emptyDraft, toPlan } from '../../src/appointments/plan.js';
import { UserStatePlanStore } from '../../src/appointments/plan-store.js';
import { SafetyPlanStore } from '../../src/safety-plan/plan-store.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { accommodationContent, FIXED_NOW, sampleAnswers, TODAY } from '../accommodations/support.js';
import { testRecognizer } from '../appointments/harness.js';
import { testContent } from '../support/content.js';
import { type DialogCase, type HarnessDeps, runDialogCase, type Step } from '../support/dialog-case.js';
import { SafetyGateHost } from '../support/safety-gate-host.js';

const { strings } = testContent();
const clock = () => FIXED_NOW;
/** Built once, when a case first needs it (it takes a moment). */
let built: ReturnType<typeof testRecognizer> | undefined;
const recognizer = () => {
  built ??= testRecognizer(clock);
  return built;
};

interface MyPlansCase extends DialogCase {
  /** Appointment plans and accommodation requests saved before the person asks. */
  seed: { plans: number; requests: number };
}

/**
 * "my plans" with the two lists it opens, as the bot registers them, under a root that first
 * saves the case's plans and requests into the person's user state, as earlier conversations
 * would have.
 */
function rootFor(deps: HarnessDeps, seed: MyPlansCase['seed']): ComponentDialog {
  const { properties } = deps;
  const plans = new UserStatePlanStore(properties.plans);
  const scheduler = new Scheduler({ storage: new MemoryAppStorage(), send: async () => {}, clock });
  const root = new ComponentDialog('seededMyPlans');
  root
    .addDialog(
      new WaterfallDialog('seed', [
        async (step) => {
          for (let i = 0; i < seed.plans; i += 1) {
            const plan = toPlan(
              { ...emptyDraft(), type: 'counselor' },
              { id: `p${i}`, now: clock(), checklist: [] },
            );
            await plans.save(step.context, plan);
          }
          for (let i = 0; i < seed.requests; i += 1)
            await saveAccommodationRequest(
              properties.accommodationRequests,
              step.context,
              { askedOn: TODAY, answers: sampleAnswers },
              new Date(FIXED_NOW.getTime() + i * 1000),
            );
          return step.beginDialog('myPlans');
        },
        async (step) => step.endDialog(step.result),
      ]),
    )
    .addDialog(
      new MyPlansDialog(deps, {
        plans,
        accommodationRequests: properties.accommodationRequests,
        safetyPlan: new SafetyPlanStore(properties.safetyPlan),
      }),
    )
    .addDialog(
      new AppointmentPlansDialog(deps, {
        recognizer: recognizer(),
        plans,
        scheduler,
        content: loadAppointmentContent(deps.strings),
        clock,
      }),
    )
    .addDialog(
      new SavedRequestsDialog(deps, {
        requests: properties.accommodationRequests,
        content: accommodationContent(),
      }),
    );
  return root;
}

const both = { plans: 1, requests: 2 };
const which: Step[1] = ['myPlans.which'];

const cases: MyPlansCase[] = [
  {
    name: 'nothing saved: the appointment plans list says there are none',
    seed: { plans: 0, requests: 0 },
    steps: [['my plans', ['plans.none']]],
  },
  {
    name: 'only appointment plans: that list opens at once',
    seed: { plans: 1, requests: 0 },
    steps: [['my plans', ['plans.askWhich']]],
  },
  {
    name: 'only accommodation requests: that list opens at once',
    seed: { plans: 0, requests: 2 },
    steps: [['my plans', ['accommodationSaved.askWhich']]],
  },
  {
    name: 'both: asks which, and the appointment button opens the plans',
    seed: both,
    steps: [
      ['my plans', which],
      [strings.text('myPlans.appointments', { count: 1 }), ['plans.askWhich']],
    ],
  },
  {
    name: 'both: the accommodation button opens the saved requests',
    seed: both,
    steps: [
      ['my plans', which],
      [strings.text('myPlans.accommodations', { count: 2 }), ['accommodationSaved.askWhich']],
    ],
  },
  {
    name: 'both: a number picks by position',
    seed: both,
    steps: [
      ['my plans', which],
      ['2', ['accommodationSaved.askWhich']],
    ],
  },
  {
    name: 'both: the list named in own words opens it ("accommodation requests")',
    seed: both,
    steps: [
      ['my plans', which],
      ['accommodation requests', ['accommodationSaved.askWhich']],
    ],
  },
  {
    name: 'both: a typo in the name still picks it ("acommodation requests")',
    seed: both,
    steps: [
      ['my plans', which],
      ['acommodation requests', ['accommodationSaved.askWhich']],
    ],
  },
  {
    name: 'both: "idk" asks which again, naming the lists; then "appointments" opens the plans',
    seed: both,
    steps: [
      ['my plans', which],
      ['idk', ['answers.retry']],
      ['appointments', ['plans.askWhich']],
    ],
  },
  {
    name: 'both: "where is my saved letter" opens the saved requests without asking which',
    seed: both,
    steps: [['where is my saved letter', ['accommodationSaved.askWhich']]],
  },
  {
    name: 'both: "no like my plans. the letter" opens the saved requests',
    seed: both,
    steps: [['no like my plans. the letter', ['accommodationSaved.askWhich']]],
  },
  {
    name: 'both: help explains and asks which again',
    seed: both,
    steps: [
      ['my plans', which],
      ['help', ['help.short', 'myPlans.which']],
    ],
  },
  {
    name: 'both: cancel leaves without opening a list',
    seed: both,
    steps: [
      ['my plans', which],
      ['cancel', ['interruptions.cancelled']],
    ],
  },
];

describe('my plans dialog (transcripts)', () => {
  for (const c of cases)
    it(c.name, async () => {
      await runDialogCase((deps) => rootFor(deps, c.seed), c.steps);
    });

  it('a crisis message at the choice gets the crisis reply; going back asks which again', async () => {
    await runDialogCase(
      (deps) => new SafetyGateHost(deps, rootFor(deps, both)),
      [
        ['my plans', which],
        ['I want to kill myself', ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt']],
        [strings.text('safety.goBack'), ['safety.backAgain', 'myPlans.which']],
      ],
    );
  });
});
