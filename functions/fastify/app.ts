import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { formatUnixDate } from '../format-unix-date';

/** The Fastify API: `/ping`, `/echo`, and whatever `routes` adds, with JSON 404s and errors. */
export function createApp(routes?: FastifyPluginAsync): FastifyInstance {
  const app = Fastify({ bodyLimit: 6 * 1024 * 1024 });

  app.get('/ping', async () => ({ from: 'fastify', message: formatUnixDate(new Date()) }));

  // Answers with the body it was sent, bytes and content type unchanged.
  app.register(async (echo) => {
    echo.removeAllContentTypeParsers();
    echo.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    echo.post('/echo', async (request, reply) => {
      reply.type(request.headers['content-type'] ?? 'application/octet-stream');
      return request.body ?? Buffer.alloc(0);
    });
  });

  if (routes) app.register(routes);

  // Fastify's default handler puts the error's message in the body.
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ message: error.message });
    }
    console.error(error);
    return reply.status(500).send({ message: 'Internal Server Error' });
  });
  return app;
}
