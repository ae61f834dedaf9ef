import { pipeline } from 'node:stream/promises';
import awsLambdaFastify from '@fastify/aws-lambda';
import { createFastifyStreamApp } from '../apps';

// Its README's streaming setup: `payloadAsStream`, and the wrapping left to the user.
const proxy = awsLambdaFastify(createFastifyStreamApp(), { payloadAsStream: true });

export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  const { meta, stream } = await proxy(event, context);
  // Its meta (statusCode, headers, cookies) is the prelude as it stands.
  await pipeline(stream, awslambda.HttpResponseStream.from(responseStream, { ...meta }));
});
