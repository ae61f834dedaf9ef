import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBenchApp } from '../../apps/fastify';
import { createDirectHandler } from '../../floors/direct-handler';

const app = createBenchApp();
const routing = (req: IncomingMessage, res: ServerResponse): void => app.routing(req, res);
export const handler = createDirectHandler(Promise.resolve(app.ready()).then(() => routing));
