import type { CrisisResource } from './crisis-resources.js';
import type { Strings } from './strings.js';

/** The verified crisis lines as one message: who they are and how to reach them. */
export function crisisLinesText(strings: Strings, lines: readonly CrisisResource[]): string {
  return [
    strings.text('crisis.intro'),
    ...lines.map((line) => `- ${line.name}: ${line.how}`),
    strings.text('crisis.closing'),
  ].join('\n');
}
