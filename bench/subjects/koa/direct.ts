import { createBenchApp } from '../../apps/koa';
import { createDirectHandler } from '../../floors/direct-handler';

export const handler = createDirectHandler(createBenchApp().callback());
