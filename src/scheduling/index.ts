/** The scheduler: proactive messages at a set time, kept in Storage, sent once across instances. */
export type { AddResult } from './id-list.js';
export { awayFromQuietHours, isQuiet, nextWaking, quietHours } from './quiet-hours.js';
export {
  bucketOf,
  keys as schedulerKeys,
  type Payload,
  type PendingItem,
  payloadSchema,
  SCHEDULE_VERSION,
  type ScheduledItem,
  type ScheduleRequest,
} from './scheduled-item.js';
export {
  Scheduler,
  type SchedulerOptions,
  SendTimeoutError,
  type TickResult,
  type Timers,
} from './scheduler.js';
