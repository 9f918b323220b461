import assert from 'node:assert/strict';
import type { Activity, CardAction } from 'botbuilder';
import { testContent } from '../support/content.js';
import { exchange, testActivity } from '../support/http.js';
import { teamsActivity, teamsUser } from '../support/teams.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();

/** The channels a person reaches Wayfinder through, each with buttons of its own kind. */
const channels = ['emulator', 'webchat', 'directline', 'msteams'] as const;
type Channel = (typeof channels)[number];

/** Teams shows no more than this many suggested actions. */
const TEAMS_MAX_SUGGESTED = 3;

/**
 * Where each walk starts, and what it types at a question without buttons (in order). At a
 * question with buttons the walk types the label at `pick` (so "Something else" is not always
 * taken), the same text in every channel.
 */
const walks: readonly { opening: string; typed: readonly string[]; pick: number }[] = [
  // Each item of the menu, then the first button of each question after it.
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((pick) => ({
    opening: 'menu',
    typed: ['Sam', 'next Monday at 3pm'],
    pick,
  })),
  { opening: 'help me get ready for my appointment', typed: ['next Monday at 3pm', 'a refill'], pick: 1 },
  { opening: 'I need an accommodation at work', typed: ['my manager'], pick: 0 },
  { opening: 'I need an accommodation at work', typed: ['my manager'], pick: 1 },
  { opening: 'find a group', typed: ['Denver'], pick: 0 },
  { opening: 'find a group', typed: ['Denver'], pick: 1 },
  { opening: 'I want to practice a conversation', typed: ['Can I start later on Tuesdays?'], pick: 0 },
  { opening: 'talk to a person', typed: ['Sam', 'tomorrow morning'], pick: 0 },
  { opening: 'delete my data', typed: [], pick: 1 },
  { opening: 'I want to die', typed: [], pick: 1 },
  { opening: 'Crisis & support', typed: [], pick: 6 },
  { opening: 'Choose a nickname', typed: ['Robin'], pick: 0 },
];
const TURNS = 6;

/** The labels a person sees: suggested actions, card buttons, or the numbered lines of a list. */
function labelsOf(activities: readonly Partial<Activity>[]): string[] {
  const last = activities.at(-1);
  if (!last) return [];
  const actions: CardAction[] = [...(last.suggestedActions?.actions ?? [])];
  for (const attachment of last.attachments ?? []) {
    const content = attachment.content as { buttons?: CardAction[]; actions?: CardAction[] } | undefined;
    actions.push(...(content?.buttons ?? []), ...(content?.actions ?? []));
  }
  if (actions.length > 0) return actions.map((action) => action.title);
  return [...(last.text ?? '').matchAll(/^\s*\d+\. (.+)$/gm)].map((match) => match[1] ?? '');
}

/** What a code would look like on a button: camelCase, a string key, or a menu item's value. */
function looksInternal(label: string): boolean {
  const menuValues = ['appointment', 'accommodation', 'peerGroup', 'practice', 'handoff', 'crisisSupport'];
  return /^[a-z]+[A-Z]\w*$/.test(label) || /^\w+\.\w+$/.test(label) || menuValues.includes(label);
}

describe('buttons read the same in every channel (emulator, webchat, directline, msteams personal)', () => {
  const served = useTestApp();

  function activityFor(channel: Channel, conversation: string, text: string): Record<string, unknown> {
    if (channel !== 'msteams')
      return testActivity(conversation, { text, channelId: channel }, `${conversation}-user`);
    const place = { kind: 'personal' as const, id: `a:${conversation}` };
    return {
      ...teamsActivity(place, teamsUser(conversation), { text }, 'https://smba.invalid/'),
      deliveryMode: 'expectReplies',
    };
  }

  /** Sends `text` in every channel's conversation and returns what each showed. */
  async function sendEverywhere(id: string, text: string): Promise<Record<Channel, Partial<Activity>[]>> {
    const shown = {} as Record<Channel, Partial<Activity>[]>;
    for (const channel of channels)
      shown[channel] = await exchange(served.url, activityFor(channel, `${id}-${channel}`, text));
    return shown;
  }

  it('the menu shows its labels from resources/locales, never an internal key, in every channel', async () => {
    const shown = await sendEverywhere('menu', 'menu');
    const menu = [
      'appointment',
      'accommodation',
      'peerGroup',
      'practice',
      'handoff',
      'crisisSupport',
    ] as const;
    for (const channel of channels) {
      const labels = labelsOf(shown[channel]);
      for (const item of menu)
        assert.ok(labels.includes(strings.text(`menu.${item}`)), `${channel}: ${item}`);
      assert.deepEqual(labels.filter(looksInternal), [], channel);
    }
    const teams = shown.msteams.at(-1);
    assert.equal(
      teams?.attachments?.[0]?.contentType,
      'application/vnd.microsoft.card.hero',
      'Teams: a card',
    );
  });

  it('a channel without buttons (SMS) gets a numbered list with the same labels', async () => {
    for (const steps of [['menu'], ['talk to a person', 'Sam']]) {
      let sms: Partial<Activity>[] = [];
      let webchat: Partial<Activity>[] = [];
      for (const text of steps) {
        sms = await exchange(
          served.url,
          testActivity(`sms-${steps[0]}`, { text, channelId: 'sms' }, 'sms-user'),
        );
        webchat = await exchange(
          served.url,
          testActivity(`web-${steps[0]}`, { text, channelId: 'webchat' }, 'web-user'),
        );
      }
      const last = sms.at(-1);
      assert.equal(last?.suggestedActions, undefined, 'no buttons SMS would drop');
      assert.equal(last?.attachments, undefined);
      assert.ok(labelsOf(webchat).length >= 2);
      assert.deepEqual(labelsOf(sms), labelsOf(webchat), steps.join(' / '));
    }
  });

  it('every choice question on the way through each flow: identical labels everywhere, none internal', async function () {
    this.timeout(120_000);
    let questions = 0;
    for (const [index, walk] of walks.entries()) {
      const id = `walk-${index}`;
      const typed = [...walk.typed];
      let text = walk.opening;
      for (let turn = 0; turn < TURNS; turn += 1) {
        const shown = await sendEverywhere(id, text);
        const labels = labelsOf(shown.webchat);
        for (const channel of channels) {
          assert.deepEqual(
            labelsOf(shown[channel]),
            labels,
            `${walk.opening} / "${text}": ${channel} vs webchat`,
          );
        }
        assert.deepEqual(labels.filter(looksInternal), [], `${walk.opening} / "${text}"`);
        const teams = shown.msteams.at(-1);
        if (labels.length > TEAMS_MAX_SUGGESTED) {
          assert.equal(
            teams?.suggestedActions,
            undefined,
            `Teams shows only three suggested actions: ${text}`,
          );
        }
        if (labels.length > 0) questions += 1;
        const next = labels.length > 0 ? labels[Math.min(walk.pick, labels.length - 1)] : typed.shift();
        if (next === undefined) break;
        text = next;
      }
    }
    console.log(`      ${questions} choice questions x ${channels.length} channels compared`);
    assert.ok(questions >= 25, `only ${questions} choice questions reached`);
  });
});
