import assert from 'node:assert/strict';
import { ActivityTypes, MemoryStorage, type Middleware } from 'botbuilder';
import { HandoffDialog } from '../../dialogs/handoff-dialog.js';
import type { StringKey } from '../../src/content/strings.js';
import { HandoffService } from '../../src/handoff/handoff-service.js';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { changeTheMessage, MESSAGE, NEW_MESSAGE } from '../handoff/message-change.js';
import { testContent } from '../support/content.js';
import { type DialogCase, type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { SafetyGateHost } from '../support/safety-gate-host.js';

const { strings } = testContent();
const say = (key: StringKey) => strings.text(key);
const SPECIALIST = {
  channelId: 'test',
  serviceUrl: 'https://peer.test',
  conversation: { id: 'peer-1-chat', isGroup: false, conversationType: 'personal', name: '' },
};

/**
 * What a case leaves: requests open, messages left, notices sent to the specialist, and handoff
 * events told to the channel (each request's, taken out of the replies the steps check).
 */
interface Outcome {
  open: number;
  messages: string[];
  notices: number;
  events: number;
}

/** The handoff dialog alone, as data: what the person types, what it answers, what it kept. */
interface HandoffCase extends DialogCase {
  /** A peer specialist is on duty when the conversation starts. */
  onDuty?: boolean;
  /** The dialog runs under the safety gate, as in the bot. */
  gated?: boolean;
  outcome: Outcome;
}

const nobody: Step = ['talk to a person', ['handoff.intro', 'handoff.nobodyNow', 'handoff.offerMessage']];
const onDuty: Step = ['talk to a person', ['handoff.intro', 'handoff.onDutyNow', 'handoff.askAlias']];
const toConfirm: Step[] = [
  nobody,
  [say('handoff.leaveMessage'), ['handoff.askAlias']],
  ['Sam', ['handoff.askMessage']],
  [MESSAGE, ['handoff.askContact']],
  ['here in this chat', [['handoff.confirmMessage', { name: 'Sam', message: MESSAGE }]]],
];
const consent: Reply = 'handoff.summaryAsk';
const nothingKept: Outcome = { open: 0, messages: [], notices: 0, events: 0 };

const cases: HandoffCase[] = [
  {
    name: 'nobody on duty: a message left, shown back, then kept for the specialist',
    steps: [...toConfirm, ['Send it', ['handoff.messageLeft']]],
    outcome: { open: 1, messages: [MESSAGE], notices: 0, events: 1 },
  },
  {
    name: 'nobody on duty: "nah" carries on and keeps nothing',
    steps: [nobody, ['nah', ['handoff.carryingOn']]],
    outcome: nothingKept,
  },
  {
    name: 'nobody on duty: "idk" twice gets two different re-asks; "yep" then asks the name',
    steps: [nobody, ['idk', ['answers.retry']], ['idk', ['answers.stuck']], ['yep', ['handoff.askAlias']]],
    outcome: nothingKept,
  },
  {
    name: 'the name: "back" returns to "leave a message?"; "ok" is no name',
    steps: [
      nobody,
      ['yes', ['handoff.askAlias']],
      ['back', ['handoff.offerMessage']],
      ['yes', ['handoff.askAlias']],
      ['ok', ['handoff.aliasNotName']],
    ],
    outcome: nothingKept,
  },
  {
    name: 'the shown message: a typo of "Send it" sends it',
    steps: [...toConfirm, ['sned it', ['handoff.messageLeft']]],
    outcome: { open: 1, messages: [MESSAGE], notices: 0, events: 1 },
  },
  {
    name: 'the shown message: "no" asks which part, "the message" asks for it again; the new words are what is kept',
    steps: [...toConfirm, ...changeTheMessage, ['Send it', ['handoff.messageLeft']]],
    outcome: { open: 1, messages: [NEW_MESSAGE], notices: 0, events: 1 },
  },
  {
    name: 'cancel while typing the message keeps nothing',
    steps: [...toConfirm.slice(0, 3), ['cancel', ['interruptions.cancelled']]],
    outcome: nothingKept,
  },
  {
    name: 'help at the name says what the bot does and asks the name again',
    steps: [...toConfirm.slice(0, 2), ['help', ['help.short', 'handoff.askAlias']]],
    outcome: nothingKept,
  },
  {
    name: 'on duty: the name, "sure" shares the summary: queued, and the specialist is told',
    onDuty: true,
    steps: [onDuty, ['Sam', [consent]], ['sure', ['handoff.queued']]],
    outcome: { open: 1, messages: [], notices: 1, events: 1 },
  },
  {
    name: 'on duty: "back" at the consent asks the name again; a typo of "Don\'t share" still queues',
    onDuty: true,
    steps: [
      onDuty,
      ['Sam', [consent]],
      ['back', ['handoff.askAlias']],
      ['Sam', [consent]],
      ['dont shaer', ['handoff.queued']],
    ],
    outcome: { open: 1, messages: [], notices: 1, events: 1 },
  },
  {
    name: 'a crisis at the shown message gets the crisis reply; "Go back" shows it again, nothing sent',
    gated: true,
    steps: [
      ...toConfirm,
      ['I want to kill myself', ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt']],
      [say('safety.goBack'), ['safety.backAgain', 'handoff.confirmMessage']],
    ],
    outcome: nothingKept,
  },
];

describe('handoff dialog (transcripts through DialogTestClient)', () => {
  for (const c of cases)
    it(c.name, async () => {
      const storage = new MemoryStorage();
      const store = new HandoffStore(storage);
      let notices = 0;
      const handoff = new HandoffService(
        store,
        async () => {
          notices += 1;
          return true;
        },
        strings,
        { clock: () => new Date('2025-05-08T15:00:00Z'), waitMinutes: 10 },
      );
      if (c.onDuty) await handoff.goOnDuty('peer-1', 'Kai', SPECIALIST);
      let events = 0;
      const handoffEvents: Middleware = {
        async onTurn(context, next) {
          context.onSendActivities(async (_context, activities, send) => {
            const kept = activities.filter((activity) => activity.type !== ActivityTypes.Event);
            events += activities.length - kept.length;
            // Sent alone (as each is), an event goes nowhere: the adapter takes no empty send.
            if (kept.length === 0) return activities.map(() => ({ id: 'handoff-event' }));
            activities.splice(0, activities.length, ...kept);
            return send();
          });
          await next();
        },
      };
      await runDialogCase(
        (deps) => {
          const dialog = new HandoffDialog(deps, handoff);
          return c.gated ? new SafetyGateHost(deps, dialog) : dialog;
        },
        c.steps,
        undefined,
        [handoffEvents],
      );
      const open = await Promise.all((await store.openCodes()).map((code) => store.request(code)));
      assert.deepEqual(
        {
          open: open.length,
          messages: open.flatMap((found) =>
            found?.request.leftMessage ? [found.request.leftMessage.text] : [],
          ),
          notices,
          events,
        },
        c.outcome,
      );
    });
});
