import { createStreamHandler } from '../../../shared';
import { createFastifyStreamApp } from '../apps';

export const handler = createStreamHandler(createFastifyStreamApp());
