import { createHandler } from '../../../shared';
import { createBenchApp } from '../../apps/koa';

export const handler = createHandler(createBenchApp());
