import Router from '@koa/router';
import { Readable } from 'node:stream';
import Koa from 'koa';
import { ECHO_LIMIT_BYTES } from '../echo-limit';
import { errorBody } from '../error-body';
import { formatUnixDate } from '../format-unix-date';
import { ndjsonLines, readLinesQuery } from '../ndjson-lines';

interface HttpError extends Error {
  status?: number;
  expose?: boolean;
}

async function readBody(ctx: Koa.Context): Promise<Buffer> {
  if (Number(ctx.get('content-length')) > ECHO_LIMIT_BYTES) ctx.throw(413);
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
      // An answer with a status and no body (no route's 404, the router's 405 and 501) would be
      // Koa's plain-text reason phrase.
      if (ctx.status >= 400 && ctx.body == null) {
        const { status } = ctx;
        ctx.body = errorBody(status);
        ctx.status = status;
      }
    } catch (caught) {
      const error = caught as HttpError;
      if (error.status && error.status < 500 && error.expose) {
        ctx.status = error.status;
        ctx.body = errorBody(error.status);
        return;
      }
      ctx.status = 500;
      ctx.body = errorBody(500);
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
  // Answers with the body it was sent, bytes and content type unchanged: `ctx.type =` would add
  // `; charset=utf-8` to a text or JSON type, so the header is set as it came.
  router.post('/echo', async (ctx) => {
    const body = await readBody(ctx);
    ctx.set('content-type', ctx.get('content-type') || 'application/octet-stream');
    ctx.body = body;
  });

  app.use(router.routes()).use(router.allowedMethods());
  if (routes) app.use(routes.routes()).use(routes.allowedMethods());
  return app;
}
