import assert from 'node:assert/strict';
import {
  type Activity,
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
} from 'botbuilder';
import { Dialog, type DialogContext, DialogSet, type DialogTurnResult } from 'botbuilder-dialogs';
import { DialogIds } from '../../dialogs/dialog-ids.js';
import { AdviceRequestDetector } from '../../src/language/advice-requests.js';
import { CommandRecognizer } from '../../src/language/commands.js';
import { MAX_MESSAGE_LENGTH } from '../../src/language/input-limits.js';
import { noEntities } from '../../src/language/intents/entities.js';
import type { WayfinderRecognition } from '../../src/language/intents/index.js';
import type { SafetyResult } from '../../src/language/safety/safety-classifier.js';
import { adviceStage } from '../../src/turn/advice-stage.js';
import { commandStage } from '../../src/turn/command-stage.js';
import { Disclosure } from '../../src/turn/disclosure.js';
import { groupStage } from '../../src/turn/group-stage.js';
import { limitsStage } from '../../src/turn/limits-stage.js';
import { dialogStage, type MessageStage, type MessageTurn } from '../../src/turn/message-turn.js';
import { recognitionStage } from '../../src/turn/recognition-stage.js';
import { relayStage, specialistStage } from '../../src/turn/relay-stage.js';
import { safetyReplyStage } from '../../src/turn/safety-reply-stage.js';
import { SAFETY_TRACE_TYPE, safetyStage } from '../../src/turn/safety-stage.js';
import * as signals from '../../src/turn-signals.js';
import { testContent } from '../support/content.js';

const { strings, crisisResources } = testContent();

/** A stand-in dialog: says `said` when it begins and `again` when asked again; ends on an answer. */
class Stub extends Dialog {
  constructor(
    id: string,
    private readonly said: string,
    private readonly waits = false,
  ) {
    super(id);
  }
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(this.said);
    return this.waits ? Dialog.EndOfTurn : dc.endDialog();
  }
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(`answered ${this.said}`);
    return dc.endDialog();
  }
  override async repromptDialog(context: TurnContext): Promise<void> {
    await context.sendActivity(`again ${this.said}`);
  }
}

const none: SafetyResult = { level: 'none', explicit: false, signals: [], suppressed: [], overdose: false };
const danger: SafetyResult = { ...none, level: 'danger', explicit: true, signals: ['test'] };
const recognized = (intent: WayfinderRecognition['intent'], score = 0.99): WayfinderRecognition => ({
  intent,
  score,
  entities: noEntities(),
});

interface Played {
  /** The texts of the messages the stage sent, in order. */
  said: string[];
  traces: Partial<Activity>[];
  /** True when the stage passed the turn on. */
  passed: boolean;
  turn: MessageTurn;
}

/**
 * Runs one stage on a message in a one-to-one conversation whose dialogs are stand-ins: the menu
 * ("menu"), the safety reply ("safety reply"), and, with `open`, a question already asked.
 */
async function play(
  stage: MessageStage,
  text: string | undefined,
  options: { value?: unknown; open?: boolean; turn?: Partial<MessageTurn>; conversationType?: string } = {},
): Promise<Played> {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogState'));
  dialogs.add(new Stub(DialogIds.main, 'menu'));
  dialogs.add(new Stub(DialogIds.safety, 'safety reply', true));
  dialogs.add(new Stub('question', 'question?', true));
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text,
    value: options.value,
    channelId: 'test',
    conversation: {
      id: 'c1',
      isGroup: false,
      name: '',
      conversationType: options.conversationType ?? 'personal',
    },
    from: { id: 'u1', name: 'person' },
    recipient: { id: 'bot', name: 'bot' },
  };
  const context = new TurnContext(new TestAdapter(), activity);
  const dc = await dialogs.createContext(context);
  if (options.open) await dc.beginDialog('question');
  const said: string[] = [];
  const traces: Partial<Activity>[] = [];
  context.onSendActivities(async (_context, activities, next) => {
    for (const sent of activities) {
      if (sent.type === ActivityTypes.Trace) traces.push(sent);
      else said.push(sent.text ?? '');
    }
    return next();
  });
  const turn: MessageTurn = { context, dc, link: undefined, ...options.turn };
  let passed = false;
  await stage(turn, async () => {
    passed = true;
  });
  return { said, traces, passed, turn };
}

describe('the stages of a message turn', () => {
  describe('specialist', () => {
    const handoff = (specialist: boolean, handled: boolean) =>
      specialistStage({ isSpecialist: () => specialist, specialistTurn: async () => handled });

    it('passes on a member, and a specialist whose words are no command or relay', async () => {
      assert.equal((await play(handoff(false, true), 'hi')).passed, true);
      assert.equal((await play(handoff(true, false), 'hi')).passed, true);
    });

    it('ends the turn when the specialist command or relay answered', async () => {
      assert.equal((await play(handoff(true, true), 'accept ABC123')).passed, false);
    });
  });

  describe('safety', () => {
    const disclosure = () => new Disclosure(new ConversationState(new MemoryStorage()), strings);

    it('classifies the whole message, sends the trace and passes the finding on', async () => {
      const read: string[] = [];
      const classifier = {
        classify: (text: string) => {
          read.push(text);
          return danger;
        },
      };
      const played = await play(safetyStage(classifier, disclosure()), 'i want to end it all');
      assert.deepEqual(read, ['i want to end it all']);
      assert.equal(played.passed, true);
      assert.equal(played.turn.safety, danger);
      assert.deepEqual(
        played.traces.map((t) => [t.name, t.valueType, t.value]),
        [['SafetyCheck', SAFETY_TRACE_TYPE, { level: 'danger' }]],
      );
      // Nothing before the safety reply: the first-message line waits.
      assert.deepEqual(played.said, []);
    });

    it('says once that the bot is automated when the message is safe and no welcome was given', async () => {
      const played = await play(safetyStage({ classify: () => none }, disclosure()), 'hello');
      assert.deepEqual(played.said, [strings.text('firstMessage.disclosure')]);
    });
  });

  describe('relay', () => {
    const relay = (kind: 'none' | 'relayed') =>
      relayStage(
        { memberTurn: async () => ({ kind }), waitingElsewhere: async () => undefined },
        new CommandRecognizer(strings),
        {
          send: async () => assert.fail('no plan is asked for'),
        },
      );

    it('passes on a message with no handoff', async () => {
      assert.equal((await play(relay('relayed'), 'hi', { turn: { safety: none } })).passed, true);
    });

    it("ends the turn when a member's words were relayed, and passes them on when the handoff has no part in them", async () => {
      const link = { code: 'ABC123', role: 'member' as const };
      assert.equal((await play(relay('relayed'), 'hi', { turn: { safety: none, link } })).passed, false);
      assert.equal((await play(relay('none'), 'hi', { turn: { safety: none, link } })).passed, true);
    });

    it('refuses to run before the safety gate', async () => {
      const link = { code: 'ABC123', role: 'member' as const };
      await assert.rejects(play(relay('relayed'), 'hi', { turn: { link } }), /safety stage has not run/);
    });
  });

  describe('safety reply', () => {
    const stage = safetyReplyStage({
      strings,
      commands: new CommandRecognizer(strings),
      recognizer: { recognize: async () => assert.fail('a danger reply is given alone, unrecognized') },
      advice: AdviceRequestDetector.load(),
      disclosure: new Disclosure(new ConversationState(new MemoryStorage()), strings),
    });

    it('passes on a message the gate found nothing in', async () => {
      const played = await play(stage, 'hello', { turn: { safety: none } });
      assert.equal(played.passed, true);
      assert.deepEqual(played.said, []);
    });

    it('opens the safety reply for danger and ends the turn', async () => {
      const played = await play(stage, 'i want to end it all', { turn: { safety: danger } });
      assert.equal(played.passed, false);
      assert.deepEqual(played.said, ['safety reply']);
    });

    it('refuses to run before the safety gate', async () => {
      await assert.rejects(play(stage, 'hello'), /safety stage has not run/);
    });
  });

  describe('limits', () => {
    const stage = limitsStage(strings);

    it('passes on a message of text within the limit', async () => {
      assert.equal((await play(stage, 'x'.repeat(MAX_MESSAGE_LENGTH))).passed, true);
    });

    it('says so for no text, card data with no text, and too long a message', async () => {
      assert.deepEqual((await play(stage, '  ')).said, [strings.text('errors.notText')]);
      assert.deepEqual((await play(stage, undefined, { value: { x: 1 }, open: true })).said, [
        strings.text('errors.submitNotUnderstood'),
        'again question?',
      ]);
      const long = await play(stage, 'x'.repeat(MAX_MESSAGE_LENGTH + 1));
      assert.deepEqual(long.said, [strings.text('errors.tooLong', { max: MAX_MESSAGE_LENGTH })]);
      assert.equal(long.passed, false);
    });
  });

  describe('recognition', () => {
    const recognition = recognized('appointment');
    const recognizer = {
      recognize: async () => ({ text: '', intents: {}, entities: noEntities(), wayfinder: recognition }),
    };
    const stage = recognitionStage(recognizer, AdviceRequestDetector.load());

    it('recognizes the message once, traces it and keeps it for the dialogs', async () => {
      const played = await play(stage, 'help me get ready for my doctor visit');
      assert.equal(played.passed, true);
      assert.equal(played.turn.recognition, recognition);
      assert.equal(signals.recognition.get(played.turn.context), recognition);
      assert.deepEqual(
        played.traces.map((t) => t.name),
        ['IntentRecognizer'],
      );
      assert.equal(played.turn.advice, undefined);
    });

    it('finds a question asking for medical advice', async () => {
      assert.equal((await play(stage, 'how much suboxone should i take?')).turn.advice, 'medical');
    });
  });

  describe('commands', () => {
    const stage = commandStage({
      strings,
      commands: new CommandRecognizer(strings),
      personalData: { collect: async () => assert.fail('no data is asked for') },
      retentionDays: 30,
      crisisResources,
    });

    it('answers "are you a bot?" above the open question, then asks it again', async () => {
      const played = await play(stage, 'are you a bot', {
        open: true,
        turn: { recognition: recognized('none') },
      });
      assert.equal(played.passed, false);
      assert.equal(played.said.at(-1), 'again question?');
      assert.equal(played.said.length, 2);
    });

    it('gives the crisis lines for "i need the hotline" at an open question, then asks it again', async () => {
      const played = await play(stage, 'i need the hotline', {
        open: true,
        turn: { recognition: recognized('none') },
      });
      assert.equal(played.passed, false);
      assert.ok(played.said[0]?.startsWith(strings.text('crisis.intro')));
      assert.equal(played.said.at(-1), 'again question?');
    });

    it('answers a command the recognizer is sure of, but not when the message asks for advice', async () => {
      const sure = { recognition: recognized('aboutBot') };
      assert.equal((await play(stage, 'who am i talking to', { turn: sure })).passed, false);
      assert.equal(
        (await play(stage, 'who am i talking to', { turn: { ...sure, advice: 'medical' } })).passed,
        true,
      );
    });

    it('passes on what is no command', async () => {
      assert.equal(
        (await play(stage, 'next tuesday', { turn: { recognition: recognized('none') } })).passed,
        true,
      );
    });

    it('refuses to run before recognition', async () => {
      await assert.rejects(play(stage, 'hello'), /recognition stage has not run/);
    });
  });

  describe('advice', () => {
    const stage = adviceStage(strings, {
      answer: (text) => (text === 'what is it' ? ['errors.notText'] : undefined),
    });

    it('declines a medical question kindly, then asks the open question again', async () => {
      const played = await play(stage, 'how much suboxone should i take?', {
        open: true,
        turn: { advice: 'medical' },
      });
      assert.equal(played.passed, false);
      assert.equal(played.said.length, 2);
      assert.equal(played.said[1], 'again question?');
    });

    it("answers a question about a flow's words, then asks the open question again", async () => {
      const played = await play(stage, 'what is it', { open: true });
      assert.deepEqual(played.said, [strings.text('errors.notText'), 'again question?']);
    });

    it('passes on everything else', async () => {
      assert.equal((await play(stage, 'next tuesday', { open: true })).passed, true);
    });
  });

  describe('dialogs', () => {
    it('continues the open question, or begins the menu when none is open', async () => {
      assert.deepEqual((await play(dialogStage, 'tuesday', { open: true })).said, [
        'answered question?',
        'menu',
      ]);
      assert.deepEqual((await play(dialogStage, 'hello')).said, ['menu']);
    });
  });
});

describe('the group stage', () => {
  const stage = (answered: boolean, seen: SafetyResult[] = []) =>
    groupStage(
      { classify: () => none },
      { groupTurn: async () => answered },
      {
        turn: async (_context, safety) => {
          seen.push(safety);
        },
      },
    );

  it('passes on a message in a one-to-one conversation, unread', async () => {
    const played = await play(async (turn, next) => stage(true)(turn.context, next), 'hello');
    assert.equal(played.passed, true);
    assert.deepEqual(played.traces, []);
  });

  it('reads a message in a group through the safety gate and answers it there', async () => {
    const seen: SafetyResult[] = [];
    const played = await play(async (turn, next) => stage(false, seen)(turn.context, next), 'hello', {
      conversationType: 'groupChat',
    });
    assert.equal(played.passed, false);
    assert.deepEqual(
      played.traces.map((t) => t.name),
      ['SafetyCheck'],
    );
    assert.deepEqual(seen, [none]);
  });

  it("leaves a specialists' channel message to the handoff when it answered", async () => {
    const seen: SafetyResult[] = [];
    await play(async (turn, next) => stage(true, seen)(turn.context, next), 'accept ABC123', {
      conversationType: 'channel',
    });
    assert.deepEqual(seen, []);
  });
});
