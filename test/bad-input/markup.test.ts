import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { z } from 'zod';
import { escapeMarkdown } from '../../src/cards/markdown.js';
import type { WayfinderRecognizer } from '../../src/language/intents/wayfinder-recognizer.js';
import { appointmentHarness, testRecognizer } from '../appointments/harness.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { makeDialogDeps } from '../support/dialog-case.js';
import { postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();

/** A person's answer full of markup: HTML, emphasis, a link, a heading. */
const MARKUP = '<b>x</b> **bold** [click](https://example.com) # heading';

/** Adaptive Card elements, as far as text goes: TextBlocks read markdown, TextRuns do not. */
interface CardElement {
  type?: string | undefined;
  text?: string | undefined;
  inlines?: CardElement[] | undefined;
  body?: CardElement[] | undefined;
  items?: CardElement[] | undefined;
}
const elementSchema: z.ZodType<CardElement> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    text: z.string().optional(),
    inlines: z.array(elementSchema).optional(),
    body: z.array(elementSchema).optional(),
    items: z.array(elementSchema).optional(),
  }),
);

/** Every element of a card, nested ones included. */
function elementsOf(card: unknown): CardElement[] {
  const walk = (element: CardElement): CardElement[] => [
    element,
    ...[...(element.body ?? []), ...(element.items ?? []), ...(element.inlines ?? [])].flatMap(walk),
  ];
  return walk(elementSchema.parse(card));
}

/**
 * The rule: where the person's words sit in a TextBlock (markdown) they are escaped exactly as
 * escapeMarkdown does, so no raw "**", "[...](...)", "<b>" or leading "#" remains; where they
 * sit in a TextRun (no markdown) they are as typed.
 */
function assertInert(card: unknown): void {
  const elements = elementsOf(card);
  const blocks = elements.filter((e) => e.type === 'TextBlock').map((e) => e.text ?? '');
  const runs = elements.filter((e) => e.type === 'TextRun').map((e) => e.text ?? '');
  // Each piece of markup, not preceded by the backslash that makes it literal.
  for (const raw of [/(^|[^\\])<b>/, /(^|[^\\])\*\*bold/, /(^|[^\\])\[click/, /(^|[^\\])# heading/])
    for (const text of blocks) assert.ok(!raw.test(text), `raw ${raw} in a TextBlock: ${text}`);
  const shown = [
    ...blocks.filter((text) => text.includes(escapeMarkdown(MARKUP))),
    ...runs.filter((text) => text.includes(MARKUP)),
  ];
  assert.ok(shown.length > 0, 'the words are on the card, shown as typed');
}

describe("markup in a person's words never renders as markup", () => {
  let recognizer: WayfinderRecognizer;
  before(() => {
    recognizer = testRecognizer();
  });

  it('appointment prep: the goal and a question with markup, on the plan card and in the list so far', async () => {
    const { make } = appointmentHarness(recognizer);
    const deps = makeDialogDeps();
    const client = new DialogTestClient('test', make(deps));
    const replies: Partial<Activity>[] = [];
    const say = async (text: string) => {
      replies.push(await client.sendActivity(text));
      for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
    };
    for (const text of ['hi', 'my counselor', 'next Tuesday at 3', MARKUP, MARKUP, 'done', '1'])
      await say(text);
    for (const text of ["That's all", 'my lease', 'yes', 'Nothing', 'say it back', 'done']) await say(text);

    const soFar = replies.find((r) =>
      r.text?.startsWith(strings.text('appointment.questionsSoFar').split('{')[0] ?? '-'),
    );
    assert.ok(soFar?.text?.includes(escapeMarkdown(MARKUP)), 'the list so far shows the question escaped');
    assert.ok(!soFar?.text?.includes(MARKUP));
    const card = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType?.includes('adaptive'));
    assert.ok(card, 'the plan card was sent');
    assertInert(card.content);
  });

  describe('a message left for a peer specialist (HTTP)', () => {
    const connector = useConnector('suite');
    const served = useTestApp({ env: { SPECIALIST_IDS: 'peer-1' } });

    async function say(conversation: string, user: string, text: string): Promise<void> {
      const activity = testActivity(conversation, { text, serviceUrl: connector.url }, user);
      delete activity.deliveryMode;
      assert.equal((await postMessages(served.url, activity)).status, 200);
    }

    it('is escaped on the specialist card, and plain text in every message that carries it', async () => {
      for (const text of ['hello', 'talk to a person', strings.text('handoff.leaveMessage'), 'Jo'])
        await say('member-m', 'member-m', text);
      await say('member-m', 'member-m', MARKUP);
      await say('member-m', 'member-m', 'here in this chat');
      // Shown back to confirm, as typed.
      const confirm = connector.received.filter((a) => a.conversation.id === 'member-m').at(-1);
      assert.ok(confirm?.text?.includes(MARKUP), 'the message is shown to confirm');
      assert.equal(confirm?.textFormat, 'plain');
      await say('member-m', 'member-m', strings.text('handoff.sendMessage'));
      await say('spec-m', 'peer-1', 'on duty');
      await say('spec-m', 'peer-1', 'accept');

      const toSpecialist = connector.received.filter(
        (a) => a.conversation.id === 'spec-m' && a.type === 'message',
      );
      const card = toSpecialist.flatMap((a) => a.attachments ?? [])[0];
      assert.ok(card, 'the specialist got the request card');
      assertInert(card.content);
      const carrying = toSpecialist.filter((a) => a.text?.includes(MARKUP));
      assert.ok(carrying.length >= 2, 'the card fallback and the accepted request show the message');
      for (const activity of carrying) assert.equal(activity.textFormat, 'plain', activity.text);
    });
  });
});
