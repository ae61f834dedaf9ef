import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createApp } from '../../../functions/fastify/app';
import {
  answerLate,
  bigBody,
  breakMidway,
  GZIP_BYTES,
  inspect,
  LATE_ANSWER_MS,
  neverSettles,
  PNG_BYTES,
  readInvocationTwice,
  SET_COOKIES,
  writeChunks,
  rejectSecret,
  throwSecret,
} from './route-fixtures';
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
    inspect(request.raw, {
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
      counted((_request, reply) => reply.type('image/png').send(PNG_BYTES)),
    );
    app.get(
      '/cookies',
      counted((_request, reply) => {
        reply.header('set-cookie', SET_COOKIES);
        reply.header('x-cookie-count', SET_COOKIES.length);
        return reply.send({ cookies: SET_COOKIES.length });
      }),
    );
    app.get('/boom', counted(throwSecret));
    app.get('/boom-async', counted(rejectSecret));
    app.get(
      '/chunked',
      counted((request, reply) => {
        reply.hijack();
        writeChunks(reply.raw, (request.query as Record<string, unknown>)['framing'] === 'explicit');
      }),
    );
    app.get(
      '/hang',
      counted(() => neverSettles()),
    );
    app.get(
      '/broken-stream',
      counted((_request, reply) => {
        reply.hijack();
        breakMidway(reply.raw);
      }),
    );
    app.get(
      '/late',
      counted((_request, reply) => {
        reply.hijack();
        answerLate(reply.raw, LATE_ANSWER_MS);
      }),
    );
    app.get(
      '/gzip',
      counted((_request, reply) => reply.header('content-encoding', 'gzip').type('application/json').send(GZIP_BYTES)),
    );
    app.get(
      '/big',
      counted((request, reply) => {
        const { contentType, body } = bigBody((request.query as Record<string, unknown>)['kind']);
        return reply.type(contentType).send(body());
      }),
    );
    app.get(
      '/slow-invocation',
      counted((request) => readInvocationTwice(request.raw)),
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
