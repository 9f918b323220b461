import { z } from 'zod';
import { resourcesDir } from '../paths.js';
import { factSourceSchema } from './fact-source.js';
import { loadResource } from './resource-file.js';

/** The one list of phone numbers, text numbers and web addresses the bot may say. */
export const VERIFIED_CONTACTS_FILE = 'verified-contacts.json';

const keypad: Readonly<Record<string, string>> = Object.fromEntries(
  ['abc', 'def', 'ghi', 'jkl', 'mno', 'pqrs', 'tuv', 'wxyz'].flatMap((letters, index) =>
    [...letters].map((letter) => [letter, String(index + 2)]),
  ),
);

/**
 * The form every way of writing one contact shares, so "(800) 514-0301", "1-800-514-0301" and
 * "800 514 0301" are one number, and "https://www.askjan.org/" and "askjan.org" one address:
 * a web address is its host and path, lower case; a number is its digits (letters read as on a
 * phone's keypad, a leading US country code 1 dropped from an 11-digit number).
 */
export function contactKey(value: string): string {
  const text = value.trim().toLowerCase();
  if (/\.[a-z]/.test(text)) {
    return text
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
  }
  const digits = [...text].map((char) => keypad[char] ?? char.replace(/\D/, '')).join('');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/**
 * Values reserved for examples, which reach no one: the example.com/.net/.org domains and the
 * .example and .test names (RFC 2606), and the fictional numbers 555-0100 to 555-0199.
 */
export function isReservedExample(key: string): boolean {
  const host = key.split('/')[0] ?? '';
  return (
    /(^|\.)example\.(com|net|org)$/.test(host) ||
    /\.(example|test)$/.test(host) ||
    /^\d{3}55501\d\d$/.test(key)
  );
}

const entrySchema = z.strictObject({
  value: z.union(
    [z.string().regex(/^[0-9][0-9-]*$/), z.url({ protocol: /^https$/, error: 'expected an https URL' })],
    { error: 'a number in digits and hyphens ("1-800-662-4357", "988") or an https URL' },
  ),
  /** What it is and what it is for, in a few words (the reviewer's note, not shown). */
  what: z.string().trim().min(1, 'say what it is'),
  source: factSourceSchema,
});

const fileSchema = z.strictObject({
  description: z.string().min(1),
  contacts: z
    .array(entrySchema)
    .min(1)
    .superRefine((entries, context) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        const key = contactKey(entry.value);
        if (seen.has(key))
          context.addIssue({ code: 'custom', path: [index, 'value'], message: 'listed twice' });
        seen.add(key);
      });
    }),
});

export type VerifiedContact = z.output<typeof entrySchema>;

/**
 * resources/verified-contacts.json: every number and address the bot may say, what it is, its
 * source and the day it was checked. Other resource files may only use what is on it.
 */
export class VerifiedContacts {
  private readonly keys: ReadonlySet<string>;

  private constructor(readonly entries: readonly VerifiedContact[]) {
    this.keys = new Set(entries.map((entry) => contactKey(entry.value)));
  }

  /** Loads and checks the list; throws ResourceError naming the file and each bad field. */
  static load(dir = resourcesDir): VerifiedContacts {
    return new VerifiedContacts(loadResource(VERIFIED_CONTACTS_FILE, fileSchema, dir).contacts);
  }

  /** True when `value` is on the list however it is written, or is a reserved example value. */
  has(value: string): boolean {
    const key = contactKey(value);
    return this.keys.has(key) || isReservedExample(key);
  }

  /** A resource field holding a contact: one not on the list is refused, naming the fix. */
  listed<T extends z.ZodType<string>>(schema: T): T {
    return schema.refine((value) => this.has(value), {
      error: (issue) =>
        `${String(issue.input)} is not in resources/${VERIFIED_CONTACTS_FILE}: add it there with what it is, its source and the day you checked it, or take it out`,
    });
  }
}
