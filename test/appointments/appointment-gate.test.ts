import assert from 'node:assert/strict';
import { type Activity, ConversationState, TestAdapter, UserState } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { APPOINTMENT_DIALOG_ID, AppointmentDialog } from '../../dialogs/appointment-dialog.js';
import { DeleteDataDialog } from '../../dialogs/delete-data-dialog.js';
import { createDialogDeps } from '../../dialogs/dialog-deps.js';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { SafetyDialog } from '../../dialogs/safety-dialog.js';
import { loadAppointmentContent } from '../../src/appointments/content.js';
import { UserStatePlanStore } from '../../src/appointments/plan-store.js';
import { WayfinderBot } from '../../src/bot.js';
import type { StringKey } from '../../src/content/strings.js';
import { HandoffService } from '../../src/handoff/handoff-service.js';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { HandoffTurns } from '../../src/handoff/handoff-turns.js';
import { AdviceRequestDetector } from '../../src/language/advice-requests.js';
import { CommandRecognizer } from '../../src/language/commands.js';
import { FlowQuestions } from '../../src/language/flow-questions.js';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { loadSafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import { PersonalData } from '../../src/privacy/personal-data.js';
import { RetentionIndex } from '../../src/privacy/retention-index.js';
import { SafetyPlanSender } from '../../src/safety-plan/plan-sender.js';
import { SafetyPlanStore } from '../../src/safety-plan/plan-store.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { TrackedState } from '../../src/state/tracked-state.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { GroupTurns } from '../../src/teams/group-turns.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { clock, testRecognizer } from './harness.js';

let recognizer: WayfinderRecognizer;

/**
 * The real bot (safety gate, recognition, commands) with a stand-in root that opens the
 * appointment dialog, so crisis language mid-plan goes through the gate as it does in the app.
 */
function botWithAppointments(): TestAdapter {
  const storage = new MemoryAppStorage();
  const conversationState = new TrackedState(storage, new ConversationState(storage));
  const userState = new TrackedState(storage, new UserState(storage));
  const { strings, crisisResources, spanish } = testContent();
  const commands = new CommandRecognizer(strings);
  const properties = openUserProperties(userState);
  const deps = createDialogDeps({ strings, crisisResources }, properties.profile);
  const appointment = new AppointmentDialog(deps, {
    recognizer,
    plans: new UserStatePlanStore(properties.plans),
    scheduler: new Scheduler({ storage, send: async () => {}, clock }),
    content: loadAppointmentContent(strings),
    clock,
  });
  const root = new WaterfallDialog(DialogIds.main, [
    async (step) => step.beginDialog(APPOINTMENT_DIALOG_ID),
    async (step) => step.endDialog(),
  ]);
  const handoffStore = new HandoffStore(storage);
  const handoff = new HandoffService(handoffStore, async () => true, strings, { clock, waitMinutes: 5 });
  const personalData = new PersonalData(storage);
  const bot = new WayfinderBot({
    conversationState,
    userState,
    dialogs: [root, appointment, new SafetyDialog(deps, spanish), new DeleteDataDialog(deps)],
    handoff: new HandoffTurns(handoff, handoffStore, strings, [], clock),
    group: new GroupTurns({ strings, commands, recognizer, crisisResources, retentionDays: 180 }),
    strings,
    commands,
    recognizer,
    crisisResources,
    safety: loadSafetyClassifier(),
    advice: AdviceRequestDetector.load(),
    flowQuestions: FlowQuestions.load(strings),
    personalData,
    safetyPlans: new SafetyPlanSender(new SafetyPlanStore(properties.safetyPlan), strings, crisisResources),
    person: properties.person,
    retentionDays: 180,
    retentionIndex: new RetentionIndex(storage, 180),
    clock,
  });
  return new TestAdapter(async (context) => bot.run(context));
}

/** Sends `text` and returns the messages the person would see (traces left out). */
async function say(adapter: TestAdapter, text: string): Promise<Partial<Activity>[]> {
  await adapter.receiveActivity(text);
  return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
}

function assertReplies(replies: Partial<Activity>[], keys: StringKey[]): void {
  const { strings } = testContent();
  assert.equal(replies.length, keys.length, JSON.stringify(replies.map((r) => r.text)));
  keys.forEach((key, i) => {
    const want = strings.text(key).replace(/\{\w+\}[\s\S]*$/, '');
    assert.ok(replies[i]?.text?.includes(want), `${key} in ${JSON.stringify(replies[i]?.text)}`);
  });
}

describe('AppointmentDialog behind the safety gate (the real bot)', () => {
  before(() => {
    recognizer = testRecognizer();
  });

  it('crisis mid-way: the crisis reply at once; "Go back" returns to the same question, answers kept', async () => {
    const adapter = botWithAppointments();
    assertReplies(await say(adapter, 'hi'), [
      'firstMessage.disclosure',
      'appointment.intro',
      'appointment.askType',
    ]);
    assertReplies(await say(adapter, 'counselor'), ['appointment.askWhen']);
    assertReplies(await say(adapter, 'I want to kill myself'), [
      'safety.dangerIntro',
      'crisis.intro',
      'safety.choicePrompt',
    ]);
    assertReplies(await say(adapter, 'Go back'), ['safety.backAgain', 'appointment.askWhen']);
    assertReplies(await say(adapter, 'next Tuesday at 3'), ['appointment.whenNoted', 'appointment.askGoal']);
  });
});
