import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/**
 * The baseline for `npm run bench`: the smallest bot on Wayfinder's own stack (restify 12,
 * botbuilder's CloudAdapter with configuration auth, no app id), answering every message with its
 * text. Same route, same body limit, same expectReplies delivery, so the difference in the
 * figures is what Wayfinder does in a turn. `echo-bot.ts` runs it in its own process; the turn
 * profile runs it beside Wayfinder in the bench's process.
 */
export function createEchoServer(): { server: restify.Server; adapter: CloudAdapter } {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/readyz', async (_req, res) => {
    res.send(200, { status: 'ready' });
  });
  return { server, adapter };
}
