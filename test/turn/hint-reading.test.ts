import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import type { SafetyResult } from '../../src/language/safety/safety-classifier.js';
import { HintReading } from '../../src/turn/hint-reading.js';
import * as signals from '../../src/turn-signals.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

const none: SafetyResult = { level: 'none', explicit: false, signals: [], suppressed: [], overdose: false };
/** A hint only the learned layer heard. */
const hint: SafetyResult = { ...none, level: 'danger', signals: ['learned-danger'] };

/** One conversation's turns: each reads the gate's `result` for `text`, as the safety stage does. */
function conversation() {
  const storage = new MemoryStorage();
  return async (text: string, result: SafetyResult, answeredSafe = false): Promise<SafetyResult> => {
    const state = new ConversationState(storage);
    const reading = HintReading.of(state, strings);
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, { ...adapter.makeActivity(text), channelId: 'test' });
    await state.load(context);
    const read = await reading.read(context, result);
    if (answeredSafe) signals.answeredSafe.set(context, true);
    await reading.remember(context, read);
    await state.saveChanges(context);
    return read;
  };
}

/** The level and signals, as a table row reads them. */
const shown = (result: SafetyResult) => [result.level, ...result.signals].join(' ');

describe('a hint only the learned layer heard, read in the conversation', () => {
  it('a plain goodbye to the bot is none; a farewell that is not plain keeps the hint', async () => {
    const say = conversation();
    assert.equal(shown(await say('Done. Thank you for your time. Goodbye.', hint)), 'none');
    assert.equal(shown(await say('thank you for everything. goodbye.', hint)), 'danger learned-danger');
  });

  it('"i just told you all of it??" alone is none; with more said, the hint stands', async () => {
    const say = conversation();
    assert.equal(shown(await say('i just told you all of it??', hint)), 'none');
    assert.equal(shown(await say('i just told you, nobody cares', hint)), 'danger learned-danger');
  });

  it("a concern only the layer heard in those whole messages is none too; a rule's concern stands", async () => {
    const say = conversation();
    const concern: SafetyResult = { ...none, level: 'concern', signals: ['learned-concern'] };
    assert.equal(shown(await say('i just told you everything', concern)), 'none');
    assert.equal(shown(await say('I ALREADY TOLD YOU EVERYTHING!!', concern)), 'none');
    assert.equal(shown(await say('Done. Thank you for your time. Goodbye.', concern)), 'none');
    assert.equal(
      shown(await say('i just told you everything and it still hurts', concern)),
      'concern learned-concern',
    );
    const ruled: SafetyResult = { ...concern, signals: ['hopeless'] };
    assert.equal(shown(await say('i just told you everything', ruled)), 'concern hopeless');
  });

  it('before anything said safe, a hint stands; after a check-in answered "safe", it is a concern', async () => {
    const say = conversation();
    assert.equal(shown(await say('i just feel like nobody is around', hint)), 'danger learned-danger');
    await say('no im fine', none, true);
    assert.equal(shown(await say('i just feel like nobody is around', hint)), 'concern learned-concern');
  });

  it('"no im safe. just lonely" said unasked counts; "but" after it takes it back', async () => {
    const say = conversation();
    await say('no im safe. just lonely', none);
    assert.equal(shown(await say('this kinda sucks', hint)), 'concern learned-concern');
    assert.equal(
      shown(await say("I'm safe now but I have the pills with me", hint)),
      'danger learned-danger',
    );
  });

  it('asking to be heard is a concern even before: "i just want to vent a bit"', async () => {
    const say = conversation();
    assert.equal(
      shown(await say('something else. i just want to vent a bit', hint)),
      'concern learned-concern',
    );
  });

  it("a rule's finding, an explicit one, an overdose or a cue of means always stands", async () => {
    const say = conversation();
    await say('no im fine', none, true);
    const findings: SafetyResult[] = [
      { ...hint, signals: ['burden'] },
      { ...hint, signals: ['burden', 'learned-danger'] },
      { ...hint, explicit: true },
      { ...hint, overdose: true },
      { ...hint, signals: ['means', 'learned-danger'] },
      { ...none, level: 'concern', signals: ['hopelessness'] },
    ];
    for (const finding of findings) assert.deepEqual(await say('Goodbye.', finding), finding);
  });

  it('a cue that only says alone or waiting does not stop the gentle reading', async () => {
    const say = conversation();
    await say('no im fine', none, true);
    const waiting: SafetyResult = { ...hint, signals: ['waiting-cue', 'learned-danger'] };
    assert.equal(
      shown(await say('i just feel like nobody is around', waiting)),
      'concern waiting-cue learned-concern',
    );
  });
});
