import type { Activity, ConversationReference } from 'botbuilder';
import type { Strings } from '../content/strings.js';
import type { ProactiveSend } from '../platform/proactive.js';
import type { ErasedPerson } from '../privacy/personal-data.js';
import { isConflict } from '../storage/errors.js';
import { channelRequestCard, specialistCard } from './cards.js';
import {
  type DutyRoster,
  type HandoffRequest,
  type HandoffStore,
  newCode,
  type StoredReference,
} from './handoff-store.js';
import type { SpecialistChannel } from './specialist-channel.js';

type Reference = Partial<ConversationReference>;

/** Who asks, and what they agreed to share. */
export interface NewRequest {
  userKey: string;
  alias: string;
  reference: Reference;
  topic: string;
  summary?: string;
  /** Left for the next specialist on duty, when nobody was there to accept. */
  leftMessage?: { text: string; contact: string };
  /** Words typed for the specialist while asking; unlike a left message, the request still times out. */
  note?: string;
}

export type AcceptOutcome = 'accepted' | 'taken' | 'notFound' | 'busy';

const minutesSince = (iso: string, now: Date) =>
  Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));

/**
 * The human handoff: requests, the on-duty roster, race-safe accepts, the two-way relay and the
 * honest fallback when nobody can come. State is in Storage (HandoffStore); messages to the other
 * side go out proactively to their saved conversation.
 */
export class HandoffService {
  constructor(
    private readonly store: HandoffStore,
    private readonly send: ProactiveSend,
    private readonly strings: Strings,
    private readonly options: {
      clock: () => Date;
      waitMinutes: number;
      /** The specialists' Teams channel (SPECIALIST_CHANNEL_ID), where each new request is also posted. */
      channel?: SpecialistChannel;
    },
  ) {}

  /** Queues a request and notifies every specialist on duty; says whether anyone is there. */
  async request(input: NewRequest): Promise<{ code: string; anyoneOnDuty: boolean }> {
    const code = newCode();
    const request: HandoffRequest = {
      version: 1,
      code,
      status: 'waiting',
      member: { userKey: input.userKey, alias: input.alias, reference: toStored(input.reference) },
      topic: input.topic,
      ...(input.summary ? { summary: input.summary } : {}),
      ...(input.leftMessage ? { leftMessage: input.leftMessage } : {}),
      ...(input.note ? { note: input.note } : {}),
      createdAt: this.options.clock().toISOString(),
    };
    await this.store.saveRequest(request);
    await this.store.addToPerson(input.userKey, code);
    await this.store.updateQueue((open) => [...open, code]);
    await this.store.setLink(input.reference, { code, role: 'member' });
    const roster = await this.store.roster();
    await this.notify(roster, request);
    return { code, anyoneOnDuty: Object.keys(roster).length > 0 };
  }

  /** Whether any specialist is on duty now: the person hears this before being asked anything. */
  async anyoneOnDuty(): Promise<boolean> {
    return Object.keys(await this.store.roster()).length > 0;
  }

  /** The member's request still waiting in this conversation, if any. */
  async waitingIn(reference: Partial<Reference>): Promise<HandoffRequest | undefined> {
    const link = await this.store.link(reference.channelId ?? '', reference.conversation?.id ?? '');
    const found = link?.role === 'member' ? await this.store.request(link.code) : undefined;
    return found?.request.status === 'waiting' ? found.request : undefined;
  }

  /**
   * The person's request still waiting: this conversation's, else the newest they left in another
   * conversation (a new Web Chat, Teams after its state was gone). That one moves here, so the
   * reply comes where they are now and "cancel request" works here.
   */
  async waitingFor(userKey: string, reference: Reference): Promise<HandoffRequest | undefined> {
    const here = await this.waitingIn(reference);
    if (here) return here;
    for (const code of (await this.store.codesOf(userKey)).reverse()) {
      const found = await this.store.request(code);
      if (found?.request.status !== 'waiting') continue;
      const { request } = found;
      const moved: HandoffRequest = {
        ...request,
        member: { ...request.member, reference: toStored(reference) },
      };
      await this.store.saveRequest(moved);
      await this.store.deleteLink(request.member.reference);
      await this.store.setLink(reference, { code, role: 'member' });
      return moved;
    }
    return undefined;
  }

  /** The service's clock, to say when a request was made. */
  today(): Date {
    return this.options.clock();
  }

  /** Withdraws the member's waiting request. */
  async cancel(code: string, reference: Reference): Promise<void> {
    const found = await this.store.request(code);
    if (found && (found.request.status === 'waiting' || found.request.status === 'expired')) {
      // Withdrawn means their words for the specialist go too; the times stay for the audit trail.
      const { leftMessage: _message, note: _note, ...kept } = found.request;
      await this.store.saveRequest({ ...kept, status: 'cancelled', endedAt: this.now() });
    }
    await this.store.updateQueue((open) => open.filter((c) => c !== code));
    await this.store.deleteLink(reference);
  }

  /** Stores a message for the next specialist when nobody could take the request. */
  async leaveMessage(code: string, text: string, contact: string): Promise<void> {
    const found = await this.store.request(code);
    if (!found) return;
    await this.store.saveRequest({ ...found.request, leftMessage: { text, contact } });
  }

  async goOnDuty(id: string, name: string, reference: Reference): Promise<HandoffRequest[]> {
    await this.store.updateRoster((roster) => ({
      ...roster,
      [id]: { name, reference: toStored(reference), since: this.now() },
    }));
    return this.waiting();
  }

  async goOffDuty(id: string): Promise<void> {
    await this.store.updateRoster(({ [id]: _gone, ...rest }) => rest);
  }

  /** Requests still open (waiting, or left with a message), oldest first. */
  async waiting(): Promise<HandoffRequest[]> {
    const found = await Promise.all((await this.store.openCodes()).map((code) => this.store.request(code)));
    return found.flatMap((f) =>
      f && (f.request.status === 'waiting' || f.request.status === 'expired') ? [f.request] : [],
    );
  }

  /**
   * Accepts a request (the oldest, or `code`). The write is eTag-conditional: of two specialists
   * accepting at once, exactly one wins and the other gets 'taken'.
   */
  async accept(
    specialist: { id: string; name: string; reference: Reference },
    code?: string,
  ): Promise<{ outcome: AcceptOutcome; request?: HandoffRequest }> {
    if (
      await this.store.link(specialist.reference.channelId ?? '', specialist.reference.conversation?.id ?? '')
    ) {
      return { outcome: 'busy' };
    }
    const target = code ?? (await this.waiting())[0]?.code;
    const found = target ? await this.store.request(target) : undefined;
    if (!found) return { outcome: 'notFound' };
    const { request, eTag } = found;
    if (request.status !== 'waiting' && request.status !== 'expired') return { outcome: 'taken', request };
    const connected: HandoffRequest = {
      ...request,
      status: 'connected',
      specialist: { id: specialist.id, name: specialist.name, reference: toStored(specialist.reference) },
      acceptedAt: this.now(),
    };
    try {
      await this.store.saveRequest(connected, eTag);
    } catch (error) {
      if (isConflict(error)) return { outcome: 'taken', request };
      throw error;
    }
    await this.store.setLink(specialist.reference, { code: request.code, role: 'specialist' });
    await this.store.updateQueue((open) => open.filter((c) => c !== request.code));
    const connectedText = specialist.name
      ? this.strings.text('handoff.connected', { name: specialist.name })
      : this.strings.text('handoff.connectedUnnamed');
    await this.send(request.member.reference, [{ type: 'message', text: connectedText }]);
    return { outcome: 'accepted', request: connected };
  }

  /** Passes one message to the other side of a live relay, labelled with the sender's name. */
  async relay(code: string, from: 'member' | 'specialist', text: string): Promise<boolean> {
    const found = await this.store.request(code);
    const request = found?.request;
    if (request?.status !== 'connected' || !request.specialist) return false;
    const [to, name] =
      from === 'member'
        ? [request.specialist.reference, request.member.alias]
        : [request.member.reference, request.specialist.name || this.strings.text('handoff.specialistLabel')];
    return this.send(to, [{ type: 'message', text: `${name}: ${text}`, textFormat: 'plain' }]);
  }

  /** Tells the specialist in a relay that the member's message raised the safety gate. */
  async alertSpecialist(code: string, level: string): Promise<void> {
    const request = (await this.store.request(code))?.request;
    if (request?.status !== 'connected' || !request.specialist) return;
    await this.send(request.specialist.reference, [
      {
        type: 'message',
        textFormat: 'plain',
        text: this.strings.text('specialist.safetyAlert', { alias: request.member.alias, level }),
      },
    ]);
  }

  /** Ends a relay from either side: both are told, the member gets a short check-in. */
  async end(code: string, by: 'member' | 'specialist'): Promise<void> {
    const found = await this.store.request(code);
    if (!found?.request.specialist) return;
    const { request } = found;
    await this.store.saveRequest({ ...request, status: 'ended', endedAt: this.now() });
    const specialist = request.specialist;
    if (!specialist) return;
    await this.store.deleteLink(request.member.reference);
    await this.store.deleteLink(specialist.reference);
    const memberSide: Partial<Activity>[] = [
      { type: 'message', text: this.strings.text('handoff.ended') },
      { type: 'message', text: this.strings.text('handoff.checkIn') },
    ];
    const specialistSide: Partial<Activity>[] = [
      {
        type: 'message',
        textFormat: 'plain',
        text:
          by === 'member'
            ? this.strings.text('specialist.memberEnded', { alias: request.member.alias })
            : this.strings.text('specialist.ended'),
      },
    ];
    await this.send(request.member.reference, memberSide);
    await this.send(specialist.reference, specialistSide);
  }

  /**
   * Takes a person out of handoff before their data is erased: a live relay of theirs ends (the
   * other side is told and unlinked; the person asked to be forgotten, so nothing more is sent to
   * them), their requests leave the queue, they leave the duty roster, and every record of theirs
   * is deleted. Queue and roster are shared, so they change through eTag-conditional writes.
   */
  async forget(person: ErasedPerson): Promise<void> {
    const codes = await this.store.codesOf(person.userKey);
    for (const code of codes) {
      const request = (await this.store.request(code))?.request;
      if (request?.status === 'connected' && request.specialist) {
        await this.store.deleteLink(request.specialist.reference);
        await this.send(request.specialist.reference, [
          {
            type: 'message',
            textFormat: 'plain',
            text: this.strings.text('specialist.memberEnded', { alias: request.member.alias }),
          },
        ]);
      }
    }
    // As a specialist: a relay they are in ends for the member too.
    for (const conversationId of person.conversationIds) {
      const link = await this.store.link(person.channelId, conversationId);
      if (link?.role === 'specialist') await this.end(link.code, 'specialist');
    }
    if ((await this.store.openCodes()).some((code) => codes.includes(code))) {
      await this.store.updateQueue((open) => open.filter((code) => !codes.includes(code)));
    }
    const onDuty = (roster: DutyRoster) => roster[person.userId]?.reference.channelId === person.channelId;
    if (onDuty(await this.store.roster())) {
      await this.store.updateRoster((roster) => {
        if (!onDuty(roster)) return roster;
        const { [person.userId]: _gone, ...rest } = roster;
        return rest;
      });
    }
    await this.store.erasePerson(person.userKey);
  }

  /**
   * Requests nobody accepted within HANDOFF_WAIT_MINUTES: the member is told honestly and offered
   * other options. The status change is eTag-conditional, so several instances tell them once.
   */
  async sweepTimeouts(): Promise<number> {
    const now = this.options.clock();
    let expired = 0;
    for (const code of await this.store.openCodes()) {
      const found = await this.store.request(code);
      // A message left waits for the next specialist on duty, as the person was told: no timeout.
      if (found?.request.status !== 'waiting' || found.request.leftMessage) continue;
      if (minutesSince(found.request.createdAt, now) < this.options.waitMinutes) continue;
      try {
        await this.store.saveRequest({ ...found.request, status: 'expired' }, found.eTag);
      } catch (error) {
        if (isConflict(error)) continue;
        throw error;
      }
      expired += 1;
      await this.send(found.request.member.reference, [
        {
          type: 'message',
          text: `${this.strings.text('handoff.timedOut', { minutes: this.options.waitMinutes })} ${this.strings.text('handoff.fallbackAsk')}`,
          suggestedActions: {
            to: [],
            actions: (['handoff.leaveMessage', 'handoff.crisisLines', 'handoff.carryOn'] as const).map(
              (key) => ({
                type: 'imBack',
                title: this.strings.text(key),
                value: this.strings.text(key),
              }),
            ),
          },
        },
      ]);
    }
    return expired;
  }

  /** Sends into a specialist's own conversation (a request taken from the channel goes there). */
  async tellSpecialist(reference: Reference, activities: Partial<Activity>[]): Promise<boolean> {
    return this.send(reference, activities);
  }

  /** A card for each on-duty specialist about a new request, and a post in the specialists' channel. */
  private async notify(roster: DutyRoster, request: HandoffRequest): Promise<void> {
    const card = specialistCard(this.strings, request, 0);
    const channel = await this.options.channel?.reference();
    await Promise.all([
      ...Object.values(roster).map((entry) => this.send(entry.reference, [card])),
      ...(channel ? [this.send(channel, [channelRequestCard(this.strings, request)])] : []),
    ]);
  }

  private now(): string {
    return this.options.clock().toISOString();
  }
}

/** The parts of a conversation reference worth keeping (no activity id). */
function toStored(reference: Reference): StoredReference {
  const conversation = reference.conversation ?? { id: '', name: '', isGroup: false, conversationType: '' };
  return {
    channelId: reference.channelId ?? '',
    serviceUrl: reference.serviceUrl ?? '',
    conversation,
    ...(reference.user ? { user: reference.user } : {}),
    ...(reference.bot ? { bot: reference.bot } : {}),
  };
}

export { minutesSince };
