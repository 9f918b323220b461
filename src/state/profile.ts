import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';

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

/** Reads a person's profile, starting fresh when none is stored or it is of another version. */
export async function readProfile(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
): Promise<Profile> {
  const parsed = profileSchema.safeParse(await accessor.get(context));
  return parsed.success ? parsed.data : { version: PROFILE_VERSION };
}

/** Replaces a person's profile; saved with user state at the end of the turn. */
export async function writeProfile(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
  profile: Profile,
): Promise<void> {
  await accessor.set(context, profileSchema.parse(profile));
}
