import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { z } from 'zod';
import { projectRoot, resourcesDir } from '../paths.js';

/** A resource file that is missing, not JSON, or not of its schema; names the file and fields. */
export class ResourceError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Resource file ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.name = 'ResourceError';
  }
}

/** Formats a zod issue path as `field.sub[2].name` so an editor can find it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part),
    '',
  );
}

/**
 * Reads resources/<name> and validates it with `schema`. Called at start, so a bad edit by an
 * operator stops the bot with the file and every bad field named, instead of failing mid-chat.
 */
export function loadResource<T extends z.ZodType>(name: string, schema: T, dir = resourcesDir): z.output<T> {
  const file = resolve(dir, name);
  const shown = relative(projectRoot, file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    const reason = cause instanceof SyntaxError ? `not valid JSON (${cause.message})` : 'cannot be read';
    throw new ResourceError(shown, [reason], { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ResourceError(
      shown,
      parsed.error.issues.map((issue) => `${fieldPath(issue.path) || '(top level)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
