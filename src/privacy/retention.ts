import type { Storage, StoreItem } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../host/log.js';
import { type Periodic, runEvery } from '../host/periodic.js';
import { isConflict } from '../storage/errors.js';
import { KeyedLock } from '../storage/keyed-lock.js';
import type { PersonalData } from './personal-data.js';

/**
 * Retention: a person's data is erased RETENTION_DAYS after their last activity.
 *
 * Storage cannot list keys, so activity is indexed by day: the first message of a person's day
 * adds their user-state key to `retention/day/<yyyy-mm-dd>`. The sweep walks the days that fell
 * out of the window, erasing each listed person whose last activity is older than the cutoff.
 * Several instances may sweep at once: day documents and the cursor are written with eTags, and
 * a person is erased only after a conditional write proves their record did not change since
 * it was read (so someone who just came back is never erased).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const CURSOR_KEY = 'retention/cursor';
const dayKey = (day: string) => `retention/day/${day}`;
/** The UTC calendar day of `date`, as yyyy-mm-dd. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

const dayDocSchema = z.object({ people: z.array(z.string()) });
const cursorSchema = z.object({ lastSweptDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const userDocSchema = z.looseObject({
  erasing: z.boolean().optional(),
  person: z
    .looseObject({ lastActiveAt: z.string().optional(), conversations: z.array(z.string()).optional() })
    .optional(),
});

/** Retries a read-modify-write on eTag conflicts (another instance wrote in between). */
async function withRetries<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries || !isConflict(error)) throw error;
    }
  }
}

export interface SweepResult {
  daysSwept: number;
  peopleErased: number;
}

export class Retention {
  /**
   * Everyone's first message of a day updates the same day document. Within this process those
   * updates run one at a time, and people who arrive while one is being written are gathered
   * into the next write (one read and one write for all of them), so a crowd starting its day
   * at once waits for a couple of writes, not for each other in turn. Other instances still race
   * through eTags and retries.
   */
  readonly #dayLock = new KeyedLock();
  readonly #gathering = new Map<string, { people: Set<string>; written: Promise<void> }>();

  constructor(
    private readonly storage: Storage,
    private readonly personalData: PersonalData,
    private readonly retentionDays: number,
  ) {
    if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('retentionDays must be >= 1');
  }

  /** Notes that the person at `userKey` was active on `now`'s day (once per person per day). */
  noteActivity(userKey: string, now: Date): Promise<void> {
    const key = dayKey(dayOf(now));
    const waiting = this.#gathering.get(key);
    if (waiting) {
      waiting.people.add(userKey);
      return waiting.written;
    }
    const people = new Set([userKey]);
    const written = this.#dayLock.run(key, () => {
      // From here on, new arrivals gather for the next write.
      this.#gathering.delete(key);
      return withRetries(() => this.addToDay(key, people));
    });
    this.#gathering.set(key, { people, written });
    return written;
  }

  /** Adds to the day document at `key` whoever of `people` it does not list yet. */
  private async addToDay(key: string, people: ReadonlySet<string>): Promise<void> {
    const item = (await this.storage.read([key]))[key];
    const parsed = dayDocSchema.safeParse(item);
    const listed = parsed.success ? parsed.data.people : [];
    const added = [...people].filter((person) => !listed.includes(person));
    if (added.length === 0) return;
    await this.storage.write({ [key]: { people: [...listed, ...added], eTag: item?.eTag ?? '*' } });
  }

  /** Erases everyone whose last activity is older than the window; safe on several instances. */
  async sweep(now: Date): Promise<SweepResult> {
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS);
    const lastDayToSweep = dayOf(new Date(cutoff.getTime() - DAY_MS));
    const result: SweepResult = { daysSwept: 0, peopleErased: 0 };
    for (;;) {
      const cursorItem = (await this.storage.read([CURSOR_KEY]))[CURSOR_KEY];
      const cursor = cursorSchema.safeParse(cursorItem);
      // A first sweep starts at the window's edge: the index began with this release.
      const day = cursor.success
        ? dayOf(new Date(Date.parse(cursor.data.lastSweptDay) + DAY_MS))
        : lastDayToSweep;
      if (day > lastDayToSweep) return result;
      result.peopleErased += await this.sweepDay(day, cutoff);
      try {
        await this.storage.write({ [CURSOR_KEY]: { lastSweptDay: day, eTag: cursorItem?.eTag ?? '*' } });
        result.daysSwept += 1;
      } catch (error) {
        // Another instance advanced the cursor first; carry on from where it is now.
        if (!isConflict(error)) throw error;
      }
    }
  }

  /** Erases the people listed for `day` who have not been active since `cutoff`. */
  private async sweepDay(day: string, cutoff: Date): Promise<number> {
    const parsed = dayDocSchema.safeParse((await this.storage.read([dayKey(day)]))[dayKey(day)]);
    let erased = 0;
    for (const userKey of parsed.success ? parsed.data.people : []) {
      if (await this.eraseIfExpired(userKey, cutoff)) erased += 1;
    }
    await this.storage.delete([dayKey(day)]);
    return erased;
  }

  /** Erases one person if their last activity is before `cutoff`; true when this call erased them. */
  private async eraseIfExpired(userKey: string, cutoff: Date): Promise<boolean> {
    const item = (await this.storage.read([userKey]))[userKey];
    const user = userDocSchema.safeParse(item);
    if (!item || !user.success) return false;
    const keys = await this.personalData.keysOf(userKey, item);
    if (user.data.erasing === true) {
      // Another sweep began this erasure (and may have stopped midway): finish it.
      await this.personalData.erase(keys);
      return false;
    }
    const lastActive = Date.parse(user.data.person?.lastActiveAt ?? '');
    if (Number.isFinite(lastActive) && lastActive >= cutoff.getTime()) return false;
    try {
      // The conditional write proves the record is unchanged since it was read: a person who
      // just came back wins. The tombstone keeps only the conversation ids, to finish the job.
      const conversations = keys.conversationKeys.length > 0 ? user.data.person?.conversations : undefined;
      const tombstone: StoreItem = {
        erasing: true,
        person: { conversations: conversations ?? [] },
        eTag: item.eTag ?? '*',
      };
      await this.storage.write({ [userKey]: tombstone });
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
    await this.personalData.erase(keys);
    return true;
  }
}

/** Sweeps now and hourly (see runEvery), logging what each sweep erased. */
export function scheduleSweeps(
  retention: Retention,
  options: { clock: () => Date; logger: Logger },
): Periodic {
  return runEvery(
    'retention.sweep',
    60 * 60 * 1000,
    async () => {
      const result = await retention.sweep(options.clock());
      if (result.daysSwept > 0) options.logger.info('retention.swept', { ...result });
    },
    options.logger,
  );
}
