// The baseline: a bare Fastify hello route, same Fastify as Mamori, no plugins, logger off.
// Started by run.ts in its own process; listens on 127.0.0.1:$PORT and stops when its parent goes away.
import Fastify from 'fastify';
import './exit-with-parent.js';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('hello-server: PORT is required');

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));

process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
await app.listen({ host: '127.0.0.1', port });
