import type { Activity, Middleware, Storage, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { TEAMS_CHANNEL, teamsChannelOf, tenantOf } from '../teams/scope.js';
import type { StoredReference } from './handoff-store.js';

/** Where Teams traffic comes from: what a proactive post into the channel needs. */
const HOME_KEY = 'teams/home';
const homeSchema = z.object({
  serviceUrl: z.string().min(1),
  tenantId: z.string().optional(),
  /** Learned from the specialists' channel itself (preferred over any other Teams traffic). */
  fromChannel: z.boolean(),
});
type TeamsHome = z.output<typeof homeSchema>;

/**
 * The specialists' Teams channel (SPECIALIST_CHANNEL_ID): each new request is also posted there.
 * A bot can post into a channel only with the Teams service URL and tenant, which Teams sends
 * with every activity but which cannot be configured up front; they are learned from Teams
 * traffic (best from the channel itself) and kept in Storage, so every instance can post.
 * Until the bot has seen any Teams activity, there is nothing to post with.
 */
export class SpecialistChannel {
  /** The last home this process read or wrote, so an unchanged one costs no write. */
  private known: TeamsHome | undefined;

  constructor(
    private readonly storage: Storage,
    readonly channelId: string,
  ) {}

  /** True when `activity` comes from the specialists' channel (any thread of it). */
  isFrom(activity: Partial<Activity>): boolean {
    return teamsChannelOf(activity) === this.channelId;
  }

  /** Adapter middleware: learns the service URL and tenant from inbound Teams activities. */
  learner(): Middleware {
    return {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        await this.learn(context.activity);
        await next();
      },
    };
  }

  /** Notes where Teams traffic comes from; written only when it changed. */
  async learn(activity: Partial<Activity>): Promise<void> {
    if (activity.channelId !== TEAMS_CHANNEL || !activity.serviceUrl) return;
    const fromChannel = this.isFrom(activity);
    const tenantId = tenantOf(activity);
    const seen: TeamsHome = {
      serviceUrl: activity.serviceUrl,
      ...(tenantId ? { tenantId } : {}),
      fromChannel,
    };
    this.known ??= await this.read();
    const known = this.known;
    const same = known?.serviceUrl === seen.serviceUrl && known.tenantId === seen.tenantId;
    // Traffic from elsewhere fills a gap but never replaces what the channel itself said.
    if (known && (same || (known.fromChannel && !fromChannel))) return;
    await this.storage.write({ [HOME_KEY]: { ...seen, eTag: '*' } });
    this.known = seen;
  }

  /** Where to post into the channel, once Teams traffic has been seen. */
  async reference(): Promise<StoredReference | undefined> {
    const home = this.known ?? (await this.read());
    if (!home) return undefined;
    return {
      channelId: TEAMS_CHANNEL,
      serviceUrl: home.serviceUrl,
      conversation: {
        id: this.channelId,
        isGroup: true,
        conversationType: 'channel',
        name: '',
        ...(home.tenantId ? { tenantId: home.tenantId } : {}),
      },
    };
  }

  private async read(): Promise<TeamsHome | undefined> {
    const parsed = homeSchema.safeParse((await this.storage.read([HOME_KEY]))[HOME_KEY]);
    return parsed.success ? parsed.data : undefined;
  }
}
