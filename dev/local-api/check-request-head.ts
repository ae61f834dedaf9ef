import type { IncomingMessage } from 'node:http';
import type { Limits } from '../gateways/limits';

type HeadLimits = Pick<Limits, 'requestUrlChars' | 'requestHeaderBytes'>;

/** Each header line as sent: `name: value\r\n`. Node keeps header bytes as latin1, one character each. */
function measureHeaders(rawHeaders: readonly string[]): number {
  let bytes = 0;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) bytes += (rawHeaders[i] as string).length + (rawHeaders[i + 1] as string).length + 4;
  return bytes;
}

/** API Gateway's refusal of a request whose URL or headers are past its quotas, before any routing. */
export function checkRequestHead(request: IncomingMessage, limits: HeadLimits): 'uri-too-long' | 'headers-too-large' | undefined {
  if ((request.url ?? '/').length > limits.requestUrlChars) return 'uri-too-long';
  if (measureHeaders(request.rawHeaders) > limits.requestHeaderBytes) return 'headers-too-large';
  return undefined;
}

/**
 * How much of a request head Node's parser accepts: anything API Gateway's quotas admit, so that
 * `checkRequestHead` decides; past it Node's `clientError` answers (see answer-client-error.ts).
 */
export function maxRequestHeadBytes(limits: HeadLimits): number {
  return limits.requestUrlChars + limits.requestHeaderBytes + 1024;
}
