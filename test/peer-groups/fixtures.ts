import { join } from 'node:path';
import { ActivityTypes, type Middleware } from 'botbuilder';
import { projectRoot } from '../../src/paths.js';
import { loadPeerDirectory, type PeerDirectory } from '../../src/peer-groups/directory.js';
import type { LocalGroup, PeerGroup } from '../../src/peer-groups/schema.js';
import * as signals from '../../src/turn-signals.js';
import { shippedRecognizer } from '../language/intents/recognizers.js';

/** The fixture directories (JSON is not compiled, so they are read from the source tree). */
export const fixturesDir = join(projectRoot, 'test', 'peer-groups', 'fixtures');

/** Thursday 8 May 2025, 10:00 in Chicago, 11:00 in New York: the tests' "now". */
export const thursday = new Date('2025-05-08T15:00:00Z');

/** A fixture directory, loaded as the bot loads the shipped one. */
export function fixture(name: 'basic' | 'time-zones' | 'examples-only'): PeerDirectory {
  return loadPeerDirectory(join(fixturesDir, name));
}

/** The entry with `id`; fails the test when the fixture has none. */
export function entry(directory: PeerDirectory, id: string): PeerGroup {
  const found = directory.groups.find((group) => group.id === id);
  if (!found) throw new Error(`fixture has no group "${id}"`);
  return found;
}

/** The local group with `id` and a schedule; fails the test otherwise. */
export function scheduled(
  directory: PeerDirectory,
  id: string,
): LocalGroup & Required<Pick<LocalGroup, 'schedule'>> {
  const found = entry(directory, id);
  if (found.kind !== 'local' || !found.schedule) throw new Error(`fixture group "${id}" has no schedule`);
  return { ...found, schedule: found.schedule };
}

/** Plays the bot's part: every message is recognized (as the bot does) before the dialogs run. */
export const recognizing: Middleware = {
  async onTurn(context, next) {
    if (context.activity.type === ActivityTypes.Message) {
      const { text, localTimezone } = context.activity;
      const options = localTimezone ? { timezone: localTimezone } : {};
      signals.recognition.set(context, await shippedRecognizer().recognizeText(text ?? '', options));
    }
    await next();
  },
};
