import { STATUS_CODES } from 'node:http';
import { logLine } from '../log';
import { joinHeaderValues, type ResultParts } from './event-format';

/**
 * Headers for a result that has only a single-value map (ALB in single-value mode, VPC Lattice):
 * repeated values joined, and room for one Set-Cookie, the first, kept intact rather than a
 * broken join; a warning says how many were dropped.
 */
export function singleValueHeaders(parts: ResultParts, source: string, requestId: string | undefined): Record<string, string> {
  const headers = joinHeaderValues(parts.headers);
  const [firstCookie] = parts.cookies;
  if (firstCookie !== undefined) headers['set-cookie'] = firstCookie;
  if (parts.cookies.length > 1) {
    logLine('WARN', `${source}: only the first Set-Cookie was sent`, requestId, { droppedCookies: parts.cookies.length - 1 });
  }
  return headers;
}

/** `200 OK`: the status line's text that ALB and VPC Lattice results carry beside the code. */
export function statusDescriptionOf(statusCode: number): string {
  return `${statusCode} ${STATUS_CODES[statusCode] ?? ''}`.trimEnd();
}
