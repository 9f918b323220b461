import type { z } from 'zod';

/**
 * Helpers for reading environment variables through zod, shared by the app's configuration and
 * the Teams packaging script so both treat blanks and report problems the same way.
 */

/** An empty or blank variable counts as unset. */
export const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** One line per bad variable: its name, what it expects, and what it got unless that is a secret. */
export function describeProblems(error: z.ZodError, env: NodeJS.ProcessEnv): string[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? 'environment');
    const given = env[variable];
    const shown =
      given === undefined || /PASSWORD|CONNECTION_STRING/i.test(variable) ? '' : ` (got "${given}")`;
    return `${variable}: ${issue.message}${shown}`;
  });
}
