import { createHandler } from '../../../shared';
import { createBenchApp } from '../../apps/express';

export const handler = createHandler(createBenchApp());
