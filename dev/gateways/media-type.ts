/** `Image/PNG; charset=x` → `image/png`: the media type a Content-Type or Accept value names. */
function essenceOf(value: string | undefined): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

// API Gateway's BinaryMediaTypes take exact types and wildcards: `image/*`, `*/*`.
function namesMediaType(pattern: string, essence: string): boolean {
  const type = pattern.trim().toLowerCase();
  if (type === '*/*') return true;
  return type.endsWith('/*') ? essence.startsWith(type.slice(0, -1)) : type === essence;
}

/**
 * Whether a request's or response's media type is one of an API's BinaryMediaTypes, as API
 * Gateway decides it; a missing Content-Type is binary only under `*\/*`.
 */
export function isBinaryMediaType(mediaType: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  const essence = essenceOf(mediaType);
  if (essence === '') return binaryMediaTypes.some((type) => type.trim() === '*/*');
  return binaryMediaTypes.some((pattern) => namesMediaType(pattern, essence));
}

/** API Gateway honours only the first media type of an Accept header. */
export function firstAcceptedType(accept: string | undefined): string | undefined {
  const first = accept?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}

/**
 * Whether an HTTP API or a Function URL passes a body of this type as text: they have no
 * BinaryMediaTypes and base64-encode the rest, form posts (`x-www-form-urlencoded`) included.
 * A body without a Content-Type passes as text.
 */
export function isTextMediaType(contentType: string | undefined): boolean {
  const essence = essenceOf(contentType);
  if (essence === '' || essence.startsWith('text/')) return true;
  return /^application\/(json|xml|javascript|(.+\+)?(json|xml))$/.test(essence);
}
