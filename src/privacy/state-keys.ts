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
