import { createHandler } from '../../shared';
import { createApp } from './app';

export const handler = createHandler(createApp(), { basePath: '/fastify' });
