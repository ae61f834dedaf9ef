import { createHandler } from '../../../shared';
import { createBenchApp } from '../../apps/fastify';

export const handler = createHandler(createBenchApp());
