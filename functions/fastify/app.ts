import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { formatUnixDate } from '../format-unix-date';
import { ndjsonLines, readLinesQuery } from '../ndjson-lines';

/** The Fastify API: `/ping`, `/echo`, and whatever `routes` adds, with JSON 404s and errors. */
export function createApp(routes?: FastifyPluginAsync): FastifyInstance {
  const app = Fastify({ bodyLimit: 6 * 1024 * 1024 });

  app.get('/ping', async () => ({ from: 'fastify', message: formatUnixDate(new Date()) }));

  // NDJSON lines as they are made: Fastify pipes a stream payload to the response.
  app.get('/stream', (request, reply) => {
    const query = readLinesQuery(request.query as Record<string, unknown>);
    return reply.type('application/x-ndjson').send(Readable.from(ndjsonLines('fastify', query), { objectMode: false }));
  });

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
