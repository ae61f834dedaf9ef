import awsLambdaFastify from '@fastify/aws-lambda';
import { createBenchApp } from '../../apps/fastify';

// Its README's binary setup; without binaryMimeTypes the PNG goes out as UTF-8 text.
export const handler = awsLambdaFastify(createBenchApp(), { binaryMimeTypes: ['image/png'] });
