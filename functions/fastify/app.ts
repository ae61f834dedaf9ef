import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type HTTPMethods } from 'fastify';
import { ECHO_LIMIT_BYTES } from '../echo-limit';
import { errorBody } from '../error-body';
import { formatUnixDate } from '../format-unix-date';
import { ndjsonLines, readLinesQuery } from '../ndjson-lines';

const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The Fastify API: `/ping`, `/echo`, and whatever `routes` adds, with JSON 404s and errors. */
export function createApp(routes?: FastifyPluginAsync): FastifyInstance {
  const app = Fastify({ bodyLimit: ECHO_LIMIT_BYTES });

  app.get('/ping', async () => ({ from: 'fastify', message: formatUnixDate(new Date()) }));

  // NDJSON lines as they are made: Fastify pipes a stream payload to the response.
  app.get('/stream', (request, reply) => {
    const query = readLinesQuery(request.query as Record<string, unknown>);
    return reply.type('application/x-ndjson').send(Readable.from(ndjsonLines('fastify', query), { objectMode: false }));
  });

  // Answers with the body it was sent, bytes and content type unchanged (Fastify sends a Buffer's type as set).
  app.register(async (echo) => {
    echo.removeAllContentTypeParsers();
    echo.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    echo.post('/echo', async (request, reply) => {
      reply.type(request.headers['content-type'] ?? 'application/octet-stream');
      return request.body ?? Buffer.alloc(0);
    });
  });

  if (routes) app.register(routes);

  // Fastify answers a known path's other methods with the 404 of an unknown one: this says 405, and
  // answers OPTIONS with the methods, as Koa's router does.
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?', 1)[0] ?? '';
    const allow = METHODS.filter((method) => app.hasRoute({ method, url }));
    if (allow.length === 0) return reply.status(404).send(errorBody(404));
    reply.header('allow', allow.join(', '));
    return request.method === 'OPTIONS' ? reply.send() : reply.status(405).send(errorBody(405));
  });

  // Fastify's default handler puts the error's message in the body.
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody(error.statusCode));
    }
    console.error(error);
    return reply.status(500).send(errorBody(500));
  });
  return app;
}
