import { createStreamHandler } from '../../../shared';
import { createKoaStreamApp } from '../apps';

export const handler = createStreamHandler(createKoaStreamApp());
