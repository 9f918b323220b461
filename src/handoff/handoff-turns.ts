import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { StringKey, Strings } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';
import { requestLines, specialistCard } from './cards.js';
import { type HandoffService, minutesSince } from './handoff-service.js';
import type { HandoffStore, RelayLink } from './handoff-store.js';
import { parseSpecialistCommand } from './specialist-commands.js';

/** Buttons for the specialist's next commands; the values are the contract's command words. */
const buttons = {
  onDuty: ['specialist.buttonQueue', 'queue'],
  accept: ['specialist.buttonAccept', 'accept'],
  offDuty: ['specialist.buttonOffDuty', 'off duty'],
  goOnDuty: ['specialist.buttonOnDuty', 'on duty'],
  end: ['specialist.buttonEnd', 'end'],
} as const satisfies Record<string, readonly [StringKey, string]>;

/** A card's Accept button in Web Chat submits data instead of text. */
const submitSchema = z.object({ command: z.literal('accept'), code: z.string().regex(/^[A-Z0-9]{6}$/) });

/** What the bot should do for a member's message, given their handoff. */
export type MemberTurn =
  | { kind: 'relayed' }
  | { kind: 'handled' }
  | { kind: 'fallback'; code: string; choice: string }
  | { kind: 'none' };

/**
 * The handoff's part of a turn, for specialists (commands, their side of a relay) and members
 * (their side of a relay, withdrawing a request, the fallback after nobody came). Anyone not in
 * SPECIALIST_IDS gets no specialist powers: their words go to the bot as usual.
 */
export class HandoffTurns {
  private readonly specialists: ReadonlySet<string>;

  constructor(
    private readonly service: HandoffService,
    private readonly store: HandoffStore,
    private readonly strings: Strings,
    specialistIds: readonly string[],
    private readonly clock: () => Date,
  ) {
    this.specialists = new Set(specialistIds);
  }

  isSpecialist(context: TurnContext): boolean {
    return this.specialists.has(context.activity.from?.id ?? '');
  }

  /** The relay this conversation is part of, if any. */
  link(context: TurnContext): Promise<RelayLink | undefined> {
    const { channelId, conversation } = context.activity;
    return this.store.link(channelId, conversation?.id ?? '');
  }

  /** A specialist's message: a command, or their side of a live relay. True when handled. */
  async specialistTurn(context: TurnContext, link: RelayLink | undefined): Promise<boolean> {
    const { text, value, from } = context.activity;
    const submitted = submitSchema.safeParse(value);
    const command = parseSpecialistCommand(submitted.success ? `accept ${submitted.data.code}` : text);
    const say = (key: StringKey, vars = {}, next: ReadonlyArray<readonly [StringKey, string]> = []) =>
      context.sendActivity({
        type: 'message',
        text: this.strings.text(key, vars),
        ...(next.length > 0
          ? {
              suggestedActions: {
                to: [],
                actions: next.map(([title, value]) => ({
                  type: 'imBack',
                  title: this.strings.text(title),
                  value,
                })),
              },
            }
          : {}),
      });
    if (link?.role === 'specialist' && command?.kind !== 'accept' && command?.kind !== 'queue') {
      if (command?.kind === 'end') await this.service.end(link.code, 'specialist');
      else if (text?.trim()) await this.service.relay(link.code, 'specialist', text.trim());
      return true;
    }
    const me = {
      id: from.id,
      name: from.name ?? '',
      reference: TurnContext.getConversationReference(context.activity),
    };
    switch (command?.kind) {
      case 'onDuty': {
        const waiting = await this.service.goOnDuty(me.id, me.name, me.reference);
        await say('specialist.onDuty', { count: waiting.length }, [
          buttons.onDuty,
          buttons.accept,
          buttons.offDuty,
        ]);
        // What is already waiting (messages left included) is shown to whoever comes on duty.
        const now = this.clock();
        for (const request of waiting)
          await context.sendActivity(
            specialistCard(this.strings, request, minutesSince(request.createdAt, now)),
          );
        return true;
      }
      case 'offDuty':
        await this.service.goOffDuty(me.id);
        await say('specialist.offDuty', {}, [buttons.goOnDuty]);
        return true;
      case 'queue':
        await this.sendQueue(context);
        return true;
      case 'end':
        await say('specialist.notInChat');
        return true;
      case 'accept': {
        const { outcome, request } = await this.service.accept(me, command.code);
        if (outcome === 'accepted' && request) {
          await say('specialist.accepted', { alias: request.member.alias, code: request.code }, [
            buttons.end,
          ]);
          await context.sendActivity(
            requestLines(this.strings, request, minutesSince(request.createdAt, this.clock())).join('\n'),
          );
        } else if (outcome === 'taken')
          await say('specialist.taken', { code: command.code ?? request?.code ?? '' });
        else if (outcome === 'busy') await say('specialist.busy');
        else if (command.code) await say('specialist.notFound', { code: command.code });
        else await say('specialist.queueEmpty');
        return true;
      }
      default:
        return false;
    }
  }

  /** A member's message while they have a request or a relay. */
  async memberTurn(context: TurnContext, link: RelayLink, flagged: string | undefined): Promise<MemberTurn> {
    const found = await this.store.request(link.code);
    const text = context.activity.text?.trim() ?? '';
    const said = (key: 'handoff.endChatWords' | 'handoff.cancelRequestWords') =>
      this.strings.variants(key).some((w) => normalizeText(w) === normalizeText(text));
    switch (found?.request.status) {
      case 'connected':
        if (said('handoff.endChatWords')) {
          await this.service.end(link.code, 'member');
          return { kind: 'handled' };
        }
        if (flagged) await this.service.alertSpecialist(link.code, flagged);
        if (text) await this.service.relay(link.code, 'member', text);
        return { kind: 'relayed' };
      case 'waiting':
      case 'expired': {
        if (said('handoff.cancelRequestWords')) {
          await this.service.cancel(link.code, TurnContext.getConversationReference(context.activity));
          await context.sendActivity(this.strings.text('handoff.cancelled'));
          return { kind: 'handled' };
        }
        const labels = (['handoff.leaveMessage', 'handoff.crisisLines', 'handoff.carryOn'] as const).map(
          (k) => this.strings.text(k),
        );
        if (found.request.status === 'expired' && labels.includes(text))
          return { kind: 'fallback', code: link.code, choice: text };
        return { kind: 'none' };
      }
      default:
        // A relay that ended or a request withdrawn elsewhere: forget the stale link.
        await this.store.deleteLink(TurnContext.getConversationReference(context.activity));
        return { kind: 'none' };
    }
  }

  private async sendQueue(context: TurnContext): Promise<void> {
    const waiting = await this.service.waiting();
    if (waiting.length === 0) {
      await context.sendActivity(this.strings.text('specialist.queueEmpty'));
      return;
    }
    const now = this.clock();
    const lines = waiting.map((r) =>
      this.strings.text('specialist.queueItem', {
        code: r.code,
        alias: r.member.alias,
        topic: r.topic,
        minutes: minutesSince(r.createdAt, now),
      }),
    );
    await context.sendActivity({
      type: 'message',
      textFormat: 'plain',
      text: [this.strings.text('specialist.queueHeader'), ...lines].join('\n'),
    });
  }
}
