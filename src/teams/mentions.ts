import type { Activity, Middleware, TurnContext } from 'botbuilder';

/**
 * Teams puts an @mention of the bot into the message text ("<at>Wayfinder</at> help"), and in
 * a channel or group chat every message to the bot carries one. Only the bot's own mention is
 * taken out, so the safety gate and the recognizer read the person's words, and nothing else of
 * theirs is changed (a mention of someone else stays as it was written).
 */
export function removeBotMention(activity: Partial<Activity>): string | undefined {
  const botId = activity.recipient?.id;
  if (!activity.text || !botId) return activity.text;
  const mentionTexts = (activity.entities ?? [])
    .filter((entity) => entity.type === 'mention')
    .flatMap((entity) => {
      const { mentioned, text } = entity as { mentioned?: { id?: unknown }; text?: unknown };
      return mentioned?.id === botId && typeof text === 'string' && text.length > 0 ? [text] : [];
    });
  if (mentionTexts.length === 0) return activity.text;
  let text = activity.text;
  for (const mention of mentionTexts) text = text.split(mention).join('');
  // Only the gap the mention leaves is closed: the person's own line breaks stay.
  activity.text = text.replace(/[ \t]{2,}/g, ' ').trim();
  return activity.text;
}

/** The adapter middleware: every message reaches the bot without its own @mention. */
export function botMentionRemover(): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      if (context.activity.type === 'message') removeBotMention(context.activity);
      await next();
    },
  };
}
