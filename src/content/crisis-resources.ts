import { z } from 'zod';
import { factSourceSchema } from './fact-source.js';
import { loadResource } from './resource-file.js';
import { VerifiedContacts } from './verified-contacts.js';

/**
 * Crisis lines from resources/crisis-resources.json. Only verified entries are ever shown: a
 * wrong number for a person in crisis is worse than none (see shared/domain.md). Each names its
 * source, and its number and address must be on resources/verified-contacts.json.
 */
function crisisFileSchema(contacts: VerifiedContacts) {
  const resource = z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens'),
    name: z.string().min(1),
    how: z.string().min(1),
    phone: contacts.listed(z.string().regex(/^[0-9-]+$/, 'digits and hyphens only')).optional(),
    url: contacts.listed(z.url({ protocol: /^https$/, error: 'expected an https URL' })).optional(),
    verified: z.boolean(),
    source: factSourceSchema,
  });
  return z.strictObject({ country: z.string().length(2), resources: z.array(resource).min(1) });
}

export type CrisisResource = z.output<ReturnType<typeof crisisFileSchema>>['resources'][number];

/** Loads the crisis lines and keeps only the verified ones. */
export function loadCrisisResources(
  dir?: string,
  contacts: VerifiedContacts = VerifiedContacts.load(),
): readonly CrisisResource[] {
  return loadResource('crisis-resources.json', crisisFileSchema(contacts), dir).resources.filter(
    (r) => r.verified,
  );
}
