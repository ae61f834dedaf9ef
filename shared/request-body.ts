import { BadEventError } from './event-fields';

const EMPTY = Buffer.alloc(0);

function paddingOf(body: string): number {
  if (body.endsWith('==')) return 2;
  return body.endsWith('=') ? 1 : 0;
}

/**
 * Decodes padded standard base64 strictly. Node's decoder skips characters it does not know,
 * so garbage would silently become bytes; but every skipped or misplaced character makes the
 * output shorter than the length says, which checks the whole body in O(1) after one pass.
 * Node also accepts the URL-safe alphabet (`-`, `_`), which API Gateway never sends.
 */
function decodeBase64(body: string): Buffer {
  if (body.length % 4 !== 0) throw new BadEventError('body is not valid base64');
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length !== (body.length / 4) * 3 - paddingOf(body) || body.includes('-') || body.includes('_')) {
    throw new BadEventError('body is not valid base64');
  }
  return bytes;
}

/** The request body's bytes: `null`, `''` and absent are empty; base64 must be valid, padded base64. */
export function decodeBody(body: string | undefined, isBase64Encoded: boolean): Buffer {
  if (!body) return EMPTY;
  return isBase64Encoded ? decodeBase64(body) : Buffer.from(body, 'utf8');
}
