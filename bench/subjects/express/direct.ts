import { createBenchApp } from '../../apps/express';
import { createDirectHandler } from '../../floors/direct-handler';

export const handler = createDirectHandler(createBenchApp());
