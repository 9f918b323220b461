import { ActivityTypes, Channels, type Middleware } from 'botbuilder';

/**
 * botbuilder-dialogs' runDialog sends a "BotState" trace holding the whole memory snapshot (the
 * person's answers included) every turn. Only the Emulator should see it; on other channels it
 * would leave the bot in expectReplies bodies, so it is dropped there. Other traces stay.
 */
export const stateSnapshotFilter: Middleware = {
  async onTurn(context, next) {
    if (context.activity.channelId !== Channels.Emulator) {
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        const kept = activities.filter((a) => !(a.type === ActivityTypes.Trace && a.name === 'BotState'));
        activities.splice(0, activities.length, ...kept);
        // The adapter rejects an empty batch, so a batch that was only the snapshot ends here.
        return activities.length === 0 ? [] : sendNext();
      });
    }
    await next();
  },
};
