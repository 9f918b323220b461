import type { Activity } from 'botbuilder';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { createLogger, type Logger } from '../../src/platform/log.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

/** A quiet logger that keeps the events logged at error level (a failed turn or request). */
export function errorRecorder(): { logger: Logger; errors: string[] } {
  const errors: string[] = [];
  const logger = createLogger({
    level: 'error',
    write: (line) => errors.push(String((JSON.parse(line) as { event?: unknown }).event)),
  });
  return { logger, errors };
}

/** A reply named by its string key; any of the key's variants counts. */
export type Said = StringKey | readonly [StringKey, StringVars];

/** True when `text` holds the words of `said`, in any of its variants. */
export function says(text: string | undefined, said: Said): boolean {
  const [key, vars] = typeof said === 'string' ? [said, {}] : said;
  return strings.variants(key).some((_, variant) => (text ?? '').includes(strings.text(key, vars, variant)));
}

/** The texts of the messages among `activities` (what a person reads). */
export function messageTexts(activities: readonly Partial<Activity>[]): string[] {
  return activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
}

/** True when nothing has been added to Object.prototype (no "__proto__" key reached it). */
export function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  return Object.keys(Object.prototype).length === 0 && probe.polluted === undefined;
}
