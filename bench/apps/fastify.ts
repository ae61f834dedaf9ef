import type { FastifyInstance } from 'fastify';
import { createApp } from '../../functions/fastify/app';
import { makePng } from './payloads';

/** The real Fastify app (`/ping`, `/echo`) plus `GET /image`, a 100 KB PNG. */
export function createBenchApp(): FastifyInstance {
  const png = makePng();
  return createApp(async (routes) => {
    routes.get('/image', async (_request, reply) => reply.type('image/png').send(png));
  });
}
