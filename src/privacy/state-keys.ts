/**
 * Storage keys of botbuilder's user and conversation state, in the format UserState and
 * ConversationState use (a test checks they agree), so a person's records in other
 * conversations can be found and erased outside a turn in those conversations.
 */
export function userStateKey(channelId: string, userId: string): string {
  return `${channelId}/users/${userId}/`;
}

export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}

/** The channel and user id a user-state key names (the inverse of userStateKey). */
export function parseUserStateKey(userKey: string): { channelId: string; userId: string } {
  const at = userKey.indexOf('/users/');
  return at < 0
    ? { channelId: '', userId: '' }
    : { channelId: userKey.slice(0, at), userId: userKey.slice(at + '/users/'.length, -1) };
}
