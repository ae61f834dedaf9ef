import { createStreamHandler } from '../../../shared';
import { createExpressStreamApp } from '../apps';

export const handler = createStreamHandler(createExpressStreamApp());
