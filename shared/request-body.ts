import { BadEventError } from './bad-event';

const EMPTY = Buffer.alloc(0);
// Node's decoder skips characters it does not know, so garbage would silently become bytes.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The request body's bytes: `null`, `''` and absent are empty; base64 must be valid, padded base64. */
export function decodeBody(body: string | undefined, isBase64Encoded: boolean): Buffer {
  if (!body) return EMPTY;
  if (!isBase64Encoded) return Buffer.from(body, 'utf8');
  if (body.length % 4 !== 0 || !BASE64.test(body)) throw new BadEventError('body is not valid base64');
  return Buffer.from(body, 'base64');
}
