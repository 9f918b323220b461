import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { FlowQuestions } from '../../src/language/flow-questions.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 19, deliverable 5: side questions inside any flow.
const { strings } = testContent();
const flowQuestions = FlowQuestions.load(strings);

describe('questions about a flow’s own words', () => {
  const asked: readonly [string, StringKey | undefined][] = [
    ["what's an interactive process?", 'accommodationRights.interactiveProcess'],
    ['what is the interactive process', 'accommodationRights.interactiveProcess'],
    ['what is the disability office called?', 'flowQuestions.disabilityOfficeNames'],
    ['who is the ada coordinator', 'flowQuestions.disabilityOfficeNames'],
    ['what does co-occurring mean', 'flowQuestions.coOccurring'],
    ['co occuring means what?', 'flowQuestions.coOccurring'],
    ['whats 12 step', 'peerGroups.explainTwelveStep'],
    ['wat is secular?', 'peerGroups.explainSecular'],
    ['what is MAT?', 'flowQuestions.moud'],
    ["what's a peer specialist", 'flowQuestions.peerSpecialist'],
    ['what is an accommodation?', 'flowQuestions.accommodation'],
    // Answers and requests that name a term are not questions about it.
    ['I want a 12 step group', undefined],
    ['secular', undefined],
    ['what accommodation should I ask for?', undefined],
    ['can I ask for an accommodation?', undefined],
    ['what time is the 12 step meeting on saturday', undefined],
    ['', undefined],
  ];
  for (const [text, first] of asked) {
    it(`${JSON.stringify(text)} -> ${first ?? 'not a question about a term'}`, () => {
      assert.equal(flowQuestions.answer(text)?.[0], first);
    });
  }
});

/**
 * A flow started by the conversation's first message, a side question typed at its first
 * question, the replies expected to it, and then that same question again.
 */
interface SideCase {
  name: string;
  start: string;
  /** Answers that lead to the question the side question is typed at. */
  then?: string[];
  side: string;
  replies: Reply[];
}

const cases: SideCase[] = [
  {
    name: 'a medical question in the group finder is declined, then the finder asks again',
    start: 'find me a support group',
    side: 'should I just stop taking the seroquel?',
    replies: ['advice.medical'],
  },
  {
    name: 'a dosing question that sounds like privacy ("safe") is declined, not answered with the privacy text',
    start: 'find me a support group',
    side: 'is it safe to taper fast?',
    replies: ['advice.medical'],
  },
  {
    name: 'a legal question while a plan is made: declined, and told where it can go in the plan',
    start: 'help me get ready for my doctor appointment',
    side: 'can they evict me for this?',
    replies: [['advice.legal', { question: 'Can they evict me for this?' }]],
  },
  {
    name: 'a question about a word of the finder is answered from resources',
    start: 'find me a support group',
    side: 'what does co-occurring mean?',
    replies: ['flowQuestions.coOccurring'],
  },
  {
    name: 'a question about who takes requests is answered in the appointment plan',
    start: 'help me get ready for my doctor appointment',
    side: 'what is the disability office called?',
    replies: ['flowQuestions.disabilityOfficeNames'],
  },
  {
    name: 'a question about the interactive process in the accommodation flow',
    start: 'i need an accommodation at work',
    side: "what's an interactive process?",
    replies: ['accommodationRights.interactiveProcess'],
  },
];

describe('side questions inside a flow (HTTP, conversations that start with a message)', () => {
  const served = useTestApp();

  for (const [index, c] of cases.entries()) {
    it(c.name, async () => {
      const send = async (text: string) =>
        (await exchange(served.url, testActivity(`side-${index}`, { text }))).map(
          (reply) => reply.text ?? '',
        );
      let asked = (await send(c.start)).at(-1) ?? '';
      for (const answer of c.then ?? []) asked = (await send(answer)).at(-1) ?? '';
      const replies = await send(c.side);
      for (const [at, want] of c.replies.entries()) {
        assert.ok(containsReply(strings, want, replies[at] ?? ''), `${want} in: ${replies[at]}`);
      }
      assert.equal(replies.length, c.replies.length + 1, replies.join('\n---\n'));
      assert.equal(replies.at(-1), asked, 'the flow asks its question again');
    });
  }

  it('at the plan’s questions, a medical question is declined and kept in the plan, and a question about a word is kept too', async () => {
    const send = async (text: string) =>
      (await exchange(served.url, testActivity('side-plan', { text }))).map((reply) => reply.text ?? '');
    await send('help me get ready for my doctor appointment');
    await send('not sure yet');
    const questions = await send('a refill');
    assert.ok(
      questions.some((text) => containsReply(strings, 'appointment.askQuestions', text)),
      questions.join('\n'),
    );
    const replies = await send('should i stop taking my seroquel?');
    assert.ok(containsReply(strings, 'advice.medical', replies[0] ?? ''), replies[0]);
    assert.ok(replies[0]?.includes(strings.text('advice.keptInPlan')), replies[0]);
    assert.ok(
      replies.slice(1).some((text) => text.includes('should i stop taking my seroquel?')),
      replies.join('\n---\n'),
    );
    // A question about a word, typed here, is one to ask the provider: kept, not answered.
    const kept = await send('what is MAT?');
    assert.ok(!kept.some((text) => text.includes(strings.text('flowQuestions.moud'))), kept.join('\n'));
    assert.ok(
      kept.some((text) => text.includes('what is MAT?')),
      kept.join('\n---\n'),
    );
  });
});
