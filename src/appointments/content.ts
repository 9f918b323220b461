import { z } from 'zod';
import { loadResource } from '../content/resource-file.js';
import { type StringKey, type Strings, stringKeySchema } from '../content/strings.js';
import { type AppointmentType, appointmentTypes } from '../language/intents/entity-lexicon.js';

/** A choice the dialog offers: a stable id (stored in plans) and the keys of its words. */
export interface Option {
  id: string;
  label: StringKey;
}

/** A worry or barrier: the words that name it, and practical tips (never medical or legal advice). */
export interface Barrier extends Option {
  words: StringKey;
  tips: readonly StringKey[];
}

/** A way the person would like things explained, and what they could say to ask for it. */
export interface TalkPreference extends Option {
  say: StringKey;
}

/** A choice about what to share about recovery, and how the plan puts it. */
export interface ShareChoice extends Option {
  plan: StringKey;
}

/** resources/appointments.json, validated, with every key known to the locale. */
export interface AppointmentContent {
  types: Readonly<Record<AppointmentType, { label: StringKey; checklist: readonly StringKey[] }>>;
  /** Checklist items about recovery: left out for someone not in recovery. */
  recoveryItems: readonly StringKey[];
  /** Tips that fit only some kinds of appointment (a Medicaid ride is for covered care). */
  tipTypes: Readonly<Partial<Record<StringKey, readonly AppointmentType[]>>>;
  barriers: readonly Barrier[];
  ownBarrierTips: readonly StringKey[];
  askMeThree: readonly StringKey[];
  talk: readonly TalkPreference[];
  share: readonly ShareChoice[];
}

export const APPOINTMENT_CONTENT_VERSION = 1;
const FILE = 'appointments.json';

/**
 * Builds the schema against the loaded strings: a key that names no string is reported with its
 * field (`types.court.checklist[2]: no string "appointmentChecklist.x" in locale en`), so an
 * operator's typo stops the start instead of showing an empty line to someone mid-conversation.
 */
function contentSchema(strings: Strings) {
  const stringKey = stringKeySchema(strings);
  const id = z.string().regex(/^[a-z][A-Za-z]*$/, 'ids are camelCase letters');
  const unique = <T extends { id: string }>(items: T[], context: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id))
        context.addIssue({ code: 'custom', path: [index, 'id'], message: 'repeated id' });
      seen.add(item.id);
    });
  };
  return z.strictObject({
    description: z.string().min(1),
    version: z.literal(APPOINTMENT_CONTENT_VERSION, {
      error: `expected version ${APPOINTMENT_CONTENT_VERSION}`,
    }),
    types: z.record(
      z.enum(appointmentTypes),
      z.strictObject({ label: stringKey, checklist: z.array(stringKey).min(1, 'needs at least one item') }),
    ),
    recoveryItems: z.array(stringKey),
    tipTypes: z.record(stringKey, z.array(z.enum(appointmentTypes)).min(1)),
    barriers: z
      .array(z.strictObject({ id, label: stringKey, words: stringKey, tips: z.array(stringKey).min(1) }))
      .min(1)
      .superRefine(unique),
    ownBarrierTips: z.array(stringKey).min(1),
    askMeThree: z.array(stringKey).min(1).max(5),
    talk: z
      .array(z.strictObject({ id, label: stringKey, say: stringKey }))
      .min(1)
      .superRefine(unique),
    share: z
      .array(z.strictObject({ id, label: stringKey, plan: stringKey }))
      .min(1)
      .superRefine(unique)
      // Sharing nothing must always be offered: what to disclose is the person's choice.
      .refine((choices) => choices.some((choice) => choice.id === 'nothing'), {
        error: 'needs a choice with id "nothing"',
      }),
  });
}

/**
 * Loads resources/appointments.json; throws ResourceError naming the file and each bad field
 * (a wrong shape, a missing type, a repeated id, a key the locale does not define).
 */
export function loadAppointmentContent(strings: Strings, dir?: string): AppointmentContent {
  const file = loadResource(FILE, contentSchema(strings), dir);
  const { description: _description, version: _version, ...content } = file;
  return content;
}

/** The checklist for a draft's kind of appointment, without the recovery items for someone not in recovery. */
export function checklistFor(
  content: AppointmentContent,
  draft: { type?: AppointmentType | undefined; notInRecovery?: boolean | undefined },
): readonly StringKey[] {
  const all = content.types[draft.type ?? 'other'].checklist;
  return draft.notInRecovery ? all.filter((key) => !content.recoveryItems.includes(key)) : all;
}

/** The tips that fit this kind of appointment. */
export function tipsFor(
  content: AppointmentContent,
  tips: readonly StringKey[],
  type: AppointmentType | undefined,
): StringKey[] {
  return tips.filter((key) => {
    const only = content.tipTypes[key];
    return !only || only.includes(type ?? 'other');
  });
}
