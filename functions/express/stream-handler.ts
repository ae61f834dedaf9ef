import { createStreamHandler } from '../../shared';
import { createApp } from './app';

export const handler = createStreamHandler(createApp(), { basePath: '/express' });
