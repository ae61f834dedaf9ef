import Router from '@koa/router';
import type Koa from 'koa';
import { createApp } from '../../functions/koa/app';
import { makePng } from './payloads';

/** The real Koa app (`/ping`, `/echo`) plus `GET /image`, a 100 KB PNG. */
export function createBenchApp(): Koa {
  const png = makePng();
  const routes = new Router();
  routes.get('/image', (ctx) => {
    ctx.type = 'image/png';
    ctx.body = png;
  });
  return createApp(routes);
}
