/**
 * Activities shaped as Microsoft Teams sends them, shared by the Teams tests and `npm run chat
 * --channel msteams` so both play a Teams user the same way.
 */
import type { Activity } from 'botbuilder';

/** The bot as Teams names it: "28:" + its app id. */
export const TEAMS_BOT = { id: '28:wayfinder-test-app', name: 'Wayfinder' };
export const TENANT = 'tenant-0001';

/** A Teams user: the per-bot "29:" id and the stable Entra (AAD) object id. */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsUser(name: string): TeamsUser {
  return { id: `29:${name}-id`, aadObjectId: `aad-${name}`, name };
}

/** Where a Teams conversation happens: a personal chat, a group chat, or a thread of a team channel. */
export type TeamsPlace =
  | { kind: 'personal'; id: string }
  | { kind: 'groupChat'; id: string }
  | { kind: 'channel'; channel: string; thread: string };

export function conversationIdOf(place: TeamsPlace): string {
  return place.kind === 'channel' ? `${place.channel};messageid=${place.thread}` : place.id;
}

let sequence = 0;

/**
 * An activity shaped as Teams sends it: channelId msteams, the tenant in channelData and on the
 * conversation, conversationType, and in groups the bot's @mention in the text with its entity.
 */
export function teamsActivity(
  place: TeamsPlace,
  from: TeamsUser,
  fields: Partial<Activity> & { mention?: boolean },
  serviceUrl: string,
): Record<string, unknown> {
  sequence += 1;
  const { mention = place.kind !== 'personal', text, ...rest } = fields;
  const at = `<at>${TEAMS_BOT.name}</at>`;
  return {
    type: 'message',
    id: `1700000000${sequence}`,
    timestamp: new Date(Date.UTC(2026, 2, 1, 15)).toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { ...from },
    recipient: TEAMS_BOT,
    conversation: {
      id: conversationIdOf(place),
      conversationType: place.kind,
      tenantId: TENANT,
      ...(place.kind === 'personal' ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: TENANT },
      ...(place.kind === 'channel' ? { team: { id: 'team-1' }, channel: { id: place.channel } } : {}),
    },
    ...(text !== undefined ? { text: mention && text ? `${at} ${text}` : text } : {}),
    entities: mention ? [{ type: 'mention', mentioned: TEAMS_BOT, text: at }] : [],
    ...rest,
  };
}
