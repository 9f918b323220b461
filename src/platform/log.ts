import { createHash } from 'node:crypto';

/**
 * Structured logging: one JSON object per line. Callers pass ids and counts, never message
 * text, names or free-text answers (privacy: the log is the easiest place for data to leak).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Fields a log line may carry: ids, counts, durations, error names. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A logger that writes JSON lines to `write` (stdout by default) at `level` and above. */
export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const min = order[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const emit =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (order[level] < min) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything: for tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ write: () => {} });

/** Describes an error for a log line without its message (messages can echo user input). */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { errorName: error.name, errorCode: code ?? null };
  }
  return { errorName: typeof error };
}

/** A short, stable stand-in for an id in logs: correlates lines without storing the id itself. */
export function logId(id: string | undefined): string | null {
  return id ? createHash('sha256').update(id).digest('hex').slice(0, 12) : null;
}
