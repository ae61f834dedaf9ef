import { once } from 'node:events';
import type { StreamifyHandler } from 'aws-lambda';
import { chunksOf, makeChunk, STREAM_CONTENT_TYPE } from './payload';

/**
 * The floor: a bare `awslambda.streamifyResponse` handler that writes the same bytes with no
 * framework, no Node request and no adapter, honouring back-pressure. Nothing that streams
 * these bytes through the runtime's stream can be cheaper. Needs the `awslambda` global.
 */
export function createStreamFloor(): StreamifyHandler {
  const chunk = makeChunk();
  return awslambda.streamifyResponse(async (_event, responseStream) => {
    const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 200, headers: { 'content-type': STREAM_CONTENT_TYPE } });
    for (const piece of chunksOf(chunk)) {
      if (!stream.write(piece)) await once(stream, 'drain');
    }
    const finished = once(stream, 'finish');
    stream.end();
    await finished;
  });
}
