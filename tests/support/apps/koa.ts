import Router from '@koa/router';
import type { Context } from 'koa';
import { createApp } from '../../../functions/koa/app';
import * as fixtures from './route-fixtures';
import { byteStream, emptyStatus, gatedLines } from './stream-fixtures';
import type { TestApp } from './test-app';

async function readBody(ctx: Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function koaTestApp(): TestApp {
  const stats = { received: 0 };
  const routes = new Router();
  const counted = (handler: (ctx: Context) => unknown) => async (ctx: Context) => {
    stats.received += 1;
    await handler(ctx);
  };
  const inspectRoute = counted(async (ctx) => {
    const body = await readBody(ctx);
    ctx.body = fixtures.inspect(ctx.req, { query: ctx.query, ip: ctx.ip, protocol: ctx.protocol, body });
  });

  routes.all('/inspect', inspectRoute);
  routes.get('/', inspectRoute);
  routes.get('/:first/:second', inspectRoute);
  routes.get(
    '/png',
    counted((ctx) => {
      ctx.type = 'image/png';
      ctx.body = fixtures.PNG_BYTES;
    }),
  );
  routes.get(
    '/cookies',
    counted((ctx) => {
      ctx.set('set-cookie', fixtures.SET_COOKIES);
      ctx.res.setHeader('x-cookie-count', fixtures.SET_COOKIES.length);
      ctx.body = { cookies: fixtures.SET_COOKIES.length };
    }),
  );
  routes.get('/boom', counted(fixtures.throwSecret));
  routes.get('/boom-async', counted(fixtures.rejectSecret));
  routes.get(
    '/chunked',
    counted((ctx) => {
      ctx.respond = false;
      fixtures.writeChunks(ctx.res, ctx.query['framing'] === 'explicit');
    }),
  );
  routes.get(
    '/hang',
    counted(() => fixtures.neverSettles()),
  );
  routes.get(
    '/broken-stream',
    counted((ctx) => {
      ctx.respond = false;
      fixtures.breakMidway(ctx.res);
    }),
  );
  routes.get(
    '/late',
    counted((ctx) => {
      ctx.respond = false;
      fixtures.answerLate(ctx.res, fixtures.LATE_ANSWER_MS);
    }),
  );
  routes.get(
    '/gzip',
    counted((ctx) => {
      ctx.set('content-encoding', 'gzip');
      ctx.type = 'application/json';
      ctx.body = fixtures.GZIP_BYTES;
    }),
  );
  routes.get(
    '/big',
    counted((ctx) => {
      const { contentType, body } = fixtures.bigBody(ctx.query['kind']);
      ctx.type = contentType;
      ctx.body = body();
    }),
  );
  routes.get(
    '/slow-invocation',
    counted(async (ctx) => {
      ctx.body = await fixtures.readInvocationTwice(ctx.req);
    }),
  );

  routes.get(
    '/gated',
    counted((ctx) => {
      ctx.type = 'application/x-ndjson';
      ctx.body = gatedLines(ctx.query['id'], ctx.query['count']);
    }),
  );
  routes.get(
    '/bytes',
    counted((ctx) => {
      ctx.type = 'application/octet-stream';
      ctx.body = byteStream(ctx.query['id'], ctx.query['total']);
    }),
  );
  routes.get(
    '/empty',
    counted((ctx) => {
      ctx.status = emptyStatus(ctx.query['status']);
      ctx.body = '';
    }),
  );

  return { framework: 'koa', app: createApp(routes), stats };
}
