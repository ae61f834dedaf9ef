import serverless from 'serverless-http';
import { createBenchApp } from '../../apps/fastify';

// serverless-http serves Fastify through `app.inject` (its README lists Fastify; its types do not).
// Without `binary` it sends image/png as UTF-8 text.
export const handler = serverless(createBenchApp() as unknown as serverless.Application, { binary: ['image/*'] });
