import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TEAMS_BOT } from '../../scripts/chat/teams-activity.js';
import { appPackageDir } from '../../src/teams/app-package.js';
import { readManifestShape } from '../../src/teams/manifest.js';
import { postMessages } from './http.js';

// The activity shapes are shared with `npm run chat`, which plays a Teams user the same way.
export * from '../../scripts/chat/teams-activity.js';

/** The Teams deep link to a private chat with TEAMS_BOT. */
export const PRIVATE_CHAT_LINK = `https://teams.microsoft.com/l/chat/0/0?users=${TEAMS_BOT.id}`;

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
