import { z } from 'zod';
import { loadResource, ResourceError } from '../content/resource-file.js';
import { VerifiedContacts } from '../content/verified-contacts.js';
import { resourcesDir } from '../paths.js';
import { type LocalGroup, type PeerGroup, type PeerGroupsFile, peerGroupsFileSchema } from './schema.js';

/** The file, under resources/ (or a test's directory). */
export const PEER_GROUPS_FILE = 'peer-groups.json';

/** The peer group directory as the finder uses it. */
export interface PeerDirectory {
  /** National organizations and the program's real local groups: all a person may be shown. */
  readonly groups: readonly PeerGroup[];
  /** Example local groups shipped as templates for operators: validated, never shown to anyone. */
  readonly examples: readonly LocalGroup[];
}

/**
 * Loads resources/peer-groups.json (or `dir`/peer-groups.json) at start. A bad file throws a
 * ResourceError naming the file, each bad entry (list, position and id) and field, so the bot
 * does not start with a directory it would read wrongly (a number or address not on
 * resources/verified-contacts.json among them). Contacts not marked verified are dropped here,
 * so nothing later can show them.
 */
export function loadPeerDirectory(
  dir = resourcesDir,
  contacts: VerifiedContacts = VerifiedContacts.load(),
): PeerDirectory {
  let file: PeerGroupsFile;
  try {
    file = loadResource(PEER_GROUPS_FILE, peerGroupsFileSchema(contacts), dir);
  } catch (error) {
    throw error instanceof ResourceError ? withEntryIds(error, dir) : error;
  }
  const verified = <T extends { contact?: { verified: boolean } }>(entry: T): T =>
    entry.contact?.verified === false ? { ...entry, contact: undefined } : entry;
  const local = file.local.map((group) => verified({ ...group, kind: 'local' as const }));
  return {
    groups: [
      ...file.national.map((org) => verified({ ...org, kind: 'national' as const })),
      ...local.filter((group) => !group.example),
    ],
    examples: local.filter((group) => group.example),
  };
}

/**
 * Adds the entry's id to each problem about an entry ("local[3].schedule.timeZone (entry
 * \"north-side-smart\"): ..."): an operator with forty groups looks them up by id, not position.
 */
function withEntryIds(error: ResourceError, dir: string): ResourceError {
  let raw: unknown;
  try {
    raw = loadResource(PEER_GROUPS_FILE, z.unknown(), dir);
  } catch {
    return error;
  }
  const entries = z
    .object({ national: z.array(z.unknown()), local: z.array(z.unknown()) })
    .partial()
    .safeParse(raw);
  const idOf = (list: string, index: number): string | undefined => {
    const entry = list === 'national' ? entries.data?.national?.[index] : entries.data?.local?.[index];
    return z.object({ id: z.string() }).safeParse(entry).data?.id;
  };
  const problems = error.problems.map((problem) =>
    problem.replace(
      /^((national|local)\[(\d+)\][^:]*):/,
      (whole, path: string, list: string, index: string) => {
        const entryId = idOf(list, Number(index));
        return entryId === undefined ? whole : `${path} (entry "${entryId}"):`;
      },
    ),
  );
  return new ResourceError(error.file, problems, { cause: error });
}
