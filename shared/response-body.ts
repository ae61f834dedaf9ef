import { isUtf8 } from 'node:buffer';
import { essenceOf } from './media-type';
import type { ProxySettings } from './options';

// text/*, JSON, XML and JavaScript, with their +json / +xml suffixes.
const TEXT_MEDIA_TYPE = /^(?:text\/.+|application\/(?:json|xml|javascript|ecmascript|x-javascript)|[^/]+\/[^;]+\+(?:json|xml))$/;

/**
 * Decides how the body travels in the result. Text only when the content type is a text type,
 * there is no content-encoding and the bytes are valid UTF-8; anything else is base64, so a
 * binary body is never corrupted. `binaryMediaTypes` and `textMediaTypes` settle it first.
 */
export function encodeBody(
  body: string | Buffer,
  headers: ReadonlyMap<string, readonly string[]>,
  settings: ProxySettings,
): { body: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: '', isBase64Encoded: false };
  const mediaType = essenceOf(headers.get('content-type')?.[0]);
  if (settings.isForcedBinary(mediaType)) return asBase64(body);
  if (settings.isForcedText(mediaType)) return asText(typeof body === 'string' ? body.toWellFormed() : body);
  const encoding = headers.get('content-encoding')?.[0]?.trim().toLowerCase();
  const isText = (!encoding || encoding === 'identity') && TEXT_MEDIA_TYPE.test(mediaType) && isValidUtf8(body);
  return isText ? asText(body) : asBase64(body);
}

// A string body is the UTF-8 form of that string; one with a lone surrogate was sent as U+FFFD bytes.
const isValidUtf8 = (body: string | Buffer): boolean => (typeof body === 'string' ? body.isWellFormed() : isUtf8(body));

const asText = (body: string | Buffer): { body: string; isBase64Encoded: boolean } => ({
  body: typeof body === 'string' ? body : body.toString('utf8'),
  isBase64Encoded: false,
});

const asBase64 = (body: string | Buffer): { body: string; isBase64Encoded: boolean } => ({
  body: (typeof body === 'string' ? Buffer.from(body, 'utf8') : body).toString('base64'),
  isBase64Encoded: true,
});
