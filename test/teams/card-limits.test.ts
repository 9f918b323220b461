import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { requestCardActivity } from '../../src/accommodations/card.js';
import { RequestBuilder } from '../../src/accommodations/letter.js';
import { MAX_OWN_WORDS } from '../../src/accommodations/model.js';
import { loadAppointmentContent } from '../../src/appointments/content.js';
import { emptyDraft, MAX_ANSWER_LENGTH, MAX_QUESTIONS, toPlan } from '../../src/appointments/plan.js';
import { planMessages, planText } from '../../src/appointments/plan-card.js';
import { planView } from '../../src/appointments/plan-view.js';
import { channelRequestCard, specialistCard } from '../../src/handoff/cards.js';
import type { HandoffRequest } from '../../src/handoff/handoff-store.js';
import { MAX_MESSAGE_LENGTH } from '../../src/language/input-limits.js';
import { ianaZone } from '../../src/language/intents/time-zone.js';
import { loadPeerDirectory } from '../../src/peer-groups/directory.js';
import { PeerSearch } from '../../src/peer-groups/matching.js';
import { PeerGroupWriter } from '../../src/peer-groups/render.js';
import { TEAMS_CARD_LIMITS } from '../../src/teams/card-limits.js';
import { accommodationContent, FIXED_NOW, TODAY } from '../accommodations/support.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

/** Long text of exactly `length` characters, with some characters that take more than one byte. */
const long = (length: number, seed = 'words') => `${seed} é “quoted” – `.repeat(length).slice(0, length);

interface CardJson {
  version?: string;
  fallbackText?: string;
  body?: { text?: string; inlines?: { text?: string }[] }[];
  actions?: unknown[];
}

const appointments = loadAppointmentContent(strings);

/**
 * A court plan with every answer `length` characters long: all 10 questions and `perList` items
 * in each list (the most allowed is 10, 30 things to bring with the checklist, 20 next steps).
 */
function planOfSize(length: number, perList: number) {
  const answer = (seed: string) => long(length, seed);
  const many = (count: number, seed: string) =>
    Array.from({ length: count }, (_, i) => answer(`${seed}${i}`));
  const checklist = appointments.types.court.checklist.map((key) => strings.text(key));
  return toPlan(
    {
      ...emptyDraft(),
      type: 'court',
      goal: answer('goal'),
      questions: many(MAX_QUESTIONS, 'question'),
      topCount: 3,
      barriers: many(Math.min(perList, 10), 'barrier').map((words) => ({ words })),
      bring: many(Math.min(perList, 30 - checklist.length), 'bring'),
      support: 'maybe',
      share: { words: answer('share') },
      talk: many(Math.min(perList, 10), 'talk').map((words) => ({ words })),
      nextSteps: many(Math.min(perList * 2, 20), 'step'),
    },
    { id: 'p1', now: FIXED_NOW, checklist },
  );
}
const planViewOf = (plan: ReturnType<typeof planOfSize>) =>
  planView(plan, { strings, content: appointments, now: FIXED_NOW });

/** Every card type the bot sends, each built from the largest inputs its checks allow. */
function everyCardMessage(): Record<string, Partial<Activity>> {
  const request: HandoffRequest = {
    version: 1,
    code: 'ABC123',
    status: 'waiting',
    member: {
      userKey: 'msteams/users/29:x/',
      alias: long(40, 'Alias'),
      reference: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.example',
        conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' },
      },
    },
    topic: strings.text('features.accommodation'),
    summary: `${strings.text('handoff.summaryDuring', { flow: strings.text('handoff.flowAccommodation') })} ${strings.text('handoff.summaryMisunderstood')}`,
    leftMessage: { text: long(MAX_MESSAGE_LENGTH), contact: long(MAX_MESSAGE_LENGTH, 'call') },
    createdAt: FIXED_NOW.toISOString(),
  };

  const planMessage = planMessages(planViewOf(planOfSize(200, 3)), strings.text('appointment.saved'));
  assert.equal(planMessage.length, 1, 'a plan of this size is one card');

  const own = (seed: string) => long(MAX_OWN_WORDS, seed);
  const built = new RequestBuilder(strings, accommodationContent()).build(
    {
      setting: 'work',
      barrier: { id: 'medication', words: own('barrier') },
      idea: { own: own('idea') },
      who: { own: own('who') },
      format: 'letter',
      start: { words: own('start') },
      disclosure: 'specifics',
    },
    TODAY,
  );

  const zone = ianaZone('America/New_York');
  assert.ok(zone);
  const directory = loadPeerDirectory();
  const search = new PeerSearch(directory, { now: FIXED_NOW, zone });
  const writer = new PeerGroupWriter(strings, zone);
  // The five groups with the most to say, as one results message (the most the finder shows).
  const biggest = directory.groups
    .map((group) => search.judge(group, {}))
    .sort((a, b) => writer.match(b, 1).text.length - writer.match(a, 1).text.length)
    .slice(0, 5);

  return {
    'handoff: new request for a specialist': specialistCard(strings, request, 999),
    'handoff: post in the specialists’ channel': channelRequestCard(strings, request),
    'appointment plan (all questions, long answers)': planMessage[0] ?? {},
    'accommodation request': requestCardActivity(strings, built, 'accommodation.ready'),
    'peer groups: results': writer.matchesActivity(
      biggest,
      [strings.text('peerGroups.nationalOptions')],
      true,
    ),
  };
}

describe('Teams: every card the bot sends stays within Teams’ limits', () => {
  const messages = everyCardMessage();

  for (const [name, message] of Object.entries(messages)) {
    it(`${name}: Adaptive Card ${TEAMS_CARD_LIMITS.maxVersion} or lower, under the message size, few enough buttons, with text`, () => {
      const cards = (message.attachments ?? []).filter(
        (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
      );
      assert.ok(cards.length > 0, 'sends an Adaptive Card');
      const bytes = Buffer.byteLength(JSON.stringify(message), 'utf8');
      assert.ok(bytes <= TEAMS_CARD_LIMITS.maxMessageBytes, `${bytes} bytes`);
      assert.ok(message.text?.trim(), 'the message has text of its own');
      for (const attachment of cards) {
        const card = attachment.content as CardJson;
        assert.ok(card.version && Number(card.version) <= Number(TEAMS_CARD_LIMITS.maxVersion), card.version);
        assert.ok((card.actions ?? []).length <= TEAMS_CARD_LIMITS.maxActions);
        const shown = (card.body ?? [])
          .flatMap((element) => [element.text ?? '', ...(element.inlines ?? []).map((run) => run.text ?? '')])
          .map((text) => text.replace(/\\(.)/g, '$1'))
          .filter((text) => text.trim());
        const saysItAll = shown.every((text) => message.text?.includes(text));
        assert.ok(card.fallbackText?.trim() || saysItAll, 'a text fallback for clients without cards');
      }
    });
  }

  it('an appointment plan at the most every list allows is sent as text in parts that each fit', () => {
    const view = planViewOf(planOfSize(MAX_ANSWER_LENGTH, 30));
    const [intro, ...parts] = planMessages(view, strings.text('appointment.saved'));
    assert.equal(intro?.text, strings.text('appointment.saved'));
    assert.ok(parts.length >= 2, `${parts.length} part(s)`);
    for (const part of parts) {
      assert.ok(Buffer.byteLength(JSON.stringify(part), 'utf8') <= TEAMS_CARD_LIMITS.maxMessageBytes);
      assert.equal(part.textFormat, 'plain');
    }
    assert.equal(parts.map((part) => part.text).join('\n'), planText(view), 'nothing is lost between parts');
  });
});
