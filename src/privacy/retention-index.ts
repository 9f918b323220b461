import type { Storage } from 'botbuilder';
import { z } from 'zod';
import { KeyedLock } from '../storage/keyed-lock.js';
import { retryOnConflict } from '../storage/retry-on-conflict.js';
import type { ErasedPerson, PersonIndex } from './personal-data.js';

/**
 * Who was active on which day, for retention: Storage cannot list keys, so the first message of
 * a person's day adds their user-state key to `retention/day/<yyyy-mm-dd>`, and the sweep walks
 * the days that fell out of the window. Day documents are shared by everyone active that day,
 * so every change is an eTag-conditional read-modify-write, retried when another writer (another
 * instance) got in first.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const dayKey = (day: string) => `retention/day/${day}`;
/** The UTC calendar day of `date`, as yyyy-mm-dd. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
/** The day after `day`. */
export const nextDay = (day: string): string => dayOf(new Date(Date.parse(day) + DAY_MS));

const dayDocSchema = z.object({ people: z.array(z.string()) });

export class RetentionIndex implements PersonIndex {
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
      return this.change(key, (listed) => [...listed, ...[...people].filter((p) => !listed.includes(p))]);
    });
    this.#gathering.set(key, { people, written });
    return written;
  }

  /** The user-state keys of the people active on `day`. */
  async people(day: string): Promise<string[]> {
    const parsed = dayDocSchema.safeParse((await this.storage.read([dayKey(day)]))[dayKey(day)]);
    return parsed.success ? parsed.data.people : [];
  }

  /** Drops a swept day's document. */
  async dropDay(day: string): Promise<void> {
    await this.storage.delete([dayKey(day)]);
  }

  /**
   * Takes an erased person off every day they may be listed on: from their first visit (or the
   * oldest day the sweep has not dropped yet, if later) to the erasure. A day swept later than
   * usual (the server was down) may list them until the sweep drops it; it finds nobody to erase.
   */
  async forget(person: ErasedPerson): Promise<void> {
    const windowStart = person.erasedAt.getTime() - (this.retentionDays + 1) * DAY_MS;
    const firstSeen = Date.parse(person.firstSeenAt ?? '');
    const from = Number.isFinite(firstSeen) ? Math.max(firstSeen, windowStart) : windowStart;
    const keys: string[] = [];
    for (let day = dayOf(new Date(from)); day <= dayOf(person.erasedAt); day = nextDay(day)) {
      keys.push(dayKey(day));
    }
    const found = await this.storage.read(keys);
    for (const key of keys) {
      const listed = dayDocSchema.safeParse(found[key]);
      if (listed.success && listed.data.people.includes(person.userKey)) {
        await this.change(key, (people) => people.filter((p) => p !== person.userKey));
      }
    }
  }

  /** Rewrites the day document at `key` with `change`'s list, if it changes anything. */
  private change(key: string, change: (people: readonly string[]) => string[]): Promise<void> {
    return retryOnConflict(async () => {
      const item = (await this.storage.read([key]))[key];
      const parsed = dayDocSchema.safeParse(item);
      const listed = parsed.success ? parsed.data.people : [];
      const people = change(listed);
      if (people.length === listed.length && people.every((p, i) => p === listed[i])) return;
      await this.storage.write({ [key]: { people, eTag: item?.eTag ?? '*' } });
    }, 5);
  }
}
