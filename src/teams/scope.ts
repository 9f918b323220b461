import type { Activity, ConversationReference } from 'botbuilder';
import type { Strings } from '../content/strings.js';

/** The channel id Teams activities carry. */
export const TEAMS_CHANNEL = 'msteams';

/**
 * True in a conversation several people read: a Teams group chat or team channel, or any
 * channel's conversation marked as a group. Personal things are never asked for or shown there.
 */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  const { conversation } = activity;
  const type = conversation?.conversationType;
  return type === 'groupChat' || type === 'channel' || conversation?.isGroup === true;
}

/** The Teams tenant of an activity: on `conversation`, or in Teams' channelData. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromData === 'string' ? fromData : undefined);
}

/**
 * The team channel an activity came from (Teams' channelData.channel.id; in a channel the
 * conversation id is the channel id with ";messageid=..." for the thread).
 */
export function teamsChannelOf(activity: Partial<Activity>): string | undefined {
  if (activity.channelId !== TEAMS_CHANNEL) return undefined;
  const fromData = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  if (typeof fromData === 'string') return fromData;
  return activity.conversation?.conversationType === 'channel'
    ? activity.conversation.id.split(';')[0]
    : undefined;
}

/**
 * A reference to send into this conversation later, with the Teams tenant on the conversation
 * (Teams needs it to deliver proactive messages across tenants).
 */
export function referenceWithTenant(reference: Partial<ConversationReference>, activity: Partial<Activity>) {
  const tenantId = tenantOf(activity);
  if (!tenantId || !reference.conversation || reference.conversation.tenantId) return reference;
  return { ...reference, conversation: { ...reference.conversation, tenantId } };
}

/** The ids a person is known by: the channel's user id and, in Teams, their Entra (AAD) object id. */
export function userIdsOf(activity: Partial<Activity>): string[] {
  const { from } = activity;
  return [from?.id, from?.aadObjectId].filter((id): id is string => typeof id === 'string' && id !== '');
}

/**
 * A Teams deep link that opens a one-to-one chat with this bot ("28:" + its app id), or
 * undefined outside Teams or when the bot's id is not known.
 */
export function privateChatLink(activity: Partial<Activity>, appId: string | undefined): string | undefined {
  if (activity.channelId !== TEAMS_CHANNEL) return undefined;
  const recipient = activity.recipient?.id ?? '';
  const botId = recipient.startsWith('28:') ? recipient : appId ? `28:${appId}` : '';
  // Only an id of the expected shape goes into a link (it ends up in markdown).
  return /^28:[\w-]+$/.test(botId) ? `https://teams.microsoft.com/l/chat/0/0?users=${botId}` : undefined;
}

/** The invitation to a private chat: a Teams deep link when there is one, else how to open it. */
export function privateChatInvite(strings: Strings, activity: Partial<Activity>, appId?: string): string {
  const link = privateChatLink(activity, appId);
  return link ? strings.text('teams.inviteLink', { link }) : strings.text('teams.inviteNoLink');
}
