import { formatUnixDate } from '../../functions/format-unix-date';
import { makePng } from '../apps/payloads';

interface BareEvent {
  httpMethod?: string;
  path?: string;
  rawPath?: string;
  requestContext?: { http?: { method?: string } };
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/**
 * The floor under every adapter: a Lambda handler with no framework and no Node request,
 * answering the bench's three routes straight from the event. Nothing can be cheaper and
 * still correct, so it shows what the Lambda runtime contract itself costs.
 */
export function createBareHandler(from: string) {
  const png = makePng();
  return async (event: BareEvent) => {
    const method = event.httpMethod ?? event.requestContext?.http?.method;
    const path = event.path ?? event.rawPath;
    if (method === 'GET' && path === '/ping') {
      const body = JSON.stringify({ from, message: formatUnixDate(new Date()) });
      return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body, isBase64Encoded: false };
    }
    if (method === 'POST' && path === '/echo') {
      // The body goes back as it came, base64 or not: API Gateway decodes it either way.
      const contentType = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? 'application/octet-stream';
      return {
        statusCode: 200,
        headers: { 'content-type': contentType },
        body: event.body ?? '',
        isBase64Encoded: event.isBase64Encoded === true,
      };
    }
    if (method === 'GET' && path === '/image') {
      // Encoded per invocation, as an app that produces the bytes per request would have to.
      return { statusCode: 200, headers: { 'content-type': 'image/png' }, body: png.toString('base64'), isBase64Encoded: true };
    }
    return { statusCode: 404, headers: { 'content-type': 'application/json' }, body: '{"message":"Not Found"}', isBase64Encoded: false };
  };
}
