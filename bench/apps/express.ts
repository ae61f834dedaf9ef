import { Router } from 'express';
import { createApp } from '../../functions/express/app';
import { makePng } from './payloads';

/** The real Express app (`/ping`, `/echo`) plus `GET /image`, a 100 KB PNG. */
export function createBenchApp(): ReturnType<typeof createApp> {
  const png = makePng();
  const routes = Router();
  routes.get('/image', (_req, res) => {
    res.type('image/png').send(png);
  });
  return createApp(routes);
}
