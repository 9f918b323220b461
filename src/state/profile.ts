import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { defineUserProperty, type UserProperty } from './user-property.js';

/**
 * What Wayfinder keeps about a person across conversations: as little as possible. Stored with a
 * version so a document from an older release is dropped cleanly instead of misread.
 */
export const PROFILE_VERSION = 1;

const profileSchema = z.object({
  version: z.literal(PROFILE_VERSION),
  nickname: z.string().max(40).optional(),
});

export type Profile = z.output<typeof profileSchema>;

/** The user-state property `profile`. */
export const profileProperty = defineUserProperty('profile', profileSchema);

/** Reads a person's profile, starting fresh when none is stored or it is of another version. */
export async function readProfile(property: UserProperty<Profile>, context: TurnContext): Promise<Profile> {
  return (await property.read(context)) ?? { version: PROFILE_VERSION };
}

/** Replaces a person's profile; saved with user state at the end of the turn. */
export async function writeProfile(
  property: UserProperty<Profile>,
  context: TurnContext,
  profile: Profile,
): Promise<void> {
  await property.write(context, profile);
}
