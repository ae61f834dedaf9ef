import KoaRouter from '@koa/router';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { Router } from 'express';
import express from 'express';
import type { FastifyInstance } from 'fastify';
import type Koa from 'koa';
import { createApp as createExpressApp } from '../../functions/express/app';
import { createApp as createFastifyApp } from '../../functions/fastify/app';
import { createApp as createKoaApp } from '../../functions/koa/app';
import { chunksOf, makeChunk, STREAM_CONTENT_TYPE, STREAM_PATH } from './payload';

// The real apps plus `GET /download`: 10 MiB written the way each framework streams
// (Express `res.write` honouring `drain`, Koa a Readable as the body, Fastify `reply.send(stream)`).

export function createExpressStreamApp(): express.Express {
  const chunk = makeChunk();
  const routes: Router = express.Router();
  routes.get(STREAM_PATH, async (_req, res) => {
    res.type(STREAM_CONTENT_TYPE);
    for (const piece of chunksOf(chunk)) {
      if (!res.write(piece)) await once(res, 'drain');
    }
    res.end();
  });
  return createExpressApp(routes);
}

export function createKoaStreamApp(): Koa {
  const chunk = makeChunk();
  const routes = new KoaRouter();
  routes.get(STREAM_PATH, (ctx) => {
    ctx.type = STREAM_CONTENT_TYPE;
    ctx.body = Readable.from(chunksOf(chunk), { objectMode: false });
  });
  return createKoaApp(routes);
}

export function createFastifyStreamApp(): FastifyInstance {
  const chunk = makeChunk();
  return createFastifyApp(async (routes) => {
    routes.get(STREAM_PATH, async (_request, reply) =>
      reply.type(STREAM_CONTENT_TYPE).send(Readable.from(chunksOf(chunk), { objectMode: false })),
    );
  });
}
