import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createApp } from '../../../functions/fastify/app';
import * as fixtures from './route-fixtures';
import { byteStream, emptyStatus, gatedLines } from './stream-fixtures';
import type { TestApp } from './test-app';

type Route = (request: FastifyRequest, reply: FastifyReply) => unknown;

export function fastifyTestApp(): TestApp {
  const stats = { received: 0 };
  const counted =
    (route: Route): Route =>
    (request, reply) => {
      stats.received += 1;
      return route(request, reply);
    };
  const inspectRoute = counted(async (request) =>
    fixtures.inspect(request.raw, {
      query: request.query,
      ip: request.ip,
      protocol: request.protocol,
      body: Buffer.isBuffer(request.body) ? request.body : undefined,
    }),
  );

  const routes: FastifyPluginAsync = async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/inspect', handler: inspectRoute });
    app.get('/', inspectRoute);
    app.get('/:first/:second', inspectRoute);
    app.get(
      '/png',
      counted((_request, reply) => reply.type('image/png').send(fixtures.PNG_BYTES)),
    );
    app.get(
      '/cookies',
      counted((_request, reply) => {
        reply.header('set-cookie', fixtures.SET_COOKIES);
        reply.header('x-cookie-count', fixtures.SET_COOKIES.length);
        return reply.send({ cookies: fixtures.SET_COOKIES.length });
      }),
    );
    app.get('/boom', counted(fixtures.throwSecret));
    app.get('/boom-async', counted(fixtures.rejectSecret));
    app.get(
      '/chunked',
      counted((request, reply) => {
        reply.hijack();
        fixtures.writeChunks(reply.raw, (request.query as Record<string, unknown>)['framing'] === 'explicit');
      }),
    );
    app.get(
      '/hang',
      counted(() => fixtures.neverSettles()),
    );
    app.get(
      '/broken-stream',
      counted((_request, reply) => {
        reply.hijack();
        fixtures.breakMidway(reply.raw);
      }),
    );
    app.get(
      '/late',
      counted((_request, reply) => {
        reply.hijack();
        fixtures.answerLate(reply.raw, fixtures.LATE_ANSWER_MS);
      }),
    );
    app.get(
      '/gzip',
      counted((_request, reply) => reply.header('content-encoding', 'gzip').type('application/json').send(fixtures.GZIP_BYTES)),
    );
    app.get(
      '/big',
      counted((request, reply) => {
        const { contentType, body } = fixtures.bigBody((request.query as Record<string, unknown>)['kind']);
        return reply.type(contentType).send(body());
      }),
    );
    app.get(
      '/slow-invocation',
      counted((request) => fixtures.readInvocationTwice(request.raw)),
    );
    app.get(
      '/gated',
      counted((request, reply) => {
        const query = request.query as Record<string, unknown>;
        return reply.type('application/x-ndjson').send(gatedLines(query['id'], query['count']));
      }),
    );
    app.get(
      '/bytes',
      counted((request, reply) => {
        const query = request.query as Record<string, unknown>;
        return reply.type('application/octet-stream').send(byteStream(query['id'], query['total']));
      }),
    );
    app.get(
      '/empty',
      counted((request, reply) => reply.code(emptyStatus((request.query as Record<string, unknown>)['status'])).send()),
    );
  };

  return { framework: 'fastify', app: createApp(routes), stats };
}
