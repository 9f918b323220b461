import type { Storage } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../platform/log.js';
import { type Periodic, runEvery } from '../platform/periodic.js';
import { isConflict } from '../storage/errors.js';
import { LAST_ACTIVE_PRECISION_MS } from './person-record.js';
import type { PersonalData, UserDocument } from './personal-data.js';
import { dayOf, nextDay, type RetentionIndex } from './retention-index.js';

/**
 * Retention: a person's data is erased RETENTION_DAYS after their last activity.
 *
 * The sweep walks the days of the retention index (see RetentionIndex) that fell out of the
 * window, erasing each listed person whose last activity is older than the cutoff. Several
 * instances may sweep at once: the cursor is written with eTags, and PersonalData.erase marks a
 * person with a conditional write before erasing them, so someone who just came back (their
 * record changed since it was read) is never erased, and each person is claimed once.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const CURSOR_KEY = 'retention/cursor';
const cursorSchema = z.object({ lastSweptDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export interface SweepResult {
  daysSwept: number;
  peopleErased: number;
}

export class Retention {
  constructor(
    private readonly storage: Storage,
    private readonly index: RetentionIndex,
    private readonly personalData: PersonalData,
    private readonly retentionDays: number,
  ) {
    if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('retentionDays must be >= 1');
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
      const day = cursor.success ? nextDay(cursor.data.lastSweptDay) : lastDayToSweep;
      if (day > lastDayToSweep) return result;
      result.peopleErased += await this.sweepDay(day, now, cutoff);
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
  private async sweepDay(day: string, now: Date, cutoff: Date): Promise<number> {
    let erased = 0;
    // Kept: someone with no record left (erased already), or active since the cutoff (their
    // lastActiveAt may lag their last message by LAST_ACTIVE_PRECISION_MS). A marker of an
    // erasure cut off midway is finished (erase resumes it; it is not counted again).
    const keep = (user: UserDocument | undefined) => {
      if (!user) return true;
      const lastActive = Date.parse(user.person?.lastActiveAt ?? '');
      return (
        user.erasing !== true &&
        Number.isFinite(lastActive) &&
        lastActive + LAST_ACTIVE_PRECISION_MS >= cutoff.getTime()
      );
    };
    for (const userKey of await this.index.people(day)) {
      const erasure = await this.personalData.erase(userKey, { now, keep });
      if (erasure?.claimed) erased += 1;
    }
    await this.index.dropDay(day);
    return erased;
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
