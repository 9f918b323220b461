import { randomInt } from 'node:crypto';
import type { ConversationReference, Storage } from 'botbuilder';
import { z } from 'zod';
import { retryOnConflict } from '../storage/retry-on-conflict.js';

/**
 * Everything about handoffs lives in Storage (never in one process's memory), so a waiting
 * request or a live relay survives a restart and works across instances. Writes that two
 * instances or two specialists could race on are eTag-conditional.
 */

/** A saved conversation reference: enough to send into that conversation later. */
export type StoredReference = Pick<ConversationReference, 'channelId' | 'serviceUrl' | 'conversation'> &
  Partial<Pick<ConversationReference, 'user' | 'bot'>>;

const referenceShape = z.looseObject({
  channelId: z.string(),
  serviceUrl: z.string(),
  conversation: z.looseObject({ id: z.string() }),
});
const referenceSchema = z.custom<StoredReference>((value) => referenceShape.safeParse(value).success, {
  error: 'expected a conversation reference',
});

export const requestSchema = z.object({
  version: z.literal(1),
  code: z.string(),
  status: z.enum(['waiting', 'connected', 'ended', 'cancelled', 'expired']),
  member: z.object({ userKey: z.string(), alias: z.string(), reference: referenceSchema }),
  topic: z.string(),
  /** Shared only with the member's consent, after they saw it. */
  summary: z.string().optional(),
  /** Left when nobody could take the request: the message and how to reach them. */
  leftMessage: z.object({ text: z.string(), contact: z.string() }).optional(),
  /** Words the member typed for the specialist while asking ("I've been struggling"), kept as typed. */
  note: z.string().optional(),
  specialist: z.object({ id: z.string(), name: z.string(), reference: referenceSchema }).optional(),
  /** The audit trail: times only, never message text. */
  createdAt: z.string(),
  acceptedAt: z.string().optional(),
  endedAt: z.string().optional(),
});
export type HandoffRequest = z.output<typeof requestSchema>;

const queueSchema = z.object({ open: z.array(z.string()) });
const dutySchema = z.object({
  onDuty: z.record(z.string(), z.object({ name: z.string(), reference: referenceSchema, since: z.string() })),
});
export type DutyRoster = z.output<typeof dutySchema>['onDuty'];
const linkSchema = z.object({ code: z.string(), role: z.enum(['member', 'specialist']) });
export type RelayLink = z.output<typeof linkSchema>;

const QUEUE_KEY = 'handoff/queue';
const DUTY_KEY = 'handoff/duty';
const requestKey = (code: string) => `handoff/request/${code}`;
const linkKey = (channelId: string, conversationId: string) => `handoff/link/${channelId}/${conversationId}`;
const personKey = (userKey: string) => `handoff/person/${userKey}`;
const personSchema = z.object({ codes: z.array(z.string()) });

/** A short code a specialist can type ("accept K7Q2"), without look-alike characters. */
export function newCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export class HandoffStore {
  constructor(private readonly storage: Storage) {}

  async request(code: string): Promise<{ request: HandoffRequest; eTag: string } | undefined> {
    const item = (await this.storage.read([requestKey(code)]))[requestKey(code)];
    const parsed = requestSchema.safeParse(item);
    return parsed.success ? { request: parsed.data, eTag: String(item?.eTag ?? '*') } : undefined;
  }

  /** Writes a request; with `eTag`, only if nobody changed it since it was read (throws on conflict). */
  async saveRequest(request: HandoffRequest, eTag = '*'): Promise<void> {
    await this.storage.write({ [requestKey(request.code)]: { ...request, eTag } });
  }

  /** Notes a request under its member, so "delete my data" finds every request of theirs. */
  async addToPerson(userKey: string, code: string): Promise<void> {
    await retryOnConflict(async () => {
      const item = (await this.storage.read([personKey(userKey)]))[personKey(userKey)];
      const parsed = personSchema.safeParse(item);
      const codes = [...(parsed.success ? parsed.data.codes : []), code];
      await this.storage.write({ [personKey(userKey)]: { codes, eTag: item?.eTag ?? '*' } });
    });
  }

  /** The codes of every request a person made. */
  async codesOf(userKey: string): Promise<string[]> {
    const parsed = personSchema.safeParse(
      (await this.storage.read([personKey(userKey)]))[personKey(userKey)],
    );
    return parsed.success ? parsed.data.codes : [];
  }

  /** The storage keys of everything handoff keeps about a person (requests, relay links, index). */
  async keysOfPerson(userKey: string): Promise<string[]> {
    const codes = await this.codesOf(userKey);
    const requests = await Promise.all(codes.map((code) => this.request(code)));
    const links = requests.flatMap((found) =>
      found
        ? [linkKey(found.request.member.reference.channelId, found.request.member.reference.conversation.id)]
        : [],
    );
    return [personKey(userKey), ...codes.map(requestKey), ...links];
  }

  /** Deletes everything handoff keeps about a person (see keysOfPerson). */
  async erasePerson(userKey: string): Promise<void> {
    await this.storage.delete(await this.keysOfPerson(userKey));
  }

  /** Codes of requests waiting (or with a message left) for a specialist, oldest first. */
  async openCodes(): Promise<string[]> {
    const parsed = queueSchema.safeParse((await this.storage.read([QUEUE_KEY]))[QUEUE_KEY]);
    return parsed.success ? parsed.data.open : [];
  }

  async updateQueue(change: (open: string[]) => string[]): Promise<void> {
    await retryOnConflict(async () => {
      const item = (await this.storage.read([QUEUE_KEY]))[QUEUE_KEY];
      const parsed = queueSchema.safeParse(item);
      const open = change(parsed.success ? parsed.data.open : []);
      await this.storage.write({ [QUEUE_KEY]: { open, eTag: item?.eTag ?? '*' } });
    });
  }

  async roster(): Promise<DutyRoster> {
    const parsed = dutySchema.safeParse((await this.storage.read([DUTY_KEY]))[DUTY_KEY]);
    return parsed.success ? parsed.data.onDuty : {};
  }

  async updateRoster(change: (roster: DutyRoster) => DutyRoster): Promise<void> {
    await retryOnConflict(async () => {
      const item = (await this.storage.read([DUTY_KEY]))[DUTY_KEY];
      const parsed = dutySchema.safeParse(item);
      const onDuty = change(parsed.success ? { ...parsed.data.onDuty } : {});
      await this.storage.write({ [DUTY_KEY]: { onDuty, eTag: item?.eTag ?? '*' } });
    });
  }

  /** The relay this conversation takes part in, if any (one read per turn). */
  async link(channelId: string, conversationId: string): Promise<RelayLink | undefined> {
    const key = linkKey(channelId, conversationId);
    const parsed = linkSchema.safeParse((await this.storage.read([key]))[key]);
    return parsed.success ? parsed.data : undefined;
  }

  async setLink(reference: Partial<ConversationReference>, link: RelayLink): Promise<void> {
    const key = linkKey(reference.channelId ?? '', reference.conversation?.id ?? '');
    await this.storage.write({ [key]: { ...link, eTag: '*' } });
  }

  async deleteLink(reference: Partial<ConversationReference>): Promise<void> {
    await this.storage.delete([linkKey(reference.channelId ?? '', reference.conversation?.id ?? '')]);
  }
}
