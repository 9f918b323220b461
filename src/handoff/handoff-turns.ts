import { type Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { parseSubmit } from '../cards/submit.js';
import type { StringKey, Strings, StringVars } from '../content/strings.js';
import { normalizeText } from '../language/normalize.js';
import { foldedVariants, saysAnyOf } from '../language/says-any-of.js';
import { foldAnswer, sentencesOf } from '../language/typed-answer.js';
import { userStateKey } from '../privacy/state-keys.js';
import { privateChatInvite, referenceWithTenant, userIdsOf } from '../teams/scope.js';
import { requestLines, specialistCard } from './cards.js';
import { type HandoffService, minutesSince } from './handoff-service.js';
import type { DutyRoster, HandoffRequest, HandoffStore, RelayLink } from './handoff-store.js';
import type { SpecialistChannel } from './specialist-channel.js';
import { parseSpecialistCommand, type SpecialistCommand } from './specialist-commands.js';

/** Buttons for the specialist's next commands; the values are the contract's command words. */
const buttons = {
  onDuty: ['specialist.buttonQueue', 'queue'],
  accept: ['specialist.buttonAccept', 'accept'],
  offDuty: ['specialist.buttonOffDuty', 'off duty'],
  goOnDuty: ['specialist.buttonOnDuty', 'on duty'],
  end: ['specialist.buttonEnd', 'end'],
} as const satisfies Record<string, readonly [StringKey, string]>;

/** A card's Accept button in Web Chat submits data instead of text (other fields, like msteams, are dropped). */
const acceptSubmitSchema = z.object({
  command: z.literal('accept'),
  code: z.string().regex(/^[A-Z0-9]{6}$/),
});

/** What the bot should do for a member's message, given their handoff. */
export type MemberTurn =
  | { kind: 'relayed' }
  /** In a live relay, a message for the bot alone (the person's own safety plan): not relayed. */
  | { kind: 'private' }
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
    /** The specialists' Teams channel, when SPECIALIST_CHANNEL_ID is set. */
    private readonly channel?: SpecialistChannel,
  ) {
    this.specialists = new Set(specialistIds);
  }

  /**
   * True for a user listed in SPECIALIST_IDS, by their channel user id or, in Teams, by their
   * Entra (AAD) object id: the stable one an operator can look up (the "29:..." id is per bot).
   */
  isSpecialist(context: TurnContext): boolean {
    return userIdsOf(context.activity).some((id) => this.specialists.has(id));
  }

  /**
   * The relay this conversation is part of, if any. "has anyone read my message?" in a new
   * conversation finds the request the person left in another one (and moves it here); only such
   * a question looks further, so other turns cost no extra read.
   */
  async link(context: TurnContext): Promise<RelayLink | undefined> {
    const { activity } = context;
    const here = await this.store.link(activity.channelId, activity.conversation?.id ?? '');
    if (here || !activity.from?.id || !this.waitingWord(activity.text?.trim() ?? '')) return here;
    const moved = await this.service.waitingFor(
      userStateKey(activity.channelId, activity.from.id),
      referenceWithTenant(TurnContext.getConversationReference(activity), activity),
    );
    return moved ? { code: moved.code, role: 'member' } : undefined;
  }

  /** A specialist's message: a command, or their side of a live relay. True when handled. */
  async specialistTurn(context: TurnContext, link: RelayLink | undefined): Promise<boolean> {
    const { text, from } = context.activity;
    const command = commandOf(context);
    const say = (key: StringKey, vars = {}, next: ReadonlyArray<readonly [StringKey, string]> = []) =>
      context.sendActivity(this.message(key, vars, next));
    if (link?.role === 'specialist' && command?.kind !== 'accept' && command?.kind !== 'queue') {
      if (command?.kind === 'end') await this.service.end(link.code, 'specialist');
      else if (text?.trim() && !(await this.service.relay(link.code, 'specialist', text.trim())))
        await say('specialist.notDelivered');
      return true;
    }
    const me = {
      id: from.id,
      name: from.name ?? '',
      reference: referenceWithTenant(
        TurnContext.getConversationReference(context.activity),
        context.activity,
      ),
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
        if (outcome === 'accepted' && request) await context.sendActivities(this.acceptedMessages(request));
        else if (outcome === 'taken')
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

  /**
   * A message in a group chat or channel that is the handoff's: an Accept pressed (or typed) in
   * the specialists' channel, or a specialist's command typed where others read along. True
   * when handled. Nothing about the member is ever said in the group.
   */
  async groupTurn(context: TurnContext): Promise<boolean> {
    const command = commandOf(context);
    if (!command) return false;
    const reply = (text: string) => context.sendActivity({ type: 'message', text });
    const invite = () => privateChatInvite(this.strings, context.activity);
    if (this.channel?.isFrom(context.activity) && command.kind === 'accept' && command.code) {
      if (!this.isSpecialist(context)) await reply(this.strings.text('specialistChannel.notSpecialist'));
      else await this.acceptFromChannel(context, command.code, invite);
      return true;
    }
    if (!this.isSpecialist(context)) return false;
    await reply(`${this.strings.text('teams.specialistCommandsPrivate')}\n\n${invite()}`);
    return true;
  }

  /**
   * A specialist took a request from the channel: the accept is the same race-safe one as
   * anywhere, and the relay happens in their personal chat (the one they went on duty in), so
   * the channel only hears that it was taken.
   */
  private async acceptFromChannel(context: TurnContext, code: string, invite: () => string): Promise<void> {
    const { from } = context.activity;
    const reply = (text: string) => context.sendActivity({ type: 'message', text });
    const entry = onDutyEntry(await this.store.roster(), from.id, from.aadObjectId);
    if (!entry) {
      await reply(`${this.strings.text('specialistChannel.notOnDuty')}\n\n${invite()}`);
      return;
    }
    const name = entry.name || from.name || '';
    const { outcome, request } = await this.service.accept(
      { id: from.id, name, reference: entry.reference },
      code,
    );
    if (outcome === 'accepted' && request) {
      await reply(
        name
          ? this.strings.text('specialistChannel.taken', { code, name })
          : this.strings.text('specialistChannel.takenUnnamed', { code }),
      );
      await this.service.tellSpecialist(entry.reference, this.acceptedMessages(request));
    } else if (outcome === 'taken') await reply(this.strings.text('specialist.taken', { code }));
    else if (outcome === 'busy') await reply(this.strings.text('specialist.busy'));
    else await reply(this.strings.text('specialist.notFound', { code }));
  }

  /**
   * A message to a specialist, with buttons for their next commands. Plain text: a member's
   * alias may be in it, and it must show as typed.
   */
  private message(
    key: StringKey,
    vars: StringVars = {},
    next: ReadonlyArray<readonly [StringKey, string]> = [],
  ): Partial<Activity> {
    return {
      type: 'message',
      textFormat: 'plain',
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
    };
  }

  /** What a specialist gets on taking a request, wherever they took it: who, an End button, the request. */
  private acceptedMessages(request: HandoffRequest): Partial<Activity>[] {
    return [
      this.message('specialist.accepted', { alias: request.member.alias, code: request.code }, [buttons.end]),
      {
        type: 'message',
        textFormat: 'plain',
        text: requestLines(this.strings, request, minutesSince(request.createdAt, this.clock())).join('\n'),
      },
    ];
  }

  /**
   * A member's message while they have a request or a relay. `ownOnly`: the message asks for
   * something only the member may see (their safety plan); in a live relay it is not relayed.
   */
  async memberTurn(
    context: TurnContext,
    link: RelayLink,
    flagged: string | undefined,
    ownOnly = false,
    inForm = false,
  ): Promise<MemberTurn> {
    const found = await this.store.request(link.code);
    const text = context.activity.text?.trim() ?? '';
    const said = (key: 'handoff.endChatWords' | 'handoff.cancelRequestWords') =>
      this.strings.variants(key).some((w) => normalizeText(w) === normalizeText(text));
    switch (found?.request.status) {
      case 'connected':
        if (ownOnly && !flagged) return { kind: 'private' };
        if (said('handoff.endChatWords')) {
          await this.service.end(link.code, 'member');
          return { kind: 'handled' };
        }
        if (flagged) await this.service.alertSpecialist(link.code, flagged);
        // Told plainly when the connector could not take it, rather than left waiting for a reply.
        if (text && !(await this.service.relay(link.code, 'member', text)))
          await context.sendActivity(this.strings.text('handoff.notDelivered'));
        return { kind: 'relayed' };
      case 'waiting':
      case 'expired': {
        if (said('handoff.cancelRequestWords')) {
          await this.service.cancel(link.code, TurnContext.getConversationReference(context.activity));
          await context.sendActivity(this.strings.text('handoff.cancelled'));
          return { kind: 'handled' };
        }
        // "when will someone be on??", "is anyone there", "goodnight": answered honestly, not missed.
        const waitingWord =
          this.waitingWord(text) ?? (inForm || flagged ? undefined : this.aboutWaiting(text, link.code));
        // "will they msg me here tomorrow if i close this" (Sam): yes, and the request stays open.
        const closing = !inForm && saysAnyOf(this.strings, 'handoff.closeItWords', text);
        if (found.request.status === 'waiting' && closing) {
          await context.sendActivity(this.strings.text('handoff.closeIt'));
          return { kind: 'handled' };
        }
        if (found.request.status === 'waiting' && waitingWord) {
          const key =
            waitingWord === 'bye'
              ? 'handoff.waitingGoodnight'
              : waitingWord === 'lonely'
                ? 'handoff.waitingLonely'
                : 'handoff.waitingAnswer';
          // Asked again and again while waiting (Sam, four times): not the same words each time.
          await context.sendActivity(this.strings.text(key, { code: link.code }, text.length));
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

  /**
   * A question about the wait ("is anyone there?") or a goodbye ("goodnight"), as the whole message
   * or one of its sentences ("so when do they come on. tomorrow morning?").
   */
  private waitingWord(text: string): 'ask' | 'bye' | undefined {
    const said = new Set([text, ...sentencesOf(text)].map(foldAnswer));
    const has = (key: 'handoff.waitingQuestionWords' | 'handoff.waitingByeWords') =>
      foldedVariants(this.strings, key).some((words) => said.has(words));
    return has('handoff.waitingByeWords') ? 'bye' : has('handoff.waitingQuestionWords') ? 'ask' : undefined;
  }

  /**
   * A follow-up on a request left in another conversation ("still up. did anyone answer" in a new
   * chat): the request moves here, as "talk to a person" moves it, and its link is returned.
   */
  async waitingElsewhere(
    context: TurnContext,
    inForm: boolean,
    flagged?: string,
  ): Promise<RelayLink | undefined> {
    const text = context.activity.text?.trim() ?? '';
    if (inForm || flagged) return undefined;
    const word = this.waitingWord(text) ?? this.aboutWaiting(text, '');
    if (word !== 'ask' && word !== 'lonely') return undefined;
    const { channelId, from } = context.activity;
    const reference = TurnContext.getConversationReference(context.activity);
    const request = await this.service.waitingFor(userStateKey(channelId, from.id), reference);
    return request ? { code: request.code, role: 'member' } : undefined;
  }

  /**
   * A follow-up typed anywhere in a sentence ("hi its K again. did anyone read my message yet",
   * "so i just wait? its 11pm", the request's own code), or a lonely night said in plain words
   * ("i dont want a hotline... just lonely and its late"). Only outside the request's form, where
   * such words would be the message, and never when the safety gate found something.
   */
  private aboutWaiting(text: string, code: string): 'ask' | 'lonely' | undefined {
    if (saysAnyOf(this.strings, 'handoff.waitingLonelyWords', text)) return 'lonely';
    const withCode = code !== '' && ` ${foldAnswer(text)} `.includes(` ${foldAnswer(code)} `);
    return withCode || saysAnyOf(this.strings, 'handoff.waitingAlsoWords', text) ? 'ask' : undefined;
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

/** The specialist command of a message: typed, or an Accept button's submitted data. */
function commandOf(context: TurnContext): SpecialistCommand | undefined {
  const { text, value } = context.activity;
  const submitted = parseSubmit(acceptSubmitSchema, value);
  return parseSpecialistCommand(submitted ? `accept ${submitted.code}` : text);
}

/** A specialist's duty entry, by their channel id or (Teams) by their Entra object id. */
function onDutyEntry(roster: DutyRoster, id: string, aadObjectId: string | undefined) {
  return (
    roster[id] ??
    (aadObjectId
      ? Object.values(roster).find((entry) => entry.reference.user?.aadObjectId === aadObjectId)
      : undefined)
  );
}
