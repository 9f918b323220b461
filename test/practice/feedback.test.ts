import assert from 'node:assert/strict';
import { MemoryStorage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { FeedbackWriter, type Turn } from '../../src/practice/feedback.js';
import {
  MAX_PRACTICE_SESSIONS,
  type PracticeHistory,
  type PracticeSession,
  practiceHistoryProperty,
  progressOf,
  readHistory,
  recordSession,
} from '../../src/practice/history.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();
const writer = new FeedbackWriter(strings);
const goal = 'a few minutes to go over the new prescription';

const session = (...skills: PracticeSession['skills']): PracticeSession => ({
  scenario: 'rushed-doctor',
  at: '2026-01-05T10:00:00.000Z',
  skills,
});
const history = (...sessions: PracticeSession[]): PracticeHistory => ({ version: 1, sessions });

/** A user-state property held in a variable, and a turn to call it with. */
async function fakeProperty(initial?: unknown) {
  const userState = new UserState(new MemoryStorage());
  const context = new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    from: { id: 'person-1', name: '' },
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  });
  // A value as an older release stored it: written under the name, past the schema.
  if (initial !== undefined)
    await userState.createProperty(practiceHistoryProperty.name).set(context, initial);
  return { accessor: openUserProperties(userState).practiceHistory, context };
}

describe('practice feedback', () => {
  it('says what went well first, with their words, then one or two things to try', () => {
    const turns: Turn[] = [{ text: 'I need Fridays off for my group.', skills: ['specificRequest'] }];
    const text = writer.summary(turns, goal);
    const well = text.indexOf(
      strings.text('practiceFeedback.wentWell', {
        skill: strings.text('practiceSkills.specificRequest'),
        quote: turns[0]?.text ?? '',
      }),
    );
    const tryAt = text.indexOf(strings.text('practiceFeedback.tryIntro'));
    assert.ok(well > 0 && tryAt > well, text);
    const tries = text
      .slice(tryAt)
      .split('\n')
      .filter((line) => line.startsWith('- '));
    assert.equal(tries.length, 2);
  });

  it("builds the example phrasing from the person's own request", () => {
    const turns: Turn[] = [{ text: 'I need Fridays off for my group.', skills: ['specificRequest'] }];
    const text = writer.summary(turns, goal);
    assert.ok(
      text.includes(strings.text('practiceExamples.inWriting', { ask: 'Fridays off for my group' })),
      text,
    );
  });

  it("falls back to the scene's goal when no request was made, and credits the effort", () => {
    const turns: Turn[] = [
      { text: 'um, okay', skills: [] },
      { text: 'fine', skills: [] },
    ];
    const text = writer.summary(turns, goal);
    assert.ok(text.includes(strings.text('practiceFeedback.wentWellEffort', { count: 2 })), text);
    assert.ok(text.includes(strings.text('practiceExamples.specificRequest', { ask: goal })), text);
  });

  // Group D: "I'm asking for to keep...", "Could you put to keep my current treatment going...".
  const awkward = [
    'I want to keep taking it if my dose is right',
    'I need you to call me back',
    'i want know if its safe',
    "I'd like that",
    'I would like it if you listened',
    "I'm asking for what I was promised?",
    'can i get',
  ];
  for (const text of awkward) {
    it(`quotes no request that is not a thing asked for: ${JSON.stringify(text)}`, () => {
      const turns: Turn[] = [{ text, skills: [] }];
      const summary = writer.summary(turns, goal);
      for (const skill of ['specificRequest', 'inWriting'] as const)
        assert.ok(summary.includes(strings.text(`practiceExamples.${skill}`, { ask: goal })), summary);
      assert.ok(
        writer
          .live(turns[0] as Turn, [], goal)
          .includes(strings.text('practiceExamples.specificRequest', { ask: goal })),
      );
    });
  }

  it('puts any request in writing in a sentence that reads right', () => {
    const text = writer.summary([{ text: 'I need a few minutes please.', skills: [] }], goal);
    assert.ok(
      text.includes('Could you write down what we agreed about a few minutes, so we both have it?'),
      text,
    );
  });

  it('coaches as you go: names a skill just shown, or suggests one with an example', () => {
    const shown = writer.live({ text: 'Could I get two minutes?', skills: ['specificRequest'] }, [], goal);
    assert.equal(
      shown,
      strings.text('practiceFeedback.coachNoticed', {
        skill: strings.text('practiceSkills.specificRequest'),
      }),
    );
    const tip = writer.live({ text: 'okay', skills: [] }, [], goal);
    assert.ok(
      tip.startsWith(
        strings
          .text('practiceFeedback.coachTry', {
            tip: strings.text('practiceTry.specificRequest'),
            example: '',
          })
          .slice(0, 20),
      ),
    );
  });

  it('a praised line that names treatment says sharing it is their choice (ninth run, Marcus)', () => {
    const note = strings.text('practiceFeedback.sharedHealth');
    const said = (text: string): Turn[] => [{ text, skills: ['specificRequest'] }];
    const iop = writer.summary(
      said('no it cant wait, iop starts monday. i need later start tue and thu'),
      goal,
    );
    assert.ok(iop.includes(note), iop);
    const health = writer.summary(said('i need to start at 11 on tuesdays, its a health thing'), goal);
    assert.ok(!health.includes(note), health);
  });

  it('ends an example request at its comma: "later start tue and thu, like 11 instead of 7"', () => {
    const turns: Turn[] = [{ text: 'i need later start tue and thu, like 11 instead of 7', skills: [] }];
    const feedback = writer.summary(turns, goal);
    assert.ok(feedback.includes("I'd like later start tue and thu."), feedback);
    assert.ok(!feedback.includes('instead of 7'), feedback);
  });

  it('never grades: no score, percent or "fail" in any feedback', () => {
    const text = writer.summary([{ text: 'no', skills: [] }], goal);
    assert.doesNotMatch(text, /\b(score|grade|fail|poor|bad|wrong)\b|%/i);
  });
});

describe('practice progress', () => {
  it('counts the most shown skill in the last four practices', () => {
    const progress = progressOf(
      history(
        session(),
        session('specificRequest'),
        session('specificRequest', 'inWriting'),
        session(),
        session('specificRequest'),
      ),
    );
    assert.deepEqual(progress, { skill: 'specificRequest', count: 3, total: 4 });
    assert.equal(
      writer.progress(history(session('specificRequest'), session('specificRequest'))),
      strings.text('practiceFeedback.progress', {
        skill: strings.text('practiceSkills.specificRequest'),
        count: 2,
        total: 2,
      }),
    );
  });

  it('says nothing before two practices, or when no skill was shown', () => {
    assert.equal(progressOf(history(session('specificRequest'))), undefined);
    assert.equal(progressOf(history(session(), session())), undefined);
  });

  it(`keeps only the last ${MAX_PRACTICE_SESSIONS} practices`, async () => {
    const { accessor, context } = await fakeProperty();
    for (let i = 0; i < MAX_PRACTICE_SESSIONS + 3; i++) {
      await recordSession(accessor, context, {
        ...session(),
        at: `2026-01-${String(i + 1).padStart(2, '0')}`,
      });
    }
    const { sessions } = await readHistory(accessor, context);
    assert.equal(sessions.length, MAX_PRACTICE_SESSIONS);
    assert.equal(sessions[0]?.at, '2026-01-04');
  });

  it('starts afresh from a history of another version instead of misreading it', async () => {
    const { accessor, context } = await fakeProperty({ version: 0, sessions: [{ whatever: true }] });
    assert.deepEqual(await readHistory(accessor, context), { version: 1, sessions: [] });
  });
});
