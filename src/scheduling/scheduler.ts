import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import { zoneNamed } from '../language/intents/time-zone.js';
import { errorFields, type Logger, silentLogger } from '../platform/log.js';
import { isConflict } from '../storage/errors.js';
import { addToList, closeList, readList } from './id-list.js';
import { isQuiet, nextWaking } from './quiet-hours.js';
import {
  bucketOf,
  bucketStart,
  finished,
  keys,
  nextBucket,
  type PendingItem,
  SCHEDULE_VERSION,
  type ScheduledItem,
  type ScheduleRequest,
  scheduledItemSchema,
} from './scheduled-item.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The timer functions the loop uses (tests may pass fakes; sinon's fake timers work as well). */
export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  storage: Storage;
  /** Sends one item (the app: continueConversationAsync to its reference). Throws on failure. */
  send: (item: PendingItem) => Promise<void>;
  clock?: () => Date;
  logger?: Logger;
  /** Names this instance in claims (a random id by default). */
  instanceId?: string;
  /** Defaults to the global timers, looked up when the loop starts. */
  timers?: Timers;
  /** How often the loop looks for due items. */
  intervalMs?: number;
  /** How long a claim holds: after it, another instance may send an item whose sender died. */
  claimMs?: number;
  /** A send that takes longer counts as failed (and is retried). Shorter than claimMs. */
  sendTimeoutMs?: number;
  /** Attempts before an item is given up (status "failed"). */
  maxAttempts?: number;
  /** The first retry waits this long; each next one four times longer, up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Finished items are kept this long as tombstones before their bucket is cleared. */
  keepFinishedMs?: number;
  /** How far back the very first run looks (there is no cursor yet). */
  firstLookbackMs?: number;
}

/** What one tick did. */
export interface TickResult {
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  /** Due, but held until the person's quiet hours end. */
  held: number;
}

/** A send that did not finish in time. */
export class SendTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`Scheduled send did not finish within ${ms} ms`);
    this.name = 'SendTimeoutError';
  }
}

/**
 * Proactive messages at a set time (appointment reminders and check-ins), kept in Storage so they
 * survive restarts, and sent once even when several instances run.
 *
 * Storage cannot list keys, so items are filed in hour buckets (`scheduler/due/<hour>`) and under
 * their person (`scheduler/user/<userKey>`, for erasure). A cursor marks the last bucket fully
 * done. Each tick reads the buckets from the cursor to now; an item that is due is claimed with
 * an eTag-conditional write, so when instances race exactly one wins and sends. A failed send is
 * retried with backoff (moved to a later bucket); after maxAttempts it is given up. Sends run on
 * the timer, never inside a person's turn.
 */
export class Scheduler {
  private readonly storage: Storage;
  private readonly clock: () => Date;
  private readonly logger: Logger;
  private readonly instanceId: string;
  private readonly settings: Required<
    Pick<
      SchedulerOptions,
      | 'intervalMs'
      | 'claimMs'
      | 'sendTimeoutMs'
      | 'maxAttempts'
      | 'retryBaseMs'
      | 'retryMaxMs'
      | 'keepFinishedMs'
      | 'firstLookbackMs'
    >
  >;
  private loop: { handle: unknown; timers: Timers } | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(private readonly options: SchedulerOptions) {
    if (!options?.storage || typeof options.send !== 'function') {
      throw new Error('Scheduler needs a storage and a send(item) function');
    }
    this.storage = options.storage;
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? silentLogger;
    this.instanceId = options.instanceId ?? randomUUID();
    this.settings = {
      intervalMs: options.intervalMs ?? MINUTE,
      claimMs: options.claimMs ?? 5 * MINUTE,
      sendTimeoutMs: options.sendTimeoutMs ?? 30_000,
      maxAttempts: options.maxAttempts ?? 5,
      retryBaseMs: options.retryBaseMs ?? MINUTE,
      retryMaxMs: options.retryMaxMs ?? HOUR,
      keepFinishedMs: options.keepFinishedMs ?? HOUR,
      firstLookbackMs: options.firstLookbackMs ?? 7 * 24 * HOUR,
    };
    if (this.settings.sendTimeoutMs >= this.settings.claimMs) {
      throw new Error(
        'Scheduler: sendTimeoutMs must be shorter than claimMs, or a slow send could be sent twice',
      );
    }
  }

  /**
   * Files an item to send at `dueAt` (at once if that has passed), or, when that falls in the
   * person's quiet hours and they did not choose it, the morning after. Scheduling an id again
   * replaces it. The person's index is written first, so erasing them always finds it.
   */
  async schedule(request: ScheduleRequest): Promise<void> {
    const now = this.clock();
    const { activityId: _activityId, ...reference } = request.reference;
    const zone = zoneNamed(request.timezone);
    if (!zone) throw new Error(`Scheduler: unknown time zone "${request.timezone}" for ${request.id}`);
    const dueAt = request.anyHour ? request.dueAt : nextWaking(request.dueAt, zone);
    const item: PendingItem = {
      version: SCHEDULE_VERSION,
      id: request.id,
      status: 'pending',
      // Never a bucket already passed: those may be closed. The tick reads the current one.
      bucket: bucketOf(Math.max(dueAt.getTime(), now.getTime())),
      userKey: request.userKey,
      dueAt: dueAt.toISOString(),
      ...(request.expiresAt ? { expiresAt: request.expiresAt.toISOString() } : {}),
      timezone: zone.name,
      ...(request.anyHour ? { anyHour: true } : {}),
      attempts: 0,
      reference,
      payload: request.payload,
    };
    scheduledItemSchema.parse(item);
    await addToList(this.storage, keys.user(request.userKey), request.id, { limit: 200 });
    await this.storage.write({ [keys.item(item.id)]: { ...item, eTag: '*' } });
    await this.fileInBucket(item);
  }

  /** Cancels an item (a tombstone replaces it); true when it was still pending. */
  async cancel(id: string): Promise<boolean> {
    const item = (await this.read(id))?.item;
    if (!item) return false;
    await this.storage.write({
      [keys.item(id)]: { ...finished(item, 'cancelled', this.clock()), eTag: '*' },
    });
    return item.status === 'pending';
  }

  /** Cancels everything filed for a person (their data is being erased); returns how many were pending. */
  async cancelForUser(userKey: string): Promise<number> {
    const list = await readList(this.storage, keys.user(userKey));
    let cancelled = 0;
    for (const id of list?.ids ?? []) if (await this.cancel(id)) cancelled += 1;
    await this.storage.delete([keys.user(userKey)]);
    return cancelled;
  }

  /**
   * The keys of what is stored for a person here (their index and items), so "show my data" can
   * show them (a PersonalRecordSource). Erase with cancelForUser, which leaves tombstones.
   */
  async keysOfPerson(userKey: string): Promise<string[]> {
    const list = await readList(this.storage, keys.user(userKey));
    return list ? [keys.user(userKey), ...list.ids.map(keys.item)] : [];
  }

  /** The stored item, for inspection (tests, "my plans"). */
  async get(id: string): Promise<ScheduledItem | undefined> {
    return (await this.read(id))?.item;
  }

  /** Starts the loop: a tick now, then every intervalMs. The timer never keeps the process alive. */
  start(): void {
    if (this.loop) return;
    const timers = this.options.timers ?? globalThis;
    const handle = timers.setInterval(() => void this.tickInBackground(), this.settings.intervalMs);
    // Node's timers have unref(): the loop must never keep the process alive on its own.
    if (
      typeof handle === 'object' &&
      handle !== null &&
      'unref' in handle &&
      typeof handle.unref === 'function'
    ) {
      handle.unref();
    }
    this.loop = { handle, timers };
    void this.tickInBackground();
  }

  /** Stops the loop and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.loop) this.loop.timers.clearInterval(this.loop.handle);
    this.loop = undefined;
    await this.running;
  }

  /** One tick on the timer: skipped while the last is still running; failures are logged. */
  private tickInBackground(): Promise<unknown> {
    if (this.busy) return this.running;
    this.busy = true;
    this.running = this.tick()
      .then((result) => {
        if (result.sent + result.retried + result.failed + result.expired + result.held > 0) {
          this.logger.info('scheduler.tick', { ...result });
        }
      })
      .catch((error: unknown) => this.logger.warn('scheduler.tick_failed', errorFields(error)))
      .finally(() => {
        this.busy = false;
      });
    return this.running;
  }

  /**
   * Sends what is due: walks the buckets from the cursor to now, then moves the cursor past the
   * buckets that are done (every item finished a while ago, or moved on).
   */
  async tick(): Promise<TickResult> {
    const now = this.clock();
    const result: TickResult = { sent: 0, retried: 0, failed: 0, expired: 0, held: 0 };
    const cursor = await readCursor(this.storage);
    const current = bucketOf(now);
    let bucket = cursor.last
      ? nextBucket(cursor.last)
      : bucketOf(now.getTime() - this.settings.firstLookbackMs);
    let lastDone: string | undefined;
    let contiguous = true;
    for (; bucket <= current; bucket = nextBucket(bucket)) {
      const open = await this.runBucket(bucket, now, result);
      // A bucket closes an hour after it ends at the earliest, so an instance whose clock is a
      // little behind never files into a bucket that is already closed.
      const closable = !open && bucketStart(bucket) + 2 * HOUR <= now.getTime();
      contiguous = contiguous && closable && (await this.closeBucket(bucket));
      if (contiguous) lastDone = bucket;
    }
    if (lastDone) await advanceCursor(this.storage, cursor, lastDone);
    return result;
  }

  /** Processes one bucket's items; true while any of them still needs it (pending, or just finished). */
  private async runBucket(bucket: string, now: Date, result: TickResult): Promise<boolean> {
    const list = await readList(this.storage, keys.due(bucket));
    if (!list || list.ids.length === 0) return false;
    const stored = await this.storage.read(list.ids.map(keys.item));
    let open = false;
    for (const id of list.ids) {
      const raw = stored[keys.item(id)];
      const parsed = scheduledItemSchema.safeParse(raw);
      if (!parsed.success || parsed.data.bucket !== bucket) continue;
      const item = parsed.data;
      if (item.status !== 'pending') {
        open ||= Date.parse(item.finishedAt) + this.settings.keepFinishedMs > now.getTime();
        continue;
      }
      open = true;
      await this.process(item, raw?.eTag, now, result);
    }
    return open;
  }

  /** Sends one pending item if it is due and nobody holds it: claim, send, then record. */
  private async process(item: PendingItem, eTag: string | undefined, now: Date, result: TickResult) {
    if (item.expiresAt && Date.parse(item.expiresAt) <= now.getTime()) {
      if (await this.writeIf(item.id, finished(item, 'expired', now), eTag)) result.expired += 1;
      return;
    }
    if (Date.parse(item.nextAttemptAt ?? item.dueAt) > now.getTime()) return;
    if (item.claim && Date.parse(item.claim.until) > now.getTime()) return;
    // A retry, or a tick after downtime, can reach a due item in the night: it waits for the morning.
    const zone = item.anyHour ? undefined : zoneNamed(item.timezone);
    if (zone && isQuiet(now, zone)) {
      if (await this.moveTo(item, eTag, nextWaking(now, zone))) result.held += 1;
      return;
    }
    const token = randomUUID();
    const claimed: PendingItem = {
      ...item,
      attempts: item.attempts + 1,
      claim: {
        by: this.instanceId,
        token,
        until: new Date(now.getTime() + this.settings.claimMs).toISOString(),
      },
    };
    // The claim: only one instance's conditional write succeeds; the others see a conflict.
    if (!(await this.writeIf(item.id, claimed, eTag))) return;
    try {
      await this.sendWithTimeout(claimed);
    } catch (error) {
      this.logger.warn('scheduler.send_failed', { attempts: claimed.attempts, ...errorFields(error) });
      await this.afterFailure(claimed, token, result);
      return;
    }
    // Unconditional: the tombstone holds nothing personal, and "sent" is true whatever happened since.
    await this.storage.write({
      [keys.item(item.id)]: { ...finished(item, 'sent', this.clock()), eTag: '*' },
    });
    result.sent += 1;
  }

  /** After a failed send: retry later in a later bucket, or give up; unless it was cancelled meanwhile. */
  private async afterFailure(claimed: PendingItem, token: string, result: TickResult): Promise<void> {
    const now = this.clock();
    const current = await this.read(claimed.id);
    if (current?.item.status !== 'pending' || current.item.claim?.token !== token) return;
    if (claimed.attempts >= this.settings.maxAttempts) {
      if (await this.writeIf(claimed.id, finished(claimed, 'failed', now), current.eTag)) result.failed += 1;
      return;
    }
    const wait = Math.min(this.settings.retryBaseMs * 4 ** (claimed.attempts - 1), this.settings.retryMaxMs);
    const { claim: _claim, ...rest } = claimed;
    if (await this.moveTo(rest, current.eTag, new Date(now.getTime() + wait))) result.retried += 1;
  }

  /**
   * Files a pending item to be tried again at `at`, in that hour's bucket; false when another
   * writer changed it first. Filed in its new bucket first: if the item write then loses to a
   * cancel, a stray id is harmless.
   */
  private async moveTo(item: PendingItem, eTag: string | undefined, at: Date): Promise<boolean> {
    const moved: PendingItem = { ...item, nextAttemptAt: at.toISOString(), bucket: bucketOf(at) };
    await this.fileInBucket(moved);
    return this.writeIf(item.id, moved, eTag);
  }

  /** Adds the item to its bucket; a closed bucket (only with a clock far behind) moves it to now's. */
  private async fileInBucket(item: PendingItem): Promise<void> {
    if ((await addToList(this.storage, keys.due(item.bucket), item.id)) === 'added') return;
    const bucket = bucketOf(this.clock());
    await addToList(this.storage, keys.due(bucket), item.id);
    await this.storage.write({ [keys.item(item.id)]: { ...item, bucket, eTag: '*' } });
  }

  /** Clears a done bucket: closes its index (conditionally), then deletes its tombstones and the index. */
  private async closeBucket(bucket: string): Promise<boolean> {
    const list = await readList(this.storage, keys.due(bucket));
    if (!list) return true;
    if (!list.closed && !(await closeList(this.storage, keys.due(bucket), list))) return false;
    const stored = await this.storage.read(list.ids.map(keys.item));
    const tombstones = list.ids.filter((id) => {
      const item = scheduledItemSchema.safeParse(stored[keys.item(id)]);
      return item.success && item.data.status !== 'pending' && item.data.bucket === bucket;
    });
    await this.storage.delete([...tombstones.map(keys.item), keys.due(bucket)]);
    return true;
  }

  private async sendWithTimeout(item: PendingItem): Promise<void> {
    const timers = this.options.timers ?? globalThis;
    let handle: unknown;
    const timeout = new Promise<never>((_, reject) => {
      handle = timers.setTimeout(
        () => reject(new SendTimeoutError(this.settings.sendTimeoutMs)),
        this.settings.sendTimeoutMs,
      );
    });
    try {
      await Promise.race([this.options.send(item), timeout]);
    } finally {
      timers.clearTimeout(handle);
    }
  }

  private async read(id: string): Promise<{ item: ScheduledItem; eTag: string | undefined } | undefined> {
    const raw: StoreItem | undefined = (await this.storage.read([keys.item(id)]))[keys.item(id)];
    const parsed = scheduledItemSchema.safeParse(raw);
    return parsed.success ? { item: parsed.data, eTag: raw?.eTag } : undefined;
  }

  /** A conditional write; false when another writer changed the item first. */
  private async writeIf(id: string, item: ScheduledItem, eTag: string | undefined): Promise<boolean> {
    try {
      await this.storage.write({ [keys.item(id)]: { ...item, eTag: eTag ?? '*' } });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}

interface Cursor {
  last?: string;
  eTag?: string;
}

async function readCursor(storage: Storage): Promise<Cursor> {
  const item: StoreItem | undefined = (await storage.read([keys.cursor]))[keys.cursor];
  const last: unknown = item?.last;
  return typeof last === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(last) ? { last, eTag: item?.eTag } : {};
}

/**
 * Moves the cursor forward; if another instance moved it first, theirs stands. The first write is
 * unconditional: two instances creating it at once write nearly the same bucket, and a cursor a
 * little behind only means done buckets are looked at again.
 */
async function advanceCursor(storage: Storage, seen: Cursor, last: string): Promise<void> {
  try {
    await storage.write({ [keys.cursor]: { last, eTag: seen.eTag ?? '*' } });
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}
