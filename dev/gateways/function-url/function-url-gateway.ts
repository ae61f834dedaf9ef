import { createHash } from 'node:crypto';
import { payloadV2Event } from '../../sample-events/payload-v2-event';
import { isTextMediaType } from '../media-type';
import type { TemplateFunction } from '../../sam-model/read-template';
import { readV2Result } from '../read-v2-result';
import { splitTarget } from '../received-request';
import { withHeaders, type Gateway, type InvokeMode } from '../gateway';
import { functionUrlAnswer } from './function-url-answers';
import { requestSpecOf } from '../request-spec';

const REGION = 'xx-local-1';

/** The `<url-id>` of a function's URL: 32 lower-case characters, stable for its logical id. */
export function functionUrlId(logicalId: string): string {
  return createHash('sha256').update(logicalId).digest('hex').slice(0, 32);
}

/** `<url-id>.lambda-url.xx-local-1.on.aws`: the streaming helper tells Function URL events by `.lambda-url.`. */
export function functionUrlDomain(logicalId: string): string {
  return `${functionUrlId(logicalId)}.lambda-url.${REGION}.on.aws`;
}

/**
 * A function's URL (`FunctionUrlConfig`, AuthType NONE), served on a port of its own so that
 * the event's rawPath is the path the client asked for, as on `https://<url-id>.lambda-url...`:
 * every path and method reaches the function, with the client's escapes kept in rawPath.
 */
export function createFunctionUrlGateway(fn: Pick<TemplateFunction, 'logicalId' | 'functionUrl'>): Gateway {
  const urlId = functionUrlId(fn.logicalId);
  const endpoint = { host: functionUrlDomain(fn.logicalId), apiId: urlId, routeKey: '$default', namedStages: false };
  const invokeMode: InvokeMode = fn.functionUrl?.invokeMode === 'RESPONSE_STREAM' ? 'RESPONSE_STREAM' : 'BUFFERED';
  const gateway: Gateway = {
    kind: 'Function URL',
    route: (_method, rawPath) => ({
      gateway,
      functionId: fn.logicalId,
      invokeMode,
      // A prelude only where the stream's content type announces one; the headers pass as written.
      streamReading: { preludeAlways: false, remapHeaders: (headers) => headers },
      timeoutMs: undefined,
      createEvent(request) {
        const spec = requestSpecOf(request, {
          path: rawPath,
          stage: '$default',
          isBinary: (type) => !isTextMediaType(type),
          cookiesApart: true,
        });
        return payloadV2Event(spec, endpoint, {
          rawPath,
          pathParameters: null,
          rawQueryString: splitTarget(request.url).query,
          clientDefaults: false,
        });
      },
      readResult: (payload) => readV2Result(payload),
    }),
    owns: () => true,
    refuse: (failure) => functionUrlAnswer(failure),
    finish: (answer, requestId) => withHeaders(answer, [['x-amzn-RequestId', requestId]]),
  };
  return gateway;
}
