import Router from '@koa/router';
import { Readable } from 'node:stream';
import Koa from 'koa';
import { formatUnixDate } from '../format-unix-date';
import { ndjsonLines, readLinesQuery } from '../ndjson-lines';

interface HttpError extends Error {
  status?: number;
  expose?: boolean;
}

const ECHO_LIMIT_BYTES = 6 * 1024 * 1024;

async function readBody(ctx: Koa.Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of ctx.req) {
    length += (chunk as Buffer).length;
    if (length > ECHO_LIMIT_BYTES) ctx.throw(413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The Koa API: `/ping`, `/echo`, and whatever `routes` adds, with JSON 404s and errors. */
export function createApp(routes?: Router): Koa {
  const app = new Koa();

  app.use(async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null) {
        ctx.status = 404;
        ctx.body = { message: 'Not Found' };
      }
    } catch (caught) {
      const error = caught as HttpError;
      if (error.status && error.status < 500 && error.expose) {
        ctx.status = error.status;
        ctx.body = { message: error.message };
        return;
      }
      ctx.status = 500;
      ctx.body = { message: 'Internal Server Error' };
      ctx.app.emit('error', error, ctx);
    }
  });

  const router = new Router();
  router.get('/ping', (ctx) => {
    ctx.body = { from: 'koa', message: formatUnixDate(new Date()) };
  });
  // NDJSON lines as they are made: Koa pipes a stream body to the response.
  router.get('/stream', (ctx) => {
    ctx.type = 'application/x-ndjson';
    ctx.body = Readable.from(ndjsonLines('koa', readLinesQuery(ctx.query)), { objectMode: false });
  });
  // Answers with the body it was sent, bytes and content type unchanged.
  router.post('/echo', async (ctx) => {
    const body = await readBody(ctx);
    ctx.type = ctx.get('content-type') || 'application/octet-stream';
    ctx.body = body;
  });

  app.use(router.routes()).use(router.allowedMethods());
  if (routes) app.use(routes.routes()).use(routes.allowedMethods());
  return app;
}
