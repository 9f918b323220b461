import { z } from 'zod';
import { loadResource } from './resource-file.js';

/**
 * Crisis lines from resources/crisis-resources.json. Only verified entries are ever shown: a
 * wrong number for a person in crisis is worse than none (see shared/domain.md).
 */
const crisisResourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens'),
  name: z.string().min(1),
  how: z.string().min(1),
  phone: z
    .string()
    .regex(/^[0-9-]+$/, 'digits and hyphens only')
    .optional(),
  url: z.url({ protocol: /^https$/, error: 'expected an https URL' }).optional(),
  verified: z.boolean(),
});

const crisisFileSchema = z.strictObject({
  country: z.string().length(2),
  resources: z.array(crisisResourceSchema).min(1),
});

export type CrisisResource = z.output<typeof crisisResourceSchema>;

/** Loads the crisis lines and keeps only the verified ones. */
export function loadCrisisResources(dir?: string): readonly CrisisResource[] {
  return loadResource('crisis-resources.json', crisisFileSchema, dir).resources.filter((r) => r.verified);
}
