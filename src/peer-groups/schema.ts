import { z } from 'zod';
import { factSourceSchema } from '../content/fact-source.js';
import type { VerifiedContacts } from '../content/verified-contacts.js';
import { groupApproaches, groupFormats } from '../language/intents/entity-lexicon.js';
import { ianaZone } from '../language/intents/time-zone.js';

/** What a group is for. A person picks one; a group carries every one it serves. */
export const focusAreas = [
  'alcohol',
  'otherDrugs',
  'anySubstance',
  'mentalHealth',
  'coOccurring',
  'familyFriends',
] as const;
export type Focus = (typeof focusAreas)[number];

/** Days of the week, in JavaScript's order: the index is Date#getUTCDay(). */
export const weekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof weekdays)[number];

/**
 * Whether people who take medication for opioid use disorder (MOUD) are welcome: yes, no, each
 * group decides (a fellowship that leaves it to each group's conscience), or not known. Only "no"
 * leaves a group out of a medication-friendly search; the last two say to ask.
 */
export const medicationPolicies = ['yes', 'no', 'eachGroup', 'unknown'] as const;
export type MedicationPolicy = (typeof medicationPolicies)[number];

const id = z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https URL' });
const phone = z.string().regex(/^[0-9][0-9-]{6,}$/, 'digits and hyphens only, e.g. "800-555-0100"');

const meetingSchema = z.strictObject({
  weekday: z.enum(weekdays),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour local time "HH:MM", e.g. "19:00"'),
});

const scheduleSchema = z.strictObject({
  timeZone: z.string().refine((name) => ianaZone(name) !== undefined, {
    error: 'unknown time zone: use an IANA name such as "America/Chicago"',
  }),
  meetings: z.array(meetingSchema).min(1, 'list at least one weekly meeting, or leave schedule out'),
});

/**
 * How to reach an organization or group. Only a contact with `verified: true` is ever shown
 * (shared/domain.md): an unconfirmed number is worse than none. The loader drops the rest.
 */
function contactSchema(contacts: VerifiedContacts) {
  return z.strictObject({
    verified: z.boolean(),
    phone: contacts.listed(phone).optional(),
    /** What to text to which number, e.g. '"helpline" to 62640'. */
    text: text.optional(),
    email: z.email().optional(),
    url: contacts.listed(httpsUrl).optional(),
    hours: text.optional(),
  });
}

const addressSchema = z.strictObject({
  street: text.optional(),
  city: text,
  state: z.string().regex(/^[A-Z]{2}$/, 'two capital letters, e.g. "IL"'),
  zip: z.string().regex(/^\d{5}$/, 'five digits'),
});

/** The fields national organizations and local groups share. */
function sharedFields(contacts: VerifiedContacts) {
  return {
    id,
    name: text,
    /** Other names people type for it ("smart"); its name and a short form in brackets ("(NA)") count already. */
    aliases: z.array(text).min(1).optional(),
    /** Empty when the group follows no one recovery approach (a mental health peer group). */
    approach: z.array(z.enum(groupApproaches)),
    focus: z.array(z.enum(focusAreas)).min(1, 'name at least one focus'),
    medicationFriendly: z.enum(medicationPolicies),
    /** Where the medication policy comes from: the organization's or group's own statement. */
    medicationSource: factSourceSchema.optional(),
    contact: contactSchema(contacts).optional(),
  };
}

function nationalSchema(contacts: VerifiedContacts) {
  return z
    .strictObject({
      ...sharedFields(contacts),
      /** One plain sentence on what the organization is. */
      about: text,
      /** Where `about` and `approach` come from (the organization's own description). */
      source: factSourceSchema,
      /** Only confirmed formats; empty means "not confirmed" (the finder says to ask). */
      formats: z.array(z.enum(groupFormats)),
      /** A plain sentence on how to find one of its meetings (no URL unless verified in contact). */
      howToFind: text,
      languages: z.array(text).min(1).optional(),
      lastVerified: z.iso.date().optional(),
    })
    .superRefine((org, ctx) => {
      // A national policy is public fact: one stated without its source is left "unknown".
      if (org.medicationFriendly !== 'unknown' && org.medicationSource === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['medicationSource'],
          message: `required for medicationFriendly "${org.medicationFriendly}": cite the organization's own statement, or use "unknown"`,
        });
      }
    });
}

/** What a local group must say for each format it offers: where to go, what to open, what to dial. */
const formatNeeds = [
  ['inPerson', 'address'],
  ['online', 'onlineLink'],
  ['phone', 'dialIn'],
] as const;

function localSchema(contacts: VerifiedContacts) {
  return z
    .strictObject({
      ...sharedFields(contacts),
      /** A template shipped for operators: validated, never shown to a person. */
      example: z.boolean().default(false),
      formats: z.array(z.enum(groupFormats)).min(1, 'name at least one format'),
      schedule: scheduleSchema.optional(),
      address: addressSchema.optional(),
      onlineLink: contacts.listed(httpsUrl).optional(),
      dialIn: contacts.listed(phone).optional(),
      languages: z.array(text).min(1, 'name at least one language'),
      accessibility: text.optional(),
      lastVerified: z.iso.date({ error: 'use the date you last checked the details, "YYYY-MM-DD"' }),
    })
    .superRefine((group, ctx) => {
      for (const [format, field] of formatNeeds) {
        if (group.formats.includes(format) && group[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: `required for format "${format}"` });
        }
      }
      if (group.example && !/^Example\b/.test(group.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: 'an example group\'s name starts with "Example"',
        });
      }
    });
}

/**
 * resources/peer-groups.json: national organizations, and the deploying program's local groups.
 * Every phone number and web address in it must be on resources/verified-contacts.json.
 */
export function peerGroupsFileSchema(contacts: VerifiedContacts) {
  return z
    .strictObject({
      description: text,
      national: z.array(nationalSchema(contacts)),
      local: z.array(localSchema(contacts)),
    })
    .superRefine((file, ctx) => {
      const seen = new Set<string>();
      for (const [list, entries] of [
        ['national', file.national],
        ['local', file.local],
      ] as const) {
        entries.forEach((entry, index) => {
          if (seen.has(entry.id)) {
            ctx.addIssue({
              code: 'custom',
              path: [list, index, 'id'],
              message: `id "${entry.id}" is used twice`,
            });
          }
          seen.add(entry.id);
        });
      }
    });
}

export type PeerGroupsFile = z.output<ReturnType<typeof peerGroupsFileSchema>>;
export type Contact = z.output<ReturnType<typeof contactSchema>>;
export type Meeting = z.output<typeof meetingSchema>;
export type Schedule = z.output<typeof scheduleSchema>;
export type Address = z.output<typeof addressSchema>;
export type NationalOrg = PeerGroupsFile['national'][number] & { kind: 'national' };
export type LocalGroup = PeerGroupsFile['local'][number] & { kind: 'local' };
/** One entry of the directory: a national organization or a local group. */
export type PeerGroup = NationalOrg | LocalGroup;
