import { createEchoServer } from './echo-server.js';

/** The echo bot (see echo-server.ts) in its own process: `PORT=n node dist/bench/echo-bot.js`. */
const { server } = createEchoServer();
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
