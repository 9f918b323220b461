import assert from 'node:assert/strict';
import { z } from 'zod';
import { loadAppointmentContent } from '../../src/appointments/content.js';
import { emptyDraft, toPlan } from '../../src/appointments/plan.js';
import { planCardActivity, planText, planTextActivities } from '../../src/appointments/plan-card.js';
import { planView } from '../../src/appointments/plan-view.js';
import { testContent } from '../support/content.js';
import { clock } from './harness.js';

const { strings } = testContent();
const content = loadAppointmentContent(strings);
const hostile = '**bold** [link](https://example.invalid) <b>x</b> {{DATE(2017-02-14T06:08:39Z)}}\u0007';

const plan = toPlan(
  {
    ...emptyDraft(),
    type: 'court',
    goal: hostile,
    questions: ['What happens next?', hostile],
    topCount: 1,
    barriers: [{ id: 'transport' }, { words: hostile }],
    support: 'maybe',
    share: { id: 'nothing' },
    talk: [{ id: 'written' }],
  },
  { id: 'p1', now: clock(), checklist: content.types.court.checklist.map((key) => strings.text(key)) },
);
const view = planView(plan, { strings, content, now: clock() });

interface CardElement {
  type: string;
  text?: string | undefined;
  inlines?: CardElement[] | undefined;
}
const elementSchema: z.ZodType<CardElement> = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    text: z.string().optional(),
    inlines: z.array(elementSchema).optional(),
  }),
);
const cardSchema = z.looseObject({
  version: z.string(),
  $schema: z.string(),
  fallbackText: z.string(),
  body: z.array(elementSchema),
});

describe('plan card and plain text', () => {
  const activity = planCardActivity(view, strings.text('appointment.saved'));
  const card = cardSchema.parse(activity.attachments?.[0]?.content);

  it('is an Adaptive Card 1.5 (Teams renders it) with the whole plan as fallback text', () => {
    assert.equal(activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(card.version, '1.5');
    assert.match(card.$schema, /adaptive-card\.json$/);
    assert.equal(card.fallbackText, planText(view));
    for (const section of view.sections) assert.ok(card.fallbackText.includes(section.heading));
  });

  it("puts the person's words only in TextRuns, which no renderer reads as Markdown", () => {
    const blocks = card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text ?? '');
    assert.ok(
      blocks.every((text) => !text.includes('**bold**')),
      'no untrusted text in a TextBlock',
    );
    const runs = card.body.flatMap((e) => e.inlines ?? []).map((r) => r.text ?? '');
    const mine = runs.filter((text) => text.includes('**bold**'));
    assert.ok(mine.length >= 3, 'goal, question and barrier are shown as typed');
    assert.ok(mine.every((text) => text.includes('{\u200b{DATE') && !text.includes('\u0007')));
  });

  it('marks the most important questions and says the choices in first person', () => {
    const text = planText(view);
    assert.ok(text.includes(`1. What happens next? ${strings.text('planCard.topMark')}`));
    assert.ok(text.includes(strings.text('appointmentShare.nothingPlan')));
    assert.ok(text.includes(strings.text('planCard.supportMaybe')));
    assert.ok(text.includes(strings.text('appointmentTalk.writtenSay')));
  });

  it('with every question ranked ("2 1 3"), only the first is marked most important', () => {
    const questions = ['will i go to jail', 'should i plead guilty or not guilty', 'what do i wear to court'];
    const ranked = toPlan(
      { ...emptyDraft(), type: 'court', questions, topCount: 3 },
      { id: 'p3', now: clock(), checklist: [] },
    );
    const text = planText(planView(ranked, { strings, content, now: clock() }));
    assert.equal(text.split(strings.text('planCard.topMark')).length - 1, 1, text);
    assert.ok(text.includes(`1. will i go to jail ${strings.text('planCard.topMark')}`), text);
  });

  it('the copyable text is sent as plain text (no Markdown), without control characters', () => {
    const [plain, ...more] = planTextActivities(view);
    assert.deepEqual(more, [], 'a plan of this size is one message');
    assert.equal(plain?.textFormat, 'plain');
    assert.ok(plain?.text?.includes('**bold** [link]'));
    assert.ok(!plain?.text?.includes('\u0007'));
  });

  it('leaves out empty parts, but always says what and when', () => {
    const bare = planView(toPlan(emptyDraft(), { id: 'p2', now: clock(), checklist: [] }), {
      strings,
      content,
      now: clock(),
    });
    assert.deepEqual(
      bare.sections.map((s) => s.heading),
      [strings.text('planCard.typeHeading'), strings.text('planCard.whenHeading')],
    );
    assert.deepEqual(bare.sections[1]?.lines, [strings.text('planCard.whenUnknown')]);
  });
});
