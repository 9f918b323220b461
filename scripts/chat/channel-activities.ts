import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { fixedZone, formatWallTime, ianaZone, wallTimeAt } from '../../src/language/intents/time-zone.js';
import type { ChatChannel } from './options.js';
import { TEAMS_BOT, TENANT, teamsActivity } from './teams-activity.js';

/** Who talks where: the ids a channel gives the person and the conversation, and where replies go. */
export interface ChatAddress {
  channel: ChatChannel;
  user: string;
  conversation: string;
  /** Where the bot sends messages outside a turn (reminders, a specialist's words). */
  serviceUrl: string;
  timezone: string;
}

/** What one input sends: typed text, or a tap's text and/or card data. */
export interface ChatInput {
  text?: string;
  value?: unknown;
}

const BOT = { id: 'wayfinder', name: 'Wayfinder', role: 'bot' };

/** New ids in the form the channel assigns them. */
export function newIds(channel: ChatChannel): { user: string; conversation: string } {
  const token = () => randomBytes(9).toString('base64url');
  switch (channel) {
    case 'msteams':
      return { user: `29:1${token()}`, conversation: `a:1${token()}` };
    case 'emulator':
      return { user: randomUUID(), conversation: `${randomUUID()}|livechat` };
    default:
      return { user: `dl_${token()}`, conversation: token() };
  }
}

/**
 * The conversationUpdate the channel sends when a chat opens: Teams adds the bot to the personal
 * chat; Web Chat, Direct Line and the Emulator add the bot and the person.
 */
export function openingActivity(address: ChatAddress): Record<string, unknown> {
  if (address.channel === 'msteams')
    return teamsShape(address, { type: 'conversationUpdate', membersAdded: [TEAMS_BOT] });
  return {
    ...common(address),
    type: 'conversationUpdate',
    membersAdded: [BOT, person(address)],
  };
}

/** A message as the channel sends it, asking for the replies in the response (expectReplies). */
export function messageActivity(address: ChatAddress, input: ChatInput): Record<string, unknown> {
  const said: Partial<Activity> = {
    type: 'message',
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.value !== undefined ? { value: input.value } : {}),
  };
  if (address.channel === 'msteams') return teamsShape(address, said);
  return {
    ...common(address),
    ...said,
    ...(address.channel === 'directline' ? {} : webChatFields()),
  };
}

function common(address: ChatAddress): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: address.channel,
    serviceUrl: address.serviceUrl,
    from: person(address),
    recipient: BOT,
    conversation: { id: address.conversation },
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    ...clock(address.timezone),
  };
}

function person(address: ChatAddress): Record<string, unknown> {
  return { id: address.user, name: 'You', role: 'user' };
}

/** What Web Chat and the Emulator add to a message: the client's id for it and its capabilities. */
function webChatFields(): Record<string, unknown> {
  return {
    textFormat: 'plain',
    channelData: { clientActivityID: randomUUID() },
    entities: [
      { type: 'ClientCapabilities', requiresBotState: true, supportsListening: false, supportsTts: false },
    ],
  };
}

function teamsShape(address: ChatAddress, fields: Partial<Activity>): Record<string, unknown> {
  const user = { id: address.user, aadObjectId: `aad-${address.user}`, name: 'You' };
  const place = { kind: 'personal' as const, id: address.conversation };
  return {
    ...teamsActivity(place, user, fields, address.serviceUrl),
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    ...clock(address.timezone),
    entities: [{ type: 'clientInfo', locale: 'en-US', timezone: address.timezone, tenantId: TENANT }],
  };
}

/** The time fields clients send: UTC now, and the person's wall clock with its offset. */
function clock(timezone: string): Record<string, unknown> {
  const now = new Date();
  const zone = ianaZone(timezone) ?? fixedZone(0);
  const offset = fixedZone(zone.offsetAt(now)).name.slice('UTC'.length);
  return {
    timestamp: now.toISOString(),
    localTimestamp: `${formatWallTime(wallTimeAt(now, zone))}${offset}`,
    localTimezone: zone.name,
  };
}
