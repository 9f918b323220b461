import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Activity } from 'botbuilder';
import { appPackageDir } from '../../src/teams/app-package.js';
import { readManifestShape } from '../../src/teams/manifest.js';
import { postMessages } from './http.js';

/** The bot as Teams names it: "28:" + its app id. */
export const TEAMS_BOT = { id: '28:wayfinder-test-app', name: 'Wayfinder' };
export const TENANT = 'tenant-0001';
/** The Teams deep link to a private chat with TEAMS_BOT. */
export const PRIVATE_CHAT_LINK = `https://teams.microsoft.com/l/chat/0/0?users=${TEAMS_BOT.id}`;

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

/** Posts an activity (no expectReplies: replies go to its serviceUrl, as in Teams). */
export async function postTeams(url: string, activity: Record<string, unknown>): Promise<void> {
  const response = await postMessages(url, activity);
  assert.equal(response.status, 200, await response.text());
}

/** The command lists of the shipped manifest template, as Teams shows them per scope. */
export async function manifestCommandLists() {
  const template = JSON.parse(await readFile(resolve(appPackageDir, 'manifest.json'), 'utf8'));
  return readManifestShape(template).bots.flatMap((bot) => bot.commandLists);
}
